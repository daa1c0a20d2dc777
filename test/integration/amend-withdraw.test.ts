import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { submissionOf } from '../support/samples.ts';

const ctx = localStackPerFile();

let branch: string;

interface View {
  submissionId: string;
  status: string;
  version: number;
  supersededBy?: string;
  message?: string;
}

const assessment = (cycleId: string, change: Record<string, unknown> = {}) => ({
  formId: 'self-assessment',
  cycleId,
  idempotencyKey: randomUUID(),
  data: { ...selfAssessmentSample, ...change },
});
const CURRENT = 'chi-doan-dat-chuan-2027-dong-thap';

beforeAll(async () => {
  branch = await ctx.local.signIn('bithu-apphuthuan');
});

describe('amending and withdrawing a submission', () => {
  it('keeps every version: the amendment is version 2 and the first is marked replaced, once even if retried', async () => {
    // Prepare
    const first = await ctx.local.api<View>('POST', '/api/submissions', branch, assessment(CURRENT));
    const amendment = { ...assessment(CURRENT, { notes: 'Bổ sung số liệu' }), amends: first.body.submissionId };

    // Act
    const amended = await ctx.local.api<View>('POST', '/api/submissions', branch, amendment);
    const retried = await ctx.local.api<View>('POST', '/api/submissions', branch, amendment);
    const old = await ctx.local.api<View>('GET', `/api/submissions/${first.body.submissionId}`, branch);

    // Assess
    expect(amended.status).toBe(201);
    expect(amended.body.version).toBe(2);
    expect([retried.status, retried.body.submissionId]).toEqual([200, amended.body.submissionId]);
    expect(old.body).toMatchObject({ status: 'superseded', supersededBy: amended.body.submissionId, version: 1 });
  });

  it('withdraws once, and then refuses to amend what was withdrawn', async () => {
    // Prepare
    const created = await ctx.local.api<View>('POST', '/api/submissions', branch, assessment(CURRENT));
    const path = `/api/submissions/${created.body.submissionId}/withdraw`;

    // Act
    const withdrawn = await ctx.local.api<View>('POST', path, branch);
    const again = await ctx.local.api<View>('POST', path, branch);
    const amend = await ctx.local.api<View>('POST', '/api/submissions', branch, { ...assessment(CURRENT), amends: created.body.submissionId });

    // Assess
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
    expect(again.status).toBe(200);
    expect(amend.status).toBe(409);
    expect(amend.body.message).toBe('Hồ sơ đã rút, không thể rút hoặc sửa.');
  });

  it('lets no other unit, not even the one above, withdraw it', async () => {
    // Prepare
    const created = await ctx.local.api<View>('POST', '/api/submissions', branch, assessment(CURRENT));

    // Act
    const commune = await ctx.local.api('POST', `/api/submissions/${created.body.submissionId}/withdraw`, await ctx.local.signIn('bithu-tanphudong'));

    // Assess
    expect(commune.status).toBe(403);
  });

  it("accepts a late submission, but closes withdrawing after the step's deadline", async () => {
    // Prepare: a cycle whose dossier step closed on 31/01/2026
    const admin = await ctx.local.signIn('quantri-dongthap');
    const cycle = await ctx.local.api<{ cycleId: string }>('POST', '/api/cycles', admin, {
      templateId: 'chi-doan-dat-chuan',
      year: 2026,
      scopeUnitId: 'dong-thap',
      deadlines: { dossier: '2026-01-31' },
    });
    // The commune has deployed and registered the chi đoàn in that cycle (steps 1 and 2).
    const commune = await ctx.local.signIn('bithu-tanphudong');
    await ctx.local.api('POST', '/api/submissions', commune, { ...submissionOf('implementation-plan'), cycleId: cycle.body.cycleId });
    await ctx.local.stack.engine.idle();
    await ctx.local.api('POST', '/api/submissions', commune, { ...submissionOf('registration'), cycleId: cycle.body.cycleId });
    await ctx.local.stack.engine.idle();
    const late = await ctx.local.api<View>('POST', '/api/submissions', branch, assessment(cycle.body.cycleId));

    // Act
    const withdraw = await ctx.local.api<View>('POST', `/api/submissions/${late.body.submissionId}/withdraw`, branch);

    // Assess
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.message).toBe('Đã quá hạn 31/01/2026: không thể rút hoặc sửa hồ sơ.');
  });
});
