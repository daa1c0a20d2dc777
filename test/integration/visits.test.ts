import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localStackPerFile } from '../support/local-stack.ts';
import { calendarDate } from '../../domain/dates.ts';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { MODEL_A } from '../support/process.ts';
import { evidenceRequest, postUploadForm, SAMPLE_FILES, type EvidenceBody } from '../support/evidence.ts';

const ctx = localStackPerFile();

/** A full-time member of Tỉnh Đoàn Đồng Tháp's committee (demo), and the province's leader. */
const CADRE = 'uvbch-dongthap';
const PROVINCE_LEADER = 'bithu-dongthap';
const PHU_THUAN = 'sadec-tan-phu-dong-ap-phu-thuan';
const PHU_LONG = 'sadec-tan-phu-dong-ap-phu-long';
const MEETING = { content: 'Sinh hoạt chủ điểm tháng 3: Tháng Thanh niên', quality: 'kha', membersPresent: 14, difficulties: 'Đoàn viên đi làm xa', advice: 'Gắn sinh hoạt với công trình thanh niên của ấp' };

interface VisitAnswer {
  visitId: string;
  status: string;
  message?: string;
  issues?: { field: string; message: string }[];
}
interface MyYear {
  count: { planned: number; done: number; byMonth: number[] };
  visits: VisitAnswer[];
}

let cadre: string;
const visit = (body: Record<string, unknown>, token = cadre) => ctx.local.api<VisitAnswer>('POST', '/api/visits', token, { idempotencyKey: randomUUID(), halfDay: false, purpose: 'sinh-hoat-chi-doan', ...body });
const made = (extra: Record<string, unknown> = {}) => ({ attended: true, found: 'Chi đoàn duy trì sinh hoạt đều', supported: 'Hướng dẫn lập kế hoạch tháng', followUps: '', evidence: [], meeting: MEETING, ...extra });

beforeAll(async () => {
  // Prepare: mid-March 2027 in Vietnam
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date('2027-03-15T03:00:00Z'));
  cadre = await ctx.local.signIn(CADRE);
});
afterAll(() => void vi.useRealTimers());

describe('"1+2": a cadre at the grassroots', () => {
  it('plans and logs visits only to units under their level; never their own, never above, never from a commune; never ahead of the day', async () => {
    // Act
    const planned = await visit({ status: 'planned', unitId: PHU_THUAN, date: '2027-03-20' });
    const ownUnit = await visit({ status: 'planned', unitId: 'dong-thap', date: '2027-03-20' });
    const above = await visit({ status: 'planned', unitId: 'dong-thap', date: '2027-03-20' }, await ctx.local.signIn('bithu-sadec'));
    const fromCommune = await visit({ status: 'planned', unitId: PHU_THUAN, date: '2027-03-20' }, await ctx.local.signIn('bithu-tanphudong'));
    const ahead = await ctx.local.api<VisitAnswer>('PUT', `/api/visits/${planned.body.visitId}`, cadre, { report: made() });
    const notTheirs = await ctx.local.api<VisitAnswer>('PUT', `/api/visits/${planned.body.visitId}`, await ctx.local.signIn('bithu-sadec'), { report: made() });

    // Assess
    expect(planned).toMatchObject({ status: 201, body: { status: 'planned' } });
    expect([ownUnit.status, above.status, fromCommune.status]).toEqual([403, 403, 403]);
    expect(ownUnit.body.message).toBe('Chỉ ghi nhận chuyến đi đến đơn vị thuộc cấp mình phụ trách.');
    expect(fromCommune.body.message).toBe('Tài khoản của bạn không có quyền thực hiện thao tác này.');
    expect(ahead.status).toBe(400);
    expect(ahead.body.issues?.[0]).toEqual({ field: 'date', message: 'Chưa đến ngày đi cơ sở: chỉ ghi nhận chuyến đi từ ngày đó trở đi.' });
    expect(notTheirs.status).toBe(404);
  });

  it('logs a chi đoàn meeting with its report; a retry stores nothing twice; the same chi đoàn twice a day counts once, a half day half', async () => {
    // Prepare
    const first = { idempotencyKey: randomUUID(), status: 'done', unitId: PHU_THUAN, date: '2027-03-10', halfDay: true, report: made() };

    // Act
    const logged = await visit(first);
    const retried = await visit(first);
    const again = await visit({ status: 'done', unitId: PHU_THUAN, date: '2027-03-10', report: made({ meeting: { ...MEETING, content: 'Buổi chiều: sinh hoạt chuyên đề' } }) });
    const halfElsewhere = await visit({ status: 'done', unitId: PHU_LONG, date: '2027-03-11', halfDay: true, report: made() });
    const noReport = await visit({ status: 'done', unitId: PHU_LONG, date: '2027-03-12', report: made({ meeting: undefined }) });
    const notMade = await visit({ status: 'done', unitId: PHU_LONG, date: '2027-03-13', report: { attended: false, found: 'Mưa lớn, không đi được' } });
    const year = await ctx.local.api<MyYear>('GET', '/api/visits?year=2027', cadre);

    // Assess
    expect([logged.status, retried.status, again.status, halfElsewhere.status]).toEqual([201, 200, 201, 201]);
    expect(retried.body.visitId).toBe(logged.body.visitId);
    expect(noReport.status).toBe(400);
    expect(noReport.body.issues?.[0]?.field).toBe('report.meeting');
    expect(notMade.status).toBe(201);
    // 10/3: the chi đoàn twice (half, then whole): one day; 11/3: half a day; 13/3: not made; 20/3: planned
    expect(year.body.count).toMatchObject({ done: 1.5, planned: 3.5 });
    expect(year.body.count.byMonth[2]).toBe(1.5);
    expect(year.body.visits).toHaveLength(5);
  });

  it('shows the visits made to a chi đoàn on its page and in its chained history, to the chi đoàn itself', async () => {
    // Act
    const page = await ctx.local.api<{ visits: { cadreName: string; report: { meeting: { advice: string } } }[]; history: { summary: string }[]; chain: { valid: boolean } }>(
      'GET',
      `/api/standings/${MODEL_A}/${PHU_THUAN}`,
      await ctx.local.signIn('bithu-apphuthuan'),
    );

    // Assess
    expect(page.status).toBe(200);
    expect(page.body.visits.map((entry) => entry.cadreName)).toEqual(['Trần Thị Ngọc Hân', 'Trần Thị Ngọc Hân']);
    expect(page.body.visits[0]!.report.meeting.advice).toBe(MEETING.advice);
    expect(page.body.history.map((entry) => entry.summary)).toContain('Trần Thị Ngọc Hân (Tỉnh Đoàn Đồng Tháp) dự sinh hoạt chi đoàn ngày 10/03/2027, nửa ngày: 14 đoàn viên dự, chất lượng khá.');
    expect(page.body.chain.valid).toBe(true);
  });

  it('lets the chi đoàn cite under criterion 5 the meetings a cadre logged there, and refuses a date nobody logged', async () => {
    // Prepare
    const secretary = await ctx.local.signIn('bithu-apphuthuan');
    const citing = (dates: string[]) => ({
      formId: 'self-assessment',
      cycleId: MODEL_A,
      idempotencyKey: randomUUID(),
      data: { ...selfAssessmentSample, criterion5: { ...selfAssessmentSample.criterion5, upperLevelMeetings: dates } },
    });

    // Act
    const unlogged = await ctx.local.api<{ issues?: { field: string; message: string }[] }>('POST', '/api/submissions', secretary, citing(['2027-03-10', '2027-03-12']));
    const logged = await ctx.local.api<{ data: { criterion5: { upperLevelMeetings: string[] } } }>('POST', '/api/submissions', secretary, citing(['2027-03-10']));

    // Assess: 10/03 was logged at Phú Thuận (twice: one date); 12/03 nowhere
    expect(unlogged.status).toBe(400);
    expect(unlogged.body.issues).toEqual([{ field: 'data.criterion5.upperLevelMeetings.1', message: 'Ngày 12/03/2027: chưa có cán bộ cấp trên nào ghi nhận dự sinh hoạt tại chi đoàn.' }]);
    expect(logged.status).toBe(201);
  });

  it('takes photos of a visit under the unit visited: the cadre uploads, the chi đoàn reads, a secretary cannot use the route', async () => {
    // Prepare: today, on the clock the object store signs by (its signatures expire)
    vi.useRealTimers();
    const today = calendarDate(new Date());
    const request = evidenceRequest(SAMPLE_FILES.jpg, { formId: 'visit-report', field: 'photos', cycleId: `visits-${today.slice(0, 4)}-dong-thap`, unitId: PHU_THUAN, fileName: 'sinh-hoat.jpg', contentType: 'image/jpeg' });

    // Act
    const granted = await ctx.local.api<{ evidence: EvidenceBody; upload: { url: string; fields: Record<string, string> } }>('POST', '/api/visit-photos', cadre, request);
    await postUploadForm(granted.body.upload, SAMPLE_FILES.jpg, 'sinh-hoat.jpg');
    const confirmed = await ctx.local.api<EvidenceBody>('POST', `/api/visit-photos/${granted.body.evidence.evidenceId}/confirm`, cadre);
    const withPhoto = await visit({ status: 'done', unitId: PHU_THUAN, date: today, report: made({ evidence: [confirmed.body.evidenceId] }) });
    const seenByBranch = await ctx.local.api<EvidenceBody>('GET', `/api/evidence/${confirmed.body.evidenceId}`, await ctx.local.signIn('bithu-apphuthuan'));
    const bySecretary = await ctx.local.api('POST', '/api/visit-photos', await ctx.local.signIn('bithu-apphuthuan'), request);
    const elsewhere = await visit({ status: 'done', unitId: PHU_LONG, date: today, report: made({ evidence: [confirmed.body.evidenceId] }) });
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2027-03-15T03:00:00Z'));

    // Assess
    expect(confirmed.body.status).toBe('ready');
    expect(withPhoto.status).toBe(201);
    expect(seenByBranch.status).toBe(200);
    expect(seenByBranch.body.downloadUrl).toBeTruthy();
    expect(bySecretary.status).toBe(403);
    expect(elsewhere.status).toBe(400);
  });
});

describe('"1+2" as the leaders see it', () => {
  it('shows the province leader each cadre\'s days against 60 and the pace, the communes never visited, and the same in Excel; not to a commune', async () => {
    // Prepare
    const leader = await ctx.local.signIn(PROVINCE_LEADER);

    // Act
    const overview = await ctx.local.api<{ cadres: { userId: string; done: number; target: number; pace: number; monthsBehind: number }[]; places: { unitId: string; visited: boolean; branchesVisited: number }[] }>(
      'GET',
      '/api/visit-overview/dong-thap?year=2027',
      leader,
    );
    const excel = await fetch(`${ctx.local.stack.urls.app}/api/visit-overview/dong-thap?year=2027&format=xlsx`, { headers: { authorization: `Bearer ${leader}` } });
    const fromCommune = await ctx.local.api('GET', '/api/visit-overview/dong-thap?year=2027', await ctx.local.signIn('bithu-tanphudong'));

    // Assess: 10/3 (1), 11/3 (½): 1.5 days by mid-March, 15 due by its end
    expect(overview.status).toBe(200);
    expect(overview.body.cadres.find((row) => row.userId === CADRE)).toMatchObject({ done: 1.5, target: 60, pace: 15, monthsBehind: 3 });
    const tanPhuDong = overview.body.places.find((place) => place.unitId === 'sadec-tan-phu-dong');
    expect(tanPhuDong).toMatchObject({ visited: true, branchesVisited: 2 });
    expect(overview.body.places.filter((place) => !place.visited).length).toBe(overview.body.places.length - 1);
    expect(excel.status).toBe(200);
    expect(Buffer.from(await excel.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect(fromCommune.status).toBe(403);
  });

  it('reminds, on the first of the month, each cadre of a province that adopted its programme and is behind the pace; once, however often the sweep runs', async () => {
    // Prepare
    const admin = await ctx.local.signIn('quantri-dongthap');
    const adopted = await ctx.local.api('POST', '/api/visit-programmes', admin, { year: 2027, scopeUnitId: 'dong-thap' });
    const notAProvince = await ctx.local.api('POST', '/api/visit-programmes', admin, { year: 2027, scopeUnitId: 'sadec' });
    const sweep = async (asOf: string) => {
      const before = (await ctx.local.inbox()).length;
      expect((await ctx.local.api('POST', '/api/sweeps', admin, { asOf })).status).toBe(202);
      await ctx.local.stack.engine.idle();
      return (await ctx.local.inbox()).slice(before).filter((mail) => mail.subject.startsWith('Đi cơ sở "1+2"'));
    };

    // Act
    const first = await sweep('2027-04-01');
    const rerun = await sweep('2027-04-01');
    const nextDay = await sweep('2027-04-02');

    // Assess: only the cadre (the leader holds no cadre role), 1.5 days of the 15 due by 31/03
    expect(adopted.status).toBe(200);
    expect(notAProvince.status).toBe(400);
    expect(first.map((mail) => [mail.destination.to, mail.subject])).toEqual([[['uvbch.ngochan@dongthap.doan.example'], 'Đi cơ sở "1+2": còn thiếu 13,5 ngày so với tiến độ tháng 3/2027']]);
    expect(first[0]!.body.text).toContain('đồng chí đã đi cơ sở 1,5 ngày; tiến độ cần 15 ngày');
    expect(rerun).toEqual([]);
    expect(nextDay).toEqual([]);
  });
});
