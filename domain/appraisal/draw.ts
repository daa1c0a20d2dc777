import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as z from 'zod';

/**
 * The appraisal draw (seed 002 III.2, step 4): which reported chi đoàn the upper level's team
 * visits. A documented, deterministic function of public inputs, so anyone can recompute it:
 *
 *   ticket(unit) = SHA-256( seed + "|" + cycleId + "|" + unitId ), as hex
 *   in each commune, the reported units sorted by ticket (then id); the first k are sampled,
 *   k = sampleSize(number reported in that commune, rule).
 *
 * The seed is committed (its SHA-256 published) when intake opens and revealed after the draw:
 * nobody who reports can know the tickets, and the upper level cannot pick a seed after seeing
 * who reported. SHA-256 comes from @noble/hashes so the browser's verification page runs the
 * very same code as the draw.
 */
export const samplingRuleSchema = z.object({
  rate: z.number({ error: 'Tỷ lệ chọn mẫu phải là số.' }).gt(0, { error: 'Tỷ lệ chọn mẫu phải lớn hơn 0.' }).max(1, { error: 'Tỷ lệ chọn mẫu tối đa là 100%.' }),
  minimum: z.int({ error: 'Số tối thiểu phải là số nguyên.' }).min(1, { error: 'Mỗi xã chọn ít nhất 1 chi đoàn.' }).max(50),
  /** Also at least the hypergeometric size that finds one false report at 95% when 10% are false. */
  statistical: z.boolean(),
  /** When a sampled chi đoàn fails: appraise all the commune's other reported chi đoàn, or nothing more. */
  widen: z.enum(['commune-all', 'none']),
  /** Days the team has to appraise, from the draw (or the widening). */
  appraisalDays: z.int({ error: 'Số ngày thẩm định phải là số nguyên.' }).min(1).max(90),
});
export type SamplingRule = z.infer<typeof samplingRuleSchema>;

export const DEFAULT_SAMPLING_RULE: SamplingRule = { rate: 0.3, minimum: 1, statistical: false, widen: 'commune-all', appraisalDays: 14 };

export interface ReportedUnit {
  unitId: string;
  communeId: string;
}

export interface CommuneDraw {
  communeId: string;
  /** Every chi đoàn the commune reported, sorted by id: the public input. */
  reported: string[];
  /** The sampled ones, in ticket order. */
  sampled: string[];
}

export interface DrawInputs {
  seed: string;
  cycleId: string;
  reported: ReportedUnit[];
  rule: SamplingRule;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** What is published before the draw: the seed's hash. */
export function commitmentOf(seed: string): string {
  return sha256Hex(seed);
}

export function ticketOf(seed: string, cycleId: string, unitId: string): string {
  return sha256Hex(`${seed}|${cycleId}|${unitId}`);
}

/**
 * The smallest sample of a commune's `population` reports that contains at least one false report
 * with the given confidence when `falseShare` of them are false: the first n with
 * P(no false one among n) = C(N−K, n) / C(N, n) ≤ 1 − confidence (hypergeometric, K = ⌈share·N⌉).
 */
export function hypergeometricSize(population: number, falseShare = 0.1, confidence = 0.95): number {
  const falseReports = Math.ceil(falseShare * population);
  let missAll = 1;
  for (let n = 1; n <= population; n++) {
    missAll *= (population - falseReports - (n - 1)) / (population - (n - 1));
    if (missAll <= 1 - confidence) return n;
  }
  return population;
}

/** How many of a commune's reported chi đoàn are sampled: the rate rounded up, at least the minimum, never more than reported. */
export function sampleSize(reported: number, rule: SamplingRule): number {
  if (reported === 0) return 0;
  const byRate = Math.ceil(reported * rule.rate - 1e-9);
  const needed = Math.max(byRate, rule.minimum, rule.statistical ? hypergeometricSize(reported) : 0);
  return Math.min(reported, needed);
}

/** The draw: per commune, the reported units ranked by ticket, the first k taken. */
export function drawSample({ seed, cycleId, reported, rule }: DrawInputs): CommuneDraw[] {
  const byCommune = new Map<string, string[]>();
  for (const unit of reported) {
    const list = byCommune.get(unit.communeId);
    if (list) list.push(unit.unitId);
    else byCommune.set(unit.communeId, [unit.unitId]);
  }
  return [...byCommune.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([communeId, unitIds]) => {
      const sorted = [...new Set(unitIds)].sort(compare);
      const ranked = sorted
        .map((unitId) => ({ unitId, ticket: ticketOf(seed, cycleId, unitId) }))
        .sort((a, b) => compare(a.ticket, b.ticket) || compare(a.unitId, b.unitId));
      return { communeId, reported: sorted, sampled: ranked.slice(0, sampleSize(sorted.length, rule)).map((unit) => unit.unitId) };
    });
}

/** A digest of the public list the draw ran on, printed beside the seed. */
export function inputDigestOf(draws: Pick<CommuneDraw, 'communeId' | 'reported'>[]): string {
  const lines = draws.flatMap((draw) => draw.reported.map((unitId) => `${draw.communeId}/${unitId}`)).sort(compare);
  return sha256Hex(lines.join('\n'));
}

/** Code-point order: the same in every runtime and locale, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Verification {
  commitmentMatches: boolean;
  /** Communes whose stored sample differs from the recomputed one. */
  mismatches: string[];
  recomputed: CommuneDraw[];
}

/** Recomputes a published draw from its revealed seed and public list, and compares. */
export function verifyDraw(published: { seed: string; commitment: string; cycleId: string; rule: SamplingRule; communes: CommuneDraw[] }): Verification {
  const reported = published.communes.flatMap((commune) => commune.reported.map((unitId) => ({ unitId, communeId: commune.communeId })));
  const recomputed = drawSample({ seed: published.seed, cycleId: published.cycleId, reported, rule: published.rule });
  const stored = new Map(published.communes.map((commune) => [commune.communeId, commune.sampled.join(',')]));
  const mismatches = recomputed.filter((commune) => stored.get(commune.communeId) !== commune.sampled.join(',')).map((commune) => commune.communeId);
  return { commitmentMatches: commitmentOf(published.seed) === published.commitment, mismatches, recomputed };
}
