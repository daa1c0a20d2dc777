import { randomUUID } from 'node:crypto';
import { dynamo } from '../../functions/shared/config/config.ts';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { TestStack } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';
import { registeredBranches } from './branches.ts';
import { formatStats, rawPutOf, runConcurrently } from './measure.ts';

/**
 * npm run bench:pipeline — prints, never asserts. Self-assessments per second until their criteria
 * result is visible to the chi đoàn (POST, then GET until recorded), at 50 concurrent clients,
 * against raw PutItem calls to the same DynamoDB Local in the same run; and the DynamoDB write
 * requests each submission costs (counted on every client in this process: API, tasks, notices).
 */
const CONCURRENCY = 50;
const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
const BRANCHES = 200;
const log = (line: string) => console.info(line);

/** The write operations, as their requests name them (X-Amz-Target). */
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const writes = new Map<string, number>();
const reads = new Map<string, number>();

const local = await TestStack.start();
// Every function shares the one document client (functions/shared/config/config.ts): count what it sends.
dynamo().middlewareStack.add(
  (next) => async (args) => {
    const target = String((args.request as { headers?: Record<string, string> }).headers?.['x-amz-target'] ?? '').split('.')[1] ?? '';
    const tally = WRITES.has(target) ? writes : reads;
    tally.set(target, (tally.get(target) ?? 0) + 1);
    return next(args);
  },
  { step: 'finalizeRequest', name: 'countWrites' },
);
try {
  log(`Preparing ${BRANCHES} registered chi đoàn with their secretaries…`);
  const tokens = await registeredBranches(local, BRANCHES);

  const rawPut = rawPutOf(local);
  const pipeline = async (index: number) => {
    const token = tokens[index % BRANCHES]!;
    const body = { formId: 'self-assessment', cycleId: MODEL_A, idempotencyKey: randomUUID(), data: selfAssessmentSample };
    const created = await local.api<{ submissionId: string }>('POST', '/api/submissions', token, body);
    if (created.status !== 201) throw new Error(`status ${created.status}`);
    for (;;) {
      const seen = await local.api<{ status: string; criteria?: unknown[] }>('GET', `/api/submissions/${created.body.submissionId}`, token);
      if (seen.body.status === 'acknowledged' && seen.body.criteria?.length) return;
      // As the submission page does: it looks again every second.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };

  log('Warming up…');
  await runConcurrently(100, CONCURRENCY, rawPut);
  await runConcurrently(BRANCHES, CONCURRENCY, pipeline);
  await local.stack.engine.idle();

  log(`Measuring ${COUNT} of each at ${CONCURRENCY} concurrent clients…`);
  const raw = await runConcurrently(COUNT, CONCURRENCY, rawPut);
  writes.clear();
  reads.clear();
  const submitted = await runConcurrently(COUNT, CONCURRENCY, (index) => pipeline(index));
  await local.stack.engine.idle();
  const counted = [...writes.entries()];
  const perSubmission = (tally: Map<string, number>) => [...tally.entries()].map(([name, count]) => `${name} ${(count / COUNT).toFixed(2)}`).join(', ');
  const total = counted.reduce((sum, [, count]) => sum + count, 0);

  log('');
  log(formatStats('DynamoDB Local PutItem (raw)', raw));
  log(formatStats('Self-assessment until criteria visible', submitted));
  log(`Ratio pipeline / raw puts: ${(submitted.perSecond / raw.perSecond).toFixed(2)} (goal ≥ 0.25)`);
  log(`DynamoDB write requests per submission: ${(total / COUNT).toFixed(2)} (goal ≤ 3) — ${perSubmission(writes)}`);
  log(`DynamoDB read requests per submission (the client's polling included): ${perSubmission(reads)}`);
  const figures = { ratio: Number((submitted.perSecond / raw.perSecond).toFixed(2)), writesPerSubmission: Number((total / COUNT).toFixed(2)) };
  const goals = { ratio: 0.25, writesPerSubmission: 3 };
  console.info(JSON.stringify({ bench: 'pipeline', figures, goals, met: figures.ratio >= goals.ratio && figures.writesPerSubmission <= goals.writesPerSubmission }));
} finally {
  await local.stop();
}
