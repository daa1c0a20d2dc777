import { describe, expect, it } from 'vitest';
import { checkFindings, outcomeOf } from '../../domain/appraisal/appraisal-form.ts';
import { DEFAULT_SAMPLING_RULE } from '../../domain/appraisal/draw.ts';
import { recognitionBlocker, sampleOutcome, unitsToWiden, type CommuneSample } from '../../domain/appraisal/records.ts';

const sample = (results: CommuneSample['results'], widened?: string[]): CommuneSample => ({
  cycleId: 'c',
  upperUnitId: 'tp',
  communeId: 'xa',
  communeName: 'Đoàn xã A',
  reported: ['a', 'b', 'c', 'd'],
  sampled: ['c', 'a'],
  widened,
  results,
});

describe('what a commune’s sample allows the upper level to recognise', () => {
  it.each([
    ['a sampled chi đoàn not yet visited', sample({}), 'a', 'chi đoàn đang chờ tổ thẩm định đến thẩm định.'],
    ['a sampled chi đoàn found not as claimed', sample({ a: 'failed' }), 'a', 'tổ thẩm định kết luận chi đoàn không đúng như hồ sơ.'],
    ['a sampled chi đoàn verified, the other still waiting', sample({ a: 'verified' }), 'a', undefined],
    ['an unsampled one while the sample is pending', sample({ a: 'verified' }), 'b', 'đang chờ kết quả thẩm định các chi đoàn được chọn mẫu của xã.'],
    ['an unsampled one once the whole sample passed', sample({ a: 'verified', c: 'verified' }), 'b', undefined],
    ['an unsampled one of a failed sample, not widened', sample({ a: 'verified', c: 'failed' }), 'b', 'mẫu thẩm định của xã không đạt; cần thẩm định thêm chi đoàn này.'],
    ['a widened one not yet visited', sample({ a: 'verified', c: 'failed' }, ['b', 'd']), 'b', 'chi đoàn đang chờ tổ thẩm định đến thẩm định.'],
    ['a chi đoàn reported after the draw', sample({}), 'e', 'chi đoàn chưa có trong đợt rút mẫu thẩm định (cấp trên chưa đóng nhận báo cáo và rút mẫu).'],
  ])('%s', (_case, commune, unitId, blocker) => {
    expect(recognitionBlocker(commune, unitId)).toBe(blocker);
  });

  it('passes a sample only when every chi đoàn to appraise is verified, fails it at the first failure', () => {
    expect(sampleOutcome(sample({ a: 'verified' }))).toBe('pending');
    expect(sampleOutcome(sample({ a: 'verified', c: 'verified' }))).toBe('passed');
    expect(sampleOutcome(sample({ c: 'failed' }))).toBe('failed');
    expect(sampleOutcome(sample({ a: 'verified', c: 'verified' }, ['b']))).toBe('pending');
  });

  it('widens once, to the reported chi đoàn not yet sampled, unless the rule says not to', () => {
    expect(unitsToWiden(sample({}), DEFAULT_SAMPLING_RULE)).toEqual(['b', 'd']);
    expect(unitsToWiden(sample({}, ['b', 'd']), DEFAULT_SAMPLING_RULE)).toEqual([]);
    expect(unitsToWiden(sample({}), { ...DEFAULT_SAMPLING_RULE, widen: 'none' })).toEqual([]);
  });
});

describe('the appraisal form', () => {
  const criteria = [
    { id: 'no-violations', number: 1 },
    { id: 'economic-support', number: 2 },
  ];

  it('passes a chi đoàn only when every criterion is as its dossier said', () => {
    expect(outcomeOf({ findings: [{ criterionId: 'no-violations', finding: 'verified' }, { criterionId: 'economic-support', finding: 'verified' }] })).toBe('verified');
    expect(outcomeOf({ findings: [{ criterionId: 'no-violations', finding: 'verified' }, { criterionId: 'economic-support', finding: 'not-verified', notes: 'x' }] })).toBe('failed');
  });

  it('needs a finding for each of the cycle’s criteria, in order', () => {
    expect(checkFindings({ findings: [{ criterionId: 'no-violations', finding: 'verified' }] }, criteria)).toEqual([
      { field: 'data.findings', message: 'Cần kết quả cho đúng 2 tiêu chí của đợt công nhận, theo thứ tự.' },
    ]);
  });
});
