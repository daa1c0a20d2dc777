import { startStored } from '../dispatch/outbox.ts';
import { noteRepair, readOutbox } from '../store/outbox.ts';
import { METRIC, record } from '../observe/metrics.ts';
import { log as structured } from '../observe/log.ts';

/** A record younger than this is left to its own request, whose start may be under way. */
export const REPAIR_AFTER_MS = 3 * 60_000;
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
const log = (event: string, name: string, detail: Record<string, unknown> = {}) => structured().info(event, { correlationId: name, ...detail });

/**
 * Task RepairOutbox: every record stored more than three minutes ago and not yet carried out (it
 * is still in the outbox) gets its workflow started again: the process died between storing and
 * starting, or its run failed for good on a passing fault. Bounded per run, idempotent (starts are
 * named after the record), and logged. A run that failed with a refusal is left for a person.
 */
export async function repairOutbox(now: Date): Promise<RepairReport> {
  const stuck = await readOutbox(now, { storedBefore: new Date(now.getTime() - REPAIR_AFTER_MS), limit: PER_RUN });
  const report: RepairReport = { found: stuck.length, started: 0, running: 0, refused: [], failed: [] };
  // What the "oldest unprocessed record" alarm watches (the outbox is read newest day first).
  const oldest = Math.min(...stuck.map(({ storedAt }) => Date.parse(storedAt)).filter(Number.isFinite));
  record(METRIC.unprocessedRecords, stuck.length);
  record(METRIC.oldestUnprocessedSeconds, Number.isFinite(oldest) ? Math.max(0, Math.round((now.getTime() - oldest) / 1000)) : 0, 'Seconds');
  for (const { key, start } of stuck) {
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

/** Every record not yet carried out (the outbox), for the admin: one query a day. */
export async function listStuck(now: Date): Promise<{ name: string; workflow: string; storedAt: string; repair?: Record<string, unknown> }[]> {
  return (await readOutbox(now)).map(({ start, storedAt, repair }) => ({ name: start.name, workflow: start.workflow, storedAt, repair }));
}
