import { randomUUID } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../../functions/shared/config.ts';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { placeUnits, unitSchema } from '../../domain/organisation.ts';
import { getCycle } from '../../functions/shared/cycles.ts';
import { applyEvent } from '../../functions/shared/process.ts';
import { getUnit, putUnits } from '../../functions/shared/units.ts';
import { putUsers } from '../../functions/shared/users.ts';
import { TestStack } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';
import { formatStats, runConcurrently } from './measure.ts';

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
// Every function shares the one document client (functions/shared/config.ts): count what it sends.
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
  const commune = await getUnit('sadec-tan-phu-dong');
  const branchIds = Array.from({ length: BRANCHES }, (_, i) => `bench-ap-${i}`);
  const { units } = placeUnits(
    branchIds.map((unitId, i) => unitSchema.parse({ unitId, name: `Chi đoàn ấp thử ${i}`, kind: 'branch', parentId: commune.unitId, residential: true })),
    new Map([[commune.unitId, commune]]),
  );
  await putUnits(units);
  await putUsers(branchIds.map((unitId) => ({ userId: `bt-${unitId}`, name: `Bí thư ${unitId}`, email: `${unitId}@bench.example`, roles: ['secretary'], unitId })));
  const cycle = await getCycle(MODEL_A);
  const actor = { userId: 'bench', name: 'Bench', roles: ['secretary' as const], unitId: commune.unitId };
  for (let start = 0; start < BRANCHES; start += 30) {
    const event = { type: 'submission' as const, eventId: `bench-registration-${start}`, formId: 'registration' as const, submissionId: `bench-${start}`, branchIds: branchIds.slice(start, start + 30) };
    await applyEvent(event, commune, { templateId: cycle.templateId, cycleId: MODEL_A, now: new Date(), actor }, { notices: () => Promise.resolve([]) });
  }
  const tokens = await Promise.all(branchIds.map((unitId) => local.signIn(`bt-${unitId}`)));

  const item = JSON.stringify(selfAssessmentSample);
  const rawPut = async () => {
    await local.rawDynamo.send(
      new PutItemCommand({
        TableName: local.stack.tableName,
        Item: { pk: { S: `BENCH#${randomUUID()}` }, sk: { S: 'BENCH' }, data: { S: item } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  };
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
} finally {
  await local.stop();
}
