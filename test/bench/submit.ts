import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { buildWeb, webBuildIsStale } from '../../infra/local/web-build.ts';
import { TestStack } from '../support/local-stack.ts';
import { formatStats, runConcurrently } from './measure.ts';

/**
 * npm run bench:submit — prints, never asserts. Submissions accepted per second over HTTP (auth,
 * validation, cycle check, conditional put, StartExecution) at 50 concurrent clients, against raw
 * PutItem calls to the same DynamoDB Local at the same concurrency, in the same run.
 */
const CONCURRENCY = 50;
const COUNT = Number(process.env.BENCH_COUNT ?? 2000);
const log = (line: string) => console.info(line);

const local = await TestStack.start();
try {
  const token = await local.signIn('bithu-apphuthuan');
  const submit = async () => {
    const body = { formId: 'self-assessment', cycleId: 'chi-doan-dat-chuan-2027-dong-thap', idempotencyKey: randomUUID(), data: selfAssessmentSample };
    const response = await local.api('POST', '/api/submissions', token, body);
    if (response.status !== 201) throw new Error(`status ${response.status}`);
  };
  const item = JSON.stringify(selfAssessmentSample);
  const rawPut = async () => {
    const id = randomUUID();
    await local.rawDynamo.send(
      new PutItemCommand({
        TableName: local.stack.tableName,
        Item: { pk: { S: `BENCH#${id}` }, sk: { S: 'BENCH' }, data: { S: item } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  };

  log(`Warming up…`);
  await runConcurrently(200, CONCURRENCY, submit);
  await runConcurrently(200, CONCURRENCY, rawPut);
  await local.stack.engine.idle();

  log(`Measuring ${COUNT} of each at ${CONCURRENCY} concurrent clients…`);
  const raw = await runConcurrently(COUNT, CONCURRENCY, rawPut);
  const submissions = await runConcurrently(COUNT, CONCURRENCY, submit);
  await local.stack.engine.idle();

  if (webBuildIsStale(process.cwd())) await buildWeb(process.cwd());
  const html = readFileSync(join('web/dist/index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const gzipBytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join('web/dist', src))).length, 0);

  log('');
  log(formatStats('DynamoDB Local PutItem (raw)', raw));
  log(formatStats('POST /api/submissions (whole path)', submissions));
  log(`Ratio submissions / raw puts: ${(submissions.perSecond / raw.perSecond).toFixed(2)} (goal ≥ 0.5)`);
  log(`Form page initial JavaScript: ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${scripts.length} file(s) (goal ≤ 150 KB)`);
} finally {
  await local.stop();
}
