import * as z from 'zod';
import type { DashboardRow } from '../dashboard/rows.ts';
import { REPORT_IDS, REPORTS, SIGNER_TITLES, type ReportId } from './definitions.ts';

export { REPORT_IDS, REPORTS, SIGNER_TITLES, sendsReport, type ReportDefinition, type ReportId } from './definitions.ts';

/**
 * A report as a unit sends it (definitions.ts says which there are): prefilled with the unit's
 * dashboard figures, which are kept as they stood when it was sent; people write the narrative.
 */

export const reportRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  cycleId: z.string({ error: 'Thiếu đợt công nhận.' }).regex(/^[a-z0-9-]{3,64}$/, { error: 'Mã đợt công nhận không hợp lệ.' }),
  reportId: z.enum(REPORT_IDS, { error: 'Loại báo cáo không hợp lệ.' }),
  /** The office's own number, e.g. "12-BC/ĐTN"; empty until the office numbers it. */
  number: z.string().trim().max(40, { error: 'Số báo cáo dài tối đa 40 ký tự.' }).default(''),
  place: z.string({ error: 'Thiếu địa danh.' }).trim().min(2, { error: 'Thiếu địa danh (ví dụ: Sa Đéc).' }).max(60, { error: 'Địa danh dài tối đa 60 ký tự.' }),
  signer: z.object({
    name: z.string({ error: 'Thiếu người ký.' }).trim().min(2, { error: 'Thiếu họ tên người ký.' }).max(80, { error: 'Họ tên dài tối đa 80 ký tự.' }),
    title: z.enum(SIGNER_TITLES, { error: 'Người ký là Bí thư hoặc Phó Bí thư.' }),
  }),
  narrative: z.record(z.string(), z.string().trim().max(5000, { error: 'Mỗi phần dài tối đa 5.000 ký tự.' })),
});
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** The sections a report must have written, named as the form shows them. */
export function narrativeIssues(request: ReportRequest): { field: string; message: string }[] {
  const sections = REPORTS[request.reportId].sections;
  const unknown = Object.keys(request.narrative).filter((id) => !sections.some((section) => section.id === id));
  return [
    ...unknown.map((id) => ({ field: `narrative.${id}`, message: 'Phần này không có trong báo cáo.' })),
    ...sections.filter((section) => !request.narrative[section.id]).map((section) => ({ field: `narrative.${section.id}`, message: `Chưa viết phần "${section.title}".` })),
  ];
}

export interface SentReport {
  cycleId: string;
  cycleTitle: string;
  reportId: ReportId;
  unitId: string;
  unitName: string;
  /** The upper level it goes to, for "Kính gửi". */
  upperName?: string;
  number: string;
  place: string;
  signer: { name: string; title: (typeof SIGNER_TITLES)[number] };
  narrative: Record<string, string>;
  /** The dashboard as it stood when the report was sent. */
  figures: { templateId: string; targets: { registrationShare?: number; recognitionShare?: number }; total: DashboardRow; rows: DashboardRow[] };
  version: number;
  idempotencyKey: string;
  sentAt: string;
  sentBy: { userId: string; name: string };
}

