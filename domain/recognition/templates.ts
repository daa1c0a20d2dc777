import { MODEL_A_CRITERIA, type Criterion } from './criteria.ts';

/** A calendar date relative to the cycle's year: 10/10 of the previous year is {10, 10, -1}. */
export interface RelativeDate {
  day: number;
  month: number;
  yearOffset: number;
}

export interface StepTemplate {
  id: string;
  number: number;
  title: string;
  description: string;
  /** When the cơ sở must have acted (end of that day, Vietnam time). */
  deadline?: RelativeDate;
  /** When the upper level must pass it on (e.g. the city registering with the province). */
  upperDeadline?: RelativeDate;
}

export interface AreaTemplate {
  id: string;
  number: number;
  title: string;
  items: string[];
}

export interface ProcessTemplate {
  id: 'chi-doan-dat-chuan' | 'doan-co-so-3-chu-dong';
  title: string;
  /** Which units take part: residential chi đoàn (Model A) or đoàn cơ sở (Model B). */
  participants: 'residential-branches' | 'grassroots';
  steps: StepTemplate[];
  /** Other dated duties of the plan (reports), reminded like steps. */
  reports: StepTemplate[];
  criteria: Criterion[];
  areas: AreaTemplate[];
  targets: { registrationShare?: number; recognitionShare?: number; pilotShare?: number };
}

/** Seed 002 (plan 53-KH/ĐTN), II.B and III.2: five steps, 20/7, 10/02, 15/02, 75% → 90%. */
const CHI_DOAN_DAT_CHUAN: ProcessTemplate = {
  id: 'chi-doan-dat-chuan',
  title: 'Chi đoàn trên địa bàn dân cư đạt chuẩn',
  participants: 'residential-branches',
  steps: [
    {
      id: 'deploy',
      number: 1,
      title: 'Triển khai thực hiện',
      description: 'Đoàn cấp xã cụ thể hóa kế hoạch triển khai đến các chi đoàn.',
      deadline: { day: 20, month: 7, yearOffset: -1 },
    },
    {
      id: 'register',
      number: 2,
      title: 'Đăng ký xây dựng Chi đoàn đạt chuẩn',
      description: 'Đoàn cấp xã rà soát, đăng ký các chi đoàn phấn đấu đạt chuẩn (ít nhất 90%) và báo cáo về cấp trên; cấp trên tổng hợp đăng ký về Tỉnh.',
      deadline: { day: 10, month: 2, yearOffset: 0 },
      upperDeadline: { day: 15, month: 2, yearOffset: 0 },
    },
    {
      id: 'implement',
      number: 3,
      title: 'Thực hiện các giải pháp',
      description: 'Cấp trên và Đoàn cấp xã hỗ trợ, dự sinh hoạt chi đoàn, tháo gỡ khó khăn; chi đoàn báo cáo tiến độ.',
    },
    {
      id: 'dossier',
      number: 4,
      title: 'Hồ sơ đề nghị công nhận',
      description: 'Chi đoàn tự đánh giá theo 7 tiêu chí; Đoàn cấp xã xác nhận và báo cáo; Tổ thẩm định thẩm định ngẫu nhiên; cấp trên xét công nhận.',
    },
    {
      id: 'maintain',
      number: 5,
      title: 'Duy trì chuẩn',
      description: 'Các chi đoàn đã được công nhận giữ vững các tiêu chí; Đoàn cấp xã xác nhận duy trì chuẩn hằng năm hoặc đề nghị thu hồi.',
      // The year after recognition, by mid-December: the commune confirms each one still meets the standard.
      deadline: { day: 15, month: 12, yearOffset: 1 },
    },
  ],
  reports: [
    {
      id: 'results-report',
      number: 1,
      title: 'Báo cáo kết quả thực hiện',
      description: 'Báo cáo kết quả xây dựng Chi đoàn đạt chuẩn về cấp trên.',
      deadline: { day: 1, month: 10, yearOffset: 0 },
    },
    {
      id: 'youth-situation-report',
      number: 2,
      title: 'Báo cáo thực trạng tình hình thanh niên',
      description: 'Báo cáo thực trạng tình hình thanh niên trên địa bàn về Ban Thường vụ cấp trên (qua bộ phận Xây dựng Đoàn).',
      deadline: { day: 10, month: 10, yearOffset: 0 },
    },
    {
      id: 'registration-summary',
      number: 3,
      title: 'Tổng hợp đăng ký gửi Tỉnh Đoàn',
      description: 'Thành Đoàn, Huyện Đoàn tổng hợp đăng ký của các xã, phường, gửi Ban Thường vụ Tỉnh Đoàn.',
      deadline: { day: 15, month: 2, yearOffset: 0 },
    },
  ],
  criteria: MODEL_A_CRITERIA,
  areas: [],
  // IV.2: each commune picks at least 70% of its residential chi đoàn as pilots.
  targets: { registrationShare: 0.9, recognitionShare: 0.75, pilotShare: 0.7 },
};

/** Seed 002 II.A and III.1; guideline 08-HD/TWĐTN-BTC, continued by 18-HD/TWĐTN-BTC for 2023–2027. */
const DOAN_CO_SO_3_CHU_DONG: ProcessTemplate = {
  id: 'doan-co-so-3-chu-dong',
  title: 'Đoàn cơ sở "3 chủ động"',
  participants: 'grassroots',
  steps: [
    {
      id: 'plan-register',
      number: 1,
      title: 'Xây dựng kế hoạch và đăng ký',
      description: 'Đoàn cơ sở xây dựng kế hoạch và báo cáo, đăng ký với Ban Thường vụ cấp trên.',
      deadline: { day: 10, month: 10, yearOffset: -1 },
    },
    {
      id: 'assign-cadre',
      number: 2,
      title: 'Phân công cán bộ theo dõi',
      description: 'Cấp trên phân công cán bộ theo dõi, hướng dẫn, chỉ đạo thực hiện sau khi nhận kế hoạch và đăng ký.',
      // Its own date, after the plans (10/10) have come in: the upper level assigns within the month.
      deadline: { day: 31, month: 10, yearOffset: -1 },
    },
    {
      id: 'self-evaluate',
      number: 3,
      title: 'Tự đánh giá và đề nghị công nhận',
      description: 'Hằng năm Ban Chấp hành Đoàn cơ sở kiểm tra, đánh giá và đề nghị Ban Thường vụ cấp trên công nhận.',
    },
  ],
  reports: [
    {
      id: 'three-proactive-status',
      number: 1,
      title: 'Báo cáo tình hình đăng ký, triển khai "3 chủ động"',
      description: 'Ban Chấp hành Đoàn cơ sở báo cáo tình hình đăng ký, triển khai thực hiện về Ban Thường vụ cấp trên (bước 2).',
      deadline: { day: 10, month: 10, yearOffset: -1 },
    },
  ],
  criteria: [],
  // The seed's own words, sub-items whole (II.A.2): what each area asks, as the plan states it.
  areas: [
    {
      id: 'members',
      number: 1,
      title: 'Chủ động thực hiện quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa phương, đơn vị',
      items: [
        'Chủ động nắm chắc tình hình tư tưởng, nhu cầu tâm tư, nguyện vọng của từng đoàn viên, thanh thiếu niên kể cả trên mạng xã hội (Zalo, Facebook, YouTube…)',
        'Chủ động trong công tác quản lý đoàn viên: có danh sách đoàn viên và cập nhật thường xuyên; có theo dõi, nhận xét đánh giá định kỳ hằng năm vào hồ sơ đoàn viên; thực hiện đầy đủ, đúng quy trình phát triển đoàn viên mới, Chương trình rèn luyện đoàn viên; quy trình chuyển sinh hoạt đoàn, trưởng thành đoàn, kỷ luật đoàn viên',
        'Chủ động rà soát, thống kê, lập danh sách những đoàn viên, thanh thiếu niên có hoàn cảnh khó khăn trên địa bàn, trong đơn vị, đặc biệt thanh niên dân tộc, thanh niên tôn giáo, thanh niên yếu thế để giúp đỡ',
        'Chủ động phổ biến tới đoàn viên và tuyên truyền trong thanh niên những vấn đề mới trong đường lối của Đảng, chính sách pháp luật của Nhà nước về chính trị, kinh tế, văn hóa, xã hội, quốc phòng, an ninh, đối ngoại',
        'Chủ động chăm lo và bảo vệ quyền lợi và lợi ích hợp pháp, chính đáng của cán bộ Đoàn, đoàn viên, thanh thiếu nhi của địa phương, đơn vị',
      ],
    },
    {
      id: 'work-plan',
      number: 2,
      title: 'Chủ động xây dựng và thực hiện kế hoạch công tác',
      items: [
        'Chủ động xây dựng chương trình hành động, kế hoạch công tác của đơn vị nhằm cụ thể hóa Nghị quyết của cấp ủy Đảng, lãnh đạo địa phương, đơn vị và của Đoàn cấp trên',
        'Chủ động triển khai thực hiện chương trình công tác hằng năm của đơn vị; tổ chức các hoạt động, tạo môi trường giáo dục, rèn luyện đoàn viên, thanh thiếu nhi góp phần thực hiện các nhiệm vụ chính trị, kinh tế, văn hóa, xã hội, quốc phòng, an ninh của địa phương, đơn vị; triển khai thực hiện công trình (phần việc) thanh niên',
        'Chủ động chỉ đạo các Chi đoàn tổ chức sinh hoạt định kỳ',
        'Chủ động xây dựng và phát triển tổ chức, đặc biệt trong việc thực hiện chủ trương "1+1" (1 đoàn viên vận động, tập hợp ít nhất 01 thanh niên vào tổ chức Đoàn, Hội)',
        'Chủ động trong kiểm tra, đánh giá, tự phê bình và phê bình; trong phát triển, nhân rộng các mô hình, gương điển hình tiên tiến',
      ],
    },
    {
      id: 'advising',
      number: 3,
      title: 'Chủ động tham mưu cấp ủy, phối hợp với các tổ chức liên quan',
      items: [
        'Chủ động tham mưu cấp ủy Đảng về cơ chế, nội dung công tác Đoàn và phong trào thanh thiếu nhi; trong chỉ đạo các hoạt động phối hợp giữa các ban, ngành, đoàn thể để thực hiện tốt công tác thanh niên',
        'Chủ động tham mưu cấp ủy Đảng thực hiện tốt công tác quy hoạch, đào tạo, bồi dưỡng, bố trí, sử dụng đội ngũ cán bộ Đoàn tại cơ sở',
        'Chủ động phối hợp với chính quyền, các ban, ngành, đoàn thể, Chi ủy (khóm, ấp) trong thực hiện nhiệm vụ chính trị cấp ủy giao; trong tham mưu cơ chế, chính sách nhằm thực hiện tốt công tác Đoàn và phong trào thanh thiếu nhi tại địa phương, đơn vị',
      ],
    },
  ],
  targets: {},
};

export const PROCESS_TEMPLATES = {
  'chi-doan-dat-chuan': CHI_DOAN_DAT_CHUAN,
  'doan-co-so-3-chu-dong': DOAN_CO_SO_3_CHU_DONG,
} as const satisfies Record<ProcessTemplate['id'], ProcessTemplate>;

export type TemplateId = keyof typeof PROCESS_TEMPLATES;
export const TEMPLATE_IDS = Object.keys(PROCESS_TEMPLATES) as [TemplateId, ...TemplateId[]];
