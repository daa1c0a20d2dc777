import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardDecision } from '../../domain/process/board-decisions.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { addSecretaries, Appraisal, CITY_LEADER, CITY_ORGANISER, MODEL_A, Process, reportTanPhuDong, TAN_PHU_DONG_BRANCHES } from '../support/process.ts';

const ctx = localStackPerFile();
let flow: Process;

const COMMUNE = 'bithu-tanphudong';
const BRANCHES = TAN_PHU_DONG_BRANCHES;
const SIGNER = { name: 'Võ Thanh Tùng', title: 'Bí thư' };

async function propose(units: { unitId: string; commendation?: string }[], action = 'recognise') {
  return ctx.local.api<{ proposalId: string; message?: string }>('POST', '/api/proposals', await ctx.local.signIn(CITY_ORGANISER), { idempotencyKey: randomUUID(), cycleId: MODEL_A, action, units });
}

async function approve(proposalId: string, userId = CITY_LEADER, idempotencyKey = randomUUID()) {
  return ctx.local.api<BoardDecision & { message?: string }>('POST', `/api/proposals/${proposalId}/approve`, await ctx.local.signIn(userId), { idempotencyKey, place: 'Sa Đéc', signer: SIGNER });
}

async function wordText(decisionId: string, userId: string): Promise<{ status: number; name?: string; text: string }> {
  const response = await fetch(`${ctx.local.stack.urls.app}/api/board-decisions/${decisionId}?format=docx`, { headers: { authorization: `Bearer ${await ctx.local.signIn(userId)}` } });
  if (response.status !== 200) return { status: response.status, text: '' };
  const xml = await (await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()))).file('word/document.xml')!.async('string');
  return { status: 200, name: /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1], text: xml.replace(/<[^>]+>/g, '') };
}

beforeAll(async () => {
  // Prepare: Tân Phú Đông's three registered ấp assessed, confirmed, reported; the city's sample drawn and found as claimed
  flow = new Process(ctx.local);
  await reportTanPhuDong(ctx.local, flow);
  const appraisal = new Appraisal(ctx.local);
  await appraisal.intake('open');
  await appraisal.intake('close');
  for (const { unitId } of await appraisal.assignments()) await appraisal.appraise(unitId);
});

describe("the Ban Thường vụ's numbered decisions", () => {
  it('refuses recognition by the organising department itself, and approval of a tờ trình by anyone but a leader', async () => {
    // Act
    const direct = await flow.decide(CITY_ORGANISER, [BRANCHES[0]!], 'recognise');
    const proposal = await propose([{ unitId: BRANCHES[0]! }]);
    const byOrganiser = await approve(proposal.body.proposalId, CITY_ORGANISER);
    const praised = await propose([{ unitId: BRANCHES[0]!, commendation: 'tuyen-duong' }]);

    // Assess
    expect(direct.status).toBe(403);
    expect(direct.body.message).toBe('Việc công nhận do Ban Thường vụ quyết định: bộ phận Xây dựng Đoàn lập tờ trình, đồng chí Bí thư hoặc Phó Bí thư duyệt và ký quyết định.');
    expect(proposal.status).toBe(201);
    expect(byOrganiser.status).toBe(403);
    // "Tuyên dương" is the "3 chủ động" model's; a chi đoàn is commended with Giấy khen or Bằng khen
    expect(praised.status).toBe(400);
    expect((praised.body as { issues?: { field: string; message: string }[] }).issues).toEqual([
      { field: 'units', message: 'Tuyên dương dành cho Đoàn cơ sở "3 chủ động"; chi đoàn đạt chuẩn được xét Giấy khen hoặc Bằng khen.' },
    ]);
    expect(await flow.state(BRANCHES[0]!)).toBe('reported');
  });

  it('approves a tờ trình of several units as one numbered decision, carried out on each, with its commendations, as a Word document', async () => {
    // Prepare
    const proposal = await propose([{ unitId: BRANCHES[1]!, commendation: 'bang-khen' }, { unitId: BRANCHES[2]! }]);

    // Act
    const approved = await approve(proposal.body.proposalId);
    await ctx.local.stack.engine.idle();
    const word = await wordText(approved.body.decisionId, COMMUNE);

    // Assess: one decision, its number the first of the city's year
    expect(approved.status).toBe(201);
    expect(approved.body.number).toBe(`1-QĐ/TĐTN`);
    expect(approved.body.units.map((unit) => unit.unitId)).toEqual([BRANCHES[1], BRANCHES[2]]);
    for (const unitId of [BRANCHES[1]!, BRANCHES[2]!]) expect(await flow.state(unitId)).toBe('recognised');
    const { standing, history } = await flow.standing(BRANCHES[1]!);
    expect(standing).toMatchObject({ commendation: true, commendationForm: 'Bằng khen', boardDecision: { number: '1-QĐ/TĐTN', decisionId: approved.body.decisionId } });
    expect(history.at(-1)?.summary).toMatch(/^Công nhận \(Quyết định số 1-QĐ\/TĐTN ngày \d{2}\/\d{2}\/\d{4}; khen thưởng: Bằng khen\)$/);
    // The document, read back: number, title, the list, the commendation, the signer
    expect(word.name).toMatch(/^quyet-dinh-1-\d{4}-thanh-doan-sa-dec\.docx$/);
    for (const expected of ['THÀNH ĐOÀN SA ĐÉC', 'Số: 1-QĐ/TĐTN', 'ĐOÀN TNCS HỒ CHÍ MINH', 'QUYẾT ĐỊNH', 'Về việc công nhận chi đoàn đạt chuẩn trên địa bàn dân cư năm 2027', 'BAN THƯỜNG VỤ THÀNH ĐOÀN SA ĐÉC', 'Công nhận 02 chi đoàn', 'Chi đoàn ấp Phú Long', 'Chi đoàn ấp Phú Thuận', 'Đoàn xã Tân Phú Đông', 'Bằng khen', 'Nơi nhận:', 'TM. BAN THƯỜNG VỤ', 'BÍ THƯ', 'Võ Thanh Tùng']) {
      expect(word.text).toContain(expected);
    }
  });

  it('numbers concurrent approvals without a gap or a repeat, and answers a retried approval with its decision', async () => {
    // Prepare: the first tờ trình (Phú Hòa) is still waiting; a second one refuses the same unit… no: another list
    const { body: first } = await ctx.local.api<{ proposals: { proposalId: string; status: string }[] }>('GET', `/api/proposals/${MODEL_A}/sadec`, await ctx.local.signIn(CITY_LEADER));
    const waiting = first.proposals.find((proposal) => proposal.status === 'proposed')!;
    const key = randomUUID();

    // Act: the same approval twice at once (a double tap), then again later
    const [one, two] = await Promise.all([approve(waiting.proposalId, CITY_LEADER, key), approve(waiting.proposalId, CITY_LEADER, key)]);
    const later = await approve(waiting.proposalId, CITY_LEADER, key);
    const other = await approve(waiting.proposalId);
    await ctx.local.stack.engine.idle();

    // Assess: one decision, number 2; the retry gets it back; another approval is refused
    const answers = [one, two].filter((answer) => answer.status === 201);
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(new Set(answers.map((answer) => answer.body.number))).toEqual(new Set(['2-QĐ/TĐTN']));
    expect(later.body.number).toBe('2-QĐ/TĐTN');
    expect(other.status).toBe(409);
    expect(other.body.message).toBe('Tờ trình này đã được duyệt bằng Quyết định số 2-QĐ/TĐTN.');
    expect(await flow.state(BRANCHES[0]!)).toBe('recognised');
    const desk = await ctx.local.api<{ decisions: BoardDecision[] }>('GET', `/api/proposals/${MODEL_A}/sadec`, await ctx.local.signIn(CITY_ORGANISER));
    expect(desk.body.decisions.map((decision) => decision.number)).toEqual(['1-QĐ/TĐTN', '2-QĐ/TĐTN']);
  });

  it('shows a decision down its line, never to a sibling commune or an appraiser', async () => {
    // Prepare
    await addSecretaries(ctx.local, [{ userId: 'bithu-phuong3-board', name: 'Thử', unitId: 'sadec-phuong-3' }]);
    const { body } = await ctx.local.api<{ decisions: BoardDecision[] }>('GET', `/api/proposals/${MODEL_A}/sadec`, await ctx.local.signIn(CITY_LEADER));
    const decisionId = body.decisions[0]!.decisionId;

    // Act
    const [branch, province, sibling, appraiser] = await Promise.all(
      ['bithu-apphulong', 'quantri-dongthap', 'bithu-phuong3-board', 'thamdinh-sadec'].map(async (userId) => ctx.local.api('GET', `/api/board-decisions/${decisionId}`, await ctx.local.signIn(userId))),
    );

    // Assess
    expect([branch!.status, province!.status, sibling!.status, appraiser!.status]).toEqual([200, 200, 404, 404]);
  });
});
