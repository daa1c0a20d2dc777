import { DescribeExecutionCommand, GetExecutionHistoryCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/shared/store/keys.ts';
import { submissionIdFor } from '../../functions/shared/store/submissions.ts';
import { eventually, localStackPerFile } from '../support/local-stack.ts';
import { planSubmission } from '../support/samples.ts';

const ctx = localStackPerFile();

describe('a form submission, end to end on the local stack', () => {
  it('is stored, runs its workflow, is updated by a Lambda task and mails a receipt', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-tanphudong');
    const request = planSubmission();
    const workflowArn = ctx.local.stack.workflowArns['chi-doan-dat-chuan']!;

    // Act
    const response = await ctx.local.api('POST', '/api/submissions', token, request);

    // Assess: accepted and stored in DynamoDB Local
    expect(response.status).toBe(201);
    const submissionId = response.body.submissionId;
    const stored = await ctx.local.dynamo.send(
      new GetCommand({ TableName: ctx.local.stack.tableName, Key: keys.submission(submissionId) }),
    );
    expect(stored.Item).toMatchObject({ unitId: 'sadec-tan-phu-dong', formId: 'implementation-plan' });

    // Assess: an execution named after the submission, listed by the SDK, succeeds
    const listed = await ctx.local.sfn.send(new ListExecutionsCommand({ stateMachineArn: workflowArn }));
    const execution = listed.executions?.find((candidate) => candidate.name === submissionId);
    expect(execution).toBeDefined();
    const finished = await eventually(async () => {
      const described = await ctx.local.sfn.send(new DescribeExecutionCommand({ executionArn: execution!.executionArn }));
      return described.status !== 'RUNNING' && described;
    }, 'the execution to finish');
    expect(finished.status).toBe('SUCCEEDED');
    expect(finished.startDate).toBeInstanceOf(Date);

    // Assess: the AcknowledgeSubmission task updated the item
    const after = await ctx.local.dynamo.send(
      new GetCommand({ TableName: ctx.local.stack.tableName, Key: keys.submission(submissionId) }),
    );
    expect(after.Item?.status).toBe('acknowledged');

    // Assess: the history shows each task
    const history = await ctx.local.sfn.send(new GetExecutionHistoryCommand({ executionArn: execution!.executionArn }));
    const steps = history.events?.map((event) => [event.type, event.stateEnteredEventDetails?.name].filter(Boolean).join(':'));
    expect(steps).toEqual([
      'ExecutionStarted',
      'ChoiceStateEntered:Step',
      'ChoiceStateExited',
      'TaskStateEntered:Deploy',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered:HasNotices',
      'ChoiceStateExited',
      'TaskStateEntered:SendNotices',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);

    // Assess: the receipt is in the local inbox
    const receipts = (await ctx.local.inbox()).filter((mail) => mail.body.text?.includes(submissionId));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.destination.to).toEqual(['bithu.tanphudong@sadec.doan.example']);
    expect(receipts[0]!.subject).toBe('Đã tiếp nhận: Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn');
  });

  it('treats a retried submission as the same one: one item, one execution, one email', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-phuong3');
    const request = planSubmission();
    const first = await ctx.local.api('POST', '/api/submissions', token, request);
    const submissionId = first.body.submissionId;

    // Act
    const retries = await Promise.all([1, 2, 3].map(() => ctx.local.api('POST', '/api/submissions', token, request)));
    await ctx.local.stack.engine.idle();

    // Assess
    expect(first.status).toBe(201);
    expect(retries.map((retry) => [retry.status, retry.body.submissionId])).toEqual([
      [200, submissionId],
      [200, submissionId],
      [200, submissionId],
    ]);
    const listed = await ctx.local.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: ctx.local.stack.workflowArns['chi-doan-dat-chuan'] }),
    );
    expect(listed.executions?.filter((execution) => execution.name === submissionId)).toHaveLength(1);
    const receipts = (await ctx.local.inbox()).filter((mail) => mail.body.text?.includes(submissionId));
    expect(receipts).toHaveLength(1);
  });

  it('refuses the same key with different content instead of overwriting', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-phuong3');
    const request = planSubmission();
    await ctx.local.api('POST', '/api/submissions', token, request);

    // Act
    const changed = await ctx.local.api('POST', '/api/submissions', token, { ...request, data: { ...request.data, planNumber: '99-KH/ĐTN' } });

    // Assess
    expect(changed.status).toBe(409);
    expect(changed.body.message).toMatch(/đã được gửi với nội dung khác/);
  });

  it('runs again a submission whose execution failed, when the client retries', async () => {
    // Prepare: the execution name this submission will take is already used by a run that FAILED
    // (names stay taken for 90 days in AWS, failed or not).
    const token = await ctx.local.signIn('bithu-tanphudong');
    const request = planSubmission();
    const submissionId = submissionIdFor('sadec-tan-phu-dong', request.idempotencyKey);
    const workflowArn = ctx.local.stack.workflowArns['chi-doan-dat-chuan']!;
    const failed = await ctx.local.stack.engine.start(workflowArn, submissionId, '{"kind":"submission","id":"","step":"deploy"}');
    await ctx.local.stack.engine.idle();
    expect((await ctx.local.stack.engine.describe(failed.executionArn)).status).toBe('FAILED');

    // Act
    const response = await ctx.local.api('POST', '/api/submissions', token, request);
    await ctx.local.stack.engine.idle();

    // Assess: a second run, named after the submission, recorded it
    expect(response.status).toBe(201);
    const listed = await ctx.local.sfn.send(new ListExecutionsCommand({ stateMachineArn: workflowArn }));
    expect(listed.executions?.find((candidate) => candidate.name === `${submissionId}-r2`)?.status).toBe('SUCCEEDED');
    const reread = await ctx.local.api('GET', `/api/submissions/${submissionId}`, token);
    expect(reread.body.status).toBe('acknowledged');
  });
});
