import { identityOf } from '../shared/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/http.ts';
import { listUnitSubmissions } from '../shared/submissions.ts';
import { submissionView } from '../shared/views.ts';

/** GET /api/submissions: the signed-in user's own unit, newest first. */
export async function listSubmissions(event: HttpEvent) {
  const identity = identityOf(event);
  const submissions = await listUnitSubmissions(identity.unitId);
  return json(200, { items: submissions.map(submissionView) });
}

export const handler = httpHandler(listSubmissions);
