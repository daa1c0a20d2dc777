import * as z from 'zod';
import type { DashboardRow } from '../dashboard/rows.ts';
import type { UnitKind } from '../organisation.ts';

/**
 * The two yearly reports a unit sends upward (seed 002): the results of building Chi đoàn đạt
 * chuẩn, before 01/10, and the youth situation on its territory, by 10/10. Each is prefilled
 * with the unit's dashboard figures, which are kept as they stood when it was sent; people write
 * the narrative parts.
 */
export const REPORT_IDS = ['results-report', 'youth-situation-report', 'registration-summary'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export interface ReportDefinition {
  title: string;
  /** Which units send it; every unit above the chi đoàn when not said. */
  senders?: readonly UnitKind[];
  /** The title line of the document, after "BÁO CÁO". */
  subject: string;
  sections: { id: string; title: string; hint: string }[];
}

export const REPORTS: Record<ReportId, ReportDefinition> = {
  'results-report': {
    title: 'Báo cáo kết quả xây dựng Chi đoàn đạt chuẩn',
    subject: 'Kết quả xây dựng Chi đoàn trên địa bàn dân cư đạt chuẩn',
    sections: [
      { id: 'achievements', title: 'Kết quả nổi bật', hint: 'Những việc đã làm được, cách làm hay, chi đoàn tiêu biểu.' },
      { id: 'shortcomings', title: 'Hạn chế, khó khăn và nguyên nhân', hint: 'Những tiêu chí khó đạt, chi đoàn chưa đạt và vì sao.' },
      { id: 'proposals', title: 'Phương hướng, giải pháp và kiến nghị', hint: 'Việc sẽ làm trong thời gian tới, đề xuất với cấp trên.' },
    ],
  },
  // Step 2 (seed 002): the city collects its communes' registrations and sends the list to the province by 15/02.
  'registration-summary': {
    title: 'Tổng hợp đăng ký xây dựng Chi đoàn đạt chuẩn',
    senders: ['district'],
    subject: 'Tổng hợp đăng ký xây dựng Chi đoàn trên địa bàn dân cư đạt chuẩn',
    sections: [
      { id: 'registration', title: 'Tình hình đăng ký', hint: 'Các xã, phường đã đăng ký; chi đoàn chưa đăng ký và vì sao.' },
      { id: 'proposals', title: 'Đề xuất, kiến nghị', hint: 'Đề xuất với Ban Thường vụ Tỉnh Đoàn.' },
    ],
  },
  'youth-situation-report': {
    title: 'Báo cáo thực trạng tình hình thanh niên',
    subject: 'Thực trạng tình hình thanh niên trên địa bàn',
    sections: [
      { id: 'members', title: 'Tình hình đoàn viên, thanh niên', hint: 'Số lượng, biến động (đi làm ăn xa, trở về), đoàn viên sinh hoạt hai chiều.' },
      { id: 'thoughts', title: 'Tư tưởng, tâm tư, nguyện vọng', hint: 'Điều thanh niên quan tâm, cả trên mạng xã hội; vấn đề cần lưu ý.' },
      { id: 'proposals', title: 'Kiến nghị, đề xuất', hint: 'Đề xuất với Ban Thường vụ cấp trên.' },
    ],
  },
};

export const SIGNER_TITLES = ['Bí thư', 'Phó Bí thư'] as const;

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

/** Whether a unit of this kind sends this report. */
export function sendsReport(reportId: string, kind: UnitKind): boolean {
  const definition = (REPORTS as Record<string, ReportDefinition | undefined>)[reportId];
  if (!definition || kind === 'branch') return false;
  return !definition.senders || definition.senders.includes(kind);
}
