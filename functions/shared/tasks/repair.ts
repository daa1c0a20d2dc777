import { addDays } from '../../../domain/dates.ts';
import { startStored, type WorkflowStart } from '../dispatch/outbox.ts';
import { partitions } from '../store/keys.ts';
import { queryAll } from '../store/table.ts';

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
  const stuck: WorkflowStart[] = [];
  for (let back = 0; back < OUTBOX_DAYS && stuck.length < PER_RUN; back++) {
    const items = await queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :day AND gsi2sk < :cutoff',
      ExpressionAttributeValues: { ':day': partitions.outboxOn(addDays(today, -back)), ':cutoff': cutoff },
      Limit: PER_RUN,
    });
    stuck.push(...items.map((item) => item.outbox as WorkflowStart).filter(Boolean));
  }
  const report: RepairReport = { found: stuck.length, started: 0, running: 0, refused: [], failed: [] };
  for (const start of stuck.slice(0, PER_RUN)) {
    try {
      const { name, outcome } = await startStored(start, { rerunRefused: false });
      if (outcome === 'started') {
        report.started++;
        log('repair.started', name, { workflow: start.workflow });
      } else if (outcome === 'refused') {
        if (report.refused.length < LISTED) report.refused.push(start.name);
        log('repair.refused', start.name, { workflow: start.workflow });
      } else report.running++;
    } catch (error) {
      if (report.failed.length < LISTED) report.failed.push(start.name);
      log('repair.failed', start.name, { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
  return report;
}
