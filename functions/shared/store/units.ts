import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, batchPutItems, queryPartition } from './table.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { byName, type Unit } from '../../../domain/organisation.ts';
import { config, dynamo } from '../config/config.ts';
import { TtlCache } from './cache.ts';
import { applyDeltas } from './tallies.ts';
import { tallyDeltas } from '../../../domain/dashboard/tallies.ts';
import { keys, partitions, recordOf } from './keys.ts';

const toUnit = (item: Record<string, unknown>) => recordOf<Unit>(item);

export function unitItem(unit: Unit) {
  return {
    ...keys.unit(unit.unitId),
    ...(unit.parentId ? keys.unitUnderParent(unit.parentId, unit.name, unit.unitId) : {}),
    ...unit,
  };
}

// A unit moved in the tree is seen everywhere within this long; access checks read units constantly.
const UNIT_CACHE_MS = 60_000;
const unitCache = new TtlCache<Unit>(UNIT_CACHE_MS);

export function getUnit(unitId: string): Promise<Unit> {
  return unitCache.get(unitId, async () => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.unit(unitId) }));
    if (!Item) throw new NotFoundError('Không tìm thấy đơn vị.');
    return toUnit(Item);
  });
}

/** Many units by id, in batches of 100 (a draw's reported chi đoàn); unknown ids are absent. */
export async function getUnits(unitIds: string[]): Promise<Map<string, Unit>> {
  const found = await batchGetItems(unitIds.map((unitId) => keys.unit(unitId)));
  return new Map([...found.values()].map((item) => [item.unitId as string, toUnit(item)]));
}

/** The units whose direct upper level is `parentId`, in Vietnamese alphabetical order. */
export async function listChildren(parentId: string): Promise<Unit[]> {
  return (await queryPartition(partitions.childrenOf(parentId))).map(toUnit).sort(byName);
}

/**
 * Writes new units in batches of 25, then adds them to the tallies above them. A bulk loader for
 * the demo seed and benchmarks, not atomic: imports write units and tallies in one transaction.
 * The seed leaves the tallies to a rebuild (infra/local/recount.ts), which a crash cannot halve.
 */
export async function putUnits(units: Unit[], options: { tallies?: boolean } = {}): Promise<void> {
  for (const unit of units) unitCache.delete(unit.unitId);
  await batchPutItems(units.map(unitItem));
  if (options.tallies ?? true) await applyDeltas(tallyDeltas(units), keys.tally);
}
