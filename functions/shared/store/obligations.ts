import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_REMINDERS, openingDuty, remindersOf, reportDuties, type Due, type ReminderRule } from '../../../domain/deadlines/obligations.ts';
import type { Unit } from '../../../domain/organisation.ts';
import type { Cycle } from '../../../domain/recognition/cycles.ts';
import { batchGetItems, batchPutItems, queryAll } from './table.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';
import { dueKeys, getStandings } from './process.ts';
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

/**
 * Opens a cycle's first obligations: each unit in its scope that sends a plan owes it by the
 * first step's deadline (one item each, in the due index), unless it already has a standing; each
 * unit above the chi đoàn owes the cycle's yearly reports, unless already sent. Registers the
 * cycle's reminder rule so the sweep knows which dates to read. Idempotent.
 */
export async function openObligations(cycle: Cycle): Promise<number> {
  await registerReminderRule(remindersOf(cycle));
  const inScope = await unitsUnder(cycle.scopeUnitId);
  const units = inScope.filter((unit) => openingDuty(cycle, unit.kind));
  const standings = await getStandings(cycle.cycleId, units.map((unit) => unit.unitId));
  const owing = units.filter((unit) => !standings.get(unit.unitId));
  const dueOf = (unit: Unit, duty: Due['duty'], deadline: string): Due => ({ cycleId: cycle.cycleId, duty, deadline, ownerUnitId: unit.unitId, ownerAncestors: unit.ancestors, subjectUnitId: unit.unitId, subjectName: unit.name });
  const reports = inScope.flatMap((unit) => reportDuties(cycle, unit).map((report) => ({ unit, ...report })));
  // One batch per kind of report: batchGetItems keys its answer by pk, which a unit's two reports share.
  const sent = new Set<string>();
  for (const duty of new Set(reports.map((report) => report.duty))) {
    const found = await batchGetItems(reports.filter((report) => report.duty === duty).map(({ unit }) => keys.report(cycle.cycleId, unit.unitId, duty)));
    for (const item of found.values()) sent.add(`${item.unitId as string}#${duty}`);
  }
  const reportsOwed = reports.filter(({ unit, duty }) => !sent.has(`${unit.unitId}#${duty}`));
  await batchPutItems([
    ...owing.map((unit) => {
      const opening = openingDuty(cycle, unit.kind)!;
      return { ...keys.obligation(cycle.cycleId, unit.unitId), ...dueKeys(dueOf(unit, opening.duty, opening.deadline)) };
    }),
    ...reportsOwed.map(({ unit, duty, deadline }) => ({ ...keys.reportObligation(cycle.cycleId, unit.unitId, duty), ...dueKeys(dueOf(unit, duty, deadline)) })),
  ]);
  return owing.length + reportsOwed.length;
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
