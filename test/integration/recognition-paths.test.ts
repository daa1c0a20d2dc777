import { beforeAll, describe, expect, it } from 'vitest';
import { threeProactiveEvaluationSample, threeProactivePlanSample } from '../../domain/forms/three-proactive.ts';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { randomUUID } from 'node:crypto';
import type { ForumChoice } from '../../domain/process/forums.ts';
import { addSecretaries, Appraisal, CITY_LEADER, MODEL_A, MODEL_B, Process } from '../support/process.ts';

const ctx = localStackPerFile();
let process: Process;
let appraisal: Appraisal;

const PHU_THUAN = 'sadec-tan-phu-dong-ap-phu-thuan';
const PHU_LONG = 'sadec-tan-phu-dong-ap-phu-long';
const PHU_HOA = 'sadec-tan-phu-dong-ap-phu-hoa';
const COMMUNE = 'bithu-tanphudong';
const CITY = 'xaydungdoan-sadec';

beforeAll(async () => {
  process = new Process(ctx.local);
  appraisal = new Appraisal(ctx.local);
  await addSecretaries(ctx.local, [
    { userId: 'bithu-apphulong', name: 'Võ Thị Mai', unitId: PHU_LONG },
    { userId: 'bithu-apphuhoa', name: 'Đặng Văn Tài', unitId: PHU_HOA },
  ]);
});

/** Mail sent to an address whose subject starts with the given text. */
async function mailTo(address: string, subject: string) {
  return (await ctx.local.inbox()).filter((mail) => mail.destination.to.includes(address) && mail.subject.startsWith(subject));
}

describe('Model A, Chi đoàn đạt chuẩn, through the workflows', () => {
  it('criteria pass: the dossier waits for the commune, which is told; the chi đoàn sees all seven met', async () => {
    // Act
    const sent = await process.assess('bithu-apphuthuan');

    // Assess
    const { standing } = await process.standing(PHU_THUAN);
    expect(sent.status).toBe(201);
    expect(standing).toMatchObject({ state: 'awaiting-confirmation', actions: ['confirm', 'return'] });
    expect(standing?.criteria?.map((result) => result.pass)).toEqual([true, true, true, true, true, true, true]);
    expect(await mailTo('bithu.tanphudong@sadec.doan.example', 'Chờ Đoàn cấp xã xác nhận: Chi đoàn ấp Phú Thuận')).toHaveLength(1);
    const inbox = await ctx.local.api<{ items: { unitId: string }[] }>('GET', `/api/inbox?cycle=${'chi-doan-dat-chuan-2027-dong-thap'}`, await ctx.local.signIn(COMMUNE));
    expect(inbox.body.items.map((item) => item.unitId)).toContain(PHU_THUAN);
  });

  it('criteria fail, then fix and resubmit: the shortfall is stated, the fixed dossier goes on', async () => {
    // Act: one meeting short
    await process.assess('bithu-apphulong', { criterion5: { ...selfAssessmentSample.criterion5, meetingsHeld: 7 } });
    const failed = await process.standing(PHU_LONG);
    await process.assess('bithu-apphulong');
    const fixed = await process.standing(PHU_LONG);

    // Assess
    expect(failed.standing?.state).toBe('criteria-failed');
    expect(failed.standing?.criteria?.filter((result) => !result.pass).map((result) => result.reason)).toEqual(['Tiêu chí 5: mới sinh hoạt 7 lần (cần ít nhất 08)']);
    expect(await mailTo('bithu-apphulong@sadec.doan.example', 'Chưa đạt tiêu chí')).toHaveLength(1);
    expect(fixed.standing?.state).toBe('awaiting-confirmation');
    expect(fixed.history.map((entry) => entry.to)).toEqual(['Đã được đăng ký xây dựng đạt chuẩn', 'Chưa đạt tiêu chí, cần bổ sung', 'Chờ Đoàn cấp xã xác nhận']);
  });

  it('the commune returns it with a reason; resubmitted, it is confirmed', async () => {
    // Prepare
    await process.assess('bithu-apphuhoa');

    // Act
    const noReason = await process.decide(COMMUNE, [PHU_HOA], 'return');
    await process.decide(COMMUNE, [PHU_HOA], 'return', { reason: 'Thiếu biên bản sinh hoạt tháng 3.' });
    const returned = await process.standing(PHU_HOA);
    const secretary = await ctx.local.signIn('bithu-apphuhoa');
    const listedReturned = await ctx.local.api<{ items: { submissionId: string; statusLabel: string; returnReason?: string; reference?: string }[] }>('GET', '/api/submissions', secretary);
    await process.assess('bithu-apphuhoa');
    await process.decide(COMMUNE, [PHU_HOA], 'confirm');

    // Assess
    expect(noReason.status).toBe(400);
    expect(returned.standing).toMatchObject({ state: 'returned', reason: 'Thiếu biên bản sinh hoạt tháng 3.' });
    // The dossier says so wherever it is listed, not "Đã tiếp nhận"
    const dossier = listedReturned.body.items.find((item) => item.submissionId === returned.standing?.dossierSubmissionId);
    expect(dossier).toMatchObject({ statusLabel: 'Bị trả lại', returnReason: 'Thiếu biên bản sinh hoạt tháng 3.' });
    expect(dossier?.reference).toMatch(/^SD-2027-\d{6}$/);
    expect((await mailTo('bithu-apphuhoa@sadec.doan.example', 'Đoàn cấp xã trả lại hồ sơ'))[0]?.body.text).toContain('Lý do: Thiếu biên bản sinh hoạt tháng 3.');
    expect(await process.state(PHU_HOA)).toBe('confirmed');
  });

  it('recognised: confirmed, reported, recognised with commendation; then maintained a year and revoked', async () => {
    // Prepare: Phú Thuận's dossier waits for the commune (first test)
    if ((await process.state(PHU_THUAN)) !== 'awaiting-confirmation') await process.assess('bithu-apphuthuan');

    // Act
    await process.decide(COMMUNE, [PHU_THUAN], 'confirm');
    await process.decide(COMMUNE, [PHU_THUAN], 'report');
    const cityInbox = await ctx.local.api<{ items: { unitId: string; actions: string[] }[] }>('GET', '/api/inbox?cycle=chi-doan-dat-chuan-2027-dong-thap', await ctx.local.signIn(CITY));
    // The city draws its appraisal sample (Phú Thuận is the only one reported) and it checks out
    await appraisal.intake('open');
    await appraisal.intake('close');
    await appraisal.appraise(PHU_THUAN);
    await process.board('recognise', [{ unitId: PHU_THUAN, commendation: 'giay-khen' }]);
    const recognised = await process.standing(PHU_THUAN);
    const inbox = async () => (await ctx.local.api<{ items: { unitId: string; actions: string[] }[] }>('GET', '/api/inbox?cycle=chi-doan-dat-chuan-2027-dong-thap', await ctx.local.signIn(COMMUNE))).body.items.find((item) => item.unitId === PHU_THUAN);
    const owedMaintenance = await inbox();
    await process.decide(COMMUNE, [PHU_THUAN], 'maintain', { year: 2028 });
    const maintained = await inbox();
    await process.board('revoke', [PHU_THUAN], { reason: 'Năm 2029 không duy trì sinh hoạt định kỳ.' });

    // Assess
    expect(cityInbox.body.items.find((item) => item.unitId === PHU_THUAN)?.actions).toEqual(['recognise', 'reject']);
    expect(recognised.standing).toMatchObject({ state: 'recognised', commendation: true, commendationForm: 'Giấy khen', boardDecision: { number: '1-QĐ/TĐTN' } });
    expect(await mailTo('bithu.apphuthuan@sadec.doan.example', 'Đã công nhận: Chi đoàn ấp Phú Thuận')).toHaveLength(1);
    // Step 5: the commune owes the year's confirmation (its own action only), and is done once it confirms
    expect(owedMaintenance?.actions).toEqual(['maintain']);
    expect(maintained).toBeUndefined();
    const final = await process.standing(PHU_THUAN);
    expect(final.standing?.state).toBe('revoked');
    expect(final.history.map((entry) => entry.summary).slice(-7)).toEqual([
      'Gửi hồ sơ tự đánh giá: đạt cả 7 tiêu chí',
      'Xác nhận hồ sơ',
      'Báo cáo cấp trên',
      'Tổ thẩm định: đúng như hồ sơ ở mọi tiêu chí',
      expect.stringMatching(/^Công nhận \(Quyết định số 1-QĐ\/TĐTN ngày \d{2}\/\d{2}\/\d{4}; khen thưởng: Giấy khen\)$/),
      'Xác nhận duy trì chuẩn',
      expect.stringMatching(/^Thu hồi công nhận \(Quyết định số 2-QĐ\/TĐTN ngày \d{2}\/\d{2}\/\d{4}; lý do: Năm 2029 không duy trì sinh hoạt định kỳ\.\)$/),
    ]);
    expect(final.chain).toMatchObject({ valid: true });
  });

  it('not recognised: the upper level refuses a reported chi đoàn with a reason', async () => {
    // Prepare: Phú Long waits for confirmation (second test)
    if ((await process.state(PHU_LONG)) !== 'awaiting-confirmation') await process.assess('bithu-apphulong');
    await process.decide(COMMUNE, [PHU_LONG], 'confirm');
    await process.decide(COMMUNE, [PHU_LONG], 'report');

    // Act
    await process.board('reject', [PHU_LONG], { reason: 'Thẩm định thực tế: chưa có đội hình tình nguyện.' });

    // Assess
    expect((await process.standing(PHU_LONG)).standing).toMatchObject({ state: 'not-recognised', reason: 'Thẩm định thực tế: chưa có đội hình tình nguyện.' });
    expect(await mailTo('bithu.tanphudong@sadec.doan.example', 'Không công nhận: Chi đoàn ấp Phú Long')).toHaveLength(1);
  });
});

describe('guards on the process', () => {
  it('refuses a step skipped, a wrong person, a second application, and a retried decision applies once', async () => {
    // Prepare: ấp Phú Thạnh was never registered by its commune
    await addSecretaries(ctx.local, [{ userId: 'bithu-apphuthanh', name: 'Trương Văn Lộc', unitId: 'sadec-tan-phu-dong-ap-phu-thanh' }]);
    if ((await process.state(PHU_HOA)) !== 'confirmed') throw new Error('needs Phú Hòa confirmed by the return-and-resubmit test');

    // Act
    const unregistered = await process.assess('bithu-apphuthanh');
    const sibling = await process.decide('bithu-phuong3', [PHU_HOA], 'report');
    const communeRecognises = await process.decide(COMMUNE, [PHU_HOA], 'recognise');
    const reportOnce = await process.decide(COMMUNE, [PHU_HOA], 'report', {}, '8b0e7c1a-2f55-4b8e-9f55-3f0d9c7a1e11');
    const reportRetried = await process.decide(COMMUNE, [PHU_HOA], 'report', {}, '8b0e7c1a-2f55-4b8e-9f55-3f0d9c7a1e11');
    const reportAgain = await process.decide(COMMUNE, [PHU_HOA], 'report');

    // Assess
    expect(unregistered.status).toBe(409);
    expect(unregistered.body.message).toBe('Không thể gửi hồ sơ tự đánh giá khi chi đoàn chưa được Đoàn cấp xã đăng ký (bước 2): đơn vị chưa bắt đầu quy trình này.');
    expect(sibling.status).toBe(403);
    expect(communeRecognises.status).toBe(403);
    expect(reportRetried.body.decisions[0]?.decisionId).toBe(reportOnce.body.decisions[0]?.decisionId);
    expect(reportAgain.status).toBe(409);
    expect(reportAgain.body.message).toBe('Không thể báo cáo cấp trên: hồ sơ đang ở trạng thái "Đã báo cáo cấp trên, chờ xét công nhận".');
    const reports = (await process.standing(PHU_HOA)).history.filter((entry) => entry.summary === 'Báo cáo cấp trên');
    expect(reports).toHaveLength(1);
  });

  it("detects an audit entry changed in the table, naming where the chain breaks", async () => {
    // Prepare
    const before = await ctx.local.api<{ verdict: { valid: boolean } }>('GET', `/api/units/${PHU_HOA}/audit`, await ctx.local.signIn(CITY));
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');

    // Act: someone with table access rewrites who did step 2
    await ctx.local.dynamo.send(
      new UpdateCommand({
        TableName: ctx.local.stack.tableName,
        Key: { pk: `AUDIT#${PHU_HOA}`, sk: 'ENTRY#00000002' },
        UpdateExpression: 'SET summary = :forged',
        ExpressionAttributeValues: { ':forged': 'Gửi hồ sơ tự đánh giá: đạt cả 7 tiêu chí (sửa)' },
      }),
    );
    const after = await ctx.local.api<{ verdict: { valid: boolean; broken?: { seq: number; reason: string } } }>('GET', `/api/units/${PHU_HOA}/audit`, await ctx.local.signIn(CITY));

    // Assess
    expect(before.body.verdict.valid).toBe(true);
    expect(after.body.verdict).toMatchObject({ valid: false, broken: { seq: 2, reason: 'Nội dung đã bị thay đổi.' } });
  });
});

describe('Model B, Đoàn cơ sở "3 chủ động", end to end', () => {
  it('plan, a cadre assigned, the yearly self-evaluation, recognised by the standing committee; no step skipped', async () => {
    // Prepare: Phường 3 has no "3 chủ động" record yet
    const decideB = (userId: string, action: string, extra: Record<string, unknown> = {}) => process.decide(userId, ['sadec-phuong-3'], action, { cycleId: MODEL_B, ...extra });

    // Act
    await process.submit('bithu-phuong3', 'three-proactive-plan', threeProactivePlanSample, MODEL_B);
    const tooEarly = await process.submit('bithu-phuong3', 'three-proactive-evaluation', threeProactiveEvaluationSample, MODEL_B);
    await decideB(CITY, 'assign-cadre', { cadre: 'Lê Văn Phúc' });
    await process.submit('bithu-phuong3', 'three-proactive-evaluation', threeProactiveEvaluationSample, MODEL_B);
    const evaluated = await process.state('sadec-phuong-3', MODEL_B);
    const { decision } = await process.board('recognise', [{ unitId: 'sadec-phuong-3', commendation: 'tuyen-duong' }], { cycleId: MODEL_B });

    // Assess
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toContain('trước khi cấp trên phân công cán bộ theo dõi');
    expect(evaluated).toBe('evaluated');
    const final = await process.standing('sadec-phuong-3', MODEL_B);
    expect(final.standing).toMatchObject({ state: 'recognised', commendationForm: 'Tuyên dương', boardDecision: { number: decision?.body.number } });
    expect(final.history.map((entry) => entry.to)).toEqual([
      'Đã đăng ký, chờ cấp trên phân công cán bộ theo dõi',
      'Đã có cán bộ theo dõi',
      'Đã tự đánh giá, chờ Ban Thường vụ cấp trên xét',
      'Đã công nhận',
    ]);
    expect(await mailTo('bithu.phuong3@sadec.doan.example', 'Đã có cán bộ theo dõi')).toHaveLength(1);
  });

  it("the Ban Thường vụ sends its recognised Đoàn cơ sở to a forum: kept once on its desk, only its own and only in the programme", async () => {
    // Prepare: Phường 3 recognised above; An Hòa never planned "3 chủ động"
    const leader = await ctx.local.signIn(CITY_LEADER);
    const forum = { idempotencyKey: randomUUID(), cycleId: MODEL_B, title: 'Diễn đàn chia sẻ kinh nghiệm xây dựng Đoàn cơ sở "3 chủ động"', date: '2028-03-26', place: 'Nhà Văn hóa Thanh niên Sa Đéc', unitIds: ['sadec-phuong-3'] };

    // Act
    const chosen = await ctx.local.api<ForumChoice>('POST', '/api/forums', leader, forum);
    const retried = await ctx.local.api<ForumChoice>('POST', '/api/forums', leader, forum);
    const notInProgramme = await ctx.local.api<{ message: string }>('POST', '/api/forums', leader, { ...forum, idempotencyKey: randomUUID(), unitIds: ['sadec-an-hoa'] });
    const otherModel = await ctx.local.api<{ message: string }>('POST', '/api/forums', leader, { ...forum, idempotencyKey: randomUUID(), cycleId: MODEL_A });
    const byOrganiser = await ctx.local.api<{ message: string }>('POST', '/api/forums', await ctx.local.signIn(CITY), { ...forum, idempotencyKey: randomUUID() });
    const desk = await ctx.local.api<{ forums: ForumChoice[] }>('GET', `/api/proposals/${MODEL_B}/sadec`, await ctx.local.signIn(CITY));

    // Assess
    expect(chosen.status).toBe(201);
    expect(chosen.body).toMatchObject({ title: forum.title, date: '2028-03-26', units: [{ unitId: 'sadec-phuong-3', name: 'Đoàn Phường 3' }] });
    expect(retried.body.forumId).toBe(chosen.body.forumId);
    expect(notInProgramme.status).toBe(409);
    expect(notInProgramme.body.message).toContain('chưa đăng ký xây dựng Đoàn cơ sở "3 chủ động" trong đợt này');
    expect(otherModel.status).toBe(400);
    expect(byOrganiser.status).toBe(403);
    expect(desk.body.forums.map((entry) => entry.forumId)).toEqual([chosen.body.forumId]);
  });
});
