import { requireSameUnit } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { identityOf } from '../shared/auth.ts';
import { httpHandler, json, type HttpEvent } from '../shared/http.ts';
import { getSubmission } from '../shared/submissions.ts';
import { submissionView } from '../shared/views.ts';

/** GET /api/submissions/{submissionId} */
export async function getSubmissionById(event: HttpEvent) {
  const identity = identityOf(event);
  const submissionId = event.pathParameters?.submissionId;
  if (!submissionId) throw new NotFoundError('Không tìm thấy hồ sơ.');
  const submission = await getSubmission(submissionId);
  requireSameUnit(identity, submission.unitId);
  return json(200, submissionView(submission));
}

export const handler = httpHandler(getSubmissionById);
