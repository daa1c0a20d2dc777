/**
 * The figures a chi đoàn reports in its self-assessment, with how a shortfall reads in
 * Vietnamese. {actual} and {target} are filled in by the rule that failed.
 */
export interface FigureDefinition {
  label: string;
  type: 'count' | 'percent' | 'yesNo';
  /** How the reason reads when this figure falls short: what there is, then what is needed. */
  shortfall: string;
  /** How it reads when there is none at all ("chưa kết nạp đoàn viên nào"), if not as above. */
  none?: string;
}

export const FIGURES = {
  membersViolatingLaw: { label: 'Số đoàn viên vi phạm pháp luật', type: 'count', shortfall: 'có {actual} đoàn viên vi phạm pháp luật' },
  economicModels: {
    label: 'Số mô hình hỗ trợ đoàn viên phát triển kinh tế',
    type: 'count',
    shortfall: 'mới có {actual} mô hình hỗ trợ đoàn viên phát triển kinh tế (cần ít nhất {target})',
    none: 'chưa có mô hình hỗ trợ đoàn viên phát triển kinh tế (cần ít nhất {target})',
  },
  jobReferrals: {
    label: 'Số đoàn viên, thanh niên được giới thiệu việc làm ổn định',
    type: 'count',
    shortfall: 'mới giới thiệu việc làm ổn định cho {actual} đoàn viên, thanh niên (cần ít nhất {target})',
    none: 'chưa giới thiệu việc làm ổn định cho đoàn viên, thanh niên nào (cần ít nhất {target})',
  },
  volunteerTeamSize: {
    label: 'Số thành viên đội hình thanh niên tình nguyện',
    type: 'count',
    shortfall: 'đội hình thanh niên tình nguyện mới có {actual} thành viên (cần ít nhất {target})',
    none: 'chưa có đội hình thanh niên tình nguyện (cần ít nhất {target} thành viên)',
  },
  youthProjectsCompleted: {
    label: 'Số công trình, phần việc thanh niên đã hoàn thành',
    type: 'count',
    shortfall: 'mới hoàn thành {actual} công trình, phần việc thanh niên (cần ít nhất {target})',
    none: 'chưa hoàn thành công trình, phần việc thanh niên nào (cần ít nhất {target})',
  },
  newMembersAdmitted: { label: 'Số đoàn viên mới kết nạp đúng quy trình', type: 'count', shortfall: 'mới kết nạp {actual} đoàn viên (cần ít nhất {target})', none: 'chưa kết nạp đoàn viên nào (cần ít nhất {target})' },
  partyIntroductions: {
    label: 'Số đoàn viên ưu tú giới thiệu cho Đảng (có Nghị quyết của Đoàn cấp trên)',
    type: 'count',
    shortfall: 'mới giới thiệu {actual} đoàn viên ưu tú cho Đảng (cần ít nhất {target})',
    none: 'chưa giới thiệu đoàn viên ưu tú nào cho Đảng (cần ít nhất {target})',
  },
  meetingsHeld: { label: 'Số lần sinh hoạt Chi đoàn trong năm', type: 'count', shortfall: 'mới sinh hoạt {actual} lần (cần ít nhất {target})', none: 'chưa sinh hoạt lần nào (cần ít nhất {target})' },
  minutesComplete: { label: 'Có biên bản họp đầy đủ', type: 'yesNo', shortfall: 'chưa có đủ biên bản họp' },
  recordsKept: { label: 'Đoàn vụ, đoàn tịch thực hiện đúng quy định', type: 'yesNo', shortfall: 'đoàn vụ, đoàn tịch chưa đảm bảo theo quy định' },
  duesCollectedPercent: { label: 'Tỷ lệ thu đoàn phí (%)', type: 'percent', shortfall: 'mới thu {actual}% đoàn phí (cần {target}%)' },
  congressHeld: { label: 'Đã tổ chức Đại hội Chi đoàn theo Điều lệ', type: 'yesNo', shortfall: 'chưa tổ chức Đại hội Chi đoàn' },
  culturalSportsActivities: {
    label: 'Số hoạt động văn hóa văn nghệ, thể dục thể thao',
    type: 'count',
    shortfall: 'mới tổ chức {actual} hoạt động văn hóa văn nghệ, thể dục thể thao (cần ít nhất {target})',
    none: 'chưa tổ chức hoạt động văn hóa văn nghệ, thể dục thể thao nào (cần ít nhất {target})',
  },
  secretaryStableEconomy: { label: 'Bí thư có hoàn cảnh kinh tế gia đình ổn định', type: 'yesNo', shortfall: 'Bí thư chưa có hoàn cảnh kinh tế gia đình ổn định' },
  secretaryTrained: { label: 'Bí thư đã được tập huấn nghiệp vụ Bí thư Chi đoàn', type: 'yesNo', shortfall: 'Bí thư chưa được tập huấn nghiệp vụ' },
  secretaryKnowsPolicies: { label: 'Bí thư nắm bắt cơ bản chính sách của Đảng, Nhà nước hỗ trợ thanh niên', type: 'yesNo', shortfall: 'Bí thư chưa nắm bắt chính sách của Đảng, Nhà nước hỗ trợ thanh niên' },
} as const satisfies Record<string, FigureDefinition>;

export type FigureId = keyof typeof FIGURES;
export const FIGURE_IDS = Object.keys(FIGURES) as [FigureId, ...FigureId[]];
export type Figures = Partial<Record<FigureId, number | boolean>>;
