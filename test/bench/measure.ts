import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import type { TestStack } from '../support/local-stack.ts';

export interface RunStats {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `count` operations with `concurrency` workers; latencies in milliseconds. */
export async function runConcurrently(count: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<RunStats> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const begin = performance.now();
        try {
          await operation(index);
          latencies.push(performance.now() - begin);
        } catch {
          failures++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

export const formatStats = (label: string, stats: RunStats) =>
  `${label.padEnd(40)} ${stats.perSecond.toFixed(0).padStart(6)} /s   p50 ${stats.p50.toFixed(1).padStart(6)} ms   p99 ${stats.p99
    .toFixed(1)
    .padStart(6)} ms   (${stats.count} in ${stats.seconds.toFixed(1)} s, ${stats.failures} failed)`;

/**
 * The baseline every benchmark compares with: one conditional PutItem of a form-sized item,
 * straight to the same DynamoDB Local, nothing else.
 */
export function rawPutOf(local: TestStack): () => Promise<void> {
  const item = JSON.stringify(selfAssessmentSample);
  return async () => {
    await local.rawDynamo.send(
      new PutItemCommand({
        TableName: local.stack.tableName,
        Item: { pk: { S: `BENCH#${randomUUID()}` }, sk: { S: 'BENCH' }, data: { S: item } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  };
}
