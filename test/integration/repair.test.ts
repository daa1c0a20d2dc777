import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import type { RepairReport } from '../../functions/shared/tasks/repair.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { planSubmission } from '../support/samples.ts';

const ctx = localStackPerFile();

/** Runs the repair state machine as the 5-minute schedule would, at `minutesFromNow`. */
async function repair(minutesFromNow: number): Promise<RepairReport> {
  const scheduledTime = new Date(Date.now() + minutesFromNow * 60_000).toISOString();
  const { engine, workflowArns } = ctx.local.stack;
  const run = await engine.start(workflowArns['repair-outbox']!, undefined, JSON.stringify({ scheduledTime }));
  await engine.idle();
  const described = await engine.describe(run.executionArn);
  expect(described.status).toBe('SUCCEEDED');
  return JSON.parse(described.output ?? '{}') as RepairReport;
}

describe('the repairer', () => {
  it('carries out a submission that was stored but whose workflow never started', async () => {
    // Prepare: Step Functions is unavailable while the secretary sends; the submission is stored
    const token = await ctx.local.signIn('bithu-tanphudong');
    const request = planSubmission();
    ctx.local.stack.engine.failStarts('ServiceUnavailable');
    const sent = await ctx.local.api('POST', '/api/submissions', token, request);
    ctx.local.stack.engine.failStarts(undefined);
    const listed = await ctx.local.api<{ items: { submissionId: string; status: string }[] }>('GET', '/api/submissions', token);
    const stored = listed.body.items.find((item) => item.status === 'received');

    // Act: at once (too young to touch), then after three minutes, then again
    const tooSoon = await repair(0);
    const repaired = await repair(4);
    const again = await repair(5);

    // Assess
    expect(sent.status).toBe(500);
    expect(stored).toBeDefined();
    expect(tooSoon).toMatchObject({ found: 0, started: 0 });
    expect(repaired).toMatchObject({ found: 1, started: 1 });
    expect(again).toMatchObject({ found: 0, started: 0 });
    const reread = await ctx.local.api('GET', `/api/submissions/${stored!.submissionId}`, token);
    expect(reread.body.status).toBe('acknowledged');
    const execution = await ctx.local.sfn.send(
      new DescribeExecutionCommand({ executionArn: `${ctx.local.stack.workflowArns['chi-doan-dat-chuan']!.replace(':stateMachine:', ':execution:')}:${stored!.submissionId}` }),
    );
    expect(execution.status).toBe('SUCCEEDED');
  });

  it('answers the client’s retry with the stored submission, whether or not the repairer came first', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-tanphudong');
    const request = planSubmission();
    ctx.local.stack.engine.failStarts('ServiceUnavailable');
    await ctx.local.api('POST', '/api/submissions', token, request);
    ctx.local.stack.engine.failStarts(undefined);

    // Act: the web app's automatic retry with the same key
    const retried = await ctx.local.api('POST', '/api/submissions', token, request);
    await ctx.local.stack.engine.idle();
    const repaired = await repair(4);

    // Assess: one submission, carried out once, nothing left to repair
    expect(retried.status).toBe(200);
    expect(repaired.started).toBe(0);
    const reread = await ctx.local.api('GET', `/api/submissions/${retried.body.submissionId}`, token);
    expect(reread.body.status).toBe('acknowledged');
  });
});
