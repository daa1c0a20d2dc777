import { ConflictError } from '../errors.ts';
import type { ReportedUnit } from './draw.ts';

/** A member of the upper level's appraisal team; `homeUnitId` is the commune they come from, if any. */
export interface Appraiser {
  userId: string;
  name: string;
  homeUnitId?: string;
}

/** No assignment satisfies the rules (the message says which commune and why). */
export class AssignmentError extends ConflictError {
  override name: string = 'AssignmentError';
}

/**
 * Shares sampled chi đoàn among the team: loads differ by at most one (every appraiser is filled
 * to ⌊T/A⌋ or ⌈T/A⌉), a commune's chi đoàn go to as few appraisers as possible (communes are
 * taken largest first and each appraiser is filled before the next, so a commune is split only at
 * a capacity boundary), and never to an appraiser from that commune (conflict of interest).
 *
 * When only conflicted appraisers have room left, one swap fixes it: a unit from another commune
 * moves to the conflicted appraiser and the waiting unit takes its place. That always works when,
 * for every commune, the team members from elsewhere have room for its units; otherwise
 * AssignmentError says so. Deterministic: the same inputs give the same assignment.
 */
export function assignAppraisers(units: ReportedUnit[], team: Appraiser[]): Map<string, string> {
  const assigned = new Map<string, string>();
  if (units.length === 0) return assigned;
  if (team.length === 0) throw new AssignmentError('Tổ thẩm định chưa có thành viên nào: hãy thêm thành viên (vai trò "Thành viên Tổ thẩm định") trước khi rút mẫu.');

  const communes = groupByCommune(units);
  const unitsFrom = (communeId: string | undefined) => (communeId ? (communes.get(communeId)?.length ?? 0) : 0);
  // The extra units go to members whose own commune has the fewest sampled: they can take most.
  const order = [...team].sort((a, b) => unitsFrom(a.homeUnitId) - unitsFrom(b.homeUnitId) || compare(a.userId, b.userId));
  const base = Math.floor(units.length / order.length);
  const extra = units.length % order.length;
  const slots: Slot[] = order.map((member, index) => ({ member, room: base + (index < extra ? 1 : 0), held: [] }));
  const open = slots.filter((slot) => slot.room > 0);

  const give = (slot: Slot, unit: ReportedUnit) => {
    slot.held.push(unit);
    assigned.set(unit.unitId, slot.member.userId);
    if (slot.held.length === slot.room) open.splice(open.indexOf(slot), 1);
  };

  const largestFirst = [...communes.entries()].sort(([a, x], [b, y]) => y.length - x.length || compare(a, b));
  for (const [communeId, members] of largestFirst) {
    for (const unit of members) {
      const free = open.find((slot) => slot.member.homeUnitId !== communeId);
      if (free) give(free, unit);
      else swapIn(unit, communeId, slots, open, assigned, give, members.length);
    }
  }
  return assigned;
}

interface Slot {
  member: Appraiser;
  /** How many this member takes: ⌊T/A⌋ or ⌈T/A⌉. */
  room: number;
  held: ReportedUnit[];
}

/** Only members from `communeId` have room: trade one of someone else's other-commune units. */
function swapIn(
  unit: ReportedUnit,
  communeId: string,
  slots: Slot[],
  open: Slot[],
  assigned: Map<string, string>,
  give: (slot: Slot, unit: ReportedUnit) => void,
  communeSize: number,
): void {
  const conflicted = open[0];
  for (const slot of conflicted ? [...slots].reverse() : []) {
    if (slot.member.homeUnitId === communeId) continue;
    const position = slot.held.findLastIndex((other) => other.communeId !== communeId);
    const moved = slot.held[position];
    if (!moved) continue;
    slot.held[position] = unit;
    assigned.set(unit.unitId, slot.member.userId);
    give(conflicted!, moved);
    return;
  }
  const others = slots.filter((slot) => slot.member.homeUnitId !== communeId).length;
  throw new AssignmentError(
    `Không thể phân công: đơn vị ${communeId} có ${communeSize} chi đoàn trong mẫu nhưng chỉ ${others} thành viên tổ thẩm định không thuộc đơn vị này, không đủ để chia đều.`,
  );
}

function groupByCommune(units: ReportedUnit[]): Map<string, ReportedUnit[]> {
  const communes = new Map<string, ReportedUnit[]>();
  for (const unit of [...units].sort((a, b) => compare(a.unitId, b.unitId))) {
    const list = communes.get(unit.communeId);
    if (list) list.push(unit);
    else communes.set(unit.communeId, [unit]);
  }
  return communes;
}

/**
 * Widening after a failed appraisal: the commune's further chi đoàn go to the members already
 * appraising there (they travel there anyway), in turn; to the least loaded eligible member if
 * none is.
 */
export function assignWidened(units: ReportedUnit[], alreadyThere: string[], team: Appraiser[], loads: ReadonlyMap<string, number>): Map<string, string> {
  const communeId = units[0]?.communeId;
  const eligible = team.filter((member) => member.homeUnitId !== communeId);
  const preferred = alreadyThere.filter((userId) => eligible.some((member) => member.userId === userId)).sort(compare);
  const pool = preferred.length > 0 ? preferred : eligible.sort((a, b) => (loads.get(a.userId) ?? 0) - (loads.get(b.userId) ?? 0) || compare(a.userId, b.userId)).slice(0, 1).map((member) => member.userId);
  if (pool.length === 0 && units.length > 0) throw new AssignmentError('Không có thành viên tổ thẩm định nào ngoài đơn vị này để thẩm định bổ sung.');
  return new Map([...units].sort((a, b) => compare(a.unitId, b.unitId)).map((unit, index) => [unit.unitId, pool[index % pool.length] ?? '']));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
