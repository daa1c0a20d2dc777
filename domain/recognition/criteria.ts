import * as z from 'zod';
import type { Figures } from './figures.ts';
import { evaluateRule, MAX_RULE_DEPTH, ruleDepth, ruleSchema } from './rules.ts';

export const criterionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  number: z.int().min(1).max(99),
  /** The criterion as the plan words it. */
  wording: z.string().min(10).max(2_000),
  // Depth first: a 40-deep rule is refused in words, not walked.
  rule: z.unknown().superRefine((rule, context) => {
    if (ruleDepth(rule) > MAX_RULE_DEPTH) context.addIssue({ code: 'custom', message: `Điều kiện lồng quá ${MAX_RULE_DEPTH} cấp.` });
  }).pipe(ruleSchema),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const criterionResultSchema = z.object({
  criterionId: z.string(),
  number: z.int(),
  pass: z.boolean(),
  /** "Tiêu chí 5: mới sinh hoạt 7 lần (cần ít nhất 08)" when failing; "Tiêu chí 5: đạt" when passing. */
  reason: z.string(),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

export function evaluateCriteria(criteria: Criterion[], figures: Figures): CriterionResult[] {
  return criteria.map((criterion) => {
    const outcome = evaluateRule(criterion.rule, figures);
    const detail = outcome.pass ? 'đạt' : outcome.shortfalls.join('; ');
    return { criterionId: criterion.id, number: criterion.number, pass: outcome.pass, reason: `Tiêu chí ${criterion.number}: ${detail}` };
  });
}

/**
 * The seven criteria of "Chi đoàn trên địa bàn dân cư đạt chuẩn", seed 002 II.B.2, as the
 * default every cycle starts from.
 */
export const MODEL_A_CRITERIA: Criterion[] = [
  {
    id: 'no-violations',
    number: 1,
    wording: 'Không có đoàn viên vi phạm pháp luật.',
    rule: { kind: 'atMost', figure: 'membersViolatingLaw', value: 0 },
  },
  {
    id: 'economic-support',
    number: 2,
    wording:
      'Có ít nhất một mô hình hỗ trợ đoàn viên phát triển kinh tế, hoặc giới thiệu cho đoàn viên có việc làm ổn định (ít nhất 05 đoàn viên, thanh niên).',
    rule: {
      kind: 'anyOf',
      rules: [
        { kind: 'atLeast', figure: 'economicModels', value: 1 },
        { kind: 'atLeast', figure: 'jobReferrals', value: 5 },
      ],
    },
  },
  {
    id: 'volunteering',
    number: 3,
    wording:
      'Có ít nhất 01 đội hình thanh niên tình nguyện, có ít nhất 05 thành viên; hằng năm đăng ký và hoàn thành ít nhất 01 công trình hoặc phần việc thanh niên.',
    rule: {
      kind: 'allOf',
      rules: [
        { kind: 'atLeast', figure: 'volunteerTeamSize', value: 5 },
        { kind: 'atLeast', figure: 'youthProjectsCompleted', value: 1 },
      ],
    },
  },
  {
    id: 'membership',
    number: 4,
    wording:
      'Hằng năm kết nạp ít nhất 05 đoàn viên đúng quy trình, giới thiệu ít nhất 01 đoàn viên ưu tú cho Đảng (được Đoàn cấp trên ra Nghị quyết giới thiệu).',
    rule: {
      kind: 'allOf',
      rules: [
        { kind: 'atLeast', figure: 'newMembersAdmitted', value: 5 },
        { kind: 'atLeast', figure: 'partyIntroductions', value: 1 },
      ],
    },
  },
  {
    id: 'meetings',
    number: 5,
    wording:
      'Sinh hoạt ít nhất 08 lần trên năm, có biên bản họp đầy đủ, đoàn vụ, đoàn tịch đảm bảo, thu đoàn phí đạt 100%; hằng năm tổ chức Đại hội Chi đoàn theo Điều lệ.',
    rule: {
      kind: 'allOf',
      rules: [
        { kind: 'atLeast', figure: 'meetingsHeld', value: 8 },
        { kind: 'isTrue', figure: 'minutesComplete' },
        { kind: 'isTrue', figure: 'recordsKept' },
        { kind: 'atLeast', figure: 'duesCollectedPercent', value: 100 },
        { kind: 'isTrue', figure: 'congressHeld' },
      ],
    },
  },
  {
    id: 'culture-sports',
    number: 6,
    wording: 'Tổ chức cho đoàn viên tham gia ít nhất 02 hoạt động văn hóa văn nghệ hoặc thể dục thể thao.',
    rule: { kind: 'atLeast', figure: 'culturalSportsActivities', value: 2 },
  },
  {
    id: 'secretary',
    number: 7,
    wording:
      'Bí thư Chi đoàn có hoàn cảnh kinh tế gia đình ổn định, được tập huấn nghiệp vụ Bí thư Chi đoàn và nắm bắt cơ bản chính sách hỗ trợ thanh niên.',
    rule: {
      kind: 'allOf',
      rules: [
        { kind: 'isTrue', figure: 'secretaryStableEconomy' },
        { kind: 'isTrue', figure: 'secretaryTrained' },
        { kind: 'isTrue', figure: 'secretaryKnowsPolicies' },
      ],
    },
  },
];
