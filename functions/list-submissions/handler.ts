import { requireCanSee } from '../../domain/access.ts';
import { unitIdSchema } from '../../domain/organisation.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { listUnitSubmissions } from '../shared/store/submissions.ts';
import { getUnit } from '../shared/store/units.ts';
import { getStanding } from '../shared/store/process.ts';
import { submissionView } from '../shared/views/submission-views.ts';

/** GET /api/submissions[?unitId=…]: one unit's submissions, newest first; the user's own by default. */
export async function listSubmissions(event: HttpEvent) {
  const identity = await identityOf(event);
  const requested = event.queryStringParameters?.unitId;
  const unitId = requested ? parseOrThrow(unitIdSchema, requested, 'unitId') : identity.unitId;
  if (unitId !== identity.unitId) requireCanSee(identity, await getUnit(unitId));
  const submissions = await listUnitSubmissions(unitId);
  // The unit's standing in each cycle it sent to (a few): each dossier's status as the process has it.
  const cycleIds = [...new Set(submissions.map((submission) => submission.cycleId))];
  const standings = new Map(await Promise.all(cycleIds.map(async (cycleId) => [cycleId, await getStanding(cycleId, unitId)] as const)));
  return json(200, { items: submissions.map((submission) => submissionView(submission, standings.get(submission.cycleId))) });
}

export const handler = httpHandler(listSubmissions);
