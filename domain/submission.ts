import * as z from 'zod';
import { FORM_IDS, FORMS, type FormDefinition, type FormId } from './forms/index.ts';
import type { CriterionResult } from './recognition/criteria.ts';
import { parseOrThrow } from './validation.ts';

export const submissionRequestSchema = z.object({
  formId: z.enum(FORM_IDS, { error: 'Biểu mẫu không tồn tại.' }),
  cycleId: z
    .string({ error: 'Thiếu đợt công nhận.' })
    .regex(/^[a-z0-9-]{3,64}$/, { error: 'Mã đợt công nhận không hợp lệ.' }),
  // Generated once per draft by the client, so a double click or a network retry is one submission.
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  /** The submission this one corrects; it is kept, marked as replaced. */
  amends: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/, { error: 'Mã hồ sơ được sửa không hợp lệ.' }).optional(),
  data: z.unknown(),
});
export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

export const SUBMISSION_STATUSES = ['received', 'acknowledged', 'refused', 'withdrawn', 'superseded'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  received: 'Đã nhận, đang xử lý',
  acknowledged: 'Đã tiếp nhận',
  refused: 'Lưu nhưng không được ghi nhận',
  withdrawn: 'Đã rút',
  superseded: 'Đã thay bằng bản sửa',
};

/**
 * What a dossier's status says once the process has moved on: a dossier the commune returned reads
 * "Bị trả lại" with its reason, one that fell short of the criteria says so, wherever it is shown
 * (home, the dossier, the form that fixes it), not "Đã tiếp nhận" in green.
 */
export function dossierStatus(
  submission: Pick<Submission, 'submissionId' | 'status'>,
  standing: { state: string; dossierSubmissionId?: string; reason?: string } | undefined,
): { status: string; label: string; reason?: string } {
  const current = standing?.dossierSubmissionId === submission.submissionId && submission.status === 'acknowledged';
  if (current && standing.state === 'returned') return { status: 'returned', label: 'Bị trả lại', reason: standing.reason };
  if (current && standing.state === 'criteria-failed') return { status: 'criteria-failed', label: 'Chưa đạt tiêu chí, cần bổ sung' };
  return { status: submission.status, label: SUBMISSION_STATUS_LABELS[submission.status] };
}

/** Statuses from which the submitter may still withdraw or amend (before the deadline). */
export const CHANGEABLE_STATUSES: SubmissionStatus[] = ['received', 'acknowledged'];

export interface Submitter {
  userId: string;
  name: string;
  email: string;
}

export interface Submission {
  submissionId: string;
  formId: FormId;
  formVersion: number;
  cycleId: string;
  unitId: string;
  submittedBy: Submitter;
  submittedAt: string;
  status: SubmissionStatus;
  /** 1 for the first submission, +1 for each amendment. */
  version: number;
  /** "SD-2027-000412": read out and filed; kept by every version (domain/submission-reference.ts). */
  reference?: string;
  amends?: string;
  supersededBy?: string;
  acknowledgedAt?: string;
  withdrawnAt?: string;
  /** A self-assessment's criteria check, stored when it is recorded. */
  criteria?: CriterionResult[];
  /** Why it could not move the process, when status is refused. */
  refusal?: string;
  /** The emails its recording sent (receipt, and whoever must act next). */
  noticeIds?: string[];
  data: unknown;
}

/** Validates the envelope and then the form's own data, naming fields as "data.<field>". */
export function parseSubmissionRequest(body: unknown): SubmissionRequest {
  const request = parseOrThrow(submissionRequestSchema, body);
  const form: FormDefinition = FORMS[request.formId];
  const data = parseOrThrow(form.schema, request.data, 'data');
  return { ...request, data };
}
