import { describe, expect, it } from 'vitest';
import { phoneJourney, signInAs } from '../support/journey.ts';

const journey = phoneJourney();
const SLOW = { timeout: 15_000 };

describe('the deadline sweep on a phone', () => {
  it('the admin runs the sweep as of the day after the registration deadline; the city leader sees what was sent to whom', async () => {
    // Act: the province admin sets the clock to 11/02/2027 and runs the sweep
    const page = journey.page;
    await signInAs(journey, /Huỳnh Bảo Ngọc/);
    await page.getByRole('link', { name: 'Quét hạn theo ngày' }).click();
    await page.getByLabel('Ngày quét (dd/mm/yyyy)').fill('11/02/2027');
    await page.getByRole('button', { name: 'Chạy quét hạn' }).click();

    // Assess: five communes still owe their registration: five digests and the city's, six emails
    await expect.poll(() => page.getByTestId('sweep-results').locator('li').first().textContent(), SLOW).toBe(
      '11/02/20275 việc đến hạn/quá hạn được xét · 6 thư tổng hợp · 6 thư mới gửi',
    );
    expect(await page.getByLabel('Ngày quét (dd/mm/yyyy)').inputValue()).toBe('12/02/2027');

    // Act + Assess: nothing the demo stored is stuck
    await page.goBack();
    await page.getByRole('link', { name: 'Hồ sơ chưa xử lý xong' }).click();
    await expect.poll(() => page.getByText('Không có hồ sơ nào bị kẹt.').isVisible(), SLOW).toBe(true);

    // Act: the city's leader opens the notice log
    await signInAs(journey, /Võ Thanh Tùng/);
    await page.getByRole('link', { name: 'Thư nhắc hạn đã gửi' }).click();

    // Assess: the city's own digest lists its five late communes; each commune's digest is there too
    const notices = page.getByTestId('notice');
    await expect.poll(() => notices.count(), SLOW).toBe(6);
    const city = notices.filter({ hasText: 'Thành Đoàn Sa Đéc' });
    expect(await city.locator('strong').textContent()).toBe('11/02/2027 · Thành Đoàn Sa Đéc');
    expect(await city.locator('li').count()).toBe(5);
    expect(await city.locator('li').first().textContent()).toMatch(/^Đơn vị trực thuộc chưa hoàn thành đúng hạn: Đăng ký các chi đoàn xây dựng đạt chuẩn — .+, hạn 10\/02\/2027, quá 1 ngày$/);
    expect(await city.locator('.muted').textContent()).toMatch(/^Gửi tới bithu@sadec\.doan\.example, xaydungdoan@sadec\.doan\.example — đã gửi lúc/);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0], 'the page never scrolls sideways on a phone').toBe(widths[1]);
  });
});
