import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

/**
 * One structured (JSON) log for every function, through Powertools: each line carries the
 * function, the cold start and the correlation id, the id of the record being carried (a
 * submission, a decision, a sweep day), which is also its execution's name and its notices' event
 * id, so one submission is followed from the API through its execution to its e-mails by one
 * search. Made on first use: it reads POWERTOOLS_LOG_LEVEL then (the local stack sets WARN).
 */
let logger: Logger | undefined;

export function log(): Logger {
  logger ??= new Logger({ serviceName: 'recognition' });
  return logger;
}

/** The record this invocation carries, on every line it logs from now on. */
export function correlate(id: string | undefined): void {
  if (id) log().appendKeys({ correlationId: id });
}

/** Middy middleware: the Lambda context on each line, and last invocation's keys cleared. */
export function structuredLogs() {
  return injectLambdaContext(log(), { resetKeys: true });
}

/** The id a task's input names (record events, notices, sweeps), if any. */
export function correlationIdOf(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const fields = input as Record<string, unknown>;
  const found = [fields.id, fields.eventId, fields.name, fields.asOfDate, (fields.sweepPage as { asOfDate?: unknown } | undefined)?.asOfDate].find((value) => typeof value === 'string');
  return found;
}
