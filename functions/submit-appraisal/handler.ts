import { requireRole } from '../../domain/access.ts';
import { APPRAISAL_FORM_ID, appraisalRequestSchema, checkFindings, outcomeOf } from '../../domain/appraisal/appraisal-form.ts';
import { evidenceIdsIn, evidenceIssues } from '../../domain/evidence.ts';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { storeAppraisal } from '../shared/store/appraisals.ts';
import { requireOwnAssignment } from '../shared/access/assignment-access.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { getEvidenceBatch } from '../shared/store/evidence.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { idempotentId } from '../shared/store/ids.ts';
import { startStored, type WorkflowStart } from '../shared/dispatch/outbox.ts';

/**
 * POST /api/appraisals: the assigned appraiser's findings on one chi đoàn. Checked (the cycle's
 * criteria, each once; the photos uploaded, checked and the appraiser's own), stored, then the
 * result workflow records it on the chi đoàn and widens the sample on a failure. 202.
 */
export async function submitAppraisal(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'appraiser');
  const request = parseOrThrow(appraisalRequestSchema, jsonBody(event));
  const assignment = await requireOwnAssignment(identity, request.cycleId, request.unitId);
  const appraisalId = idempotentId(identity.userId, `appraisal:${request.idempotencyKey}`);
  if (assignment.status === 'appraised' && assignment.appraisalId !== appraisalId) throw new ConflictError('Chi đoàn này đã được thẩm định; kết quả đã ghi nhận không sửa được.');
  const cycle = await getCycle(request.cycleId);
  const evidence = await getEvidenceBatch(evidenceIdsIn(request.data).map((entry) => entry.evidenceId));
  const issues = [
    ...checkFindings(request.data, cycle.criteria),
    ...evidenceIssues(request.data, evidence, { unitId: identity.unitId, cycleId: request.cycleId, formId: APPRAISAL_FORM_ID }),
  ];
  if (issues.length > 0) throw new ValidationError('Kết quả thẩm định chưa hợp lệ.', issues);

  const start: WorkflowStart = { workflow: 'appraisal-result', name: appraisalId, input: { appraisalId } };
  const now = new Date();
  const appraisal = await storeAppraisal({
    appraisalId,
    cycleId: request.cycleId,
    unitId: request.unitId,
    appraiser: { userId: identity.userId, name: identity.name },
    data: request.data,
    outcome: outcomeOf(request.data),
    submittedAt: now.toISOString(),
    status: 'pending',
  }, start, now);
  // Also on a retry: if the first attempt died after storing, this is what starts the workflow.
  await startStored(start);
  return json(202, { appraisalId, outcome: appraisal.outcome, status: appraisal.status });
}

export const handler = httpHandler(submitAppraisal);
