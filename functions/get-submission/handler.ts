import { requireCanSee } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getSubmission } from '../shared/store/submissions.ts';
import { getUnit } from '../shared/store/units.ts';
import { getStanding } from '../shared/store/process.ts';
import { submissionView } from '../shared/views/submission-views.ts';

/** GET /api/submissions/{submissionId}: for the submitting unit and every level above it. */
export async function getSubmissionById(event: HttpEvent) {
  const identity = await identityOf(event);
  const submissionId = event.pathParameters?.submissionId;
  // Ids are short (idempotentId: 22 characters); a longer one cannot exist and must not reach a key.
  if (!submissionId || !/^[A-Za-z0-9_-]{1,64}$/.test(submissionId)) throw new NotFoundError('Không tìm thấy hồ sơ.');
  const submission = await getSubmission(submissionId);
  requireCanSee(identity, await getUnit(submission.unitId));
  return json(200, submissionView(submission, await getStanding(submission.cycleId, submission.unitId)));
}

export const handler = httpHandler(getSubmissionById);
