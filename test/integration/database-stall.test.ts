import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_SECONDS } from '../../infra/catalog/functions.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { planSubmission } from '../support/samples.ts';

const ctx = localStackPerFile();

describe('a database that stops answering for a while', () => {
  it('delays a submission’s workflow but does not fail it: the timed-out task is retried, the receipt goes once', async () => {
    // Prepare: a stored submission whose workflow is about to run
    const token = await ctx.local.signIn('bithu-tanphudong');
    const { engine, database, workflowArns } = ctx.local.stack;
    engine.holdExecutions();
    const sent = await ctx.local.api('POST', '/api/submissions', token, planSubmission());
    const inboxBefore = (await ctx.local.inbox()).length;

    // Act: the database stalls past the task's timeout while the workflow runs
    database.pause();
    engine.releaseExecutions();
    // 40 s, as in the outage seen in fault injection: longer than the task's timeout
    await new Promise((resolve) => setTimeout(resolve, Math.max(40, DEFAULT_TIMEOUT_SECONDS + 2) * 1000));
    database.resume();
    await engine.idle();

    // Assess
    const { items: executions } = await engine.listExecutions(workflowArns['chi-doan-dat-chuan']!, undefined, 100);
    const run = executions.find((execution) => execution.name === sent.body.submissionId);
    const { items: events } = await engine.history(run!.executionArn, false, 1000);
    expect(run?.status).toBe('SUCCEEDED');
    expect(events.some((event) => event.type === 'LambdaFunctionFailed' || event.type === 'LambdaFunctionTimedOut')).toBe(true);
    const reread = await ctx.local.api('GET', `/api/submissions/${sent.body.submissionId}`, token);
    expect(reread.body.status).toBe('acknowledged');
    const receipts = (await ctx.local.inbox()).slice(inboxBefore).filter((mail) => mail.subject.startsWith('Đã tiếp nhận'));
    expect(receipts.length).toBe(1);
  }, 120_000);
});
