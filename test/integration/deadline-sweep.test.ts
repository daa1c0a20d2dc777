import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { addSecretaries, MODEL_A, Process } from '../support/process.ts';

const ctx = localStackPerFile();
let process: Process;

/** Runs the sweep as of a date through the admin control, and returns the emails it sent. */
async function sweep(asOf: string): Promise<{ to: string[]; subject: string; text: string }[]> {
  const before = (await ctx.local.inbox()).length;
  const answer = await ctx.local.api('POST', '/api/sweeps', await ctx.local.signIn('quantri-dongthap'), { asOf });
  if (answer.status !== 202) throw new Error(`sweep refused: ${JSON.stringify(answer.body)}`);
  await ctx.local.stack.engine.idle();
  return (await ctx.local.inbox()).slice(before).map((mail) => ({ to: [...mail.destination.to].sort(), subject: mail.subject, text: mail.body.text ?? '' }));
}

const register = (userId: string, branchId: string) => process.submit(userId, 'registration', { branchIds: [branchId] }, MODEL_A);
const subjects = (mails: { subject: string }[]) => mails.map((mail) => mail.subject).sort();

const PHUONG_3 = ['bithu.phuong3@sadec.doan.example'];
const AN_HOA = ['bithu-anhoa@sadec.doan.example', 'bithu.anhoa@sadec.doan.example'];
const CITY = ['bithu@sadec.doan.example', 'xaydungdoan@sadec.doan.example'];
const PROVINCE = ['bithu@dongthap.doan.example'];

beforeAll(async () => {
  // Prepare: the demo's communes have sent their plans; all but Tân Phú Đông still owe their
  // registration, due 10/02/2027. An Hòa gets a secretary account.
  process = new Process(ctx.local);
  await addSecretaries(ctx.local, [{ userId: 'bithu-anhoa', name: 'Lâm Thị Ngọc', unitId: 'sadec-an-hoa' }]);
});

describe('the daily sweep, walked through February 2027 one day at a time', () => {
  it('reminds, tells the leaders, escalates, each recipient once a day; nothing twice; a late submitter drops out', async () => {
    const sent = new Map<string, { to: string[]; subject: string; text: string }[]>();

    // Act: 1–19 February, one sweep a day; Phường 3 registers on the 5th, An Hòa late on the 13th
    for (let day = 1; day <= 19; day++) {
      const asOf = addDays('2027-02-01', day - 1);
      if (asOf === '2027-02-05') await register('bithu-phuong3', 'sadec-phuong-3-khom-1');
      if (asOf === '2027-02-13') await register('bithu-anhoa', 'sadec-an-hoa-khom-hoa-khanh');
      sent.set(asOf, await sweep(asOf));
    }
    const rerun = await sweep('2027-02-11');

    // Assess: mail on seven days only (the communes' registration by 10/02, the city's list to the province by 15/02)
    expect([...sent].filter(([, mails]) => mails.length > 0).map(([date]) => date)).toEqual(['2027-02-03', '2027-02-08', '2027-02-09', '2027-02-11', '2027-02-14', '2027-02-16', '2027-02-18']);

    // 8/2 and 14/2, seven days and one before 15/02: the city owes the province its registration list
    for (const [asOf, left] of [['2027-02-08', 7], ['2027-02-14', 1]] as const) {
      expect(sent.get(asOf)!.map((mail) => [mail.to, mail.subject])).toEqual([[CITY, `[Thành Đoàn Sa Đéc] 1 việc sắp đến hạn — ngày ${asOf.slice(8, 10)}/02/2027`]]);
      expect(sent.get(asOf)![0]!.text).toContain(`Gửi tổng hợp đăng ký xây dựng Chi đoàn đạt chuẩn lên Tỉnh Đoàn — Thành Đoàn Sa Đéc: hạn 15/02/2027, còn ${left} ngày`);
    }
    // 16/2, the day after: the city is told, and the province hears of it
    expect(subjects(sent.get('2027-02-16')!)).toEqual(['[Thành Đoàn Sa Đéc] 1 việc quá hạn — ngày 16/02/2027', '[Tỉnh Đoàn Đồng Tháp] 1 việc quá hạn — ngày 16/02/2027']);
    expect(sent.get('2027-02-16')!.find((mail) => mail.subject.startsWith('[Tỉnh Đoàn'))!.text).toContain('Đơn vị trực thuộc chưa hoàn thành đúng hạn (1):');

    // 3/2, seven days before: every commune that still owes its registration, one email each
    expect(subjects(sent.get('2027-02-03')!)).toEqual([
      '[Đoàn Phường 3] 1 việc sắp đến hạn — ngày 03/02/2027',
      '[Đoàn Phường An Hòa] 1 việc sắp đến hạn — ngày 03/02/2027',
      '[Đoàn Phường Tân Quy Đông] 1 việc sắp đến hạn — ngày 03/02/2027',
      '[Đoàn xã Tân Khánh Đông] 1 việc sắp đến hạn — ngày 03/02/2027',
      '[Đoàn xã Tân Quy Tây] 1 việc sắp đến hạn — ngày 03/02/2027',
    ]);
    expect(sent.get('2027-02-03')!.find((mail) => mail.subject.startsWith('[Đoàn Phường 3]'))?.to).toEqual(PHUONG_3);
    expect(sent.get('2027-02-03')![0]!.text).toContain('Đăng ký các chi đoàn xây dựng đạt chuẩn — ');
    expect(sent.get('2027-02-03')![0]!.text).toContain('hạn 10/02/2027, còn 7 ngày');

    // 9/2, the day before: Phường 3 has registered and is not reminded again
    expect(subjects(sent.get('2027-02-09')!)).toEqual([
      '[Đoàn Phường An Hòa] 1 việc sắp đến hạn — ngày 09/02/2027',
      '[Đoàn Phường Tân Quy Đông] 1 việc sắp đến hạn — ngày 09/02/2027',
      '[Đoàn xã Tân Khánh Đông] 1 việc sắp đến hạn — ngày 09/02/2027',
      '[Đoàn xã Tân Quy Tây] 1 việc sắp đến hạn — ngày 09/02/2027',
    ]);
    expect(sent.get('2027-02-09')!.find((mail) => mail.subject.startsWith('[Đoàn Phường An Hòa]'))?.to).toEqual(AN_HOA);

    // 11/2, the day after: each late commune's leaders, and one digest to the city listing all four
    const dayAfter = sent.get('2027-02-11')!;
    expect(subjects(dayAfter)).toEqual([
      '[Thành Đoàn Sa Đéc] 4 việc quá hạn — ngày 11/02/2027',
      '[Đoàn Phường An Hòa] 1 việc quá hạn — ngày 11/02/2027',
      '[Đoàn Phường Tân Quy Đông] 1 việc quá hạn — ngày 11/02/2027',
      '[Đoàn xã Tân Khánh Đông] 1 việc quá hạn — ngày 11/02/2027',
      '[Đoàn xã Tân Quy Tây] 1 việc quá hạn — ngày 11/02/2027',
    ]);
    const city = dayAfter.find((mail) => mail.subject.startsWith('[Thành Đoàn Sa Đéc]'))!;
    expect(city.to).toEqual(CITY);
    expect(city.text.match(/^- .*$/gm)).toEqual([
      expect.stringContaining('Đoàn Phường An Hòa: hạn 10/02/2027, đã quá 1 ngày'),
      expect.stringContaining('Đoàn Phường Tân Quy Đông: hạn 10/02/2027, đã quá 1 ngày'),
      expect.stringContaining('Đoàn xã Tân Khánh Đông: hạn 10/02/2027, đã quá 1 ngày'),
      expect.stringContaining('Đoàn xã Tân Quy Tây: hạn 10/02/2027, đã quá 1 ngày'),
    ]);
    expect(city.text).toContain('Đồng chí nhận mục này vì các đơn vị này trực thuộc đơn vị của đồng chí.');

    // 18/2, past the seven days' grace: one more level up, without An Hòa, which registered on the 13th
    const escalation = sent.get('2027-02-18')!;
    expect(escalation.map((mail) => [mail.to, mail.subject])).toEqual([[PROVINCE, '[Tỉnh Đoàn Đồng Tháp] 3 việc quá hạn — ngày 18/02/2027']]);
    expect(escalation[0]!.text.match(/^- .*$/gm)).toEqual([
      expect.stringContaining('Đoàn Phường Tân Quy Đông: hạn 10/02/2027, đã quá 8 ngày'),
      expect.stringContaining('Đoàn xã Tân Khánh Đông: hạn 10/02/2027, đã quá 8 ngày'),
      expect.stringContaining('Đoàn xã Tân Quy Tây: hạn 10/02/2027, đã quá 8 ngày'),
    ]);

    // The same day again: nothing new
    expect(rerun).toEqual([]);
  });

  it('shows the leaders what was sent to whom', async () => {
    // Act
    const log = await ctx.local.api<{ notices: { asOf: string; recipientName: string; to: string[]; status: string; lines: { subjectName: string; kind: string }[] }[] }>(
      'GET',
      '/api/notices?unit=sadec',
      await ctx.local.signIn('bithu-sadec'),
    );
    const sibling = await ctx.local.api('GET', '/api/notices?unit=sadec-tan-phu-dong', await ctx.local.signIn('bithu-phuong3'));

    // Assess: the city's own digest and its communes', newest first, every one sent
    expect(log.status).toBe(200);
    const cityDigests = log.body.notices.filter((notice) => notice.recipientName === 'Thành Đoàn Sa Đéc');
    expect(cityDigests.map((notice) => notice.asOf)).toEqual(['2027-02-16', '2027-02-14', '2027-02-11', '2027-02-08']);
    const cityDigest = cityDigests.find((notice) => notice.asOf === '2027-02-11');
    expect(cityDigest).toMatchObject({ asOf: '2027-02-11', to: CITY, status: 'sent' });
    expect(cityDigest?.lines.map((line) => line.kind)).toEqual(['overdue-below', 'overdue-below', 'overdue-below', 'overdue-below']);
    expect(log.body.notices.filter((notice) => notice.recipientName === 'Đoàn Phường 3').map((notice) => notice.asOf)).toEqual(['2027-02-03']);
    expect(log.body.notices.every((notice) => notice.status === 'sent')).toBe(true);
    expect(sibling.status).toBe(403);
  });

  it('carries page numbers in its state, never the digest ids, whatever the day’s size', async () => {
    // Prepare: the executions of the walk above
    const stateMachineArn = ctx.local.stack.workflowArns['daily-sweep'];
    const { executions } = await ctx.local.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }));

    // Act
    const outputs = await Promise.all(
      (executions ?? []).map(async ({ executionArn }) => (await ctx.local.sfn.send(new DescribeExecutionCommand({ executionArn }))).output ?? ''),
    );

    // Assess: the day after the deadline queued five digests, in one page kept in the table
    const dayAfter = outputs.map((output) => JSON.parse(output) as { plan: { asOf: string; queued: number; pages: unknown[] } }).find((output) => output.plan.asOf === '2027-02-11' && output.plan.queued > 0);
    expect(dayAfter?.plan).toMatchObject({ queued: 5, pages: [{ asOfDate: '2027-02-11', page: 0 }] });
    expect(outputs.join('\n')).not.toContain('sweep#');
  });

  it('lets DynamoDB expire the day’s run, its pages and its digests after 400 days (TTL), never sooner', async () => {
    // Prepare: the items the walk above wrote for 11/02/2027
    const get = async (pk: string, sk: string) => (await ctx.local.dynamo.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk, sk } }))).Item;
    // (A scan is fine in a test of a small table; no request path scans.)
    const digests = await ctx.local.dynamo.send(
      new ScanCommand({ TableName: LOCAL_TABLE_NAME, FilterExpression: 'begins_with(pk, :notice) AND asOf = :day', ExpressionAttributeValues: { ':notice': 'NOTICE#', ':day': '2027-02-11' } }),
    );

    // Act
    const run = await get('SWEEP#2027-02-11', 'RUN');
    const page = await get('SWEEP#2027-02-11', 'PAGE#000000');
    const digest = digests.Items?.[0];

    // Assess: each carries expiresAt, 400 days after it was written (the walk ran just now)
    const days = (item: Record<string, unknown> | undefined) => (Number(item?.expiresAt) * 1000 - Date.now()) / 86_400_000;
    for (const item of [run, page, digest]) {
      expect(days(item)).toBeGreaterThan(399);
      expect(days(item)).toBeLessThanOrEqual(400);
    }
  });

  it('sends each digest once when the same day is swept twice at the same moment', async () => {
    // Prepare: a week before the dossier deadline (01/10), the registered chi đoàn are reminded
    const stateMachineArn = ctx.local.stack.workflowArns['daily-sweep']!;
    const input = JSON.stringify({ scheduledTime: '2027-09-24T00:00:00.000Z' });
    const before = (await ctx.local.inbox()).length;

    // Act: the schedule and an admin start it together
    await Promise.all([ctx.local.stack.engine.start(stateMachineArn, 'sweep-a-2027-09-24', input), ctx.local.stack.engine.start(stateMachineArn, 'sweep-b-2027-09-24', input)]);
    await ctx.local.stack.engine.idle();

    // Assess
    const mails = (await ctx.local.inbox()).slice(before);
    expect(mails.length).toBeGreaterThan(0);
    const subjects = mails.map((mail) => `${mail.destination.to.join(',')} ${mail.subject}`);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('closes the city’s appraisal intake the morning after its closing date, and draws', async () => {
    // Prepare: the demo city opened intake until the results report's deadline, 01/10/2027
    const drawOf = async () =>
      (await ctx.local.api<{ draw: { status: string; closesOn: string; closedBy?: string } }>('GET', `/api/draws/${MODEL_A}/sadec`, await ctx.local.signIn('bithu-sadec'))).body.draw;
    const before = await drawOf();

    // Act
    await sweep('2027-10-01');
    const onTheDay = await drawOf();
    await sweep('2027-10-02');

    // Assess
    expect(before).toMatchObject({ status: 'open', closesOn: '2027-10-01' });
    expect(onTheDay?.status).toBe('open');
    expect(await drawOf()).toMatchObject({ status: 'drawn', closedBy: 'Hệ thống (hết hạn nhận báo cáo)' });
  });
});
