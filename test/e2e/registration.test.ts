import { describe, expect, it } from 'vitest';
import { phoneJourney } from '../support/journey.ts';

const journey = phoneJourney();

describe('a commune secretary registering chi đoàn on a phone', () => {
  it('ticks its chi đoàn, sees the share against the 90% target, and registers', async () => {
    // Prepare: Đoàn Phường 3 has five residential chi đoàn
    await journey.page.goto(journey.local.stack.urls.app);
    await journey.page.getByRole('button', { name: /Trần Minh Khoa/ }).click();
    await journey.page.getByRole('button', { name: 'Đăng ký xây dựng Chi đoàn đạt chuẩn' }).click();

    // Act: four of five
    for (const name of ['Chi đoàn khóm 1', 'Chi đoàn khóm 2', 'Chi đoàn khóm 3', 'Chi đoàn khóm 4']) await journey.page.getByLabel(name).check();

    // Assess
    await expect
      .poll(() => journey.page.getByTestId('registration-share').textContent())
      .toBe('Đã đăng ký 4/5 chi đoàn (80%) — chỉ tiêu ít nhất 90%: còn thiếu 1 chi đoàn.');

    // Act: the fifth, then register
    await journey.page.getByLabel('Chi đoàn khóm 5').check();
    await expect
      .poll(() => journey.page.getByTestId('registration-share').textContent())
      .toBe('Đã đăng ký 5/5 chi đoàn (100%) — chỉ tiêu ít nhất 90%: đạt chỉ tiêu.');
    await journey.page.getByRole('button', { name: 'Gửi', exact: true }).click();

    // Assess
    await journey.page.waitForURL(/\/submissions\//);
    await expect.poll(() => journey.page.getByTestId('status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');
  });

  it('amends the registration as version 2, then withdraws it', async () => {
    // Act: amend, dropping khóm 5
    await journey.page.getByRole('button', { name: 'Sửa và gửi lại' }).click();
    await journey.page.getByLabel('Chi đoàn khóm 5').uncheck();
    await expect.poll(() => journey.page.getByTestId('registration-share').textContent()).toContain('4/5');
    await journey.page.getByRole('button', { name: 'Gửi', exact: true }).click();

    // Assess: a new version, acknowledged
    await journey.page.waitForURL(/\/submissions\//);
    await expect.poll(() => journey.page.getByTestId('status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');
    expect(await journey.page.locator('dt:has-text("Phiên bản") + dd').textContent()).toBe('2');

    // Act: withdraw it, confirming
    journey.page.once('dialog', (dialog) => void dialog.accept());
    await journey.page.getByRole('button', { name: 'Rút hồ sơ' }).click();

    // Assess
    await expect.poll(() => journey.page.getByTestId('status').textContent()).toBe('Đã rút');
    expect(await journey.page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);
  });
});
