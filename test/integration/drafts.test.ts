import { describe, expect, it } from 'vitest';
import { localStackPerFile } from '../support/local-stack.ts';

const ctx = localStackPerFile();

const path = '/api/drafts/chi-doan-dat-chuan-2027-dong-thap/self-assessment';
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

interface DraftBody {
  data: Record<string, unknown>;
  savedAt: string;
  saved?: boolean;
}

describe('drafts', () => {
  it('keeps the newest autosave even when an older one arrives last', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-apphuthuan');
    const newer = { data: { criterion5: { meetingsHeld: 8 } }, savedAt: secondsAgo(1) };
    const older = { data: { criterion5: { meetingsHeld: 7 } }, savedAt: secondsAgo(5) };

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
    await ctx.local.api('PUT', path, branch, { data: { notes: 'của ấp Phú Thuận' }, savedAt: secondsAgo(2) });

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

  it('refuses, naming the field in Vietnamese, what the table cannot store or would block later saves', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-apphuthuan');
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 40; level++) deep = { next: deep };
    const cases: [string, unknown][] = [
      ['{"data":{"a":1e309},"savedAt":"' + secondsAgo(1) + '"}', 'data.a'],
      ['{"data":{"a":9007199254740993},"savedAt":"' + secondsAgo(1) + '"}', 'data.a'],
      ['{"data":{"a":1e-200},"savedAt":"' + secondsAgo(1) + '"}', 'data.a'],
      ['{"data":{"constructor":{"x":1}},"savedAt":"' + secondsAgo(1) + '"}', 'data'],
      ['{"data":{"":1},"savedAt":"' + secondsAgo(1) + '"}', 'data'],
      [JSON.stringify({ data: deep, savedAt: secondsAgo(1) }), undefined],
      [JSON.stringify({ data: { a: 1 }, savedAt: '9999-12-31T00:00:00.000Z' }), 'savedAt'],
    ];

    // Act
    const answers = await Promise.all(
      cases.map(async ([body]) => {
        const response = await fetch(`${ctx.local.stack.urls.app}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
        return { status: response.status, body: (await response.json()) as { message: string; issues?: { field: string; message: string }[] } };
      }),
    );
    const elsewhere = await ctx.local.api('PUT', '/api/drafts/chi-doan-dat-chuan-2027-khong-co/self-assessment', token, { data: {}, savedAt: secondsAgo(1) });

    // Assess: 400 each, with the field, and nothing stored
    for (const [index, answer] of answers.entries()) {
      expect(answer.status, String(cases[index]![0]).slice(0, 60)).toBe(400);
      if (cases[index]![1]) expect(answer.body.issues?.map((issue) => issue.field)).toContain(cases[index]![1]);
      expect(answer.body.message).toMatch(/^(Dữ liệu chưa hợp lệ|Có \d+ mục chưa hợp lệ)/);
    }
    expect(elsewhere.status).toBe(400);
    const read = await ctx.local.api<DraftBody>('GET', path, token);
    expect(JSON.stringify(read.body.data ?? {})).not.toMatch(/constructor|9007199254740993/);
  });

  it('answers an impossible submission id with a 400 naming it, not a database error', async () => {
    // Act
    const answer = await ctx.local.api('GET', `/api/submissions/${'x'.repeat(3000)}`, await ctx.local.signIn('bithu-apphuthuan'));

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.issues?.map((issue) => issue.field)).toEqual(['submissionId']);
    expect(answer.body.message).toBe('Địa chỉ không hợp lệ: mã trong đường dẫn quá dài hoặc có ký tự lạ.');
  });
});
