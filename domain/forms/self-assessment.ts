import * as z from 'zod';
import type { Figures } from '../recognition/figures.ts';
import { FIGURES } from '../recognition/figures.ts';

/**
 * Model A, step 4: a chi đoàn's self-assessment against the seven criteria, one group per
 * criterion, each field one of the figures the criteria rules read (domain/recognition).
 */
const required = (label: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `Vui lòng nhập: ${label.toLocaleLowerCase('vi')}.` : `${label} phải là số nguyên không âm.`;

function count(figure: keyof typeof FIGURES) {
  const { label } = FIGURES[figure];
  return z
    .int({ error: required(label) })
    .min(0, { error: `${label} không thể âm.` })
    .max(10_000, { error: `${label} quá lớn.` })
    .meta({ title: label });
}

function yesNo(figure: keyof typeof FIGURES) {
  return z.boolean({ error: 'Vui lòng chọn Có hoặc Không.' }).default(false).meta({ title: FIGURES[figure].label });
}

export const ECONOMIC_SUPPORT_WAYS = ['model', 'jobs'] as const;

export const selfAssessmentSchema = z
  .object({
    criterion1: z.object({ membersViolatingLaw: count('membersViolatingLaw') }).meta({ title: 'Tiêu chí 1: Chấp hành pháp luật' }),
    criterion2: z
      .object({
        way: z
          .enum(ECONOMIC_SUPPORT_WAYS, { error: 'Vui lòng chọn cách chi đoàn đạt tiêu chí 2.' })
          .meta({ title: 'Chi đoàn đạt tiêu chí này bằng' }),
        economicModels: count('economicModels').optional(),
        jobReferrals: count('jobReferrals').optional(),
      })
      .meta({ title: 'Tiêu chí 2: Hỗ trợ phát triển kinh tế, việc làm' }),
    criterion3: z
      .object({ volunteerTeamSize: count('volunteerTeamSize'), youthProjectsCompleted: count('youthProjectsCompleted') })
      .meta({ title: 'Tiêu chí 3: Thanh niên tình nguyện' }),
    criterion4: z
      .object({ newMembersAdmitted: count('newMembersAdmitted'), partyIntroductions: count('partyIntroductions') })
      .meta({ title: 'Tiêu chí 4: Phát triển đoàn viên, giới thiệu đoàn viên ưu tú' }),
    criterion5: z
      .object({
        meetingsHeld: count('meetingsHeld'),
        minutesComplete: yesNo('minutesComplete'),
        recordsKept: yesNo('recordsKept'),
        duesCollectedPercent: z
          .number({ error: 'Vui lòng nhập tỷ lệ thu đoàn phí (%).' })
          .min(0, { error: 'Tỷ lệ thu đoàn phí từ 0 đến 100%.' })
          .max(100, { error: 'Tỷ lệ thu đoàn phí từ 0 đến 100%.' })
          .meta({ title: FIGURES.duesCollectedPercent.label }),
        congressHeld: yesNo('congressHeld'),
      })
      .meta({ title: 'Tiêu chí 5: Sinh hoạt, đoàn vụ, đoàn phí, Đại hội' }),
    criterion6: z.object({ culturalSportsActivities: count('culturalSportsActivities') }).meta({ title: 'Tiêu chí 6: Văn hóa văn nghệ, thể dục thể thao' }),
    criterion7: z
      .object({
        secretaryStableEconomy: yesNo('secretaryStableEconomy'),
        secretaryTrained: yesNo('secretaryTrained'),
        secretaryKnowsPolicies: yesNo('secretaryKnowsPolicies'),
      })
      .meta({ title: 'Tiêu chí 7: Bí thư Chi đoàn' }),
    notes: z.string().trim().max(2000, { error: 'Ghi chú dài tối đa 2000 ký tự.' }).optional().meta({ title: 'Ghi chú (nếu có)' }),
  })
  .superRefine((form, context) => {
    // Criterion 2 offers two ways; only the chosen one's figure is asked for.
    const { way, economicModels, jobReferrals } = form.criterion2;
    if (way === 'model' && economicModels === undefined) {
      context.addIssue({ code: 'custom', path: ['criterion2', 'economicModels'], message: 'Vui lòng nhập số mô hình hỗ trợ phát triển kinh tế.' });
    }
    if (way === 'jobs' && jobReferrals === undefined) {
      context.addIssue({ code: 'custom', path: ['criterion2', 'jobReferrals'], message: 'Vui lòng nhập số đoàn viên, thanh niên được giới thiệu việc làm.' });
    }
  });

export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

/** The flat figures the criteria rules read; the way not chosen counts as nothing. */
export function figuresOfSelfAssessment(form: Partial<SelfAssessment>): Figures {
  const { way, economicModels, jobReferrals } = form.criterion2 ?? {};
  return {
    ...form.criterion1,
    economicModels: way === 'model' ? economicModels : undefined,
    jobReferrals: way === 'jobs' ? jobReferrals : undefined,
    ...form.criterion3,
    ...form.criterion4,
    ...form.criterion5,
    ...form.criterion6,
    ...form.criterion7,
  };
}

/** The alternative not chosen is hidden, so a phone screen shows only what is asked. */
export function selfAssessmentUi(form: Partial<SelfAssessment> | undefined): Record<string, unknown> {
  const way = form?.criterion2?.way;
  const hidden = { 'ui:widget': 'hidden' };
  const numeric = { 'ui:inputMode': 'numeric' };
  return {
    criterion2: {
      way: { 'ui:widget': 'radio', 'ui:enumNames': ['Mô hình hỗ trợ phát triển kinh tế', 'Giới thiệu việc làm ổn định'] },
      economicModels: way === 'model' ? numeric : hidden,
      jobReferrals: way === 'jobs' ? numeric : hidden,
    },
    notes: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
  };
}

export const selfAssessmentSample: SelfAssessment = {
  criterion1: { membersViolatingLaw: 0 },
  criterion2: { way: 'jobs', jobReferrals: 6 },
  criterion3: { volunteerTeamSize: 12, youthProjectsCompleted: 2 },
  criterion4: { newMembersAdmitted: 6, partyIntroductions: 1 },
  criterion5: { meetingsHeld: 10, minutesComplete: true, recordsKept: true, duesCollectedPercent: 100, congressHeld: true },
  criterion6: { culturalSportsActivities: 3 },
  criterion7: { secretaryStableEconomy: true, secretaryTrained: true, secretaryKnowsPolicies: true },
};
