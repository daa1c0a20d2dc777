import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '../../../domain/errors.ts';
import type { Unit } from '../../../domain/organisation.ts';
import type { User } from '../../../domain/users.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';
import { deltaItems, inverseItems } from './tallies.ts';
import { tallyDeltas, type Delta } from '../../../domain/dashboard/tallies.ts';
import { unitItem } from './units.ts';
import { userItem } from './users.ts';

export interface DirectoryImport {
  importId: string;
  fileName: string;
  fingerprint: string;
  status: 'writing' | 'done' | 'failed';
  units: number;
  users: number;
  importedBy: string;
  importedAt: string;
}

/** DynamoDB's limit on one transaction. */
const TRANSACTION_ITEMS = 100;

export async function findImport(importId: string): Promise<DirectoryImport | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.directoryImport(importId), ConsistentRead: true }));
  return Item ? recordOf<DirectoryImport>(Item) : undefined;
}

/**
 * Writes a checked import all or nothing. Up to 100 rows go in one transaction. A bigger file goes
 * in transactions of 100; if one fails (an id taken meanwhile), the ones before it are removed
 * again, so the directory never holds half a file. Items carry the import id, so a retry of the
 * same import may rewrite its own items but never anyone else's.
 */
export async function writeImport(record: DirectoryImport, units: Unit[], users: User[]): Promise<DirectoryImport> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...keys.directoryImport(record.importId), ...record, status: 'writing' },
        ConditionExpression: 'attribute_not_exists(pk) OR (fingerprint = :fingerprint AND #status <> :done)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':fingerprint': record.fingerprint, ':done': 'done' },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ConflictError('Khóa chống gửi trùng đã dùng cho một lần nhập khác.');
    throw error;
  }

  const chunks = chunksOf(units, users, record.importId);
  const written: Chunk[] = [];
  for (const chunk of chunks) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            // First: the chunk's marker. A retry of this import finds it and goes on to the next.
            { Put: { TableName: config.tableName, Item: chunk.marker, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...chunk.items.map((item) => ({
              Put: {
                TableName: config.tableName,
                Item: item,
                ConditionExpression: 'attribute_not_exists(pk) OR importId = :importId',
                ExpressionAttributeValues: { ':importId': record.importId },
              },
            })),
            ...deltaItems(chunk.tallies, keys.tally),
          ],
        }),
      );
      written.push(chunk);
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        written.push(chunk);
        continue;
      }
      await undo(written);
      await setStatus(record.importId, 'failed');
      throw new ValidationError('Một số mã vừa được tạo bởi người khác trong lúc nhập; chưa nhập dòng nào. Vui lòng kiểm tra và nhập lại.');
    }
  }
  await setStatus(record.importId, 'done');
  return { ...record, status: 'done' };
}

interface Chunk {
  marker: { pk: string; sk: string };
  items: Record<string, unknown>[];
  /** What the chunk's units add to the tallies above them (the dashboard's denominators). */
  tallies: Map<string, Delta>;
}

/** Entries one tally update may carry: well within DynamoDB's 4 KB update expression. */
const TALLY_ENTRIES = 150;

/**
 * The import in transactions of at most 100 items: the chunk's marker, its rows, and one tally
 * update per unit above them. Parents come before children, so the tree is whole at every point a
 * reader could look. The same rows always make the same chunks, so a retry finds its markers.
 */
function chunksOf(units: Unit[], users: User[], importId: string): Chunk[] {
  const rows = [...units.map((unit) => ({ item: unitItem(unit), unit })), ...users.map((user) => ({ item: userItem(user), unit: undefined }))];
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const row of rows) {
    const more = row.unit ? tallyDeltas([row.unit]) : new Map<string, Delta>();
    if (!current || !fits(current, more)) {
      current = { marker: keys.importChunk(importId, chunks.length), items: [], tallies: new Map() };
      chunks.push(current);
    }
    mergeInto(current.tallies, more);
    current.items.push({ ...row.item, importId });
  }
  return chunks;
}

/** Whether one more row, and what it adds to the tallies, still fits the chunk's transaction. */
function fits(chunk: Chunk, more: Map<string, Delta>): boolean {
  const tallies = new Set([...chunk.tallies.keys(), ...more.keys()]).size;
  if (1 + chunk.items.length + 1 + tallies > TRANSACTION_ITEMS) return false;
  return [...more].every(([unitId, delta]) => {
    const held = chunk.tallies.get(unitId);
    return new Set([...Object.keys(held?.add ?? {}), ...Object.keys(held?.set ?? {}), ...Object.keys(delta.add), ...Object.keys(delta.set)]).size <= TALLY_ENTRIES;
  });
}

function mergeInto(into: Map<string, Delta>, more: Map<string, Delta>): void {
  for (const [unitId, delta] of more) {
    const target = into.get(unitId) ?? { add: {}, set: {} };
    for (const [name, by] of Object.entries(delta.add)) target.add[name] = (target.add[name] ?? 0) + by;
    Object.assign(target.set, delta.set);
    into.set(unitId, target);
  }
}

/** Takes written chunks back, each in one transaction: its rows, its marker, its tallies. */
async function undo(chunks: Chunk[]): Promise<void> {
  for (const chunk of chunks) {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: config.tableName, Key: chunk.marker } },
          ...chunk.items.map((item) => ({
            Delete: {
              TableName: config.tableName,
              Key: { pk: item.pk as string, sk: item.sk as string },
              ConditionExpression: 'importId = :importId',
              ExpressionAttributeValues: { ':importId': item.importId },
            },
          })),
          ...inverseItems(chunk.tallies, keys.tally),
        ],
      }),
    );
  }
}

async function setStatus(importId: string, status: DirectoryImport['status']): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.directoryImport(importId),
      UpdateExpression: 'SET #status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status },
    }),
  );
}
