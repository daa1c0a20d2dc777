import type { Evidence } from '../../../domain/evidence.ts';
import { FORMS } from '../../../domain/forms/index.ts';
import { SUBMISSION_STATUS_LABELS, type Submission } from '../../../domain/submission.ts';

/** What the API returns of a submission: no internal fields, with labels the UI shows as is. */
export function submissionView(submission: Submission) {
  return {
    submissionId: submission.submissionId,
    formId: submission.formId,
    formTitle: FORMS[submission.formId].title,
    formVersion: submission.formVersion,
    cycleId: submission.cycleId,
    unitId: submission.unitId,
    submittedBy: { name: submission.submittedBy.name },
    submittedAt: submission.submittedAt,
    status: submission.status,
    statusLabel: SUBMISSION_STATUS_LABELS[submission.status],
    version: submission.version,
    amends: submission.amends,
    supersededBy: submission.supersededBy,
    acknowledgedAt: submission.acknowledgedAt,
    withdrawnAt: submission.withdrawnAt,
    criteria: submission.criteria,
    refusal: submission.refusal,
    data: submission.data,
  };
}

/** What the API returns of an evidence file: what the uploader and the levels above need to see. */
export function evidenceView(evidence: Evidence) {
  return {
    evidenceId: evidence.evidenceId,
    unitId: evidence.unitId,
    cycleId: evidence.cycleId,
    formId: evidence.formId,
    field: evidence.field,
    fileName: evidence.fileName,
    contentType: evidence.contentType,
    size: evidence.size,
    status: evidence.status,
    rejection: evidence.rejection,
    createdAt: evidence.createdAt,
  };
}
