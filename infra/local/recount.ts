import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { countDeltas, obligationSwap, tallyDeltas, type Delta, type ObligationChange, type StateChange } from '../../domain/dashboard/tallies.ts';
import type { Unit } from '../../domain/organisation.ts';
import { weekOf } from '../../domain/dates.ts';
import { config, dynamo } from '../../functions/shared/config/config.ts';
import { keys } from '../../functions/shared/store/keys.ts';
import { owedBy } from '../../functions/shared/store/process.ts';
import { applyDeltas } from '../../functions/shared/store/tallies.ts';

async function scan(prefix: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: config.tableName, FilterExpression: 'begins_with(pk, :prefix)', ExpressionAttributeValues: { ':prefix': prefix }, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * The dashboard's tallies and counts, rebuilt from what they count (see docs/dashboard.md): the old
 * ones deleted, the new ones written by the same deltas the live writes use. A maintenance step.
 */
export async function rebuildDashboards(): Promise<{ units: number; standings: number; reports: number; items: number }> {
  const [units, standings, reports, tallies, counts, obligations, draws] = await Promise.all([
    scan('UNIT#'),
    scan('STANDING#'),
    scan('REPORT#'),
    scan('TALLY#'),
    scan('COUNTS#'),
    scan('OBLIGATION#'),
    scan('DRAW#'),
  ]);
  for (let start = 0; start < tallies.length + counts.length; start += 25) {
    const chunk = [...tallies, ...counts].slice(start, start + 25);
    await dynamo().send(new BatchWriteCommand({ RequestItems: { [config.tableName]: chunk.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })) } }));
  }
  const byId = new Map(units.map((item) => [item.unitId as string, item as unknown as Unit]));
  const tallyWork = tallyDeltas([...byId.values()]);
  await applyDeltas(tallyWork, keys.tally);

  const byCycle = new Map<string, StateChange[]>();
  for (const standing of standings) {
    const unit = byId.get(standing.unitId as string);
    if (!unit) continue;
    const list = byCycle.get(standing.cycleId as string) ?? [];
    // The week a standing last changed: history before the dashboard existed is not replayed.
    list.push({ unitId: unit.unitId, ancestors: unit.ancestors, after: standing.state as StateChange['after'], week: weekOf(new Date(standing.updatedAt as string)), appraisalAfter: (standing.appraisal as { outcome?: StateChange['appraisalAfter'] } | undefined)?.outcome });
    byCycle.set(standing.cycleId as string, list);
  }
  // Open obligations: those kept on their own (plans, reports) and those a standing owes.
  const owedByCycle = new Map<string, ObligationChange[]>();
  for (const item of [...obligations, ...standings]) {
    const due = owedBy(item);
    if (!due) continue;
    owedByCycle.set(due.cycleId, [...(owedByCycle.get(due.cycleId) ?? []), ...obligationSwap(undefined, due)]);
  }
  // Chi đoàn drawn into a sample, first or widened.
  const sampledByCycle = new Map<string, Unit[]>();
  for (const sample of draws.filter((item) => String(item.sk).startsWith('COMMUNE#'))) {
    const drawn = [...((sample.sampled as string[] | undefined) ?? []), ...((sample.widened as string[] | undefined) ?? [])].flatMap((unitId) => (byId.has(unitId) ? [byId.get(unitId)!] : []));
    sampledByCycle.set(sample.cycleId as string, [...(sampledByCycle.get(sample.cycleId as string) ?? []), ...drawn]);
  }
  let items = tallyWork.size;
  for (const cycleId of new Set([...byCycle.keys(), ...owedByCycle.keys(), ...sampledByCycle.keys(), ...reports.map((report) => report.cycleId as string)])) {
    const deltas = countDeltas(byCycle.get(cycleId) ?? [], owedByCycle.get(cycleId) ?? [], sampledByCycle.get(cycleId) ?? []);
    // The reports sent, marked on each sender's upper level.
    for (const report of reports.filter((candidate) => candidate.cycleId === cycleId)) {
      const upper = byId.get(report.unitId as string)?.parentId;
      if (!upper) continue;
      const delta: Delta = deltas.get(upper) ?? { add: {}, set: {} };
      delta.add[`r:${report.unitId as string}:${report.reportId as string}`] = 1;
      deltas.set(upper, delta);
    }
    await applyDeltas(deltas, (unitId) => keys.counts(cycleId, unitId));
    items += deltas.size;
  }
  return { units: units.length, standings: standings.length, reports: reports.length, items };
}
