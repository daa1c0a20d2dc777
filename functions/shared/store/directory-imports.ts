import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '../../../domain/errors.ts';
import type { Unit } from '../../../domain/organisation.ts';
import type { User } from '../../../domain/users.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, recordOf } from './keys.ts';
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

  // Parents before children, so the tree is whole at every point a reader could look.
  const items = [...units.map(unitItem), ...users.map(userItem)].map((item) => ({ ...item, importId: record.importId }));
  const written: (typeof items)[] = [];
  for (let start = 0; start < items.length; start += TRANSACTION_ITEMS) {
    const chunk = items.slice(start, start + TRANSACTION_ITEMS);
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: chunk.map((item) => ({
            Put: {
              TableName: config.tableName,
              Item: item,
              ConditionExpression: 'attribute_not_exists(pk) OR importId = :importId',
              ExpressionAttributeValues: { ':importId': record.importId },
            },
          })),
        }),
      );
      written.push(chunk);
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      await undo(written, record.importId);
      await setStatus(record.importId, 'failed');
      throw new ValidationError('Một số mã vừa được tạo bởi người khác trong lúc nhập; chưa nhập dòng nào. Vui lòng kiểm tra và nhập lại.');
    }
  }
  await setStatus(record.importId, 'done');
  return { ...record, status: 'done' };
}

async function undo(chunks: { pk: string; sk: string }[][], importId: string): Promise<void> {
  for (const chunk of chunks) {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: chunk.map((item) => ({
          Delete: {
            TableName: config.tableName,
            Key: { pk: item.pk, sk: item.sk },
            ConditionExpression: 'importId = :importId',
            ExpressionAttributeValues: { ':importId': importId },
          },
        })),
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
