import { describe, expect, it } from 'vitest';
import { phoneJourney } from '../support/journey.ts';

const journey = phoneJourney();
const HEADER = 'Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên,Chi đoàn địa bàn dân cư';
const csv = (...rows: string[]) => ({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n')) });

describe('a province admin importing units from a file on a phone', () => {
  it('sees the wrong row named, fixes the file, and imports it', async () => {
    // Prepare
    const page = journey.page;
    await page.goto(journey.local.stack.urls.app);
    await page.getByRole('button', { name: /Quản trị hệ thống/ }).click();
    await page.getByRole('link', { name: 'Nhập đơn vị và tài khoản từ tệp Excel/CSV' }).click();

    // Act: a file with a chi đoàn under a commune that does not exist
    await page.locator('#import-file').setInputFiles(csv('sadec-phuong-2,Đoàn Phường 2,Xã,sadec,', 'sadec-phuong-2-khom-1,Chi đoàn khóm 1,Chi đoàn,sadec-phuong-9,Có'));

    // Assess
    await expect.poll(() => page.getByTestId('import-report').locator('tbody tr').allTextContents()).toEqual([
      'don-vi.csv3Mã đơn vị cấp trênĐơn vị cấp trên "sadec-phuong-9" không tồn tại.',
    ]);

    // Act: the fixed file
    await page.locator('#import-file').setInputFiles(csv('sadec-phuong-2,Đoàn Phường 2,Xã,sadec,', 'sadec-phuong-2-khom-1,Chi đoàn khóm 1,Chi đoàn,sadec-phuong-2,Có'));

    // Assess
    await expect.poll(() => page.getByTestId('import-result').textContent()).toBe('Đã nhập 2 đơn vị và 0 tài khoản từ "don-vi.csv".');
    expect(await page.getByTestId('import-report').count()).toBe(0);
  });
});
