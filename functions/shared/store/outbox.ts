import type { PROCESS_WORKFLOW_ENV_OF, WORKFLOW_ENV_OF } from '../config/env-names.ts';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../../domain/dates.ts';
import { config, dynamo } from '../config/config.ts';
import { keys, partitions } from './keys.ts';

/** The state machines that carry out a stored record. */
export type RecordWorkflow = keyof typeof PROCESS_WORKFLOW_ENV_OF | Exclude<keyof typeof WORKFLOW_ENV_OF, 'daily-sweep'>;

/** The start a stored record is waiting for: which machine, the execution's name, its input. */
export interface WorkflowStart {
  workflow: RecordWorkflow;
  name: string;
  input: Record<string, unknown>;
}

/**
 * The record is its own outbox: stored with the start it waits for and an entry in the sparse
 * index under its day, taken out (REMOVE OUTBOX_FIELDS, keys.ts) by the same write that records
 * its outcome. Whatever died between storing and starting, the repairer finds it there.
 */
export function outboxFields(start: WorkflowStart, storedAt: Date) {
  return { ...keys.inOutbox(storedAt, start.name), outbox: start };
}

/** How far back the outbox is read: a record stuck longer has been reported every run since. */
const OUTBOX_DAYS = 7;

/** A record in the outbox: its key, the start it waits for, when it was stored, what the repairer last did. */
export interface OutboxEntry {
  key: { pk: string; sk: string };
  start: WorkflowStart;
  storedAt: string;
  repair?: Record<string, unknown>;
}

/**
 * The records not yet carried out, one index query per day (today and six days back), oldest
 * first within a day; only those stored before `storedBefore` if given, and at most `limit`.
 */
export async function readOutbox(now: Date, options: { storedBefore?: Date; limit?: number } = {}): Promise<OutboxEntry[]> {
  const today = now.toISOString().slice(0, 10);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const before = options.storedBefore?.toISOString();
  const found: OutboxEntry[] = [];
  for (let back = 0; back < OUTBOX_DAYS && found.length < limit; back++) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: config.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: before ? 'gsi2pk = :day AND gsi2sk < :before' : 'gsi2pk = :day',
          ExpressionAttributeValues: { ':day': partitions.outboxOn(addDays(today, -back)), ...(before ? { ':before': before } : {}) },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (!item.outbox || found.length >= limit) continue;
        found.push({ key: { pk: item.pk as string, sk: item.sk as string }, start: item.outbox as WorkflowStart, storedAt: String(item.gsi2sk).split('#')[0]!, repair: item.repair as Record<string, unknown> | undefined });
      }
      startKey = found.length < limit ? page.LastEvaluatedKey : undefined;
    } while (startKey);
  }
  return found;
}

/** What the repairer last did with a record, on the record (the admin's list of stuck records shows it). */
export async function noteRepair(key: { pk: string; sk: string }, repair: Record<string, unknown>): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: key,
      UpdateExpression: 'SET repair = :repair',
      ConditionExpression: 'attribute_exists(outbox)',
      // Undefined fields (no lastFailure) are dropped by the document client's marshalling options.
      ExpressionAttributeValues: { ':repair': repair },
    }),
  ).catch((error: unknown) => {
    // Carried out meanwhile: it left the outbox, nothing to note.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  });
}
