import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, webBuildIsStale } from '../../infra/local/web-build.ts';
import { launchChromium, PHONE } from '../support/browser.ts';
import { eventually, TestStack } from '../support/local-stack.ts';

let local: TestStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (webBuildIsStale(process.cwd())) await buildWeb(process.cwd());
  local = await TestStack.start();
  browser = await launchChromium();
  page = await browser.newPage(PHONE);
});
afterAll(async () => {
  await browser?.close();
  await local?.stop();
});

describe('a commune secretary on a phone', () => {
  it('signs in, meets a Vietnamese validation error, fixes it, submits and sees the plan acknowledged', async () => {
    // Prepare
    await page.goto(local.stack.urls.app);
    await page.getByRole('button', { name: /Nguyễn Thị Thu Hà/ }).click();
    await page.getByRole('button', { name: 'Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn' }).click();

    // Act: fill the plan with too short a summary
    await page.locator('#root_planNumber').fill('12-KH/ĐTN');
    await page.locator('#root_issuedOn').fill('2027-07-15');
    await page.locator('#root_residentialBranchCount').fill('8');
    await page.locator('#root_targetBranchCount').fill('6');
    await page.locator('#root_summary').fill('Quá ngắn');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();

    // Assess: the error is in Vietnamese, under the field, and nothing was sent
    await expect.poll(() => page.getByText('Nội dung kế hoạch cần ít nhất 20 ký tự.').count()).toBe(1);
    expect(await page.screenshot()).toBeTruthy();

    // Act: fix it and submit
    await page.locator('#root_summary').fill('Rà soát 8 chi đoàn ấp, phân công cán bộ phụ trách từng chi đoàn.');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();

    // Assess: the status page follows the workflow until it acknowledges the plan
    await page.waitForURL(/\/submissions\//);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');
    const mail = await eventually(
      async () => (await local.inbox()).find((email) => email.destination.to.includes('bithu.tanphudong@sadec.doan.example')),
      'the receipt email',
    );
    expect(mail.subject).toBe('Đã tiếp nhận: Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn');
  });

  it('lists the submission on the unit page after a reload', async () => {
    // Act
    await page.goto(local.stack.urls.app);

    // Assess
    await expect.poll(() => page.locator('.list li').count()).toBe(1);
    expect(await page.locator('.list li').textContent()).toContain('Đã tiếp nhận');
  });
});
