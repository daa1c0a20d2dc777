import type { Evidence } from '../../../domain/evidence.ts';
import { FORMS } from '../../../domain/forms/index.ts';
import { dossierStatus, type Submission } from '../../../domain/submission.ts';
import type { Standing } from '../../../domain/process/states.ts';

/**
 * What the API returns of a submission: no internal fields, with labels the UI shows as is; with
 * the unit's standing, its status as the process now has it (returned, short of the criteria).
 */
export function submissionView(submission: Submission, standing?: Pick<Standing, 'state' | 'dossierSubmissionId' | 'reason'>) {
  const shown = dossierStatus(submission, standing);
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
    /** The status as shown: "returned" and "criteria-failed" come from the process. */
    shownStatus: shown.status,
    statusLabel: shown.label,
    returnReason: shown.reason,
    version: submission.version,
    reference: submission.reference,
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
