import { addDays } from '../../../domain/dates.ts';
import { startStored, type WorkflowStart } from '../dispatch/outbox.ts';
import { partitions } from '../store/keys.ts';
import { queryAll } from '../store/table.ts';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config, dynamo } from '../config/config.ts';

/** A record younger than this is left to its own request, whose start may be under way. */
export const REPAIR_AFTER_MS = 3 * 60_000;
/** How far back the outbox is read: a record stuck longer has been reported every run since. */
const OUTBOX_DAYS = 7;
/** Records started per run: a backlog drains over a few runs, never all at once. */
const PER_RUN = 200;
/** Names listed in the result (the state carries a few, never the whole backlog). */
const LISTED = 20;

export interface RepairReport {
  found: number;
  started: number;
  running: number;
  refused: string[];
  failed: string[];
}

/** One JSON line per record it acts on, with the record's name as correlation id. */
const log = (event: string, name: string, detail: Record<string, unknown> = {}) => console.info(JSON.stringify({ event, name, ...detail }));

/**
 * Task RepairOutbox: every record stored more than three minutes ago and not yet carried out (it
 * is still in the outbox) gets its workflow started again: the process died between storing and
 * starting, or its run failed for good on a passing fault. Bounded per run, idempotent (starts are
 * named after the record), and logged. A run that failed with a refusal is left for a person.
 */
export async function repairOutbox(now: Date): Promise<RepairReport> {
  const cutoff = new Date(now.getTime() - REPAIR_AFTER_MS).toISOString();
  const today = now.toISOString().slice(0, 10);
  const stuck: StuckRecord[] = [];
  for (let back = 0; back < OUTBOX_DAYS && stuck.length < PER_RUN; back++) {
    const items = await queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :day AND gsi2sk < :cutoff',
      ExpressionAttributeValues: { ':day': partitions.outboxOn(addDays(today, -back)), ':cutoff': cutoff },
      Limit: PER_RUN,
    });
    stuck.push(...items.filter((item) => item.outbox).map((item) => ({ key: { pk: item.pk as string, sk: item.sk as string }, start: item.outbox as WorkflowStart })));
  }
  const report: RepairReport = { found: stuck.length, started: 0, running: 0, refused: [], failed: [] };
  for (const { key, start } of stuck.slice(0, PER_RUN)) {
    try {
      const { name, outcome, lastFailure } = await startStored(start, { rerunRefused: false });
      if (outcome === 'started') {
        report.started++;
        log('repair.started', name, { workflow: start.workflow, lastFailure });
      } else if (outcome === 'refused') {
        if (report.refused.length < LISTED) report.refused.push(start.name);
        log('repair.refused', start.name, { workflow: start.workflow, lastFailure });
      } else report.running++;
      await noteRepair(key, { at: now.toISOString(), outcome, run: name, lastFailure });
    } catch (error) {
      if (report.failed.length < LISTED) report.failed.push(start.name);
      log('repair.failed', start.name, { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
  return report;
}

interface StuckRecord {
  key: { pk: string; sk: string };
  start: WorkflowStart;
}

/** What the repairer last did with a record, on the record (the admin's list of stuck records shows it). */
async function noteRepair(key: { pk: string; sk: string }, repair: Record<string, unknown>): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: key,
      UpdateExpression: 'SET repair = :repair',
      ConditionExpression: 'attribute_exists(outbox)',
      ExpressionAttributeValues: { ':repair': JSON.parse(JSON.stringify(repair)) as Record<string, unknown> },
    }),
  ).catch((error: unknown) => {
    // Carried out meanwhile: it left the outbox, nothing to note.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  });
}

/** Every record not yet carried out (the outbox), newest day first, for the admin: one query a day. */
export async function listStuck(now: Date): Promise<{ name: string; workflow: string; storedAt: string; repair?: Record<string, unknown> }[]> {
  const today = now.toISOString().slice(0, 10);
  const found: { name: string; workflow: string; storedAt: string; repair?: Record<string, unknown> }[] = [];
  for (let back = 0; back < OUTBOX_DAYS; back++) {
    const items = await queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :day',
      ExpressionAttributeValues: { ':day': partitions.outboxOn(addDays(today, -back)) },
    });
    for (const item of items) {
      const start = item.outbox as WorkflowStart | undefined;
      if (start) found.push({ name: start.name, workflow: start.workflow, storedAt: String(item.gsi2sk).split('#')[0]!, repair: item.repair as Record<string, unknown> | undefined });
    }
  }
  return found;
}
