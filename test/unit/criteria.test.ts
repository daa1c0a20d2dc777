import { describe, expect, it } from 'vitest';
import { evaluateCriteria, MODEL_A_CRITERIA } from '../../domain/recognition/criteria.ts';
import type { Figures } from '../../domain/recognition/figures.ts';
import { figuresOf, ruleSchema } from '../../domain/recognition/rules.ts';

/** A chi đoàn that meets every criterion exactly at its threshold. */
const justEnough: Figures = {
  membersViolatingLaw: 0,
  economicModels: 1,
  jobReferrals: 0,
  volunteerTeamSize: 5,
  youthProjectsCompleted: 1,
  newMembersAdmitted: 5,
  partyIntroductions: 1,
  meetingsHeld: 8,
  minutesComplete: true,
  recordsKept: true,
  duesCollectedPercent: 100,
  congressHeld: true,
  culturalSportsActivities: 2,
  secretaryStableEconomy: true,
  secretaryTrained: true,
  secretaryKnowsPolicies: true,
};

const resultOf = (number: number, change: Figures) =>
  evaluateCriteria(MODEL_A_CRITERIA, { ...justEnough, ...change }).find((result) => result.number === number)!;

describe('the seven criteria of Chi đoàn đạt chuẩn', () => {
  it('all pass at exactly their thresholds', () => {
    const results = evaluateCriteria(MODEL_A_CRITERIA, justEnough);
    expect(results.map((r) => r.reason)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Tiêu chí ${n}: đạt`));
  });

  it.each([
    [1, { membersViolatingLaw: 1 }, 'Tiêu chí 1: có 1 đoàn viên vi phạm pháp luật'],
    [3, { volunteerTeamSize: 4 }, 'Tiêu chí 3: đội hình thanh niên tình nguyện mới có 4 thành viên (cần ít nhất 05)'],
    [3, { youthProjectsCompleted: 0 }, 'Tiêu chí 3: chưa hoàn thành công trình, phần việc thanh niên nào (cần ít nhất 01)'],
    [4, { newMembersAdmitted: 4 }, 'Tiêu chí 4: mới kết nạp 4 đoàn viên (cần ít nhất 05)'],
    [4, { partyIntroductions: 0 }, 'Tiêu chí 4: chưa giới thiệu đoàn viên ưu tú nào cho Đảng (cần ít nhất 01)'],
    [5, { meetingsHeld: 7 }, 'Tiêu chí 5: mới sinh hoạt 7 lần (cần ít nhất 08)'],
    [5, { duesCollectedPercent: 99.9 }, 'Tiêu chí 5: mới thu 99,9% đoàn phí (cần 100%)'],
    [5, { congressHeld: false }, 'Tiêu chí 5: chưa tổ chức Đại hội Chi đoàn'],
    [5, { minutesComplete: false, meetingsHeld: 6 }, 'Tiêu chí 5: mới sinh hoạt 6 lần (cần ít nhất 08); chưa có đủ biên bản họp'],
    [6, { culturalSportsActivities: 1 }, 'Tiêu chí 6: mới tổ chức 1 hoạt động văn hóa văn nghệ, thể dục thể thao (cần ít nhất 02)'],
    [5, { recordsKept: false }, 'Tiêu chí 5: đoàn vụ, đoàn tịch chưa đảm bảo theo quy định'],
    [7, { secretaryTrained: false }, 'Tiêu chí 7: Bí thư chưa được tập huấn nghiệp vụ'],
    [7, { secretaryStableEconomy: false }, 'Tiêu chí 7: Bí thư chưa có hoàn cảnh kinh tế gia đình ổn định'],
    [7, { secretaryKnowsPolicies: false }, 'Tiêu chí 7: Bí thư chưa nắm bắt chính sách của Đảng, Nhà nước hỗ trợ thanh niên'],
  ])('criterion %i fails one step below its threshold (%o)', (number, change, reason) => {
    expect(resultOf(number, change)).toMatchObject({ pass: false, reason });
  });

  it('meets criterion 2 by job referrals alone, and names both alternatives when neither is met', () => {
    expect(resultOf(2, { economicModels: 0, jobReferrals: 5 }).pass).toBe(true);
    expect(resultOf(2, { economicModels: 0, jobReferrals: 4 })).toEqual({
      criterionId: 'economic-support',
      number: 2,
      pass: false,
      reason:
        'Tiêu chí 2: chưa có mô hình hỗ trợ đoàn viên phát triển kinh tế (cần ít nhất 01) và mới giới thiệu việc làm ổn định cho 4 đoàn viên, thanh niên (cần ít nhất 05)',
    });
  });

  it('speaks of criterion 2 only by the way the unit chose to meet it', () => {
    // Prepare: the unit chose job referrals; the model count was never asked
    const { economicModels: _notChosen, ...jobsOnly } = { ...justEnough, jobReferrals: 3 };

    // Act
    const result = evaluateCriteria(MODEL_A_CRITERIA, jobsOnly)[1];

    // Assess
    expect(result?.reason).toBe('Tiêu chí 2: mới giới thiệu việc làm ổn định cho 3 đoàn viên, thanh niên (cần ít nhất 05)');
  });

  it('fails a criterion whose figure is missing, rather than guessing', () => {
    const { meetingsHeld: _missing, ...figures } = justEnough;
    expect(evaluateCriteria(MODEL_A_CRITERIA, figures)[4]).toMatchObject({
      pass: false,
      reason: 'Tiêu chí 5: chưa có số liệu "số lần sinh hoạt Chi đoàn trong năm"',
    });
  });
});

describe('rules as data', () => {
  it('round-trips every default criterion through the schema an admin edits them with', () => {
    for (const criterion of MODEL_A_CRITERIA) expect(ruleSchema.parse(JSON.parse(JSON.stringify(criterion.rule)))).toEqual(criterion.rule);
  });

  it('refuses a rule on a figure that does not exist', () => {
    expect(ruleSchema.safeParse({ kind: 'atLeast', figure: 'likes', value: 3 }).success).toBe(false);
  });

  it('lists the figures a criterion needs', () => {
    expect(figuresOf(MODEL_A_CRITERIA[1]!.rule)).toEqual(['economicModels', 'jobReferrals']);
  });
});
