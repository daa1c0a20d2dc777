import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DashboardRow } from '../../domain/dashboard/rows.ts';
import { countsOf } from '../support/counts.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { MODEL_A } from '../support/process.ts';

const ctx = localStackPerFile();

interface DashboardBody {
  unit: { unitId: string; name: string };
  total: DashboardRow;
  rows: DashboardRow[];
}

let leader: string;
beforeAll(async () => {
  leader = await ctx.local.signIn('bithu-sadec');
});

describe("the leaders' dashboard", () => {
  it("shows the city leader each commune of Sa Đéc against the targets, with the figures a recount of the standings gives", async () => {
    // Act
    const answer = await ctx.local.api<DashboardBody>('GET', `/api/dashboard/${MODEL_A}/sadec`, leader);
    const { scanAll } = countsOf(() => ctx.local.dynamo);
    const communes = await scanAll('UNIT#sadec-');
    const standings = await scanAll(`STANDING#${MODEL_A}#`);

    // Assess: per commune, residential chi đoàn from the directory, registered from the standings.
    expect(answer.status).toBe(200);
    expect(answer.body.unit.name).toBe('Thành Đoàn Sa Đéc');
    for (const row of answer.body.rows) {
      const residential = communes.filter((unit) => unit.parentId === row.unitId && unit.residential === true).length;
      const registered = standings.filter((standing) => standing.parentId === row.unitId && standing.state !== undefined && (standing.templateId as string) === 'chi-doan-dat-chuan' && standing.unitId !== row.unitId).length;
      expect([row.unitId, row.eligible, row.registered]).toEqual([row.unitId, residential, registered]);
    }
    expect(answer.body.total.eligible).toBe(answer.body.rows.reduce((sum, row) => sum + row.eligible, 0));
    expect(answer.body.total.registered).toBeGreaterThan(0);
  });

  it('counts as late every obligation still open after its deadline (Vietnam date), per row and duty', async () => {
    // Prepare: the stack's clock (in this process) on 05/10/2027, four days past the dossiers' 01/10
    const { scanAll } = countsOf(() => ctx.local.dynamo);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2027-10-05T02:00:00Z'));
    try {
      const token = await ctx.local.signIn('bithu-sadec');

      // Act
      const answer = await ctx.local.api<DashboardBody>('GET', `/api/dashboard/${MODEL_A}/sadec`, token);

      // Assess: each row's late duties are those owed, open, in its subtree (or by the row itself)
      const ancestors = new Map((await scanAll('UNIT#')).map((item) => [item.unitId as string, item.ancestors as string[]]));
      const owed = [...(await scanAll(`OBLIGATION#${MODEL_A}#`)), ...(await scanAll(`STANDING#${MODEL_A}#`))].filter((item) => item.gsi2pk);
      const late = owed.map((item) => item.due as { ownerUnitId: string; duty: string; deadline: string }).filter((due) => due.deadline < '2027-10-05');
      for (const row of answer.body.rows) {
        const expected: Record<string, number> = {};
        for (const due of late.filter((candidate) => candidate.ownerUnitId === row.unitId || ancestors.get(candidate.ownerUnitId)?.includes(row.unitId))) expected[due.duty] = (expected[due.duty] ?? 0) + 1;
        expect([row.unitId, row.lateByDuty]).toEqual([row.unitId, expected]);
      }
      // Tân Phú Đông's three registered ấp have sent no dossier; every commune owes its results report.
      expect(answer.body.rows.find((row) => row.unitId === 'sadec-tan-phu-dong')?.lateByDuty).toMatchObject({ 'self-assessment': 3, 'results-report': 1 });
      expect(answer.body.total.late).toBe(late.filter((due) => ancestors.get(due.ownerUnitId)?.includes('sadec')).length);
    } finally {
      vi.useRealTimers();
    }
  });

  it("exports a commune's list as the page narrows it, with a sheet of its chi đoàn, their state, criteria and deadline", async () => {
    // Prepare
    const excel = async (query: string) => {
      const response = await fetch(`${ctx.local.stack.urls.app}/api/dashboard/${MODEL_A}/sadec-tan-phu-dong?format=xlsx&${query}`, { headers: { authorization: `Bearer ${leader}` } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      return workbook;
    };

    // Act
    const searched = await excel('q=phu%20thuan');
    const late = await excel('filter=late');
    const unknownFilter = await ctx.local.api('GET', `/api/dashboard/${MODEL_A}/sadec-tan-phu-dong?format=xlsx&filter=everything`, leader);

    // Assess
    const overview = searched.getWorksheet('Tổng quan')!;
    expect(overview.getRow(2).getCell(1).text).toMatch(/^Số liệu ngày \d{2}\/\d{2}\/\d{4} — chỉ gồm: tìm "phu thuan"$/);
    expect(overview.getRow(5).getCell(1).value).toBe('Chi đoàn ấp Phú Thuận');
    expect(overview.getRow(6).getCell(1).text).toMatch(/^Tổng: /);
    const branches = searched.getWorksheet('Chi đoàn')!;
    expect(branches.getRow(1).values).toEqual(expect.arrayContaining(['Chi đoàn', 'Tình trạng', 'Việc phải làm', 'Hạn', 'Quá hạn']));
    expect(branches.rowCount).toBe(2);
    expect(branches.getRow(2).values).toEqual(expect.arrayContaining(['Chi đoàn ấp Phú Thuận', 'Đã được đăng ký xây dựng đạt chuẩn', 'Gửi hồ sơ tự đánh giá theo 7 tiêu chí', '01/10/2027']));
    expect(late.getWorksheet('Tổng quan')!.getRow(2).getCell(1).text).toContain('chỉ gồm: Có việc quá hạn');
    expect(unknownFilter.status).toBe(400);
  });
});
