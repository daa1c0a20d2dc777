import { describe, expect, it } from 'vitest';
import { calendarDate, formatCalendarDate } from '../../domain/dates.ts';
import { pageProblems } from '../support/accessibility.ts';
import { SAMPLE_FILES } from '../support/evidence.ts';
import { phoneJourney, signInAs } from '../support/journey.ts';
import { MODEL_A } from '../support/process.ts';

const journey = phoneJourney();
const UPLOAD = { timeout: 15_000 };
/** A page opened while the suite's other stacks keep the machine busy: its chunks and API calls can take seconds. */
const LOADED = { timeout: 15_000 };

describe('"1+2" on a phone: a provincial cadre at a chi đoàn meeting', () => {
  it('logs the meeting with a photo; the chi đoàn sees it on its page; the province leader sees the cadre\'s days against 60', async () => {
    // Prepare
    const page = journey.page;
    const today = formatCalendarDate(calendarDate(new Date()));

    // Act: the cadre picks the chi đoàn level by level, logs the meeting she attended today, half a day, with a photo
    await signInAs(journey, /Trần Thị Ngọc Hân/);
    await page.getByRole('link', { name: 'Đi công tác cơ sở "1+2"' }).click();
    await page.getByLabel('Đơn vị đến', { exact: true }).selectOption({ label: 'Thành Đoàn Sa Đéc' });
    await page.getByLabel('Đơn vị trực thuộc', { exact: true }).selectOption({ label: 'Đoàn xã Tân Phú Đông' });
    await page.getByLabel('Chi đoàn', { exact: true }).selectOption({ label: 'Chi đoàn ấp Phú Thuận' });
    await page.getByLabel('Ngày đi (dd/mm/yyyy)').fill(today);
    await page.getByLabel('Nửa ngày (tính 0,5 ngày)').check();
    await page.getByLabel('Đã đi: ghi nhận và báo cáo ngay').check();
    await page.getByLabel('Nội dung buổi sinh hoạt').fill('Sinh hoạt chủ điểm: phát triển đoàn viên mới');
    await page.getByLabel('Chất lượng buổi sinh hoạt').selectOption({ label: 'Tốt' });
    await page.getByLabel('Số đoàn viên dự').fill('16');
    await page.getByLabel('Khó khăn của chi đoàn').fill('Thiếu kinh phí hoạt động');
    await page.getByLabel('Ý kiến chỉ đạo, góp ý của đồng chí').fill('Vận động mô hình gây quỹ từ chăn nuôi');
    await page.locator('#visit-photos').setInputFiles({ name: 'sinh-hoat-phu-thuan.png', mimeType: 'image/png', buffer: SAMPLE_FILES.png });
    await expect.poll(() => page.locator('.evidence-list a').textContent(), UPLOAD).toBe('sinh-hoat-phu-thuan.png');
    expect(await pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lưu báo cáo chuyến đi' }).click();

    // Assess: counted as half a day done
    await expect.poll(() => page.getByTestId('done-visit').first().textContent(), LOADED).toContain('Chi đoàn ấp Phú Thuận');
    expect(await page.getByTestId('my-days').textContent()).toContain('Đã đi 0,5/60 ngày');
    expect(await page.getByTestId('done-visit').first().textContent()).toContain('16 đoàn viên dự, chất lượng tốt');

    // Act: the chi đoàn's secretary opens the branch's page
    await signInAs(journey, /Lê Hoàng Nam/);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor(LOADED);
    await page.goto(`${journey.local.stack.urls.app}/units/sadec-tan-phu-dong-ap-phu-thuan?cycle=${MODEL_A}`);

    // Assess: the visit with the advice and the photo, and in the history
    const visits = page.getByTestId('visits');
    await visits.waitFor(LOADED);
    expect(await visits.textContent()).toContain('Trần Thị Ngọc Hân');
    expect(await visits.textContent()).toContain('Góp ý của cấp trên: Vận động mô hình gây quỹ từ chăn nuôi');
    await expect.poll(() => visits.locator('.evidence-list a').textContent(), UPLOAD).toBe('sinh-hoat-phu-thuan.png');
    expect(await page.getByTestId('history').textContent()).toContain('Trần Thị Ngọc Hân (Tỉnh Đoàn Đồng Tháp) dự sinh hoạt chi đoàn');
    expect(await pageProblems(page)).toEqual([]);

    // Act: in the self-assessment, criterion 5 offers the meeting to cite
    await page.goto(journey.local.stack.urls.app);
    await page.getByRole('button', { name: 'Tự đánh giá Chi đoàn đạt chuẩn theo 7 tiêu chí' }).click();
    const cited = page.getByLabel(`${today} — Trần Thị Ngọc Hân`);
    await cited.check(LOADED);

    // Assess
    expect(await cited.isChecked()).toBe(true);

    // Act: the province's leader opens the follow-up of the practice
    await signInAs(journey, /Nguyễn Thanh Bình/);
    await page.getByRole('link', { name: 'Theo dõi cán bộ đi cơ sở "1+2"' }).click();

    // Assess: the cadre's half day against 60, and Tân Phú Đông no longer among the never visited
    const row = page.getByTestId('cadre-days').getByRole('row', { name: /Trần Thị Ngọc Hân/ });
    await expect.poll(() => row.textContent(), LOADED).toContain('0,5/60 ngày');
    expect(await page.getByTestId('never-visited').textContent()).not.toContain('Đoàn xã Tân Phú Đông');
    expect(await page.getByTestId('never-visited').textContent()).toContain('Đoàn Phường 3');
    expect(await pageProblems(page)).toEqual([]);
  });
});
