import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { keys, partitions } from '../../functions/shared/store/keys.ts';
import { TestStack } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';

const BRANCHES = 24;
const CLIENTS = 6;
const KILL_AFTER = 10;

let child: ChildProcess | undefined;
let local: TestStack | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  await local?.stop();
});

/** Starts the stack in a process of its own and waits for its ready line. */
async function stackProcess(dataDir: string): Promise<{ urls: { app: string }; dynamoPid: number }> {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/support/stack-process.ts', dataDir, String(BRANCHES)], { stdio: ['ignore', 'pipe', 'ignore'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('{"ready":true')) return JSON.parse(line) as { urls: { app: string }; dynamoPid: number };
  }
  throw new Error('the stack process ended before it was ready');
}

describe('the whole stack killed (kill -9) in the middle of a burst of submissions', () => {
  it('loses no accepted submission and leaves none stuck once restarted and repaired', async () => {
    // Prepare: registered chi đoàn, each with its secretary signed in
    const dataDir = mkdtempSync(join(tmpdir(), 'doan-crash-'));
    const { urls, dynamoPid } = await stackProcess(dataDir);
    const tokens = await Promise.all(
      Array.from({ length: BRANCHES }, async (_, i) => {
        const response = await fetch(`${urls.app}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId: `bt-crash-ap-${i}` }) });
        return ((await response.json()) as { token: string }).token;
      }),
    );

    // Act: CLIENTS secretaries send at once; after KILL_AFTER answers the process and its database die
    const accepted: string[] = [];
    let answered = 0;
    let killed = false;
    const send = async (i: number) => {
      const response = await fetch(`${urls.app}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
        body: JSON.stringify({ formId: 'self-assessment', cycleId: MODEL_A, idempotencyKey: randomUUID(), data: selfAssessmentSample }),
      }).catch(() => undefined);
      answered++;
      if (response?.ok) accepted.push(((await response.json()) as { submissionId: string }).submissionId);
      if (answered >= KILL_AFTER && !killed) {
        killed = true;
        child!.kill('SIGKILL');
        process.kill(dynamoPid, 'SIGKILL');
      }
    };
    let next = 0;
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (next < BRANCHES) await send(next++);
    }));
    local = await TestStack.start(dataDir);
    const repairRun = await local.stack.engine.start(local.stack.workflowArns['repair-outbox']!, undefined, JSON.stringify({ scheduledTime: new Date(Date.now() + 4 * 60_000).toISOString() }));
    await local.stack.engine.idle();

    // Assess: every submission stored, accepted or not, has been carried out; nothing is stuck
    expect((await local.stack.engine.describe(repairRun.executionArn)).status).toBe('SUCCEEDED');
    expect(killed).toBe(true);
    const stored = (
      await Promise.all(
        Array.from({ length: BRANCHES }, async (_, i) =>
          (await local!.dynamo.send(new QueryCommand({ TableName: local!.stack.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': partitions.submissionsOfUnit(`crash-ap-${i}`) } }))).Items ?? [],
        ),
      )
    ).flat() as { submissionId: string; status: string }[];
    expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER - CLIENTS);
    expect(stored.map((item) => item.submissionId)).toEqual(expect.arrayContaining(accepted));
    expect(stored.filter((item) => item.status !== 'acknowledged').map((item) => item.submissionId)).toEqual([]);
    const stuck = await local.api<{ records: unknown[] }>('GET', '/api/stuck-records', await local.signIn('quantri-dongthap'));
    expect(stuck.body.records).toEqual([]);
    // …and every receipt is marked sent (those sent before the kill left with the dead process's inbox)
    const receipts = await Promise.all(
      stored.map(async (item) => (await local!.dynamo.send(new GetCommand({ TableName: local!.stack.tableName, Key: keys.notice(`receipt#${item.submissionId}`) }))).Item?.status as string | undefined),
    );
    expect(receipts.every((status) => status === 'sent')).toBe(true);
  }, 180_000);
});
