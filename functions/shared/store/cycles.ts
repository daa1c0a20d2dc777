import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import type { Cycle, CycleRequest } from '../../../domain/recognition/cycles.ts';
import { config, dynamo } from '../config/config.ts';
import { TtlCache } from './cache.ts';
import { keys, partitions, recordOf } from './keys.ts';

type StoredCycle = Cycle & { requestFingerprint: string };

const toCycle = (item: Record<string, unknown>) => recordOf<StoredCycle>(item);

const fingerprint = (request: CycleRequest) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

/** Stores a new cycle; the same request again returns the stored one, a different one is refused. */
export async function storeCycle(cycle: Cycle, request: CycleRequest): Promise<{ cycle: Cycle; created: boolean }> {
  const stored: StoredCycle = { ...cycle, requestFingerprint: fingerprint(request) };
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...keys.cycle(cycle.cycleId), ...keys.cycleInScope(cycle.scopeUnitId, cycle.year, cycle.cycleId), ...stored },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { cycle, created: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = await getCycle(cycle.cycleId);
    if (existing.requestFingerprint !== stored.requestFingerprint) {
      throw new ConflictError(`Đợt "${existing.title}" đã được tạo với thông số khác.`);
    }
    return { cycle: existing, created: false };
  }
}

// Every submission checks its cycle; cycles change a few times a year.
const cycleCache = new TtlCache<StoredCycle>(60_000);

export function getCycle(cycleId: string): Promise<StoredCycle> {
  return cycleCache.get(cycleId, async () => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.cycle(cycleId) }));
    if (!Item) throw new NotFoundError('Không tìm thấy đợt công nhận.');
    return toCycle(Item);
  });
}

/** Cycles scoped to one unit, newest year first. */
export async function listCyclesInScope(scopeUnitId: string): Promise<Cycle[]> {
  const { Items = [] } = await dynamo().send(
    new QueryCommand({
      TableName: config.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :scope',
      ExpressionAttributeValues: { ':scope': partitions.cyclesInScope(scopeUnitId) },
      ScanIndexForward: false,
    }),
  );
  return Items.map(toCycle);
}
