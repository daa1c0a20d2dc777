import { requireRole } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { listAssignments } from '../shared/store/appraisals.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';

/** GET /api/assignments?cycle=: the signed-in appraiser's own chi đoàn in a cycle, by commune (one index query). */
export async function listMyAssignments(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'appraiser');
  const cycleId = event.queryStringParameters?.cycle;
  if (!cycleId) throw new NotFoundError('Thiếu đợt công nhận.');
  const [cycle, assignments] = await Promise.all([getCycle(cycleId), listAssignments(cycleId, identity.userId)]);
  return json(200, { cycle: { cycleId, title: cycle.title }, assignments });
}

export const handler = httpHandler(listMyAssignments);
