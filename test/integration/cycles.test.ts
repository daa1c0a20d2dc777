import { describe, expect, it } from 'vitest';
import { localStackPerFile } from '../support/local-stack.ts';

const ctx = localStackPerFile();



const request = {
  templateId: 'chi-doan-dat-chuan',
  year: 2028,
  scopeUnitId: 'dong-thap',
  deadlines: { dossier: '2028-11-15' },
};

describe('recognition cycles', () => {
  it('lets the province admin open a cycle from the template, once, however often the request is sent', async () => {
    // Prepare
    const admin = await ctx.local.signIn('quantri-dongthap');

    // Act
    const first = await ctx.local.api('POST', '/api/cycles', admin, request);
    const again = await ctx.local.api('POST', '/api/cycles', admin, request);
    const changed = await ctx.local.api('POST', '/api/cycles', admin, { ...request, deadlines: { dossier: '2028-12-01' } });

    // Assess
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ cycleId: 'chi-doan-dat-chuan-2028-dong-thap', title: 'Chi đoàn trên địa bàn dân cư đạt chuẩn 2028' });
    expect(again.status).toBe(200);
    expect(changed.status).toBe(409);
  });

  it('shows the cycle to a chi đoàn inside the province, with its steps and deadlines', async () => {
    // Prepare
    const branch = await ctx.local.signIn('bithu-apphuthuan');

    // Act
    const list = await ctx.local.api<{ items: { cycleId: string }[] }>('GET', '/api/cycles', branch);
    const one = await ctx.local.api<{ steps: { deadline?: string }[] }>('GET', '/api/cycles/chi-doan-dat-chuan-2027-dong-thap', branch);

    // Assess
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.cycleId)).toEqual(
      expect.arrayContaining(['chi-doan-dat-chuan-2027-dong-thap', 'doan-co-so-3-chu-dong-2027-dong-thap']),
    );
    expect(one.status).toBe(200);
    expect(one.body.steps[1]?.deadline).toBe('2027-02-10');
  });

  it('refuses cycles from anyone but an admin, and names a wrong field in Vietnamese', async () => {
    // Prepare
    const admin = await ctx.local.signIn('quantri-dongthap');
    const organiser = await ctx.local.signIn('xaydungdoan-sadec');

    // Act
    const notAdmin = await ctx.local.api('POST', '/api/cycles', organiser, { ...request, year: 2029 });
    const badYear = await ctx.local.api('POST', '/api/cycles', admin, { ...request, year: 2017 });
    const badStep = await ctx.local.api('POST', '/api/cycles', admin, { ...request, year: 2030, deadlines: { nope: '2030-01-01' } });

    // Assess
    expect(notAdmin.status).toBe(403);
    expect(badYear.status).toBe(400);
    expect(badYear.body.issues).toEqual([{ field: 'year', message: 'Năm phải từ 2018.' }]);
    expect(badStep.status).toBe(400);
    expect(badStep.body.message).toBe('Không có bước "nope" trong mẫu quy trình.');
  });
});
