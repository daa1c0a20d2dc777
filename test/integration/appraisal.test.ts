import { execFile } from 'node:child_process';
import ExcelJS from 'exceljs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.ts';
import { commitmentOf } from '../../domain/appraisal/draw.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { countsOf } from '../support/counts.ts';
import type { DashboardRow } from '../../domain/dashboard/rows.ts';
import { Appraisal, APPRAISER, MODEL_A, Process, reportTanPhuDong, TAN_PHU_DONG_BRANCHES } from '../support/process.ts';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../functions/shared/config/config.ts';
import { keys } from '../../functions/shared/store/keys.ts';
import { LOCAL_SEED_KEY_ID } from '../../infra/local/stack.ts';

const ctx = localStackPerFile();
let flow: Process;
let appraisal: Appraisal;

const COMMUNE = 'bithu-tanphudong';
const BRANCHES = TAN_PHU_DONG_BRANCHES;

async function mailTo(address: string, subject: string) {
  return (await ctx.local.inbox()).filter((mail) => mail.destination.to.includes(address) && mail.subject.startsWith(subject));
}

beforeAll(async () => {
  // Prepare: the three registered chi đoàn of Tân Phú Đông are assessed, confirmed and reported
  flow = new Process(ctx.local);
  appraisal = new Appraisal(ctx.local);
  await reportTanPhuDong(ctx.local, flow);
});

describe('the appraisal draw', () => {
  it('publishes the commitment when intake opens, to the communes too, without the seed', async () => {
    // Act
    const opened = await appraisal.intake('open');
    const seenByCommune = await appraisal.draw(COMMUNE);
    const openedAgain = await appraisal.intake('open');

    // Assess
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect(opened.body.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.body.seed).toBeUndefined();
    expect(seenByCommune.body.draw).toMatchObject({ status: 'open', commitment: opened.body.commitment });
    expect(openedAgain.body.commitment).toBe(opened.body.commitment);
  });

  it('keeps the seed sealed in the table: ciphertext only, opened by the key with this draw\'s context and no other', async () => {
    // Prepare
    const { Item: stored } = await dynamo().send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: keys.drawSeed(MODEL_A, 'sadec') }));
    const kms = new KMSClient({ endpoint: ctx.local.stack.urls.keyService, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const open = (upperUnitId: string) =>
      kms.send(new DecryptCommand({ KeyId: LOCAL_SEED_KEY_ID, CiphertextBlob: Buffer.from(stored!.sealedSeed as string, 'base64'), EncryptionContext: { purpose: 'appraisal-draw-seed', cycleId: MODEL_A, upperUnitId } }));

    // Act
    const opened = await open('sadec');
    const elsewhere = await open('dongthap').catch((error: Error) => error.name);

    // Assess: no seed in the item; the sealed one opens to the committed seed for this draw only
    expect(Object.keys(stored!).sort()).toEqual(['pk', 'sealedSeed', 'sk']);
    const seed = Buffer.from(opened.Plaintext!).toString('utf8');
    expect(commitmentOf(seed)).toBe((await appraisal.draw()).body.draw?.commitment);
    expect(stored!.sealedSeed).not.toContain(seed);
    expect(elsewhere).toBe('InvalidCiphertextException');
  });

  it('refuses recognition before the draw', async () => {
    const { proposal: early } = await flow.board('recognise', [BRANCHES[0]!]);
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('Chưa lập được: Chi đoàn ấp Phú Hòa: Chưa thể công nhận: chi đoàn chưa có trong đợt rút mẫu thẩm định (cấp trên chưa đóng nhận báo cáo và rút mẫu).');
  });

  it('closing intake draws 30% rounded up per commune, reveals the seed matching the commitment, and mails the one appraiser assigned', async () => {
    // Prepare
    const commitment = (await appraisal.draw()).body.draw?.commitment;

    // Act
    const closed = await appraisal.intake('close');
    const { body } = await appraisal.draw();

    // Assess
    expect(closed.status).toBe(202);
    expect(body.draw).toMatchObject({ status: 'drawn', reportedCount: 3, sampledCount: 1 });
    expect(commitmentOf(body.draw!.seed!)).toBe(commitment);
    expect(body.verification).toEqual({ commitmentMatches: true, mismatches: [] });
    const [commune] = body.communes;
    expect(commune).toMatchObject({ communeId: 'sadec-tan-phu-dong', reported: BRANCHES });
    expect(commune?.sampled).toHaveLength(1);
    // The other member comes from Tân Phú Đông: a conflict of interest, so never assigned there
    expect(await appraisal.assignments('thamdinh2-sadec')).toEqual([]);
    expect((await appraisal.assignments()).map((assignment) => assignment.unitId)).toEqual(commune?.sampled);
    expect(await mailTo('thamdinh@sadec.doan.example', 'Phân công thẩm định 1 chi đoàn')).toHaveLength(1);
    expect(await mailTo('thamdinh2@sadec.doan.example', 'Phân công thẩm định')).toHaveLength(0);
  });

  it('`npm run verify-sample` recomputes the draw from the table and says it matches', async () => {
    // Act: the command line, pointed at this test's stack the way it is pointed at AWS
    const env = {
      ...process.env,
      TABLE_NAME: LOCAL_TABLE_NAME,
      AWS_ENDPOINT_URL_DYNAMODB: ctx.local.stack.urls.dynamodb,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    };
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'infra/local/cli/verify-sample.ts', 'chi-doan-dat-chuan-2027-dong-thap'], { env });

    // Assess
    expect(stdout).toContain('khớp mã cam kết ✓');
    expect(stdout).toMatch(/✓ sadec-tan-phu-dong: 1\/3 — sadec-tan-phu-dong-ap-phu-\w+ \([0-9a-f]{8}…\)/);
    expect(stdout).toContain('KHỚP: mẫu của cả 1 xã đúng như tính lại.');
  });

  it('lets the appraiser see only their assignment: the dossier yes, other units no', async () => {
    // Prepare
    const [assigned] = await appraisal.assignments();
    const token = await ctx.local.signIn(APPRAISER);
    const other = BRANCHES.find((unitId) => unitId !== assigned?.unitId)!;

    // Act
    const detail = await ctx.local.api<{ dossier?: { formId: string }; criteria: unknown[] }>('GET', `/api/assignments/chi-doan-dat-chuan-2027-dong-thap/${assigned?.unitId}`, token);
    const notAssigned = await ctx.local.api('GET', `/api/assignments/chi-doan-dat-chuan-2027-dong-thap/${other}`, token);
    const standing = await ctx.local.api('GET', `/api/standings/chi-doan-dat-chuan-2027-dong-thap/${other}`, token);

    // Assess
    expect(detail.status).toBe(200);
    expect(detail.body.dossier?.formId).toBe('self-assessment');
    expect(detail.body.criteria).toHaveLength(7);
    expect(notAssigned.status).toBe(403);
    expect(standing.status).toBe(403);
  });

  it('a failed appraisal widens the sample to the whole commune; recognition follows each chi đoàn’s own appraisal', async () => {
    // Prepare
    const [first] = await appraisal.assignments();
    const sampled = first!.unitId;
    const others = BRANCHES.filter((unitId) => unitId !== sampled);

    // Act: criterion 3 is not as the dossier claimed
    const sent = await appraisal.appraise(sampled, [3]);
    const widened = await appraisal.assignments();
    const { proposal: blocked } = await flow.board('recognise', [sampled]);
    const { proposal: waiting } = await flow.board('recognise', [others[0]!]);
    await appraisal.appraise(others[0]!);
    await appraisal.appraise(others[1]!);
    const { decision: recognised } = await flow.board('recognise', others);

    // Assess
    expect(sent.status).toBe(202);
    expect(widened.map(({ unitId, round, status, outcome }) => ({ unitId, round, status, outcome }))).toEqual(
      [
        { unitId: sampled, round: 1, status: 'appraised', outcome: 'failed' },
        ...others.map((unitId) => ({ unitId, round: 2, status: 'assigned', outcome: undefined })),
      ].sort((a, b) => a.unitId.localeCompare(b.unitId)),
    );
    expect(await mailTo('thamdinh@sadec.doan.example', 'Thẩm định bổ sung 2 chi đoàn tại Đoàn xã Tân Phú Đông')).toHaveLength(1);
    expect(blocked.body.message).toMatch(/^Chưa lập được: Chi đoàn ấp Phú \S+: Chưa thể công nhận: tổ thẩm định kết luận chi đoàn không đúng như hồ sơ\.$/);
    expect(waiting.body.message).toMatch(/^Chưa lập được: Chi đoàn ấp Phú \S+: Chưa thể công nhận: chi đoàn đang chờ tổ thẩm định đến thẩm định\.$/);
    expect(recognised?.status).toBe(201);
    for (const unitId of others) expect(await flow.state(unitId)).toBe('recognised');
    const history = (await flow.standing(sampled)).history.map((entry) => entry.summary);
    expect(history.at(-1)).toBe('Tổ thẩm định: không đúng như hồ sơ ở tiêu chí 3');
    // The draw still verifies: widening adds to the sample, it never rewrites the draw
    expect((await appraisal.draw()).body.verification).toEqual({ commitmentMatches: true, mismatches: [] });
  });

  it('refuses a second appraisal of a chi đoàn already appraised, whatever its findings', async () => {
    // Prepare
    const [done] = await appraisal.assignments();

    // Act
    const again = await appraisal.appraise(done!.unitId);
    const token = await ctx.local.signIn(APPRAISER);
    const partial = await ctx.local.api<{ message: string }>('POST', '/api/appraisals', token, {
      idempotencyKey: '5b1d1f3e-8a0c-4c8e-9d7e-2f1a3b4c5d6e',
      cycleId: 'chi-doan-dat-chuan-2027-dong-thap',
      unitId: done!.unitId,
      data: { visitDate: '2027-06-12', findings: [{ criterionId: 'no-violations', finding: 'verified' }] },
    });

    // Assess
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Chi đoàn này đã được thẩm định; kết quả đã ghi nhận không sửa được.');
    expect(partial.status).toBe(409);
  });

  it("counts the sample on the leaders' dashboard: drawn and widened, as claimed and not, equal to a recount", async () => {
    // Prepare
    const leader = await ctx.local.signIn('bithu-sadec');
    const { recount, storedCounts } = countsOf(() => ctx.local.dynamo);

    // Act
    const answer = await ctx.local.api<{ rows: DashboardRow[] }>('GET', '/api/dashboard/chi-doan-dat-chuan-2027-dong-thap/sadec', leader);
    const [stored, expected] = await Promise.all([storedCounts('chi-doan-dat-chuan-2027-dong-thap'), recount('chi-doan-dat-chuan-2027-dong-thap')]);

    // Assess: one drawn, two widened after its failure; two as claimed, one not
    const commune = answer.body.rows.find((row) => row.unitId === 'sadec-tan-phu-dong');
    expect(commune).toMatchObject({ sampled: 3, verified: 2, notAsClaimed: 1 });
    expect(stored).toEqual(expected);
  });

  it('exports the sample and its findings to Excel for the city, not for a commune below it', async () => {
    // Prepare
    const [leader, commune] = await Promise.all([ctx.local.signIn('bithu-sadec'), ctx.local.signIn(COMMUNE)]);
    const path = '/api/draws/chi-doan-dat-chuan-2027-dong-thap/sadec?format=xlsx';

    // Act
    const response = await fetch(`${ctx.local.stack.urls.app}${path}`, { headers: { authorization: `Bearer ${leader}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const refused = await ctx.local.api('GET', path, commune);
    const seenByCommune = await ctx.local.api<{ mayExport?: boolean }>('GET', '/api/draws/chi-doan-dat-chuan-2027-dong-thap/sadec', commune);

    // Assess: a row per commune with its tallies, a row per chi đoàn drawn or added, with its finding
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="mau-tham-dinh-thanh-doan-sa-dec-\d{2}-\d{2}-\d{4}\.xlsx"$/);
    const summary = workbook.getWorksheet('Theo xã')!.getRow(5).values as unknown[];
    expect(summary.slice(1)).toEqual(['Đoàn xã Tân Phú Đông', 3, 1, 2, 2, 1, 0]);
    const list = workbook.getWorksheet('Chi đoàn trong mẫu')!;
    const lines = list.getRows(2, list.rowCount - 1)!.map((row) => [row.getCell(3).value, row.getCell(6).value]);
    expect(lines).toEqual([['Rút mẫu', 'Không đúng như hồ sơ'], ['Mở rộng', 'Đúng như hồ sơ'], ['Mở rộng', 'Đúng như hồ sơ']]);
    expect(refused.status).toBe(403);
    expect(seenByCommune.body.mayExport).toBe(false);
  });
});
