import type { CriterionResult } from '../recognition/criteria.ts';
import type { TemplateId } from '../recognition/templates.ts';
import type { Commendation } from './commendations.ts';

/**
 * Where a unit stands in a cycle's recognition process. One record per unit and cycle, changed
 * only through the transitions in transitions.ts, each appended to the unit's audit chain.
 */
export const STANDING_STATES = [
  // Model A, a commune union
  'plan-submitted',
  'registration-submitted',
  // Model A, a residential chi đoàn
  'registered',
  'criteria-failed',
  'awaiting-confirmation',
  'returned',
  'confirmed',
  'reported',
  'recognised',
  'not-recognised',
  'revoked',
  // Model B, a đoàn cơ sở
  'planned',
  'cadre-assigned',
  'evaluated',
] as const;
export type StandingState = (typeof STANDING_STATES)[number];

export const STATE_LABELS: Record<StandingState, string> = {
  'plan-submitted': 'Đã gửi kế hoạch triển khai',
  'registration-submitted': 'Đã đăng ký chi đoàn xây dựng đạt chuẩn',
  registered: 'Đã được đăng ký xây dựng đạt chuẩn',
  'criteria-failed': 'Chưa đạt tiêu chí, cần bổ sung',
  'awaiting-confirmation': 'Chờ Đoàn cấp xã xác nhận',
  returned: 'Đoàn cấp xã trả lại hồ sơ',
  confirmed: 'Đoàn cấp xã đã xác nhận',
  reported: 'Đã báo cáo cấp trên, chờ xét công nhận',
  recognised: 'Đã công nhận',
  'not-recognised': 'Không công nhận',
  revoked: 'Đã thu hồi công nhận',
  planned: 'Đã đăng ký, chờ cấp trên phân công cán bộ theo dõi',
  'cadre-assigned': 'Đã có cán bộ theo dõi',
  evaluated: 'Đã tự đánh giá, chờ Ban Thường vụ cấp trên xét',
};

/** Which step of the template each state belongs to: the timeline highlights it. */
export const STATE_STEP: Record<StandingState, string> = {
  'plan-submitted': 'deploy',
  'registration-submitted': 'register',
  registered: 'implement',
  'criteria-failed': 'dossier',
  'awaiting-confirmation': 'dossier',
  returned: 'dossier',
  confirmed: 'dossier',
  reported: 'dossier',
  recognised: 'maintain',
  'not-recognised': 'dossier',
  revoked: 'maintain',
  planned: 'assign-cadre',
  'cadre-assigned': 'self-evaluate',
  evaluated: 'self-evaluate',
};

export interface Decision {
  by: { userId: string; name: string };
  at: string;
  reason?: string;
  commendation?: boolean;
  /** The Ban Thường vụ's numbered decision it carried out, if any ("12-QĐ/TĐTN", yyyy-mm-dd). */
  number?: string;
  decisionId?: string;
  date?: string;
}

export interface Standing {
  cycleId: string;
  unitId: string;
  templateId: TemplateId;
  state: StandingState;
  /** The unit's direct upper level: lets the level above group its queue by commune (the draw). */
  parentId?: string;
  /** +1 on every change: the write that changes it expects the version it read. */
  version: number;
  updatedAt: string;
  /** The last dossier (or evaluation) and its criteria results, shown to the unit at once. */
  dossierSubmissionId?: string;
  criteria?: CriterionResult[];
  /** Why the commune returned the dossier, or why the upper level refused or revoked. */
  reason?: string;
  decision?: Decision;
  commendation?: boolean;
  commendationForm?: Commendation;
  cadre?: string;
  /** The appraisal team's finding, when the chi đoàn was in the sample. */
  appraisal?: { outcome: 'verified' | 'failed'; appraisalId: string; by: string; at: string };
  /** Years the recognition was confirmed again in maintenance. */
  maintainedIn?: number[];
  /** Recent event ids: an event applied once is never applied again. */
  appliedEvents: string[];
}

/** Whose action a state waits for: the unit's direct upper level (1), the level above it (2). */
const WAITS_ON: Partial<Record<StandingState, 1 | 2>> = {
  'awaiting-confirmation': 1,
  confirmed: 1,
  reported: 2,
  planned: 1,
  evaluated: 1,
};

/** The unit whose inbox a standing sits in, or undefined when it waits on nobody above. */
export function actingUnitOf(state: StandingState, ancestors: string[]): string | undefined {
  const levelsUp = WAITS_ON[state];
  return levelsUp ? ancestors.at(-levelsUp) : undefined;
}

/** What comes next, in words the unit's page shows. */
export const NEXT_STEP: Record<StandingState, string> = {
  'plan-submitted': 'Đăng ký các chi đoàn xây dựng đạt chuẩn (bước 2).',
  'registration-submitted': 'Các chi đoàn thực hiện giải pháp và gửi hồ sơ tự đánh giá.',
  registered: 'Chi đoàn thực hiện các tiêu chí, báo cáo tiến độ, rồi gửi hồ sơ tự đánh giá (bước 4).',
  'criteria-failed': 'Chi đoàn bổ sung cho đủ các tiêu chí còn thiếu rồi gửi lại hồ sơ.',
  'awaiting-confirmation': 'Đoàn cấp xã xem hồ sơ, xác nhận hoặc trả lại.',
  returned: 'Chi đoàn sửa theo ý kiến của Đoàn cấp xã rồi gửi lại hồ sơ.',
  confirmed: 'Đoàn cấp xã báo cáo danh sách đã xác nhận lên cấp trên.',
  reported: 'Cấp trên thẩm định và xét công nhận.',
  recognised: 'Duy trì các tiêu chí; hằng năm Đoàn cấp xã xác nhận duy trì chuẩn.',
  'not-recognised': 'Chi đoàn tiếp tục phấn đấu trong đợt sau.',
  revoked: 'Chi đoàn củng cố lại các tiêu chí để được xét lại.',
  planned: 'Cấp trên phân công cán bộ theo dõi, hướng dẫn (bước 2).',
  'cadre-assigned': 'Cuối năm, đơn vị tự đánh giá và đề nghị công nhận (bước 3).',
  evaluated: 'Ban Thường vụ cấp trên xét công nhận.',
};
