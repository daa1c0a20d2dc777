import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { LocalSignIn } from '../../infra/local/sign-in.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { planSubmission, submissionOf } from '../support/samples.ts';

const ctx = localStackPerFile();

describe('HTTP API access', () => {
  it('knows a user by the Cognito username, not the UUID sub, and gives a token with a changed unit nothing', async () => {
    // Prepare: the pool's own token, and one it would issue after the user set custom:unitId to the province
    const signIn = LocalSignIn.open(join(ctx.local.dataDir, 'sign-in.key'));
    const user = await ctx.local.signIn('bithu-phuong3');
    const tampered = await signIn.issue({
      username: 'bithu-phuong3',
      sub: '0b7c2f0e-8d51-4c55-9a43-6f3e2b9d1c77',
      attributes: { email: 'x@y.vn', name: 'Trần Minh Khoa', 'custom:unitId': 'dongthap' },
      groups: ['secretary', 'admin'],
      enabled: true,
      status: 'CONFIRMED',
      createdAt: Date.now(),
    });

    // Act
    const own = await ctx.local.api('GET', '/api/units/sadec-phuong-3', user);
    const asProvince = await Promise.all(['/api/units/dongthap', '/api/units/sadec-phuong-3', '/api/submissions'].map((path) => ctx.local.api('GET', path, tampered)));

    // Assess
    expect(decodeJwt(user).sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(own.status).toBe(200);
    expect(asProvince.map((response) => response.status)).toEqual([401, 401, 401]);
  });

  it('refuses requests without a valid token, as the JWT authorizer does', async () => {
    // Act
    const none = await ctx.local.api('GET', '/api/submissions');
    const forged = await ctx.local.api('GET', '/api/submissions', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');

    // Assess
    expect(none.status).toBe(401);
    expect(forged.status).toBe(401);
  });

  it('lets only a cơ sở secretary submit', async () => {
    // Prepare
    const organiser = await ctx.local.signIn('xaydungdoan-sadec');

    // Act
    const response = await ctx.local.api('POST', '/api/submissions', organiser, planSubmission());

    // Assess
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('Tài khoản của bạn không có quyền thực hiện thao tác này.');
  });

  it("never shows one unit a sibling unit's submission", async () => {
    // Prepare
    const tanPhuDong = await ctx.local.signIn('bithu-tanphudong');
    const phuong3 = await ctx.local.signIn('bithu-phuong3');
    const created = await ctx.local.api('POST', '/api/submissions', tanPhuDong, planSubmission());

    // Act
    const direct = await ctx.local.api('GET', `/api/submissions/${created.body.submissionId}`, phuong3);
    const listed = await ctx.local.api('GET', '/api/submissions', phuong3);
    const own = await ctx.local.api('GET', `/api/submissions/${created.body.submissionId}`, tanPhuDong);

    // Assess
    expect(direct.status).toBe(403);
    expect(listed.body.items.map((item: { submissionId: string }) => item.submissionId)).not.toContain(created.body.submissionId);
    expect(own.status).toBe(200);
  });

  it('answers invalid input with 400 naming each field in Vietnamese, and stores nothing', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-tanphudong');
    const before = await ctx.local.api('GET', '/api/submissions', token);

    // Act
    const response = await ctx.local.api('POST', '/api/submissions', token, planSubmission({ planNumber: '', summary: 'ngắn' }));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([
      { field: 'data.planNumber', message: 'Vui lòng nhập số kế hoạch.' },
      { field: 'data.summary', message: 'Nội dung kế hoạch cần ít nhất 20 ký tự.' },
    ]);
    const after = await ctx.local.api('GET', '/api/submissions', token);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('lets every level above a unit see its submissions, and the unit itself only its own', async () => {
    // Prepare: a chi đoàn of xã Tân Phú Đông submits
    const branch = await ctx.local.signIn('bithu-apphuthuan');
    const created = await ctx.local.api('POST', '/api/submissions', branch, submissionOf('self-assessment'));
    const path = `/api/submissions/${created.body.submissionId}`;

    // Act
    const readAs = async (userId: string) => (await ctx.local.api('GET', path, await ctx.local.signIn(userId))).status;
    const statuses = [await readAs('bithu-tanphudong'), await readAs('xaydungdoan-sadec'), await readAs('bithu-phuong3')];
    const cityList = await ctx.local.api(
      'GET',
      '/api/submissions?unitId=sadec-tan-phu-dong-ap-phu-thuan',
      await ctx.local.signIn('xaydungdoan-sadec'),
    );
    const siblingList = await ctx.local.api(
      'GET',
      '/api/submissions?unitId=sadec-tan-phu-dong-ap-phu-thuan',
      await ctx.local.signIn('bithu-phuong3'),
    );

    // Assess
    expect(statuses).toEqual([200, 200, 403]);
    expect(cityList.body.items.map((item) => item.submissionId)).toContain(created.body.submissionId);
    expect(siblingList.status).toBe(403);
  });

  it('shows a commune its chi đoàn, and refuses the tree above it', async () => {
    // Prepare
    const commune = await ctx.local.signIn('bithu-tanphudong');

    // Act
    const own = await ctx.local.api('GET', '/api/units/sadec-tan-phu-dong', commune);
    const above = await ctx.local.api('GET', '/api/units/sadec', commune);

    // Assess
    expect(own.status).toBe(200);
    expect(own.body.children?.map((unit) => unit.name)).toEqual([
      'Chi đoàn ấp Phú Hòa',
      'Chi đoàn ấp Phú Long',
      'Chi đoàn ấp Phú Thạnh',
      'Chi đoàn ấp Phú Thuận',
    ]);
    expect(above.status).toBe(403);
  });

  it('refuses a submission to a cycle that does not exist', async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-tanphudong');

    // Act
    const response = await ctx.local.api('POST', '/api/submissions', token, { ...planSubmission(), cycleId: 'chi-doan-dat-chuan-1999-nowhere' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([{ field: 'cycleId', message: 'Đợt công nhận không hợp lệ.' }]);
  });

  it("refuses a registration naming another commune's chi đoàn", async () => {
    // Prepare
    const token = await ctx.local.signIn('bithu-phuong3');
    const request = { ...planSubmission(), formId: 'registration', data: { branchIds: ['sadec-phuong-3-khom-1', 'sadec-tan-phu-dong-ap-phu-thuan'] } };

    // Act
    const response = await ctx.local.api('POST', '/api/submissions', token, request);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([
      { field: 'data.branchIds.1', message: '"sadec-tan-phu-dong-ap-phu-thuan" không phải chi đoàn trên địa bàn dân cư của đơn vị.' },
    ]);
  });

  it('shows an appraiser no decision queue by place, only their assignments', async () => {
    // Act
    const appraiser = await ctx.local.signIn('thamdinh-sadec');
    const inbox = await ctx.local.api('GET', '/api/inbox?cycle=chi-doan-dat-chuan-2027-dong-thap', appraiser);
    const leader = await ctx.local.api('GET', '/api/inbox?cycle=chi-doan-dat-chuan-2027-dong-thap', await ctx.local.signIn('bithu-sadec'));

    // Assess
    expect(inbox.status).toBe(403);
    expect(leader.status).toBe(200);
  });
});
