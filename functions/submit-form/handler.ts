import { requireRole } from '../../domain/access.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Identity } from '../../domain/identity.ts';
import { FORMS, type FormDefinition } from '../../domain/forms/index.ts';
import { cycleScopesOf } from '../shared/cycle-access.ts';
import { listChildren } from '../shared/units.ts';
import { getCycle } from '../shared/cycles.ts';
import { parseSubmissionRequest } from '../../domain/submission.ts';
import { identityOf } from '../shared/auth.ts';
import { config } from '../shared/config.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/http.ts';
import { storeSubmission } from '../shared/submissions.ts';
import { startWorkflowOnce } from '../shared/workflows.ts';
import { submissionView } from '../shared/views.ts';

/** The cycle must exist and apply to the submitter's unit. */
async function requireOpenCycle(identity: Identity, cycleId: string): Promise<void> {
  try {
    const cycle = await getCycle(cycleId);
    if ((await cycleScopesOf(identity)).includes(cycle.scopeUnitId)) return;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  throw new ValidationError('Đợt công nhận không tồn tại hoặc không áp dụng cho đơn vị của bạn.', [
    { field: 'cycleId', message: 'Đợt công nhận không hợp lệ.' },
  ]);
}

/** POST /api/submissions: stored first, then the workflow starts; a retry repeats neither. */
export async function submitForm(event: HttpEvent) {
  const identity = identityOf(event);
  requireRole(identity, 'secretary');
  const request = parseSubmissionRequest(jsonBody(event));
  await requireOpenCycle(identity, request.cycleId);
  const form: FormDefinition = FORMS[request.formId];
  if (form.checkAgainstChildren) {
    const issues = form.checkAgainstChildren(request.data as never, await listChildren(identity.unitId));
    if (issues.length > 0) throw new ValidationError('Dữ liệu chưa hợp lệ.', issues);
  }
  const { submission, created } = await storeSubmission(request, identity, new Date());
  // Also on a retry: if the first attempt died after storing, this is what starts the workflow.
  await startWorkflowOnce(config.submissionWorkflowArn, submission.submissionId, {
    submissionId: submission.submissionId,
  });
  return json(created ? 201 : 200, submissionView(submission));
}

export const handler = httpHandler(submitForm);
