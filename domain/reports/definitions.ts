import type { UnitKind } from '../organisation.ts';

/**
 * The reports a unit sends upward (seed 002), as the forms and the duties know them: the results
 * of building Chi đoàn đạt chuẩn, before 01/10; the youth situation, by 10/10; and a city's
 * registration list to its province, by 15/02. What a sent report keeps is in reports.ts.
 */
export const REPORT_IDS = ['results-report', 'youth-situation-report', 'registration-summary', 'three-proactive-status'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export interface ReportDefinition {
  title: string;
  /** How its downloaded files begin ("bao-cao-ket-qua-<unit>-v1.docx"). */
  fileName: string;
  /** Which units send it; every unit above the chi đoàn when not said. */
  senders?: readonly UnitKind[];
  /** The title line of the document, after "BÁO CÁO". */
  subject: string;
  sections: { id: string; title: string; hint: string }[];
}

export const REPORTS: Record<ReportId, ReportDefinition> = {
  'results-report': {
    fileName: 'bao-cao-ket-qua',
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
    fileName: 'tong-hop-dang-ky',
    title: 'Tổng hợp đăng ký xây dựng Chi đoàn đạt chuẩn',
    senders: ['district'],
    subject: 'Tổng hợp đăng ký xây dựng Chi đoàn trên địa bàn dân cư đạt chuẩn',
    sections: [
      { id: 'registration', title: 'Tình hình đăng ký', hint: 'Các xã, phường đã đăng ký; chi đoàn chưa đăng ký và vì sao.' },
      { id: 'proposals', title: 'Đề xuất, kiến nghị', hint: 'Đề xuất với Ban Thường vụ Tỉnh Đoàn.' },
    ],
  },
  // "3 chủ động", step 2 (seed 002): the Ban Chấp hành Đoàn cơ sở reports how registration and the start went, before 10/10.
  'three-proactive-status': {
    fileName: 'bao-cao-3-chu-dong',
    title: 'Báo cáo tình hình đăng ký, triển khai "3 chủ động"',
    senders: ['commune', 'grassroots'],
    subject: 'Tình hình đăng ký, triển khai xây dựng Đoàn cơ sở "3 chủ động"',
    sections: [
      { id: 'registration', title: 'Tình hình đăng ký, triển khai', hint: 'Kế hoạch đã ban hành, nội dung đăng ký ở ba lĩnh vực, việc đã triển khai.' },
      { id: 'guidance', title: 'Phân công theo dõi, hướng dẫn', hint: 'Ai trong Ban Chấp hành theo dõi, hướng dẫn; các chi đoàn đã được triển khai.' },
      { id: 'proposals', title: 'Đề xuất, kiến nghị', hint: 'Đề xuất với Ban Thường vụ cấp trên.' },
    ],
  },
  'youth-situation-report': {
    fileName: 'bao-cao-tinh-hinh-thanh-nien',
    title: 'Báo cáo thực trạng tình hình thanh niên',
    subject: 'Thực trạng tình hình thanh niên trên địa bàn',
    sections: [
      { id: 'members', title: 'Tình hình đoàn viên, thanh niên', hint: 'Số lượng, biến động (đi làm ăn xa, trở về), đoàn viên sinh hoạt hai chiều.' },
      { id: 'thoughts', title: 'Tư tưởng, tâm tư, nguyện vọng', hint: 'Điều thanh niên quan tâm, cả trên mạng xã hội; vấn đề cần lưu ý.' },
      { id: 'proposals', title: 'Kiến nghị, đề xuất', hint: 'Đề xuất với Ban Thường vụ cấp trên.' },
    ],
  },
};

/** Who signs for the Ban Thường vụ, on a report or a decision. */
export const SIGNER_TITLES = ['Bí thư', 'Phó Bí thư'] as const;

/** Whether a unit of this kind sends this report. */
export function sendsReport(reportId: string, kind: UnitKind): boolean {
  const definition = (REPORTS as Record<string, ReportDefinition | undefined>)[reportId];
  if (!definition || kind === 'branch') return false;
  return !definition.senders || definition.senders.includes(kind);
}
