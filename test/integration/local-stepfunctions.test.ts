import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localArns } from '../../infra/local/arns.ts';
import { ExecutionStore } from '../../infra/local/stepfunctions/store.ts';
import { eventually, localStackPerFile } from '../support/local-stack.ts';
import { planSubmission } from '../support/samples.ts';

const ctx = localStackPerFile();

const KIB = 1024;
/** An execution input of about this many bytes. */
const inputOf = (bytes: number) => JSON.stringify({ text: 'x'.repeat(bytes - 12) });

const finished = (executionArn: string) =>
  eventually(async () => {
    const described = await ctx.local.sfn.send(new DescribeExecutionCommand({ executionArn }));
    return described.status !== 'RUNNING' && described;
  }, `${executionArn} to finish`);

describe('the local Step Functions endpoint', () => {
  it('fails an execution whose task rejects its input, with the error name Step Functions would report', async () => {
    // Act
    const started = await ctx.local.sfn.send(
      new StartExecutionCommand({ stateMachineArn: ctx.local.stack.workflowArns['chi-doan-dat-chuan'], input: '{"kind":"submission","id":"","step":"deploy"}' }),
    );

    // Assess
    const outcome = await finished(started.executionArn!);
    expect(outcome.status).toBe('FAILED');
    expect(outcome.error).toBe('ValidationError');
    const history = await ctx.local.sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn, reverseOrder: true }));
    expect(history.events?.map((event) => event.type).slice(0, 2)).toEqual(['ExecutionFailed', 'LambdaFunctionFailed']);
  });

  it('refuses a second execution of a finished name, and reports unknown executions', async () => {
    // Prepare
    const stateMachineArn = ctx.local.stack.workflowArns['daily-sweep'];
    const input = JSON.stringify({ scheduledTime: '2027-02-11T00:00:00Z' });
    const first = await ctx.local.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'sweep-2027-02-11', input }));
    await finished(first.executionArn!);

    // Act + Assess
    await expect(
      ctx.local.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'sweep-2027-02-11', input })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await expect(
      ctx.local.sfn.send(new DescribeExecutionCommand({ executionArn: `${first.executionArn}-nope` })),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('stops a running execution', async () => {
    // Prepare: a machine that waits, registered beside the real ones
    const arn = ctx.local.stack.engine.register('test-waits', {
      StartAt: 'WaitLong',
      States: { WaitLong: { Type: 'Wait', Seconds: 300, End: true } },
    });
    const started = await ctx.local.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));

    // Act
    await ctx.local.sfn.send(new StopExecutionCommand({ executionArn: started.executionArn, error: 'Test', cause: 'dừng thử' }));

    // Assess
    const outcome = await ctx.local.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(outcome).toMatchObject({ status: 'ABORTED', error: 'Test', cause: 'dừng thử' });
  });

  it('keeps its data across a restart and runs again an execution the dead process left running', async () => {
    // Prepare: a stored submission, and an execution recorded as started whose process then "died"
    const token = await ctx.local.signIn('bithu-tanphudong');
    const created = await ctx.local.api('POST', '/api/submissions', token, planSubmission());
    await ctx.local.stack.engine.idle();
    const orphanInput = JSON.stringify({ scheduledTime: '2027-02-12T00:00:00Z' });
    const orphanArn = localArns.execution('daily-sweep', 'orphan-2027-02-12');
    const store = new ExecutionStore(join(ctx.local.dataDir, 'stepfunctions', 'executions.jsonl'));
    await store.init();
    await store.create({
      executionArn: orphanArn,
      stateMachineArn: ctx.local.stack.workflowArns['daily-sweep']!,
      name: 'orphan-2027-02-12',
      status: 'RUNNING',
      startDate: Date.now(),
      input: orphanInput,
    });
    await store.close();

    // Act
    ctx.local = await ctx.local.restart();

    // Assess
    expect(ctx.local.stack.resumedExecutions).toBe(1);
    expect((await finished(orphanArn)).status).toBe('SUCCEEDED');
    const reread = await ctx.local.api('GET', `/api/submissions/${created.body.submissionId}`, await ctx.local.signIn('bithu-tanphudong'));
    expect(reread.body.status).toBe('acknowledged');
  });

  it('refuses an execution input over 256 KiB, as StartExecution does', async () => {
    // Prepare
    const arn = ctx.local.stack.engine.register('test-input-limit', { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });

    // Act + Assess
    await expect(ctx.local.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: inputOf(257 * KIB) }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const accepted = await ctx.local.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: inputOf(255 * KIB) }));
    expect((await finished(accepted.executionArn!)).status).toBe('SUCCEEDED');
  });

  it('fails an execution whose state grows past 256 KiB with States.DataLimitExceeded, which a Catch of States.ALL does not take', async () => {
    // Prepare: a state doubles its 150 KiB input inside a branch whose Catch takes every error.
    const arn = ctx.local.stack.engine.register('test-state-limit', {
      StartAt: 'Guarded',
      States: {
        Guarded: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'a.$': '$.text', 'b.$': '$.text' }, End: true } } }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Succeed' },
      },
    });

    // Act
    const started = await ctx.local.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: inputOf(150 * KIB) }));

    // Assess
    const outcome = await finished(started.executionArn!);
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(outcome.cause).toContain("'Double'");
  });

  it('fails a task whose input would pass 256 KiB before the function runs', async () => {
    // Prepare: a real task (CheckCriteria reads only) handed twice a 150 KiB text.
    const arn = ctx.local.stack.engine.register('test-task-limit', {
      StartAt: 'CheckCriteria',
      States: {
        CheckCriteria: {
          Type: 'Task',
          Resource: localArns.lambda('checkCriteria'),
          Parameters: { 'a.$': '$.text', 'b.$': '$.text' },
          TimeoutSeconds: 30,
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2, IntervalSeconds: 1 }],
          End: true,
        },
      },
    });

    // Act
    const started = await ctx.local.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: inputOf(150 * KIB) }));

    // Assess
    const outcome = await finished(started.executionArn!);
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});
