import { describe, expect, it } from 'vitest';
import { eventually } from '../support/local-stack.ts';
import { phoneJourney } from '../support/journey.ts';

const journey = phoneJourney();

describe('a commune secretary on a phone', () => {
  it('signs in, meets a Vietnamese validation error, fixes it, submits and sees the plan acknowledged', async () => {
    // Prepare
    await journey.page.goto(journey.local.stack.urls.app);
    await journey.page.getByRole('button', { name: /Nguyễn Thị Thu Hà/ }).click();
    await journey.page.getByRole('button', { name: 'Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn' }).click();

    // Act: fill the plan with too short a summary
    await journey.page.locator('#root_planNumber').fill('12-KH/ĐTN');
    await journey.page.locator('#root_issuedOn').fill('31/02/2027');
    await journey.page.locator('#root_residentialBranchCount').fill('8');
    await journey.page.locator('#root_targetBranchCount').fill('6');
    await journey.page.locator('#root_summary').fill('Quá ngắn');
    await journey.page.getByRole('button', { name: 'Gửi', exact: true }).click();

    // Assess: the errors are in Vietnamese, under each field and once each in the summary on top, and nothing was sent
    await expect.poll(() => journey.page.locator('#root_summary__error').textContent()).toBe('Nội dung kế hoạch cần ít nhất 20 ký tự.');
    expect(await journey.page.locator('#root_issuedOn__error').textContent()).toBe('Ngày ban hành không hợp lệ: nhập theo dạng dd/mm/yyyy.');
    expect(await journey.page.getByTestId('error-summary').locator('h2').textContent()).toBe('Có 2 mục cần sửa');
    expect(await journey.page.getByTestId('error-summary').getByText('Nội dung kế hoạch cần ít nhất 20 ký tự.', { exact: false }).count()).toBe(1);
    expect(await journey.page.screenshot()).toBeTruthy();

    // Act: fix it and submit
    await journey.page.locator('#root_issuedOn').fill('15/07/2027');
    await journey.page.locator('#root_summary').fill('Rà soát 8 chi đoàn ấp, phân công cán bộ phụ trách từng chi đoàn.');
    await journey.page.getByRole('button', { name: 'Gửi', exact: true }).click();

    // Assess: the status page follows the workflow until it acknowledges the plan
    await journey.page.waitForURL(/\/submissions\//);
    await expect.poll(() => journey.page.getByTestId('status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');
    const mail = await eventually(
      async () => (await journey.local.inbox()).find((email) => email.destination.to.includes('bithu.tanphudong@sadec.doan.example')),
      'the receipt email',
    );
    expect(mail.subject).toBe('Đã tiếp nhận: Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn');
  });

  it('lists the submission on the unit page after a reload', async () => {
    // Act
    await journey.page.goto(journey.local.stack.urls.app);

    // Assess
    await expect.poll(() => journey.page.locator('.list li').count()).toBe(1);
    expect(await journey.page.locator('.list li').textContent()).toContain('Đã tiếp nhận');
  });
});
