import { beforeAll, describe, expect, it } from 'vitest';
import { putUsers } from '../../functions/shared/store/users.ts';
import { DEMO_USERS } from '../../infra/local/demo-users.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { Appraisal, APPRAISER, Process } from '../support/process.ts';

const ctx = localStackPerFile();
let appraisal: Appraisal;

const COMMUNE = 'bithu-tanphudong';
const BRANCH = 'sadec-tan-phu-dong-ap-phu-thuan';
const { unitName: _unitName, ...appraiser } = DEMO_USERS.find((user) => user.userId === APPRAISER)!;

beforeAll(async () => {
  // Prepare: one chi đoàn of Tân Phú Đông reported; intake open
  const flow = new Process(ctx.local);
  appraisal = new Appraisal(ctx.local);
  await flow.assess('bithu-apphuthuan');
  await flow.decide(COMMUNE, [BRANCH], 'confirm');
  await flow.decide(COMMUNE, [BRANCH], 'report');
  await appraisal.intake('open');
});

describe('a draw that fails', () => {
  it('can be run again by closing intake again once the team is fixed', async () => {
    // Prepare: the only appraiser left comes from Tân Phú Đông, so nobody may appraise there
    await putUsers([{ ...appraiser, roles: ['organiser'] }]);
    await appraisal.intake('close');
    const stuck = await appraisal.draw();
    const repairRun = await ctx.local.stack.engine.start(ctx.local.stack.workflowArns['repair-outbox']!, undefined, JSON.stringify({ scheduledTime: new Date(Date.now() + 5 * 60_000).toISOString() }));
    await ctx.local.stack.engine.idle();
    const repaired = JSON.parse((await ctx.local.stack.engine.describe(repairRun.executionArn)).output ?? '{}') as { refused: string[]; started: number };

    const adminView = await ctx.local.api<{ records: { name: string; workflow: string; repair?: { outcome: string; lastFailure?: string } }[] }>(
      'GET',
      '/api/stuck-records',
      await ctx.local.signIn('quantri-dongthap'),
    );
    const notAdmin = await ctx.local.api('GET', '/api/stuck-records', await ctx.local.signIn('bithu-sadec'));

    // Act: the city gives the appraiser role back and closes again
    await putUsers([appraiser]);
    const closedAgain = await appraisal.intake('close');

    // Assess
    expect(stuck.body.draw?.status).toBe('drawing');
    // The repairer leaves a refused draw to a person: it would fail the same way again.
    expect(repaired).toMatchObject({ started: 0, refused: [expect.stringMatching(/^draw-chi-doan-dat-chuan-2027/)] });
    // …and shows it to the admin, with why
    expect(notAdmin.status).toBe(403);
    expect(adminView.body.records.map((record) => [record.workflow, record.repair?.outcome, record.repair?.lastFailure])).toEqual([['appraisal-draw', 'refused', 'AssignmentError']]);
    expect(closedAgain.status).toBe(202);
    const drawn = await appraisal.draw();
    expect(drawn.body.draw?.status).toBe('drawn');
    const afterwards = await ctx.local.api<{ records: unknown[] }>('GET', '/api/stuck-records', await ctx.local.signIn('quantri-dongthap'));
    expect(afterwards.body.records).toEqual([]);
    const assignments = await appraisal.assignments();
    expect(assignments.map((assignment) => assignment.unitId)).toEqual([BRANCH]);
  });
});
