import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { buildWeb, webBuildIsStale } from '../../infra/local/web-build.ts';
import { TestStack } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';
import { registeredBranches } from './branches.ts';
import { formatStats, rawPutOf, runConcurrently } from './measure.ts';

/**
 * npm run bench:submit — prints, never asserts. Submissions accepted per second over HTTP (auth,
 * validation, cycle check, conditional put, StartExecution) at 50 concurrent clients, against raw
 * PutItem calls to the same DynamoDB Local at the same concurrency, in the same run.
 *
 * Two figures, because one machine runs everything: "accepted" holds the workflows the
 * submissions start and runs them after the measurement (in AWS they run on Step Functions and
 * Lambda, not on the API's capacity); "with workflows" runs them alongside, sharing the two cores
 * and DynamoDB Local with the requests.
 */
const CONCURRENCY = 50;
const COUNT = Number(process.env.BENCH_COUNT ?? 2000);
const BRANCHES = 500;
const log = (line: string) => console.info(line);

const local = await TestStack.start();
try {
  log(`Preparing ${BRANCHES} registered chi đoàn with their secretaries…`);
  const tokens = await registeredBranches(local, BRANCHES);
  const submit = async (index: number) => {
    const body = { formId: 'self-assessment', cycleId: MODEL_A, idempotencyKey: randomUUID(), data: selfAssessmentSample };
    const response = await local.api('POST', '/api/submissions', tokens[index % BRANCHES], body);
    if (response.status !== 201) throw new Error(`status ${response.status}`);
  };
  const rawPut = rawPutOf(local);

  log(`Warming up…`);
  await runConcurrently(200, CONCURRENCY, submit);
  await runConcurrently(200, CONCURRENCY, rawPut);
  await local.stack.engine.idle();

  log(`Measuring ${COUNT} of each at ${CONCURRENCY} concurrent clients…`);
  const raw = await runConcurrently(COUNT, CONCURRENCY, rawPut);
  local.stack.engine.holdExecutions();
  const accepted = await runConcurrently(COUNT, CONCURRENCY, submit);
  const drainStart = performance.now();
  const held = local.stack.engine.releaseExecutions();
  await local.stack.engine.idle();
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const alongside = await runConcurrently(COUNT, CONCURRENCY, submit);
  await local.stack.engine.idle();

  if (webBuildIsStale(process.cwd())) await buildWeb(process.cwd());
  const html = readFileSync(join('web/dist/index.html'), 'utf8');
  // The entry, and the form page's own chunks as index.html preloads them (pages are split by route).
  const entry = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const formChunks = (JSON.parse(/"FormPage":(\[[^\]]*\])/.exec(html)?.[1] ?? '[]') as string[]).map((file) => `/${file}`);
  const scripts = [...entry, ...formChunks];
  const gzipBytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join('web/dist', src))).length, 0);

  log('');
  log(formatStats('DynamoDB Local PutItem (raw)', raw));
  log(formatStats('POST /api/submissions (accepted)', accepted));
  log(formatStats('POST /api/submissions (with workflows)', alongside));
  log(`Ratio accepted / raw puts: ${(accepted.perSecond / raw.perSecond).toFixed(2)} (goal ≥ 0.5)`);
  log(`Ratio with workflows running alongside / raw puts: ${(alongside.perSecond / raw.perSecond).toFixed(2)}`);
  log(`The ${held} held workflows ran in ${drainSeconds.toFixed(1)} s afterwards (${(held / drainSeconds).toFixed(0)} /s).`);
  log(`Form page initial JavaScript: ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${scripts.length} file(s) (goal ≤ 150 KB)`);
  const figures = {
    rawPerSecond: Math.round(raw.perSecond),
    acceptedPerSecond: Math.round(accepted.perSecond),
    alongsidePerSecond: Math.round(alongside.perSecond),
    acceptedRatio: Number((accepted.perSecond / raw.perSecond).toFixed(2)),
    formPageKbGzip: Number((gzipBytes / 1024).toFixed(1)),
  };
  const goals = { acceptedRatio: 0.5, formPageKbGzip: 150 };
  console.info(JSON.stringify({ bench: 'submit', figures, goals, met: figures.acceptedRatio >= goals.acceptedRatio && figures.formPageKbGzip <= goals.formPageKbGzip }));
} finally {
  await local.stop();
}
