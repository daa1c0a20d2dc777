import { requireRole } from '../../domain/access.ts';
import { requireChangeable } from '../../domain/changes.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { FORMS } from '../../domain/forms/index.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getSubmission, withdrawSubmission } from '../shared/store/submissions.ts';
import { submissionView } from '../shared/views/submission-views.ts';

/** POST /api/submissions/{submissionId}/withdraw: the submitting unit takes it back before the deadline. */
export async function withdraw(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'secretary');
  const submissionId = event.pathParameters?.submissionId;
  if (!submissionId) throw new NotFoundError('Không tìm thấy hồ sơ.');
  const submission = await getSubmission(submissionId);
  if (submission.unitId !== identity.unitId) throw new ForbiddenError('Chỉ đơn vị gửi hồ sơ mới được rút hồ sơ đó.');
  if (submission.status === 'withdrawn') return json(200, submissionView(submission));
  requireChangeable(submission, FORMS[submission.formId], await getCycle(submission.cycleId), new Date());
  return json(200, submissionView(await withdrawSubmission(submissionId, new Date())));
}

export const handler = httpHandler(withdraw);
