import { describe, expect, it } from 'vitest';
import {
  commitmentOf,
  DEFAULT_SAMPLING_RULE,
  drawSample,
  hypergeometricSize,
  sampleSize,
  ticketOf,
  verifyDraw,
  type ReportedUnit,
} from '../../domain/appraisal/draw.ts';

const communeOf = (communeId: string, count: number): ReportedUnit[] =>
  Array.from({ length: count }, (_, index) => ({ unitId: `${communeId}-ap-${String(index + 1).padStart(2, '0')}`, communeId }));
const reported = [...communeOf('xa-a', 10), ...communeOf('xa-b', 4), ...communeOf('xa-c', 1), ...communeOf('xa-d', 7)];
const inputs = { seed: 'a3f1c2', cycleId: 'chi-doan-dat-chuan-2027-dong-thap', reported, rule: DEFAULT_SAMPLING_RULE };

describe('the sample size', () => {
  it.each([
    [1, 1],
    [3, 1],
    [4, 2],
    [10, 3],
    [11, 4],
    [30, 9],
  ])('%i reported → %i sampled at 30%% rounded up, at least 1', (count, size) => {
    expect(sampleSize(count, DEFAULT_SAMPLING_RULE)).toBe(size);
  });

  it('takes the hypergeometric size when asked: 95% to catch one false report when 10% are false', () => {
    // Prepare: with N = 100 and K = 10, P(miss all) falls below 5% at n = 25 (0.0476; 0.0532 at 24)
    const rule = { ...DEFAULT_SAMPLING_RULE, statistical: true };

    // Act & Assess
    expect(hypergeometricSize(100)).toBe(25);
    expect(sampleSize(100, rule)).toBe(30);
    expect(sampleSize(100, { ...rule, rate: 0.1 })).toBe(25);
    expect(hypergeometricSize(5)).toBe(5);
  });
});

describe('the draw', () => {
  it('gives the same sample for the same inputs, whatever order the list arrives in', () => {
    // Act
    const first = drawSample(inputs);
    const again = drawSample({ ...inputs, reported: [...reported].reverse() });

    // Assess
    expect(again).toEqual(first);
  });

  it('takes exactly the computed count in each commune, only from that commune', () => {
    // Act
    const draws = drawSample(inputs);

    // Assess
    expect(draws.map((draw) => [draw.communeId, draw.sampled.length])).toEqual([
      ['xa-a', 3],
      ['xa-b', 2],
      ['xa-c', 1],
      ['xa-d', 3],
    ]);
    for (const draw of draws) expect(draw.sampled.every((unitId) => unitId.startsWith(`${draw.communeId}-`))).toBe(true);
  });

  it('takes the units with the lowest tickets: anyone can recompute them by hand', () => {
    // Act
    const communeA = drawSample(inputs)[0]!;

    // Assess
    const byTicket = communeOf('xa-a', 10)
      .map((unit) => ({ unitId: unit.unitId, ticket: ticketOf(inputs.seed, inputs.cycleId, unit.unitId) }))
      .sort((a, b) => (a.ticket < b.ticket ? -1 : 1));
    expect(communeA.sampled).toEqual(byTicket.slice(0, 3).map((unit) => unit.unitId));
  });

  it('changes with the seed', () => {
    expect(drawSample({ ...inputs, seed: 'other' })).not.toEqual(drawSample(inputs));
  });

  it('chooses each reported chi đoàn with the configured probability over many seeds (chi-square)', () => {
    // Prepare: one commune of 10; 30% → 3 sampled, so each unit is expected in 3/10 of the draws
    const commune = communeOf('xa-a', 10);
    const draws = 3000;
    const counts = new Map(commune.map((unit) => [unit.unitId, 0]));

    // Act
    for (let index = 0; index < draws; index++) {
      const draw = drawSample({ ...inputs, seed: `seed-${index}`, reported: commune })[0]!;
      for (const unitId of draw.sampled) counts.set(unitId, (counts.get(unitId) ?? 0) + 1);
    }

    // Assess: 9 degrees of freedom; 27.88 is the 0.1% critical value
    const expected = (draws * 3) / 10;
    const chiSquare = [...counts.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.88);
  });
});

describe('verification', () => {
  const seed = 'b7e9d4c1f0a2';
  const published = () => ({ seed, commitment: commitmentOf(seed), cycleId: inputs.cycleId, rule: DEFAULT_SAMPLING_RULE, communes: drawSample({ ...inputs, seed }) });

  it('confirms an honest draw', () => {
    expect(verifyDraw(published())).toMatchObject({ commitmentMatches: true, mismatches: [] });
  });

  it('catches a cherry-picked commune and a seed that is not the committed one', () => {
    // Prepare
    const tampered = published();
    const communeB = tampered.communes[1]!;
    communeB.sampled = communeB.reported.filter((unitId) => !communeB.sampled.includes(unitId)).slice(0, 2);

    // Act
    const result = verifyDraw({ ...tampered, commitment: commitmentOf('another seed') });

    // Assess
    expect(result).toMatchObject({ commitmentMatches: false, mismatches: ['xa-b'] });
  });
});
