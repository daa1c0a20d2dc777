import { requireRole } from '../../domain/access.ts';
import { parseSubmissionRequest } from '../../domain/submission.ts';
import { identityOf } from '../shared/auth.ts';
import { config } from '../shared/config.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/http.ts';
import { storeSubmission } from '../shared/submissions.ts';
import { startWorkflowOnce } from '../shared/workflows.ts';
import { submissionView } from '../shared/views.ts';

/** POST /api/submissions: stored first, then the workflow starts; a retry repeats neither. */
export async function submitForm(event: HttpEvent) {
  const identity = identityOf(event);
  requireRole(identity, 'secretary');
  const request = parseSubmissionRequest(jsonBody(event));
  const { submission, created } = await storeSubmission(request, identity, new Date());
  // Also on a retry: if the first attempt died after storing, this is what starts the workflow.
  await startWorkflowOnce(config.submissionWorkflowArn, submission.submissionId, {
    submissionId: submission.submissionId,
  });
  return json(created ? 201 : 200, submissionView(submission));
}

export const handler = httpHandler(submitForm);
