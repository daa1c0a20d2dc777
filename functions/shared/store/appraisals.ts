import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import { recognitionBlocker, type AppraisalRecord, type Assignment, type CommuneSample, type DrawRecord } from '../../../domain/appraisal/records.ts';
import type { Standing } from '../../../domain/process/states.ts';
import { batchGetItems, batchPutItems, putOnce, queryAll, queryPartition } from './table.ts';
import { config, dynamo } from '../config/config.ts';
import { expiresAfter, keys, KEEP_DAYS, OUTBOX_FIELDS, partitions, recordOf } from './keys.ts';
import { outboxFields, type WorkflowStart } from './outbox.ts';
import type { PendingNotice } from './process.ts';
import type { Unit } from '../../../domain/organisation.ts';
import { countDeltas } from '../../../domain/dashboard/tallies.ts';
import { deltaItems } from './tallies.ts';

/** The appraisal round's records (domain/appraisal/records.ts), in the single table. */

async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: key, ConsistentRead: true }));
  return Item;
}

export async function getDraw(cycleId: string, upperUnitId: string): Promise<DrawRecord | undefined> {
  const item = await getItem(keys.draw(cycleId, upperUnitId));
  return item && recordOf<DrawRecord>(item);
}

export async function requireDraw(cycleId: string, upperUnitId: string): Promise<DrawRecord> {
  const draw = await getDraw(cycleId, upperUnitId);
  if (!draw) throw new NotFoundError('Cấp trên chưa mở nhận báo cáo cho đợt này.');
  return draw;
}

/**
 * Opens intake: the draw with its published hash, and the sealed seed (functions/shared/secrets)
 * in an item of its own, in one transaction: a crash can leave neither or both, never a draw whose
 * seed is missing. Opening again finds the first.
 */
export async function openDraw(draw: DrawRecord, sealedSeed: string): Promise<DrawRecord> {
  const closing = draw.closesOn ? { ...keys.intakeClosingOn(draw.closesOn, draw.cycleId, draw.upperUnitId), intake: { cycleId: draw.cycleId, upperUnitId: draw.upperUnitId } } : {};
  const absent = { TableName: config.tableName, ConditionExpression: 'attribute_not_exists(pk)' };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { ...absent, Item: { ...keys.draw(draw.cycleId, draw.upperUnitId), ...keys.drawInCycle(draw.cycleId, draw.upperUnitId), ...closing, ...draw } } },
          { Put: { ...absent, Item: { ...keys.drawSeed(draw.cycleId, draw.upperUnitId), sealedSeed } } },
        ],
      }),
    );
    return draw;
  } catch (error) {
    if (error instanceof TransactionCanceledException) return requireDraw(draw.cycleId, draw.upperUnitId);
    throw error;
  }
}

/** Every upper level's draw in a cycle: one index query. */
export async function listDrawsOfCycle(cycleId: string): Promise<DrawRecord[]> {
  return (await queryPartition(partitions.drawsOf(cycleId))).map((item) => recordOf<DrawRecord>(item));
}

/** The seed as stored: sealed, opened only by the draw's function. */
export async function getSealedSeed(cycleId: string, upperUnitId: string): Promise<string> {
  const item = await getItem(keys.drawSeed(cycleId, upperUnitId));
  if (!item) throw new NotFoundError('Không tìm thấy hạt giống của đợt rút mẫu.');
  return item.sealedSeed as string;
}

/**
 * Closes intake once: open → drawing, and the draw enters the outbox with the start it waits for.
 * Closing a draw already closing or drawn changes nothing.
 */
export async function closeDraw(cycleId: string, upperUnitId: string, by: string, now: Date, start: WorkflowStart): Promise<DrawRecord> {
  const outbox = outboxFields(start, now);
  try {
    const { Attributes } = await dynamo().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.draw(cycleId, upperUnitId),
        // Out of the due index (closed now, the sweep has nothing left to close), into the outbox.
        UpdateExpression: 'SET #status = :drawing, closedAt = :now, closedBy = :by, gsi2pk = :outboxPk, gsi2sk = :outboxSk, outbox = :start',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':drawing': 'drawing', ':open': 'open', ':now': now.toISOString(), ':by': by, ':outboxPk': outbox.gsi2pk, ':outboxSk': outbox.gsi2sk, ':start': outbox.outbox },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return recordOf<DrawRecord>(Attributes ?? {});
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return requireDraw(cycleId, upperUnitId);
  }
}

/** Marks the draw done and reveals the seed, once. */
export async function completeDraw(cycleId: string, upperUnitId: string, result: Required<Pick<DrawRecord, 'seed' | 'reportedCount' | 'sampledCount' | 'inputDigest' | 'noticeIds' | 'drawnAt'>>): Promise<void> {
  const names = Object.keys(result) as (keyof typeof result)[];
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.draw(cycleId, upperUnitId),
        UpdateExpression: `SET #status = :drawn, ${names.map((name) => `#${name} = :${name}`).join(', ')} REMOVE ${OUTBOX_FIELDS}`,
        ConditionExpression: '#status = :drawing',
        ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(names.map((name) => [`#${name}`, name])) },
        ExpressionAttributeValues: { ':drawn': 'drawn', ':drawing': 'drawing', ...Object.fromEntries(names.map((name) => [`:${name}`, result[name]])) },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** The chi đoàn reported to this level and waiting on it: one index query on its queue. */
export async function listReported(cycleId: string, upperUnitId: string): Promise<(Standing & { parentId?: string })[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :reported)',
    ExpressionAttributeValues: { ':pk': partitions.queueOf(cycleId, upperUnitId), ':reported': 'reported#' },
  });
  return items.map((item) => recordOf<Standing>(item));
}

type Placed = Pick<Unit, 'unitId' | 'ancestors'>;

/**
 * Stores each commune's sample once, with the dashboard's count of sampled chi đoàn in the same
 * transaction: a re-run of the draw finds the sample there and counts nothing twice.
 */
export async function putSamples(samples: CommuneSample[], units: Map<string, Placed>): Promise<void> {
  for (const sample of samples) {
    const sampled = sample.sampled.flatMap((unitId) => (units.has(unitId) ? [units.get(unitId)!] : []));
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: config.tableName, Item: { ...keys.communeSample(sample.cycleId, sample.upperUnitId, sample.communeId), ...sample }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...deltaItems(countDeltas([], [], sampled), (unitId) => keys.counts(sample.cycleId, unitId)),
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || error.CancellationReasons?.[0]?.Code !== 'ConditionalCheckFailed') throw error;
    }
  }
}

export async function getSample(cycleId: string, upperUnitId: string, communeId: string): Promise<CommuneSample | undefined> {
  const item = await getItem(keys.communeSample(cycleId, upperUnitId, communeId));
  return item && recordOf<CommuneSample>(item);
}

/** Every commune's sample of a draw: one query on the draw's partition. */
export async function listSamples(cycleId: string, upperUnitId: string): Promise<CommuneSample[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :commune)',
    ExpressionAttributeValues: { ':pk': keys.draw(cycleId, upperUnitId).pk, ':commune': 'COMMUNE#' },
  });
  return items.map((item) => recordOf<CommuneSample>(item));
}

/** Records one chi đoàn's outcome on its commune's sample: one attribute, so concurrent results never clash. */
export async function recordResult(sample: Pick<CommuneSample, 'cycleId' | 'upperUnitId' | 'communeId'>, unitId: string, outcome: string): Promise<CommuneSample> {
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.communeSample(sample.cycleId, sample.upperUnitId, sample.communeId),
      UpdateExpression: 'SET results.#unit = :outcome',
      ExpressionAttributeNames: { '#unit': unitId },
      ExpressionAttributeValues: { ':outcome': outcome },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return recordOf<CommuneSample>(Attributes ?? {});
}

/** Adds the widened chi đoàn once, counted as sampled in the same write; false when another run widened this commune already. */
export async function widenSample(sample: Pick<CommuneSample, 'cycleId' | 'upperUnitId' | 'communeId'>, units: Placed[]): Promise<boolean> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: config.tableName,
              Key: keys.communeSample(sample.cycleId, sample.upperUnitId, sample.communeId),
              UpdateExpression: 'SET widened = :units',
              ConditionExpression: 'attribute_not_exists(widened)',
              ExpressionAttributeValues: { ':units': units.map((unit) => unit.unitId) },
            },
          },
          ...deltaItems(countDeltas([], [], units), (unitId) => keys.counts(sample.cycleId, unitId)),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

export function assignmentItem(assignment: Assignment) {
  return {
    ...keys.assignment(assignment.cycleId, assignment.unitId),
    ...keys.assignmentOfAppraiser(assignment.cycleId, assignment.appraiserId, assignment.communeId, assignment.unitId),
    ...assignment,
  };
}

export async function putAssignments(assignments: Assignment[]): Promise<void> {
  await batchPutItems(assignments.map(assignmentItem));
}

export async function getAssignment(cycleId: string, unitId: string): Promise<Assignment | undefined> {
  const item = await getItem(keys.assignment(cycleId, unitId));
  return item && recordOf<Assignment>(item);
}

/** One appraiser's chi đoàn in a cycle, grouped by commune: one index query. */
export async function listAssignments(cycleId: string, userId: string): Promise<Assignment[]> {
  return (await queryPartition(partitions.assignmentsOf(cycleId, userId))).map((item) => recordOf<Assignment>(item));
}

export async function markAppraised(assignment: Pick<Assignment, 'cycleId' | 'unitId'>, appraisalId: string, outcome: string): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.assignment(assignment.cycleId, assignment.unitId),
      UpdateExpression: 'SET #status = :appraised, appraisalId = :id, outcome = :outcome',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':appraised': 'appraised', ':id': appraisalId, ':outcome': outcome },
    }),
  );
}

/** Stores an appraisal before anything acts on it; the same id again finds the first. */
export async function storeAppraisal(appraisal: AppraisalRecord, start: WorkflowStart, now: Date): Promise<AppraisalRecord> {
  if (await putOnce({ ...keys.appraisal(appraisal.appraisalId), ...outboxFields(start, now), ...appraisal })) return appraisal;
  const stored = await getAppraisal(appraisal.appraisalId);
  if (stored.unitId !== appraisal.unitId) throw new ConflictError('Khóa chống gửi trùng đã được dùng cho một chi đoàn khác.');
  return stored;
}

export async function getAppraisal(appraisalId: string): Promise<AppraisalRecord> {
  const item = await getItem(keys.appraisal(appraisalId));
  if (!item) throw new NotFoundError('Không tìm thấy kết quả thẩm định.');
  return recordOf<AppraisalRecord>(item);
}

export async function markAppraisalRecorded(appraisalId: string, noticeIds: string[]): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.appraisal(appraisalId),
      UpdateExpression: `SET #status = :recorded, noticeIds = :ids REMOVE ${OUTBOX_FIELDS}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':recorded': 'recorded', ':ids': noticeIds },
    }),
  );
}

/**
 * Queues notices that must never be queued twice: each is written only if absent, so a re-run
 * after a crash never turns a sent notice back to pending.
 */
export async function queueNotices(notices: PendingNotice[], now: Date): Promise<string[]> {
  for (const notice of notices) {
    await putOnce({ ...keys.notice(notice.noticeId), noticeId: notice.noticeId, ...notice.message, status: 'pending', createdAt: now.toISOString(), ...expiresAfter(now, KEEP_DAYS.notice) });
  }
  return notices.map((notice) => notice.noticeId);
}


/**
 * Why the upper level cannot recognise this chi đoàn yet, read from its commune's sample (one
 * key lookup): the upper level is the commune's direct upper level.
 */
export async function recognitionBlockerFor(cycleId: string, unit: { unitId: string; ancestors: string[] }): Promise<string | undefined> {
  const communeId = unit.ancestors.at(-1);
  const upperUnitId = unit.ancestors.at(-2);
  const sample = communeId && upperUnitId ? await getSample(cycleId, upperUnitId, communeId) : undefined;
  return recognitionBlocker(sample, unit.unitId);
}

/** The assignments of some chi đoàn (a commune's first sample), by key. */
export async function getAssignments(cycleId: string, unitIds: string[]): Promise<Assignment[]> {
  const found = await batchGetItems(unitIds.map((unitId) => keys.assignment(cycleId, unitId)));
  return [...found.values()].map((item) => recordOf<Assignment>(item));
}
