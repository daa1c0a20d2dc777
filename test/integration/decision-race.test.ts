import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../infra/local/demo-users.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { addSecretaries, MODEL_A, Process } from '../support/process.ts';

const ctx = localStackPerFile();
let flow: Process;

const BRANCH = 'sadec-tan-phu-dong-ap-phu-thuan';

interface DecisionStatus {
  decisionId: string;
  status: string;
  refusal?: string;
}

beforeAll(async () => {
  // Prepare: the chi đoàn's self-assessment meets every criterion and waits for its commune;
  // the commune has a second secretary
  flow = new Process(ctx.local);
  await addSecretaries(ctx.local, [{ userId: 'phobithu-tanphudong', name: 'Huỳnh Văn Sơn', unitId: 'sadec-tan-phu-dong' }]);
  await flow.assess('bithu-apphuthuan');
});

describe('two people deciding the same unit at once', () => {
  it('carries out the first, refuses the other after the fact, and tells its author on the page and by e-mail', async () => {
    // Prepare
    const [first, second] = await Promise.all([ctx.local.signIn('bithu-tanphudong'), ctx.local.signIn('phobithu-tanphudong')]);
    const decide = (token: string, action: string, extra: Record<string, unknown> = {}) =>
      ctx.local.api<{ decisions: { decisionId: string }[] }>('POST', '/api/decisions', token, { idempotencyKey: crypto.randomUUID(), cycleId: MODEL_A, unitIds: [BRANCH], action, ...extra });
    const inboxBefore = (await ctx.local.inbox()).length;

    // Act: both pass the check when they send, both are answered 202
    ctx.local.stack.engine.holdExecutions();
    const answers = await Promise.all([decide(first, 'confirm'), decide(second, 'confirm')]);
    ctx.local.stack.engine.releaseExecutions();
    await ctx.local.stack.engine.idle();

    // Assess: one applied, one refused, and the refused one's author can read why
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    const statuses = await Promise.all(
      answers.map(async (answer, index) => (await ctx.local.api<DecisionStatus>('GET', `/api/decisions/${answer.body.decisions[0]!.decisionId}`, [first, second][index])).body),
    );
    expect(statuses.map((status) => status.status).sort()).toEqual(['applied', 'refused']);
    const refused = statuses.find((status) => status.status === 'refused')!;
    expect(refused.refusal).toBeTruthy();
    const addresses = [DEMO_USERS.find((user) => user.userId === 'bithu-tanphudong')!.email, 'phobithu-tanphudong@sadec.doan.example'];
    const loserAddress = addresses[statuses.indexOf(refused)]!;
    const told = (await ctx.local.inbox()).slice(inboxBefore).filter((mail) => mail.subject.startsWith('Chưa thực hiện:'));
    expect(told).toHaveLength(1);
    expect(told[0]!.destination.to).toEqual([loserAddress]);
    expect(told[0]!.body.text).toContain(refused.refusal!);
  });

  it('shows a decision only to its own unit', async () => {
    // Prepare
    const answer = await flow.decide('bithu-tanphudong', [BRANCH], 'report');

    // Act
    const other = await ctx.local.api('GET', `/api/decisions/${answer.body.decisions[0]!.decisionId}`, await ctx.local.signIn('bithu-phuong3'));

    // Assess
    expect(other.status).toBe(404);
  });
});
