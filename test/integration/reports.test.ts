import { GetCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRow } from '../../domain/dashboard/rows.ts';
import type { SentReport } from '../../domain/reports/reports.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { MODEL_A, Process } from '../support/process.ts';
import { reportRequest } from '../support/samples.ts';

const ctx = localStackPerFile();
const COMMUNE = 'bithu-tanphudong';

async function file(path: string, token: string): Promise<{ type: string | null; name: string | undefined; bytes: Buffer }> {
  const response = await fetch(`${ctx.local.stack.urls.app}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { type: response.headers.get('content-type'), name, bytes: Buffer.from(await response.arrayBuffer()) };
}

let commune: string;
let city: string;
beforeAll(async () => {
  commune = await ctx.local.signIn(COMMUNE);
  city = await ctx.local.signIn('bithu-sadec');
});

describe('the yearly results report', () => {
  it('keeps the figures as they stood when sent, shows the city who has reported, and downloads as Word and Excel', async () => {
    // Prepare: the commune's dashboard now
    const before = (await ctx.local.api<{ total: DashboardRow }>('GET', `/api/dashboard/${MODEL_A}/sadec-tan-phu-dong`, commune)).body.total;

    // Act: the commune sends its report; then a chi đoàn moves on
    const sent = await ctx.local.api<SentReport>('POST', '/api/reports', commune, reportRequest());
    await new Process(ctx.local).assess('bithu-apphuthuan');
    const kept = await ctx.local.api<SentReport>('GET', `/api/reports/${MODEL_A}/sadec-tan-phu-dong/results-report`, city);
    const now = (await ctx.local.api<{ total: DashboardRow }>('GET', `/api/dashboard/${MODEL_A}/sadec-tan-phu-dong`, commune)).body.total;
    const cityRows = (await ctx.local.api<{ rows: DashboardRow[] }>('GET', `/api/dashboard/${MODEL_A}/sadec`, city)).body.rows;
    const word = await file(`/api/reports/${MODEL_A}/sadec-tan-phu-dong/results-report?format=docx`, city);
    const excel = await file(`/api/reports/${MODEL_A}/sadec-tan-phu-dong/results-report?format=xlsx`, city);

    // Assess: the report's figures are those of the moment it was sent
    expect(sent.status).toBe(201);
    expect(kept.body.figures.total).toEqual(before);
    expect(now.byState).not.toEqual(before.byState);
    expect(cityRows.find((row) => row.unitId === 'sadec-tan-phu-dong')?.reportsSent).toEqual(['results-report']);
    expect(cityRows.find((row) => row.unitId === 'sadec-phuong-3')?.reportsSent).toEqual([]);
    // The Word document, laid out as a Youth Union office issues it
    expect(word.name).toBe('bao-cao-ket-qua-sadec-tan-phu-dong-v1.docx');
    const text = (await (await JSZip.loadAsync(word.bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const expected of ['ĐOÀN TNCS HỒ CHÍ MINH', 'ĐOÀN XÃ TÂN PHÚ ĐÔNG', 'Số: 12-BC/ĐTN', 'BÁO CÁO', 'TM. BAN THƯỜNG VỤ', 'Nguyễn Thị Thu Hà', 'Ba ấp sinh hoạt đều đặn.', 'Nơi nhận:']) {
      expect(text).toContain(expected);
    }
    // The Excel file: the figures sheet and what was written
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng quan', 'Nội dung']);
    expect(workbook.getWorksheet('Nội dung')!.getRow(7).values).toEqual([undefined, 'Kết quả nổi bật', 'Ba ấp sinh hoạt đều đặn.']);
  });

  it('reminds and escalates the report like any duty, and stops once it is sent', async () => {
    // Prepare: Tân Phú Đông sent its results report above; Phường 3 has not.
    const admin = await ctx.local.signIn('quantri-dongthap');
    const owes = async (unitId: string) => !!(await ctx.local.dynamo.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: `OBLIGATION#${MODEL_A}#${unitId}`, sk: 'REPORT#results-report' } }))).Item;
    const before = (await ctx.local.inbox()).length;

    // Act: the day after the deadline (01/10)
    const swept = await ctx.local.api('POST', '/api/sweeps', admin, { asOf: '2027-10-02' });
    await ctx.local.stack.engine.idle();
    const texts = (await ctx.local.inbox()).slice(before).map((mail) => mail.body.text ?? '');

    // Assess
    expect(swept.status).toBe(202);
    expect([await owes('sadec-tan-phu-dong'), await owes('sadec-phuong-3')]).toEqual([false, true]);
    expect(texts.some((text) => text.includes('Gửi báo cáo kết quả xây dựng Chi đoàn đạt chuẩn — Đoàn Phường 3'))).toBe(true);
    expect(texts.some((text) => text.includes('Gửi báo cáo kết quả xây dựng Chi đoàn đạt chuẩn — Đoàn xã Tân Phú Đông'))).toBe(false);
  });

  it('refuses a report with a part left unwritten, one from a chi đoàn, and shows a sibling nothing', async () => {
    // Act
    const unwritten = await ctx.local.api('POST', '/api/reports', commune, reportRequest({ narrative: { achievements: 'Có.' } }));
    const fromBranch = await ctx.local.api('POST', '/api/reports', await ctx.local.signIn('bithu-apphuthuan'), reportRequest());
    const sibling = await ctx.local.api('GET', `/api/reports/${MODEL_A}/sadec-tan-phu-dong/results-report`, await ctx.local.signIn('bithu-phuong3'));

    // Assess
    expect(unwritten.status).toBe(400);
    expect(unwritten.body.issues?.map((issue) => issue.field)).toEqual(['narrative.shortcomings', 'narrative.proposals']);
    expect(fromBranch.status).toBe(403);
    expect(sibling.status).toBe(403);
  });
});
