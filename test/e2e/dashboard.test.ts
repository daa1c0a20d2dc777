import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardRow } from '../../domain/dashboard/rows.ts';
import { phoneJourney, signInAs, signOut } from '../support/journey.ts';
import { MODEL_A } from '../support/process.ts';

const journey = phoneJourney();

describe("the city leader's dashboard on a phone", () => {
  it('shows Sa Đéc against the targets, drills into Tân Phú Đông, finds "phu thuan", and exports the list to Excel', async () => {
    // Prepare: the figures the API gives (a recount of the standings checks them in the integration suite).
    const page = journey.page;
    const leader = await journey.local.signIn('bithu-sadec');
    const city = (await journey.local.api<{ total: DashboardRow; rows: DashboardRow[] }>('GET', `/api/dashboard/${MODEL_A}/sadec`, leader)).body;

    // Act: home
    await signInAs(journey, /Võ Thanh Tùng/);
    const dashboard = page.getByTestId('dashboard');

    // Assess: the city's total against 90% and 75%, a row per commune
    await expect.poll(() => dashboard.getByRole('heading', { level: 1 }).textContent()).toBe('Tổng quan: Thành Đoàn Sa Đéc');
    const total = await page.getByTestId('dashboard-total').textContent();
    expect(total).toContain(`Đăng ký: ${city.total.registered}/${city.total.eligible}`);
    expect(total).toContain('chỉ tiêu 90%');
    expect(total).toContain('chỉ tiêu 75%');
    expect(await page.getByTestId('dashboard-row').count()).toBe(city.rows.length);
    await page.getByText('Diễn biến trong năm').click();
    expect(await page.locator('.weekly-chart svg').getAttribute('aria-label')).toContain(`đã đăng ký ${city.total.registered}, đã công nhận ${city.total.recognised} trên ${city.total.eligible}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Act: down to Tân Phú Đông, then a search without diacritics
    await dashboard.getByRole('link', { name: 'Đoàn xã Tân Phú Đông' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tổng quan: Đoàn xã Tân Phú Đông');
    await page.getByLabel('Tìm đơn vị').fill('phu thuan');

    // Assess
    await expect.poll(() => page.getByTestId('dashboard-row').locator('.row-name').allTextContents()).toEqual(['Chi đoàn ấp Phú Thuận']);

    // Act: the whole commune as Excel
    await page.getByLabel('Tìm đơn vị').fill('');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await file.path()))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổng quan')!;

    // Assess: named after the unit and the day; Vietnamese headers; numbers as numbers
    expect(file.suggestedFilename()).toMatch(/^tong-quan-doan-xa-tan-phu-dong-\d{2}-\d{2}-\d{4}\.xlsx$/);
    expect(sheet.getRow(4).values).toEqual(expect.arrayContaining(['Đơn vị', 'Cấp', 'Chi đoàn địa bàn dân cư', 'Đã đăng ký', 'Tỷ lệ đăng ký']));
    const phuThuan = sheet.getRows(5, sheet.rowCount - 4)!.find((row) => row.getCell(1).value === 'Chi đoàn ấp Phú Thuận')!;
    expect(phuThuan.getCell(2).value).toBe('Chi đoàn');
    expect(typeof phuThuan.getCell(3).value).toBe('number');
  });

  it('sends the city\'s results report, prefilled from the figures, and gets the Word document an office prints', async () => {
    // Prepare
    const page = journey.page;
    const leader = await journey.local.signIn('bithu-sadec');
    const city = (await journey.local.api<{ total: DashboardRow }>('GET', `/api/dashboard/${MODEL_A}/sadec`, leader)).body;
    await signInAs(journey, /Võ Thanh Tùng/);

    // Act: from home, the results report of the Model A cycle
    await page.locator('.cycle', { hasText: 'Chi đoàn trên địa bàn dân cư đạt chuẩn' }).getByRole('link', { name: /Báo cáo kết quả thực hiện/ }).click();
    await expect.poll(() => page.locator('.report-page .total').textContent()).toContain(`Đăng ký: ${city.total.registered}/${city.total.eligible}`);
    await page.getByLabel(/Kết quả nổi bật/).fill('Ba xã thí điểm đã đăng ký.');
    await page.getByLabel(/Hạn chế, khó khăn/).fill('Khu vực phường khó tập hợp.');
    await page.getByLabel(/Phương hướng, giải pháp/).fill('Nhân rộng mô hình.');
    await page.getByLabel('Địa danh ghi trên báo cáo').fill('Sa Đéc');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();

    // Assess
    await expect.poll(() => page.getByTestId('report-sent').textContent()).toMatch(/Đã gửi lúc .* \(bản 1\)/);
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Word (.docx)' }).click()]);
    expect(word.suggestedFilename()).toBe('bao-cao-ket-qua-sadec-v1.docx');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('on 05/10/2027, past the dossier deadline, shows who is late, filters Tân Phú Đông to its late ấp and exports them', async () => {
    // Prepare: signed out first (a session from today would expire under the new clock while the
    // page loads), then the whole stack's clock (it runs in this process) on 05/10/2027, four days past 01/10
    await signOut(journey);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2027-10-05T02:00:00Z'));
    try {
      const page = journey.page;
      const leader = await journey.local.signIn('bithu-sadec');
      const city = (await journey.local.api<{ rows: DashboardRow[] }>('GET', `/api/dashboard/${MODEL_A}/sadec`, leader)).body;
      const tanPhuDong = city.rows.find((row) => row.unitId === 'sadec-tan-phu-dong')!;

      // Act
      await signInAs(journey, /Võ Thanh Tùng/);
      const row = page.getByTestId('dashboard-row').filter({ hasText: 'Đoàn xã Tân Phú Đông' });

      // Assess: its three registered ấp have not sent their dossiers
      expect(tanPhuDong.lateByDuty['self-assessment']).toBe(3);
      await expect.poll(() => row.locator('.chip-late').textContent()).toContain(`Quá hạn: ${tanPhuDong.late} việc (3 chưa gửi hồ sơ tự đánh giá`);

      // Act: down to the commune, narrowed to the late
      await row.getByRole('link', { name: 'Đoàn xã Tân Phú Đông' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tổng quan: Đoàn xã Tân Phú Đông');
      await page.getByLabel('Lọc').selectOption({ label: 'Có việc quá hạn' });

      // Assess: the three registered ấp, not Phú Thạnh (never registered, so owing nothing)
      await expect.poll(() => page.getByTestId('dashboard-row').locator('.row-name').allTextContents()).toEqual(['Chi đoàn ấp Phú Hòa', 'Chi đoàn ấp Phú Long', 'Chi đoàn ấp Phú Thuận']);

      // Act: the narrowed list as Excel
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);

      // Assess: the same three, each late with its dossier due 01/10/2027
      expect(file.suggestedFilename()).toBe('tong-quan-doan-xa-tan-phu-dong-05-10-2027.xlsx');
      const late = workbook.getWorksheet('Chi đoàn')!;
      expect(late.getRows(2, late.rowCount - 1)!.map((line) => [line.getCell(1).value, line.getCell(late.getRow(1).cellCount - 1).value, line.getCell(late.getRow(1).cellCount).value])).toEqual([
        ['Chi đoàn ấp Phú Hòa', '01/10/2027', 'Quá hạn'],
        ['Chi đoàn ấp Phú Long', '01/10/2027', 'Quá hạn'],
        ['Chi đoàn ấp Phú Thuận', '01/10/2027', 'Quá hạn'],
      ]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      vi.useRealTimers();
    }
  });
});
