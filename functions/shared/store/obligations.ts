import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countDeltas } from '../../../domain/dashboard/tallies.ts';
import { DEFAULT_REMINDERS, openingDuty, remindersOf, reportDuties, type Due, type ReminderRule } from '../../../domain/deadlines/obligations.ts';
import type { Unit } from '../../../domain/organisation.ts';
import type { Cycle } from '../../../domain/recognition/cycles.ts';
import { batchGetItems, queryAll, type TransactItem } from './table.ts';
import { deltaItems } from './tallies.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';
import { dueKeys } from './process.ts';
import { listChildren } from './units.ts';

/** Every unit under `rootId`, level by level: one index query per unit with children. */
async function unitsUnder(rootId: string): Promise<Unit[]> {
  const found: Unit[] = [];
  let level = [rootId];
  while (level.length > 0) {
    const children = (await Promise.all(level.map((unitId) => listChildren(unitId)))).flat();
    found.push(...children);
    level = children.filter((unit) => unit.kind !== 'branch').map((unit) => unit.unitId);
  }
  return found;
}

/** An obligation to open, and the record whose presence would mean it is already done. */
interface Opening {
  key: Key;
  due: Due;
  doneIf: Key;
}

type Key = { pk: string; sk: string };

/**
 * Opens a cycle's first obligations: each unit in its scope that sends a plan owes it by the
 * first step's deadline (one item each, in the due index), unless it already has a standing; each
 * unit above the chi đoàn owes the cycle's yearly reports, unless already sent. Registers the
 * cycle's reminder rule so the sweep knows which dates to read. Idempotent: an obligation already
 * open is neither written nor counted again.
 */
export async function openObligations(cycle: Cycle): Promise<number> {
  await registerReminderRule(remindersOf(cycle));
  const inScope = await unitsUnder(cycle.scopeUnitId);
  const dueOf = (unit: Unit, duty: Due['duty'], deadline: string): Due => ({ cycleId: cycle.cycleId, duty, deadline, ownerUnitId: unit.unitId, ownerAncestors: unit.ancestors, subjectUnitId: unit.unitId, subjectName: unit.name });
  const candidates: Opening[] = [
    ...inScope.flatMap((unit) => {
      const opening = openingDuty(cycle, unit.kind);
      return opening ? [{ key: keys.obligation(cycle.cycleId, unit.unitId), due: dueOf(unit, opening.duty, opening.deadline), doneIf: keys.standing(cycle.cycleId, unit.unitId) }] : [];
    }),
    ...inScope.flatMap((unit) => reportDuties(cycle, unit).map(({ duty, deadline }) => ({ key: keys.reportObligation(cycle.cycleId, unit.unitId, duty), due: dueOf(unit, duty, deadline), doneIf: keys.report(cycle.cycleId, unit.unitId, duty) }))),
  ];
  const openings = await withoutPresent(candidates);
  let opened = 0;
  // One group after another: every group counts at the same units above, which concurrent transactions would fight over.
  for (const chunk of transactionChunks(openings)) opened += await openChunk(chunk);
  return opened;
}

/** The candidates neither open already nor done: one batch per kind of key (answers are keyed by pk, which kinds share). */
async function withoutPresent(candidates: Opening[]): Promise<Opening[]> {
  const present = new Set<string>();
  const kinds = new Set(candidates.flatMap((candidate) => [`key:${candidate.key.sk}`, `doneIf:${candidate.doneIf.sk}`]));
  for (const kind of kinds) {
    const [field, sk] = [kind.slice(0, kind.indexOf(':')) as 'key' | 'doneIf', kind.slice(kind.indexOf(':') + 1)];
    const found = await batchGetItems(candidates.filter((candidate) => candidate[field].sk === sk).map((candidate) => candidate[field]));
    for (const pk of found.keys()) present.add(`${pk}\n${sk}`);
  }
  const isPresent = (key: Key) => present.has(`${key.pk}\n${key.sk}`);
  return candidates.filter((candidate) => !isPresent(candidate.key) && !isPresent(candidate.doneIf));
}

const MAX_TRANSACTION_ITEMS = 100;

/** Openings in groups whose transaction (two items each, and the counts they change) stays within DynamoDB's 100 items. */
function transactionChunks(openings: Opening[]): Opening[][] {
  const chunks: Opening[][] = [];
  let chunk: Opening[] = [];
  let counted = new Set<string>();
  for (const opening of openings) {
    const withThis = new Set([...counted, ...opening.due.ownerAncestors]);
    if (chunk.length > 0 && 2 * (chunk.length + 1) + withThis.size > MAX_TRANSACTION_ITEMS) {
      chunks.push(chunk);
      chunk = [];
      counted = new Set(opening.due.ownerAncestors);
    } else {
      counted = withThis;
    }
    chunk.push(opening);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Writes a group of obligations, each only if still absent and not yet done, with the dashboard's
 * counts of open obligations in the same transaction. Those a concurrent writer got to first
 * (opened, or done: a plan sent meanwhile) are dropped and the rest written again.
 */
async function openChunk(chunk: Opening[]): Promise<number> {
  let left = chunk;
  for (let attempt = 1; left.length > 0; attempt++) {
    const opened = left.map((opening) => ({ ownerUnitId: opening.due.ownerUnitId, ownerAncestors: opening.due.ownerAncestors, duty: opening.due.duty, deadline: opening.due.deadline, by: 1 as const }));
    const items: TransactItem[] = [
      ...left.flatMap((opening): TransactItem[] => [
        { Put: { TableName: config.tableName, Item: { ...opening.key, ...dueKeys(opening.due) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { ConditionCheck: { TableName: config.tableName, Key: opening.doneIf, ConditionExpression: 'attribute_not_exists(pk)' } },
      ]),
      ...deltaItems(countDeltas([], opened), (unitId) => keys.counts(left[0]!.due.cycleId, unitId)),
    ];
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
      return left.length;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || attempt >= 5) throw error;
      const refused = new Set((error.CancellationReasons ?? []).flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' && index < 2 * left.length ? [Math.floor(index / 2)] : [])));
      left = left.filter((_, index) => !refused.has(index));
      // A conflict with another transaction on a shared counter: step aside a moment.
      if (refused.size === 0) await new Promise((resolve) => setTimeout(resolve, 20 * attempt * (1 + Math.random())));
    }
  }
  return 0;
}

export async function registerReminderRule(rule: ReminderRule): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.sweepRules(),
      UpdateExpression: 'ADD #rules :rule',
      ExpressionAttributeNames: { '#rules': 'rules' },
      ExpressionAttributeValues: { ':rule': new Set([JSON.stringify({ daysBefore: [...rule.daysBefore].sort((a, b) => a - b), graceDays: rule.graceDays })]) },
    }),
  );
}

/** The distinct reminder rules in use (the default always among them): one key lookup. */
export async function reminderRules(): Promise<ReminderRule[]> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.sweepRules() }));
  const stored = [...((Item?.rules as Set<string> | undefined) ?? [])].map((rule) => JSON.parse(rule) as ReminderRule);
  return [DEFAULT_REMINDERS, ...stored];
}

export interface Intake {
  cycleId: string;
  upperUnitId: string;
  closesOn: string;
}

/** What is due on one date: open obligations, and intakes of appraisal reports to close. One index query, page after page. */
export async function dueOn(date: string): Promise<{ dues: Due[]; intakes: Intake[] }> {
  const items = await queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :due', ExpressionAttributeValues: { ':due': `DUE#${date}` } });
  const records = items.map((item) => recordOf<{ due?: Due; intake?: Omit<Intake, 'closesOn'> }>(item));
  return {
    dues: records.flatMap((record) => (record.due ? [record.due] : [])),
    intakes: records.flatMap((record) => (record.intake ? [{ ...record.intake, closesOn: date }] : [])),
  };
}
