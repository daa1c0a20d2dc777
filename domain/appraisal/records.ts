import type { AppraisalData, AppraisalOutcome } from './appraisal-form.ts';
import type { SamplingRule } from './draw.ts';

/**
 * The records of an upper level's appraisal round in one cycle: the draw (its commitment, then
 * its revealed seed), one sample per commune, an assignment per sampled chi đoàn, an appraisal
 * per visit. Plain data; functions/shared/store/appraisals.ts stores them.
 */
export type DrawStatus = 'open' | 'drawing' | 'drawn';

export interface DrawRecord {
  cycleId: string;
  /** The level that appraises and recognises (the communes' direct upper level). */
  upperUnitId: string;
  commitment: string;
  rule: SamplingRule;
  status: DrawStatus;
  openedAt: string;
  openedBy: string;
  /** yyyy-mm-dd: the daily sweep of the day after closes intake and starts the draw, if nobody did. */
  closesOn?: string;
  closedAt?: string;
  closedBy?: string;
  drawnAt?: string;
  /** Revealed once drawn, never before. */
  seed?: string;
  reportedCount?: number;
  sampledCount?: number;
  inputDigest?: string;
  noticeIds?: string[];
}

export interface CommuneSample {
  cycleId: string;
  upperUnitId: string;
  communeId: string;
  communeName: string;
  /** Every chi đoàn the commune had reported when intake closed, sorted: the draw's public input. */
  reported: string[];
  /** The draw's choice, in ticket order. */
  sampled: string[];
  /** Added after a failed appraisal (the widening rule). */
  widened?: string[];
  /** Appraisal outcome per appraised chi đoàn. */
  results: Record<string, AppraisalOutcome>;
}

export type SampleOutcome = 'pending' | 'passed' | 'failed';

/** A commune's sample passed when every chi đoàn to appraise was verified; failed at the first failure. */
export function sampleOutcome(sample: Pick<CommuneSample, 'sampled' | 'widened' | 'results'>): SampleOutcome {
  const toAppraise = [...sample.sampled, ...(sample.widened ?? [])];
  if (toAppraise.some((unitId) => sample.results[unitId] === 'failed')) return 'failed';
  return toAppraise.every((unitId) => sample.results[unitId] === 'verified') ? 'passed' : 'pending';
}

/** The chi đoàn the widening rule adds: the commune's reported ones not yet in its sample. */
export function unitsToWiden(sample: Pick<CommuneSample, 'reported' | 'sampled' | 'widened'>, rule: SamplingRule): string[] {
  if (rule.widen === 'none' || sample.widened) return [];
  const already = new Set(sample.sampled);
  return sample.reported.filter((unitId) => !already.has(unitId));
}

export interface Assignment {
  cycleId: string;
  upperUnitId: string;
  unitId: string;
  unitName: string;
  communeId: string;
  communeName: string;
  appraiserId: string;
  appraiserName: string;
  /** 1: the draw; 2: a widening after a failure. */
  round: 1 | 2;
  assignedAt: string;
  /** yyyy-mm-dd, Vietnam time: appraise by the end of that day. */
  dueDate: string;
  status: 'assigned' | 'appraised';
  outcome?: AppraisalOutcome;
  appraisalId?: string;
}

export interface AppraisalRecord {
  appraisalId: string;
  cycleId: string;
  unitId: string;
  appraiser: { userId: string; name: string };
  data: AppraisalData;
  outcome: AppraisalOutcome;
  submittedAt: string;
  status: 'pending' | 'recorded';
  noticeIds?: string[];
}

/**
 * Why a reported chi đoàn cannot be recognised yet, if it cannot (seed 002 III.2 step 4: the
 * upper level recognises after the team's random appraisal). Sampled ones go by their own
 * appraisal; the others by their commune's sample, which must have passed. Refusing is always open.
 */
export function recognitionBlocker(sample: CommuneSample | undefined, unitId: string): string | undefined {
  if (!sample || !sample.reported.includes(unitId)) return 'chi đoàn chưa có trong đợt rút mẫu thẩm định (cấp trên chưa đóng nhận báo cáo và rút mẫu).';
  const inSample = sample.sampled.includes(unitId) || (sample.widened ?? []).includes(unitId);
  const own = sample.results[unitId];
  if (inSample && !own) return 'chi đoàn đang chờ tổ thẩm định đến thẩm định.';
  if (own === 'failed') return 'tổ thẩm định kết luận chi đoàn không đúng như hồ sơ.';
  if (inSample) return undefined;
  const outcome = sampleOutcome(sample);
  if (outcome === 'pending') return 'đang chờ kết quả thẩm định các chi đoàn được chọn mẫu của xã.';
  if (outcome === 'failed') return 'mẫu thẩm định của xã không đạt; cần thẩm định thêm chi đoàn này.';
  return undefined;
}
