import { describe, expect, it } from 'vitest';
import { localStackPerFile } from '../support/local-stack.ts';

const ctx = localStackPerFile();

const path = '/api/drafts/chi-doan-dat-chuan-2027-dong-thap/self-assessment';


interface DraftBody {
  data: Record<string, unknown>;
  savedAt: string;
  saved?: boolean;
}

describe('drafts', () => {
  it('keeps the newest autosave even when an older one arrives last', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-apphuthuan');
    const newer = { data: { criterion5: { meetingsHeld: 8 } }, savedAt: '2027-03-01T02:00:05.000Z' };
    const older = { data: { criterion5: { meetingsHeld: 7 } }, savedAt: '2027-03-01T02:00:01.000Z' };

    // Act
    const first = await ctx.local.api<DraftBody>('PUT', path, token, newer);
    const late = await ctx.local.api<DraftBody>('PUT', path, token, older);
    const read = await ctx.local.api<DraftBody>('GET', path, token);

    // Assess
    expect([first.body.saved, late.body.saved]).toEqual([true, false]);
    expect(read.body).toMatchObject(newer);
  });

  it("keeps each unit's draft its own", async () => {
    // Prepare
    const branch = await ctx.local.signIn('bithu-apphuthuan');
    const otherUnit = await ctx.local.signIn('bithu-phuong3');
    await ctx.local.api('PUT', path, branch, { data: { notes: 'của ấp Phú Thuận' }, savedAt: '2027-03-02T00:00:00.000Z' });

    // Act
    const fromOther = await ctx.local.api<DraftBody>('GET', path, otherUnit);

    // Assess
    expect(fromOther.status).toBe(404);
  });

  it('is discarded after submitting, and refuses what is not a draft', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-apphuthuan');
    const organiser = await ctx.local.signIn('xaydungdoan-sadec');

    // Act
    const discarded = await ctx.local.api('DELETE', path, token);
    const afterDiscard = await ctx.local.api<DraftBody>('GET', path, token);
    const notADraft = await ctx.local.api('PUT', path, token, { data: 'x', savedAt: 'yesterday' });
    const unknownForm = await ctx.local.api('GET', '/api/drafts/chi-doan-dat-chuan-2027-dong-thap/nope', token);
    const notSecretary = await ctx.local.api('GET', path, organiser);

    // Assess
    expect(discarded.status).toBe(204);
    expect(afterDiscard.status).toBe(404);
    expect(notADraft.status).toBe(400);
    expect(notADraft.body.issues?.map((issue) => issue.field)).toEqual(['data', 'savedAt']);
    expect(unknownForm.status).toBe(400);
    expect(notSecretary.status).toBe(403);
  });
});
