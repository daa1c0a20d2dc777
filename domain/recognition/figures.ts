/**
 * The figures a chi đoàn reports in its self-assessment, with how a shortfall reads in
 * Vietnamese. {actual} and {target} are filled in by the rule that failed.
 */
export interface FigureDefinition {
  label: string;
  type: 'count' | 'percent' | 'yesNo';
  /** How the reason reads when this figure falls short. */
  shortfall: string;
}

export const FIGURES = {
  membersViolatingLaw: { label: 'Số đoàn viên vi phạm pháp luật', type: 'count', shortfall: 'có {actual} đoàn viên vi phạm pháp luật' },
  economicModels: { label: 'Số mô hình hỗ trợ đoàn viên phát triển kinh tế', type: 'count', shortfall: 'chưa có mô hình hỗ trợ đoàn viên phát triển kinh tế' },
  jobReferrals: { label: 'Số đoàn viên, thanh niên được giới thiệu việc làm ổn định', type: 'count', shortfall: 'mới giới thiệu việc làm ổn định cho {actual}/{target} đoàn viên, thanh niên' },
  volunteerTeamSize: { label: 'Số thành viên đội hình thanh niên tình nguyện', type: 'count', shortfall: 'đội hình thanh niên tình nguyện mới có {actual}/{target} thành viên' },
  youthProjectsCompleted: { label: 'Số công trình, phần việc thanh niên đã hoàn thành', type: 'count', shortfall: 'mới hoàn thành {actual}/{target} công trình, phần việc thanh niên' },
  newMembersAdmitted: { label: 'Số đoàn viên mới kết nạp đúng quy trình', type: 'count', shortfall: 'mới kết nạp {actual}/{target} đoàn viên' },
  partyIntroductions: { label: 'Số đoàn viên ưu tú giới thiệu cho Đảng (có Nghị quyết của Đoàn cấp trên)', type: 'count', shortfall: 'mới giới thiệu {actual}/{target} đoàn viên ưu tú cho Đảng' },
  meetingsHeld: { label: 'Số lần sinh hoạt chi đoàn trong năm', type: 'count', shortfall: 'mới sinh hoạt {actual}/{target} lần' },
  minutesComplete: { label: 'Có biên bản họp đầy đủ', type: 'yesNo', shortfall: 'chưa có đủ biên bản họp' },
  recordsKept: { label: 'Đoàn vụ, đoàn tịch thực hiện đúng quy định', type: 'yesNo', shortfall: 'đoàn vụ, đoàn tịch chưa đảm bảo theo quy định' },
  duesCollectedPercent: { label: 'Tỷ lệ thu đoàn phí (%)', type: 'percent', shortfall: 'thu đoàn phí mới đạt {actual}%/{target}%' },
  congressHeld: { label: 'Đã tổ chức Đại hội Chi đoàn theo Điều lệ', type: 'yesNo', shortfall: 'chưa tổ chức Đại hội Chi đoàn' },
  culturalSportsActivities: { label: 'Số hoạt động văn hóa văn nghệ, thể dục thể thao', type: 'count', shortfall: 'mới tổ chức {actual}/{target} hoạt động văn hóa văn nghệ, thể dục thể thao' },
  secretaryStableEconomy: { label: 'Bí thư có hoàn cảnh kinh tế gia đình ổn định', type: 'yesNo', shortfall: 'Bí thư chưa có hoàn cảnh kinh tế gia đình ổn định' },
  secretaryTrained: { label: 'Bí thư đã được tập huấn nghiệp vụ Bí thư Chi đoàn', type: 'yesNo', shortfall: 'Bí thư chưa được tập huấn nghiệp vụ' },
  secretaryKnowsPolicies: { label: 'Bí thư nắm bắt chính sách hỗ trợ thanh niên', type: 'yesNo', shortfall: 'Bí thư chưa nắm bắt chính sách hỗ trợ thanh niên' },
} as const satisfies Record<string, FigureDefinition>;

export type FigureId = keyof typeof FIGURES;
export const FIGURE_IDS = Object.keys(FIGURES) as [FigureId, ...FigureId[]];
export type Figures = Partial<Record<FigureId, number | boolean>>;
