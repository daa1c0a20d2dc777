import { describe, expect, it } from 'vitest';
import { createCycle, CycleError, cycleRequestSchema, deadlinePassesAt } from '../../domain/recognition/cycles.ts';
// The Vietnamese messages are configured where requests are parsed.
import '../../domain/validation.ts';

const now = new Date('2026-06-01T00:00:00Z');

describe('createCycle', () => {
  it('takes the five steps and the seed\'s dates for "Chi đoàn đạt chuẩn 2027"', () => {
    // Act
    const cycle = createCycle({ templateId: 'chi-doan-dat-chuan', year: 2027, scopeUnitId: 'dong-thap' }, 'admin', now);

    // Assess
    expect(cycle.cycleId).toBe('chi-doan-dat-chuan-2027-dong-thap');
    expect(cycle.title).toBe('Chi đoàn trên địa bàn dân cư đạt chuẩn 2027');
    expect(cycle.steps.map((s) => [s.number, s.title, s.deadline, s.upperDeadline])).toEqual([
      [1, 'Triển khai thực hiện', '2026-07-20', undefined],
      [2, 'Đăng ký xây dựng Chi đoàn đạt chuẩn', '2027-02-10', '2027-02-15'],
      [3, 'Thực hiện các giải pháp', undefined, undefined],
      [4, 'Hồ sơ đề nghị công nhận', undefined, undefined],
      [5, 'Duy trì chuẩn', '2028-12-15', undefined],
    ]);
    expect(cycle.reports.map((r) => r.deadline)).toEqual(['2027-10-01', '2027-10-10', '2027-02-15']);
    expect(cycle.criteria).toHaveLength(7);
    expect(cycle.targets).toEqual({ registrationShare: 0.9, recognitionShare: 0.75, pilotShare: 0.7 });
  });

  it('takes the three steps of "3 chủ động", the plan due 10/10 of the previous year and the cadre after it, with the three areas', () => {
    // Act
    const cycle = createCycle({ templateId: 'doan-co-so-3-chu-dong', year: 2027, scopeUnitId: 'dong-thap' }, 'admin', now);

    // Assess
    // The plan and the Ban Chấp hành's status report by 10/10; the upper level's cadre after them, by 31/10
    expect(cycle.steps.map((s) => s.deadline)).toEqual(['2026-10-10', '2026-10-31', undefined]);
    expect(cycle.reports.map((r) => [r.id, r.deadline])).toEqual([['three-proactive-status', '2026-10-10']]);
    expect(cycle.areas.map((a) => a.items.length)).toEqual([5, 5, 3]);
    // The seed's sub-items whole, not shortened
    const items = cycle.areas.flatMap((area) => area.items).join('\n');
    for (const words of ['Chương trình rèn luyện đoàn viên', 'thanh niên dân tộc, thanh niên tôn giáo, thanh niên yếu thế', '"1+1" (1 đoàn viên vận động, tập hợp ít nhất 01 thanh niên vào tổ chức Đoàn, Hội)', 'Chi ủy (khóm, ấp)']) {
      expect(items).toContain(words);
    }
    expect(cycle.participants).toBe('grassroots');
  });

  it("applies a province's own deadlines, targets and thresholds over the defaults", () => {
    // Prepare
    const request = cycleRequestSchema.parse({
      templateId: 'chi-doan-dat-chuan',
      year: 2027,
      scopeUnitId: 'dong-thap',
      deadlines: { register: '2027-02-20', dossier: '2027-11-15', deploy: null },
      targets: { recognitionShare: 0.9 },
      criteria: [{ id: 'meetings', number: 5, wording: 'Sinh hoạt ít nhất 10 lần trên năm.', rule: { kind: 'atLeast', figure: 'meetingsHeld', value: 10 } }],
    });

    // Act
    const cycle = createCycle(request, 'admin', now);

    // Assess
    expect(cycle.steps.map((s) => s.deadline)).toEqual([undefined, '2027-02-20', undefined, '2027-11-15', '2028-12-15']);
    expect(cycle.steps[1]?.upperDeadline).toBe('2027-02-15');
    expect(cycle.targets).toEqual({ registrationShare: 0.9, recognitionShare: 0.9, pilotShare: 0.7 });
    expect(cycle.criteria.map((c) => c.rule)).toEqual([{ kind: 'atLeast', figure: 'meetingsHeld', value: 10 }]);
  });

  it('refuses a deadline for a step the template does not have', () => {
    expect(() =>
      createCycle({ templateId: 'doan-co-so-3-chu-dong', year: 2027, scopeUnitId: 'dong-thap', deadlines: { register: '2027-02-10' } }, 'admin', now),
    ).toThrow(new CycleError('Không có bước "register" trong mẫu quy trình.'));
  });
});

describe('deadlinePassesAt', () => {
  it('is midnight after the deadline date in Vietnam', () => {
    expect(deadlinePassesAt('2027-02-10').toISOString()).toBe('2027-02-10T17:00:00.000Z');
  });
});

describe('cycleRequestSchema bounds', () => {
  const criterion = (rule: unknown, wording = 'Sinh hoạt chi đoàn đều đặn hằng tháng.') => ({ id: 'sinh-hoat', number: 1, wording, rule });
  const request = (criteria: unknown[]) => ({ templateId: 'chi-doan-dat-chuan', year: 2027, scopeUnitId: 'dong-thap', criteria });
  const issuesOf = (value: unknown) => cycleRequestSchema.safeParse(value).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

  it('refuses a rule nested 40 deep in words, a threshold of 1e200 and a 1 MB wording, naming each', () => {
    // Prepare
    let deep: unknown = { kind: 'atLeast', figure: 'meetingsHeld', value: 10 };
    for (let level = 0; level < 40; level++) deep = { kind: 'allOf', rules: [deep] };

    // Act
    const nested = issuesOf(request([criterion(deep)]));
    const huge = issuesOf(request([criterion({ kind: 'atLeast', figure: 'meetingsHeld', value: 1e200 })]));
    const long = issuesOf(request([criterion({ kind: 'atLeast', figure: 'meetingsHeld', value: 10 }, 'ả'.repeat(1_000_000))]));

    // Assess
    expect(nested).toEqual([['criteria.0.rule', 'Điều kiện lồng quá 5 cấp.']]);
    expect(huge).toEqual([['criteria.0.rule.value', 'Không được lớn hơn 1.000.000.']]);
    expect(long).toEqual([['criteria.0.wording', 'Nhiều nhất 2.000 ký tự.']]);
  });
});
