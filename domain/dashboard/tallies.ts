import type { StandingState } from '../process/states.ts';
import type { Unit, UnitKind } from '../organisation.ts';
import type { TemplateId } from '../recognition/templates.ts';
import type { Due, Duty } from '../deadlines/obligations.ts';

/**
 * What the dashboard reads, kept up to date by the writes that change it, so that drawing a
 * province reads two items, not its 100,000 chi đoàn.
 *
 * A unit's **tally** (cycle-free) counts the units below it: `all:<measure>` over its whole
 * subtree, `c:<child>:<measure>` per direct child (the child's subtree, the child included),
 * and `n:<child>` names each direct child ("kind|residential|name"), so its rows need no lookup.
 * Measures: `branches` (chi đoàn), `residential` (residential chi đoàn: Model A's denominator),
 * `bases` (communes and đoàn cơ sở: Model B's).
 *
 * A unit's **counts** in a cycle count the standings below it by state: `all:<state>` and
 * `c:<child>:<state>`. Both change only by adding (DynamoDB ADD), in the same write as what they
 * count, so concurrent writers never lose each other's increments.
 */
export interface Delta {
  add: Record<string, number>;
  set: Record<string, string>;
}

export const MEASURES = ['branches', 'residential', 'bases'] as const;
export type Measure = (typeof MEASURES)[number];

const BASE_KINDS: UnitKind[] = ['commune', 'grassroots'];

function measuresOf(unit: Pick<Unit, 'kind' | 'residential'>): Record<Measure, number> {
  return {
    branches: unit.kind === 'branch' ? 1 : 0,
    residential: unit.kind === 'branch' && unit.residential ? 1 : 0,
    bases: BASE_KINDS.includes(unit.kind) ? 1 : 0,
  };
}

export const childEntry = (unit: Pick<Unit, 'kind' | 'residential' | 'name'>) => `${unit.kind}|${unit.residential ? 1 : 0}|${unit.name}`;

export function parseChildEntry(entry: string): { kind: UnitKind; residential: boolean; name: string } {
  const [kind = 'branch', residential = '0', ...name] = entry.split('|');
  return { kind: kind as UnitKind, residential: residential === '1', name: name.join('|') };
}

function deltaOf(deltas: Map<string, Delta>, unitId: string): Delta {
  let delta = deltas.get(unitId);
  if (!delta) deltas.set(unitId, (delta = { add: {}, set: {} }));
  return delta;
}

function bump(delta: Delta, name: string, by: number): void {
  delta.add[name] = (delta.add[name] ?? 0) + by;
}

/** The child of `ancestors[index]` on the way down to `unitId`. */
const childOnPath = (ancestors: string[], index: number, unitId: string) => ancestors[index + 1] ?? unitId;

/** The tallies new units add to every unit above them, merged per tally. */
export function tallyDeltas(units: Pick<Unit, 'unitId' | 'ancestors' | 'kind' | 'residential' | 'name'>[]): Map<string, Delta> {
  const deltas = new Map<string, Delta>();
  for (const unit of units) {
    const measures = measuresOf(unit);
    unit.ancestors.forEach((ancestorId, index) => {
      const delta = deltaOf(deltas, ancestorId);
      const child = childOnPath(unit.ancestors, index, unit.unitId);
      for (const measure of MEASURES) {
        if (measures[measure] === 0) continue;
        bump(delta, `all:${measure}`, measures[measure]);
        // A chi đoàn's own measures are in its entry: its parent keeps no counters for it.
        if (unit.kind !== 'branch' || child !== unit.unitId) bump(delta, `c:${child}:${measure}`, measures[measure]);
      }
      if (child === unit.unitId) delta.set[`n:${unit.unitId}`] = childEntry(unit);
    });
  }
  return withoutZeros(deltas);
}

export interface StateChange {
  unitId: string;
  ancestors: string[];
  before?: StandingState;
  after: StandingState;
  /** The Monday (yyyy-mm-dd, Vietnam time) of the week it happened: feeds the year's curves. */
  week?: string;
  /** The appraisal team's finding on the standing, before and after (sampled chi đoàn only). */
  appraisalBefore?: AppraisalOutcome;
  appraisalAfter?: AppraisalOutcome;
}

export type AppraisalOutcome = 'verified' | 'failed';

/**
 * The states a dashboard counts in each model: every one of them means "registered and on" (a
 * unit not yet registered has no standing of its model). Each state belongs to one model.
 */
export const COUNTED_STATES: Record<TemplateId, StandingState[]> = {
  'chi-doan-dat-chuan': ['registered', 'criteria-failed', 'awaiting-confirmation', 'returned', 'confirmed', 'reported', 'recognised', 'not-recognised', 'revoked'],
  'doan-co-so-3-chu-dong': ['planned', 'cadre-assigned', 'evaluated', 'recognised', 'not-recognised', 'revoked'],
};

const REGISTERED_STATES = new Set(Object.values(COUNTED_STATES).flat());

/** What a change adds to the week's registered and recognised: +1 on the way in, −1 on the way out. */
function weeklySteps(change: StateChange): [string, number][] {
  const steps: [string, number][] = [];
  const registered = Number(REGISTERED_STATES.has(change.after)) - Number(!!change.before && REGISTERED_STATES.has(change.before));
  const recognised = Number(change.after === 'recognised') - Number(change.before === 'recognised');
  if (registered !== 0) steps.push([`w:${change.week}:registered`, registered]);
  if (recognised !== 0) steps.push([`w:${change.week}:recognised`, recognised]);
  return steps;
}

/** Counts `name` by `by` for a unit at every unit above it: in their total and in its child's row. */
function countUp(deltas: Map<string, Delta>, unit: { unitId: string; ancestors: string[] }, name: string, by: number): void {
  unit.ancestors.forEach((ancestorId, index) => {
    const delta = deltaOf(deltas, ancestorId);
    bump(delta, `all:${name}`, by);
    bump(delta, `c:${childOnPath(unit.ancestors, index, unit.unitId)}:${name}`, by);
  });
}

/** An obligation opened (+1) or closed (−1): counted at its owner, under its duty and deadline. */
export interface ObligationChange {
  ownerUnitId: string;
  ownerAncestors: string[];
  duty: Duty;
  deadline: string;
  by: 1 | -1;
}

/**
 * The open obligations' counter: `o:<duty>:<deadline>`. Lateness is not written when a deadline
 * passes (nothing happens then to write it in); the dashboard reads as late every open obligation
 * whose deadline is before today, so the count is exact at any hour and no sweep has to mark it.
 */
export const obligationCounter = (duty: Duty, deadline: string) => `o:${duty}:${deadline}`;

/** Marks counted beside the states: a chi đoàn drawn into the appraisal sample. */
export const SAMPLED = 'sampled';

/**
 * What standing changes, obligations opened or closed, and chi đoàn drawn into a sample do to the
 * counts of every unit above them, merged per unit (one item is written once per transaction).
 */
export function countDeltas(changes: StateChange[], obligations: ObligationChange[] = [], sampled: { unitId: string; ancestors: string[] }[] = []): Map<string, Delta> {
  const deltas = new Map<string, Delta>();
  for (const change of changes) {
    const moved = change.before !== change.after;
    const appraised = change.appraisalBefore !== change.appraisalAfter;
    const counted = [
      ...(moved ? ([[change.before, -1], [change.after, 1]] as const) : []),
      // Findings count beside the states: "appraisal:verified", "appraisal:failed".
      ...(appraised ? ([[change.appraisalBefore && `appraisal:${change.appraisalBefore}`, -1], [change.appraisalAfter && `appraisal:${change.appraisalAfter}`, 1]] as const) : []),
    ];
    for (const [name, by] of counted) if (name) countUp(deltas, change, name, by);
    // The week's movement, at each level's own total only: a unit below is one more item away.
    if (change.week && moved) for (const ancestorId of change.ancestors) for (const [name, by] of weeklySteps(change)) bump(deltaOf(deltas, ancestorId), name, by);
  }
  for (const obligation of obligations) {
    countUp(deltas, { unitId: obligation.ownerUnitId, ancestors: obligation.ownerAncestors }, obligationCounter(obligation.duty, obligation.deadline), obligation.by);
  }
  for (const unit of sampled) countUp(deltas, unit, SAMPLED, 1);
  return withoutZeros(deltas);
}

/** The obligation changes between what a record owed before and what it owes now (either absent). */
export function obligationSwap(before: Due | undefined, after: Due | undefined): ObligationChange[] {
  const same = before && after && before.duty === after.duty && before.deadline === after.deadline && before.ownerUnitId === after.ownerUnitId;
  if (same) return [];
  const change = (due: Due, by: 1 | -1): ObligationChange => ({ ownerUnitId: due.ownerUnitId, ownerAncestors: due.ownerAncestors, duty: due.duty, deadline: due.deadline, by });
  return [...(before ? [change(before, -1)] : []), ...(after ? [change(after, 1)] : [])];
}

function withoutZeros(deltas: Map<string, Delta>): Map<string, Delta> {
  for (const [unitId, delta] of deltas) {
    for (const [name, by] of Object.entries(delta.add)) if (by === 0) delete delta.add[name];
    if (Object.keys(delta.add).length === 0 && Object.keys(delta.set).length === 0) deltas.delete(unitId);
  }
  return deltas;
}

/** The delta that takes back another (an import undone): counters subtracted, names removed. */
export function inverse(delta: Delta): { add: Record<string, number>; remove: string[] } {
  return { add: Object.fromEntries(Object.entries(delta.add).map(([name, by]) => [name, -by])), remove: Object.keys(delta.set) };
}
