/* Table operations every repository shares: batched gets and puts, paged queries, guarded updates. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, GetCommand, PutCommand, QueryCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { config, dynamo } from '../config/config.ts';
import { OUTBOX_FIELDS } from './keys.ts';

/** One item of a TransactWriteCommand: a Put, Update, Delete or ConditionCheck. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Items by key, in batches of 100 (DynamoDB's limit), retrying what the table leaves unprocessed.
 * Returns the found items by partition key; missing keys are simply absent.
 */
export async function batchGetItems(keyList: { pk: string; sk: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keyList.map((key) => [`${key.pk}\n${key.sk}`, key])).values()];
  for (let start = 0; start < unique.length; start += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [config.tableName]: { Keys: unique.slice(start, start + 100) },
    };
    while (request && Object.keys(request).length > 0) {
      const page = await dynamo().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of page.Responses?.[config.tableName] ?? []) found.set(item.pk as string, item);
      request = page.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** Puts items in batches of 25 (DynamoDB's limit), retrying unprocessed ones with backoff. Not atomic. */
export async function batchPutItems(items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let requests: Record<string, unknown>[] = items.slice(start, start + 25).map((item) => ({ PutRequest: { Item: item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));
      const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [config.tableName]: requests } }));
      requests = result.UnprocessedItems?.[config.tableName] ?? [];
    }
  }
}

/** Every item of one index partition (gsi1), page after page. */
export async function queryPartition(gsi1pk: string): Promise<Record<string, unknown>[]> {
  return queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': gsi1pk } });
}

/** Every item a key-condition query returns, page after page. */
export async function queryAll(query: Omit<NonNullable<ConstructorParameters<typeof QueryCommand>[0]>, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...query, TableName: config.tableName, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

type UpdateItem = { Update: NonNullable<NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]['Update']> };

/**
 * A transaction item setting the given fields (undefined ones skipped) on a record that is still
 * in `expectedStatus`: how a task marks the submission or decision it has just carried out, which
 * thereby leaves the outbox.
 */
export function setIfStatus(key: { pk: string; sk: string }, fields: Record<string, unknown>, expectedStatus: string): UpdateItem {
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    Update: {
      TableName: config.tableName,
      Key: key,
      UpdateExpression: `SET ${present.map(([name]) => `#${name} = :${name}`).join(', ')} REMOVE ${OUTBOX_FIELDS}`,
      ConditionExpression: '#status = :expected',
      ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(present.map(([name]) => [`#${name}`, name])) },
      ExpressionAttributeValues: { ...Object.fromEntries(present.map(([name, value]) => [`:${name}`, value])), ':expected': expectedStatus },
    },
  };
}

/**
 * Ids kept in the table in pages of `size` under the keys `keyOf(page)`, so that a workflow's
 * state carries page numbers, never the ids (Step Functions' 256 KiB). Writing the same ids again
 * writes the same pages. Returns the page numbers.
 */
export async function putIdPages(keyOf: (page: number) => { pk: string; sk: string }, ids: string[], size: number): Promise<number[]> {
  const pages: number[] = [];
  const items: Record<string, unknown>[] = [];
  for (let start = 0, page = 0; start < ids.length; start += size, page++) {
    items.push({ ...keyOf(page), ids: ids.slice(start, start + size) });
    pages.push(page);
  }
  await batchPutItems(items);
  return pages;
}

/** The ids of one page written by putIdPages, or undefined if there is no such page. */
export async function getIdPage(key: { pk: string; sk: string }): Promise<string[] | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: key, ConsistentRead: true }));
  return Item?.ids as string[] | undefined;
}

/** Writes an item only if absent; false when it was already there. */
export async function putOnce(item: Record<string, unknown>): Promise<boolean> {
  try {
    await dynamo().send(new PutCommand({ TableName: config.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

