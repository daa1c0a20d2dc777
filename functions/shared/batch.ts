import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { config, dynamo } from './config.ts';

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
