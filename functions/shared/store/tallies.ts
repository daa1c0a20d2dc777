import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inverse, type Delta } from '../../../domain/dashboard/tallies.ts';
import { config, dynamo } from '../config/config.ts';
import { batchGetItems } from './table.ts';
import { keys } from './keys.ts';
import { dashboardOf } from '../../../domain/dashboard/rows.ts';
import { calendarDate } from '../../../domain/dates.ts';
import type { Unit } from '../../../domain/organisation.ts';
import type { Cycle } from '../../../domain/recognition/cycles.ts';
import type { TransactItem } from './table.ts';

type Key = { pk: string; sk: string };

/** An update that adds to counters and sets (or removes) names; the item is made if absent. */
function update(key: Key, add: Record<string, number>, set: Record<string, string>, remove: string[] = []) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const name = (attribute: string) => {
    const placeholder = `#a${Object.keys(names).length}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const value = (given: unknown) => {
    const placeholder = `:v${Object.keys(values).length}`;
    values[placeholder] = given;
    return placeholder;
  };
  const clauses = [
    Object.keys(set).length > 0 ? `SET ${Object.entries(set).map(([attribute, text]) => `${name(attribute)} = ${value(text)}`).join(', ')}` : '',
    Object.keys(add).length > 0 ? `ADD ${Object.entries(add).map(([attribute, by]) => `${name(attribute)} ${value(by)}`).join(', ')}` : '',
    remove.length > 0 ? `REMOVE ${remove.map(name).join(', ')}` : '',
  ];
  return {
    TableName: config.tableName,
    Key: key,
    UpdateExpression: clauses.filter(Boolean).join(' '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: Object.keys(values).length > 0 ? values : undefined,
  };
}

/** Transaction items applying deltas, one per item changed. */
export function deltaItems(deltas: Map<string, Delta>, keyOf: (unitId: string) => Key): TransactItem[] {
  return [...deltas].map(([unitId, delta]) => ({ Update: update(keyOf(unitId), delta.add, delta.set) }));
}

/** Transaction items taking deltas back (an import undone). */
export function inverseItems(deltas: Map<string, Delta>, keyOf: (unitId: string) => Key): TransactItem[] {
  return [...deltas].map(([unitId, delta]) => {
    const { add, remove } = inverse(delta);
    return { Update: update(keyOf(unitId), add, {}, remove) };
  });
}

/**
 * Applies deltas outside a transaction (bulk loads: the demo seed, benchmarks): each item's delta
 * in parts small enough for one update expression; adding commutes, so parts may go in any order.
 */
export async function applyDeltas(deltas: Map<string, Delta>, keyOf: (unitId: string) => Key): Promise<void> {
  const PART = 100;
  const updates = [...deltas].flatMap(([unitId, delta]) => {
    const entries = [...Object.entries(delta.add).map((entry) => ['add', ...entry] as const), ...Object.entries(delta.set).map((entry) => ['set', ...entry] as const)];
    const parts: ReturnType<typeof update>[] = [];
    for (let start = 0; start < entries.length; start += PART) {
      const part = entries.slice(start, start + PART);
      const add = Object.fromEntries(part.filter(([kind]) => kind === 'add').map(([, attribute, by]) => [attribute, by as number]));
      const set = Object.fromEntries(part.filter(([kind]) => kind === 'set').map(([, attribute, text]) => [attribute, text as string]));
      parts.push(update(keyOf(unitId), add, set));
    }
    return parts;
  });
  for (let start = 0; start < updates.length; start += 16) {
    await Promise.all(updates.slice(start, start + 16).map((input) => dynamo().send(new UpdateCommand(input))));
  }
}

/** A unit's dashboard in a cycle: its tally and its counts, the two items it reads. */
export async function dashboardFor(unit: Unit, cycle: Cycle, now: Date): Promise<ReturnType<typeof dashboardOf>> {
  const tallyKey = keys.tally(unit.unitId);
  const countsKey = keys.counts(cycle.cycleId, unit.unitId);
  const found = await batchGetItems([tallyKey, countsKey]);
  return dashboardOf(unit, found.get(tallyKey.pk) ?? {}, found.get(countsKey.pk) ?? {}, cycle, calendarDate(now));
}
