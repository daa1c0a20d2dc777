import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../functions/shared/config/config.ts';
import { sendPendingNotices } from '../../functions/shared/dispatch/notices.ts';
import { keys } from '../../functions/shared/store/keys.ts';
import { localStackPerFile } from '../support/local-stack.ts';

const ctx = localStackPerFile();

async function queue(noticeId: string): Promise<void> {
  await ctx.local.dynamo.send(
    new PutCommand({
      TableName: ctx.local.stack.tableName,
      Item: { ...keys.notice(noticeId), noticeId, status: 'pending', to: [`${noticeId}@doan.example`], subject: `Thư ${noticeId}`, text: 'Nội dung', html: '<p>Nội dung</p>' },
    }),
  );
}

const copiesOf = async (noticeId: string) => (await ctx.local.inbox()).filter((mail) => mail.subject === `Thư ${noticeId}`).length;
const statusOf = async (noticeId: string) =>
  (await ctx.local.dynamo.send(new GetCommand({ TableName: ctx.local.stack.tableName, Key: keys.notice(noticeId) }))).Item?.status as string;

/** The sender dies after SES accepted the message and before the notice is marked sent. */
function killBeforeMarkingSent(): void {
  const send = dynamo().send.bind(dynamo());
  vi.spyOn(dynamo(), 'send').mockImplementation(((command: unknown) => {
    const update = command instanceof UpdateCommand && String(command.input.UpdateExpression).includes(':sent');
    return update ? Promise.reject(new Error('process killed')) : send(command as never);
  }) as never);
}

describe('sending notices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends a notice once when two runs send it at the same time', async () => {
    // Prepare
    await queue('doi-1');

    // Act
    const results = await Promise.all([sendPendingNotices(['doi-1'], 'run-a', new Date()), sendPendingNotices(['doi-1'], 'run-b', new Date())]);

    // Assess
    expect(results.map((result) => result.sent).sort()).toEqual([0, 1]);
    expect(await copiesOf('doi-1')).toBe(1);
    expect(await statusOf('doi-1')).toBe('sent');
  });

  it('after a sender dies mid-send, only its own retry takes the notice back, and sends it once more at most', async () => {
    // Prepare: run A is killed between SES and marking
    await queue('chet-1');
    killBeforeMarkingSent();
    await expect(sendPendingNotices(['chet-1'], 'run-a', new Date())).rejects.toThrow('process killed');
    vi.restoreAllMocks();

    // Act: another run finds it claimed; run A's retry takes it back
    const other = await sendPendingNotices(['chet-1'], 'run-b', new Date());
    const retry = await sendPendingNotices(['chet-1'], 'run-a', new Date());
    const again = await sendPendingNotices(['chet-1'], 'run-b', new Date(Date.now() + 10 * 60_000));

    // Assess: the one in flight at the crash is the only second copy
    expect([other.sent, retry.sent, again.sent]).toEqual([0, 1, 0]);
    expect(await copiesOf('chet-1')).toBe(2);
    expect(await statusOf('chet-1')).toBe('sent');
  });

  it('lets anyone take a notice whose sender died once its lease is over, and never loses it', async () => {
    // Prepare
    await queue('chet-2');
    killBeforeMarkingSent();
    await expect(sendPendingNotices(['chet-2'], 'run-a', new Date())).rejects.toThrow('process killed');
    vi.restoreAllMocks();

    // Act: the run never comes back; another run, three minutes later
    const later = await sendPendingNotices(['chet-2'], 'repair', new Date(Date.now() + 3 * 60_000));

    // Assess
    expect(later.sent).toBe(1);
    expect(await statusOf('chet-2')).toBe('sent');
  });
});
