import * as z from 'zod';
import type { FieldIssue } from '../errors.ts';
import { evidenceListSchema } from '../forms/evidence-field.ts';
import { calendarDate, optionalText } from '../forms/fields.ts';
import type { Criterion } from '../recognition/criteria.ts';

/**
 * What an appraiser records after visiting a sampled chi đoàn: for each criterion whether the
 * dossier's claim was verified, with notes (required when it was not), photos of the minutes and
 * the visit date. One form for every criterion list: the cycle's criteria set its length.
 */
export const APPRAISAL_FORM_ID = 'appraisal';
export const APPRAISAL_EVIDENCE_FIELDS = ['minutes'] as const;

export const FINDINGS = ['verified', 'not-verified'] as const;
export const FINDING_LABELS: Record<(typeof FINDINGS)[number], string> = { verified: 'Đúng như hồ sơ', 'not-verified': 'Không đúng như hồ sơ' };

const findingSchema = z
  .object({
    criterionId: z.string().min(1).max(60).meta({ title: 'Tiêu chí' }),
    finding: z.enum(FINDINGS, { error: 'Vui lòng chọn kết quả thẩm định tiêu chí này.' }).meta({ title: 'Kết quả thẩm định' }),
    notes: optionalText('Ghi chú', 1000),
  })
  .superRefine((value, context) => {
    if (value.finding === 'not-verified' && !value.notes?.trim()) {
      context.addIssue({ code: 'custom', path: ['notes'], message: 'Vui lòng ghi rõ điểm không đúng như hồ sơ.' });
    }
  });

export const appraisalDataSchema = z.object({
  visitDate: calendarDate('Ngày thẩm định'),
  findings: z.array(findingSchema).min(1).max(20).meta({ title: 'Kết quả theo từng tiêu chí' }),
  minutes: evidenceListSchema.meta({ title: 'Ảnh biên bản, hình ảnh thực tế (JPG, PNG, PDF)' }),
  conclusion: optionalText('Nhận xét chung', 2000),
});
export type AppraisalData = z.infer<typeof appraisalDataSchema>;

export const appraisalRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  cycleId: z.string({ error: 'Thiếu đợt công nhận.' }).min(1).max(120),
  unitId: z.string({ error: 'Thiếu chi đoàn được thẩm định.' }).min(1).max(63),
  data: appraisalDataSchema,
});
export type AppraisalRequest = z.infer<typeof appraisalRequestSchema>;

export type AppraisalOutcome = 'verified' | 'failed';

/** A chi đoàn passes appraisal when every criterion was found as its dossier said. */
export function outcomeOf(data: Pick<AppraisalData, 'findings'>): AppraisalOutcome {
  return data.findings.every((finding) => finding.finding === 'verified') ? 'verified' : 'failed';
}

/** The findings must cover the cycle's criteria, each once, in order. */
export function checkFindings(data: Pick<AppraisalData, 'findings'>, criteria: Pick<Criterion, 'id' | 'number'>[]): FieldIssue[] {
  const given = data.findings.map((finding) => finding.criterionId).join(',');
  const expected = criteria.map((criterion) => criterion.id).join(',');
  return given === expected ? [] : [{ field: 'data.findings', message: `Cần kết quả cho đúng ${criteria.length} tiêu chí của đợt công nhận, theo thứ tự.` }];
}

/** A blank form for the cycle's criteria, the visit dated today. */
export function blankAppraisal(criteria: Pick<Criterion, 'id'>[], today: string): Partial<AppraisalData> {
  return { visitDate: today, findings: criteria.map((criterion) => ({ criterionId: criterion.id }) as AppraisalData['findings'][number]), minutes: [] };
}

/** Each finding answered with two large radio buttons (a phone in a meeting hall), notes below. */
export function appraisalUi(criteria: Pick<Criterion, 'number'>[]): Record<string, unknown> {
  const item = {
    criterionId: { 'ui:widget': 'hidden' },
    finding: { 'ui:widget': 'radio', 'ui:enumNames': FINDINGS.map((finding) => FINDING_LABELS[finding]) },
    notes: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
  };
  return {
    visitDate: { 'ui:widget': 'date' },
    findings: {
      'ui:options': { addable: false, removable: false, orderable: false },
      // A fixed list (one entry per criterion, titled with its wording by the page's schema).
      items: criteria.map(() => item),
    },
    minutes: { 'ui:field': 'evidence' },
    conclusion: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
  };
}
