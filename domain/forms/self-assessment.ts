import * as z from 'zod';
import type { Figures } from '../recognition/figures.ts';
import { FIGURES } from '../recognition/figures.ts';
import { evidenceListSchema } from './evidence-field.ts';
import { countOf, MODEL_A_CRITERION_TITLES } from './fields.ts';

/**
 * Model A, step 4: a chi đoàn's self-assessment against the seven criteria, one group per
 * criterion, each field one of the figures the criteria rules read (domain/recognition).
 */
const TITLES = MODEL_A_CRITERION_TITLES;

const count = (figure: keyof typeof FIGURES) => countOf(FIGURES[figure].label);

function yesNo(figure: keyof typeof FIGURES) {
  return z.boolean({ error: 'Vui lòng chọn Có hoặc Không.' }).default(false).meta({ title: FIGURES[figure].label });
}

/** A criterion's group: its figures, then the files that prove them. */
function criterion<Shape extends z.ZodRawShape>(title: string, shape: Shape) {
  return z.object({ ...shape, evidence: evidenceListSchema }).meta({ title });
}

export const ECONOMIC_SUPPORT_WAYS = ['model', 'jobs'] as const;

const COOPERATIVES = 'Trong đó, số mô hình là tổ hợp tác';
const UPPER_LEVEL_MEETINGS = 'Buổi sinh hoạt có cán bộ cấp trên về dự (đã được ghi nhận)';
const COOPERATIVES_UNDER_DECREE = 'Trong số tổ hợp tác, số hoạt động theo Nghị định 151/CP (hoặc các nghị định sửa đổi, bổ sung)';

export const selfAssessmentSchema = z
  .object({
    criterion1: criterion(TITLES.criterion1, { membersViolatingLaw: count('membersViolatingLaw') }),
    criterion2: criterion(TITLES.criterion2, {
      way: z
        .enum(ECONOMIC_SUPPORT_WAYS, { error: 'Vui lòng chọn cách chi đoàn đạt tiêu chí 2.' })
        .meta({ title: 'Chi đoàn đạt tiêu chí này bằng' }),
      economicModels: count('economicModels').optional(),
      // Seed 002: a model that is a tổ hợp tác counts only if it operates under Nghị định 151/CP
      // (or the decrees amending it). Both are left empty by a unit with no tổ hợp tác.
      cooperatives: countOf(COOPERATIVES).optional(),
      cooperativesUnderDecree: countOf(COOPERATIVES_UNDER_DECREE).optional(),
      jobReferrals: count('jobReferrals').optional(),
    }),
    criterion3: criterion(TITLES.criterion3, {
      volunteerTeamSize: count('volunteerTeamSize'),
      youthProjectsCompleted: count('youthProjectsCompleted'),
    }),
    criterion4: criterion(TITLES.criterion4, {
      newMembersAdmitted: count('newMembersAdmitted'),
      partyIntroductions: count('partyIntroductions'),
    }),
    criterion5: criterion(TITLES.criterion5, {
      meetingsHeld: count('meetingsHeld'),
      minutesComplete: yesNo('minutesComplete'),
      recordsKept: yesNo('recordsKept'),
      duesCollectedPercent: z
        .number({ error: 'Vui lòng nhập tỷ lệ thu đoàn phí (%).' })
        .min(0, { error: 'Tỷ lệ thu đoàn phí từ 0 đến 100%.' })
        .max(100, { error: 'Tỷ lệ thu đoàn phí từ 0 đến 100%.' })
        .meta({ title: FIGURES.duesCollectedPercent.label }),
      congressHeld: yesNo('congressHeld'),
      // Seed 002 III.2 step 3, seed 004: the upper level attends chi đoàn meetings. The chi đoàn
      // cites the meetings a cadre logged (its "1+2" visits); each date is checked on submit.
      upperLevelMeetings: z
        .array(z.iso.date({ error: 'Ngày sinh hoạt không hợp lệ.' }), { error: 'Danh sách buổi sinh hoạt có cấp trên dự không hợp lệ.' })
        .max(24, { error: 'Tối đa 24 buổi sinh hoạt.' })
        .optional()
        .meta({ title: UPPER_LEVEL_MEETINGS }),
    }),
    criterion6: criterion(TITLES.criterion6, {
      culturalSportsActivities: count('culturalSportsActivities'),
    }),
    criterion7: criterion(TITLES.criterion7, {
      secretaryStableEconomy: yesNo('secretaryStableEconomy'),
      secretaryTrained: yesNo('secretaryTrained'),
      secretaryKnowsPolicies: yesNo('secretaryKnowsPolicies'),
    }),
    notes: z.string().trim().max(2000, { error: 'Ghi chú dài tối đa 2000 ký tự.' }).optional().meta({ title: 'Ghi chú (nếu có)' }),
  })
  .superRefine((form, context) => {
    // Criterion 2 offers two ways; only the chosen one's figure is asked for.
    const { way, economicModels, jobReferrals, cooperatives, cooperativesUnderDecree } = form.criterion2;
    if (way === 'model' && economicModels === undefined) {
      context.addIssue({ code: 'custom', path: ['criterion2', 'economicModels'], message: 'Vui lòng nhập số mô hình hỗ trợ phát triển kinh tế.' });
    }
    if (way === 'model' && economicModels !== undefined && (cooperatives ?? 0) > economicModels) {
      context.addIssue({ code: 'custom', path: ['criterion2', 'cooperatives'], message: 'Số tổ hợp tác không thể nhiều hơn số mô hình.' });
    }
    if (way === 'model' && (cooperativesUnderDecree ?? 0) > (cooperatives ?? 0)) {
      context.addIssue({ code: 'custom', path: ['criterion2', 'cooperativesUnderDecree'], message: 'Số tổ hợp tác hoạt động theo Nghị định 151/CP không thể nhiều hơn số tổ hợp tác.' });
    }
    if (way === 'jobs' && jobReferrals === undefined) {
      context.addIssue({ code: 'custom', path: ['criterion2', 'jobReferrals'], message: 'Vui lòng nhập số đoàn viên, thanh niên được giới thiệu việc làm.' });
    }
  });

export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

export const SELF_ASSESSMENT_EVIDENCE_FIELDS = [1, 2, 3, 4, 5, 6, 7].map((n) => `criterion${n}`);

/** A group's figures without its evidence list. */
function figuresIn(group: { evidence?: unknown } | undefined): Figures {
  const { evidence: _evidence, ...figures } = group ?? {};
  return figures;
}

/** The models criterion 2 counts: each one, less the tổ hợp tác not operating under NĐ 151/CP. */
export function countedEconomicModels(group: Partial<SelfAssessment['criterion2']>): number | undefined {
  const { economicModels, cooperatives = 0, cooperativesUnderDecree = 0 } = group;
  if (economicModels === undefined) return undefined;
  return Math.max(0, economicModels - Math.max(0, cooperatives - cooperativesUnderDecree));
}

/** The flat figures the criteria rules read; the way not chosen counts as nothing. */
export function figuresOfSelfAssessment(form: Partial<SelfAssessment>): Figures {
  const { way, jobReferrals } = form.criterion2 ?? {};
  return {
    ...figuresIn(form.criterion1),
    economicModels: way === 'model' ? countedEconomicModels(form.criterion2 ?? {}) : undefined,
    jobReferrals: way === 'jobs' ? jobReferrals : undefined,
    ...figuresIn(form.criterion3),
    ...figuresIn(form.criterion4),
    ...figuresIn(form.criterion5),
    ...figuresIn(form.criterion6),
    ...figuresIn(form.criterion7),
  };
}

/** The alternative not chosen is hidden, so a phone screen shows only what is asked. */
export function selfAssessmentUi(form: Partial<SelfAssessment> | undefined): Record<string, unknown> {
  const way = form?.criterion2?.way;
  const hidden = { 'ui:widget': 'hidden' };
  const numeric = { 'ui:inputMode': 'numeric' };
  // Evidence lists are drawn by the web app's upload field, one under each criterion.
  const evidence = { evidence: { 'ui:field': 'evidence' } };
  return {
    ...Object.fromEntries(SELF_ASSESSMENT_EVIDENCE_FIELDS.map((field) => [field, evidence])),
    criterion2: {
      ...evidence,
      way: { 'ui:widget': 'radio', 'ui:enumNames': ['Mô hình hỗ trợ phát triển kinh tế', 'Giới thiệu việc làm ổn định'] },
      economicModels: way === 'model' ? numeric : hidden,
      cooperatives: way === 'model' ? { ...numeric, 'ui:help': 'Để trống nếu không có tổ hợp tác.' } : hidden,
      cooperativesUnderDecree: way === 'model' ? { ...numeric, 'ui:help': 'Tổ hợp tác chỉ được tính khi hoạt động theo Nghị định 151/CP.' } : hidden,
      jobReferrals: way === 'jobs' ? numeric : hidden,
    },
    // The web app lists the meetings cadres logged at this chi đoàn to tick.
    criterion5: { ...evidence, upperLevelMeetings: { 'ui:field': 'upperLevelMeetings' } },
    notes: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
  };
}

/** Each meeting cited under criterion 5 is one a cadre of the upper level logged at this chi đoàn. */
export function checkUpperLevelMeetings(data: SelfAssessment, loggedMeetings: string[]): { field: string; message: string }[] {
  const logged = new Set(loggedMeetings);
  return (data.criterion5.upperLevelMeetings ?? []).flatMap((date, index) =>
    logged.has(date) ? [] : [{ field: `data.criterion5.upperLevelMeetings.${index}`, message: `Ngày ${date.split('-').reverse().join('/')}: chưa có cán bộ cấp trên nào ghi nhận dự sinh hoạt tại chi đoàn.` }],
  );
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
