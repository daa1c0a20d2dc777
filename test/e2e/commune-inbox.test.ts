import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { pageProblems } from '../support/accessibility.ts';
import { phoneJourney, signInAs } from '../support/journey.ts';
import { addSecretaries, MODEL_A } from '../support/process.ts';

const journey = phoneJourney();
const PHU_THUAN = 'sadec-tan-phu-dong-ap-phu-thuan';
const PHU_LONG = 'sadec-tan-phu-dong-ap-phu-long';
const PHU_HOA = 'sadec-tan-phu-dong-ap-phu-hoa';

describe("a commune's inbox on a phone", () => {
  it('reads a dossier before deciding, returns one with its reason, confirms two in one step, and the returned chi đoàn sees "Bị trả lại" at home', async () => {
    // Prepare: three ấp have sent a self-assessment meeting all seven criteria
    const page = journey.page;
    await addSecretaries(journey.local, [
      { userId: 'bithu-apphulong', name: 'Võ Thị Mai', unitId: PHU_LONG },
      { userId: 'bithu-apphuhoa', name: 'Đặng Văn Tài', unitId: PHU_HOA },
    ]);
    for (const userId of ['bithu-apphuthuan', 'bithu-apphulong', 'bithu-apphuhoa']) {
      const token = await journey.local.signIn(userId);
      await journey.local.api('POST', '/api/submissions', token, { formId: 'self-assessment', cycleId: MODEL_A, idempotencyKey: randomUUID(), data: selfAssessmentSample });
    }
    await journey.local.stack.engine.idle();

    // Act: the commune secretary opens Phú Thuận's dossier from the inbox
    await signInAs(journey, /Nguyễn Thị Thu Hà/);
    await page.locator('.cycle', { hasText: 'Chi đoàn trên địa bàn dân cư đạt chuẩn' }).getByRole('link', { name: 'Việc cần xử lý' }).click();
    await page.getByTestId(`inbox-${PHU_THUAN}`).getByRole('link', { name: /^Xem hồ sơ/ }).click();

    // Assess: the figures' verdicts, criterion by criterion
    await expect.poll(() => page.getByTestId('criteria-results').locator('li').count()).toBe(7);
    expect(await pageProblems(page)).toEqual([]);

    // Act: back to the inbox; return Phú Thuận with a reason, asked in place
    await page.goBack();
    const phuThuan = page.getByTestId(`inbox-${PHU_THUAN}`);
    await phuThuan.getByRole('button', { name: 'Trả lại' }).click();
    await phuThuan.getByLabel('Lý do trả lại').fill('Thiếu biên bản sinh hoạt tháng 3.');
    await phuThuan.getByRole('button', { name: 'Trả lại' }).click();

    // Assess: it says where the dossier went
    await expect.poll(() => page.getByTestId('inbox-done').textContent()).toBe('Chi đoàn ấp Phú Thuận: đã trả lại; hồ sơ về chi đoàn để sửa rồi gửi lại.');
    await expect.poll(() => phuThuan.count()).toBe(0);

    // Act: choose the other two and confirm them in one step, answering the question asked
    await page.getByTestId(`inbox-${PHU_LONG}`).getByLabel('Chọn để xử lý cùng lúc').check();
    await page.getByTestId(`inbox-${PHU_HOA}`).getByLabel('Chọn để xử lý cùng lúc').check();
    const bar = page.getByTestId('batch-bar');
    expect(await pageProblems(page), 'the inbox with the batch bar').toEqual([]);
    await bar.getByRole('button', { name: 'Xác nhận 2 đơn vị' }).click();
    expect(await bar.locator('.question').textContent()).toBe('Xác nhận hồ sơ của Chi đoàn ấp Phú Hòa, Chi đoàn ấp Phú Long?');
    await bar.getByRole('button', { name: 'Đồng ý: xác nhận 2 đơn vị' }).click();

    // Assess: both confirmed by one request, and the page said so
    await expect.poll(() => page.getByTestId('inbox-done').textContent()).toBe('2 đơn vị (Chi đoàn ấp Phú Hòa, Chi đoàn ấp Phú Long): đã xác nhận; hồ sơ ở lại đây chờ báo cáo cấp trên.');
    const commune = await journey.local.signIn('bithu-tanphudong');
    for (const unitId of [PHU_LONG, PHU_HOA]) {
      const standing = await journey.local.api<{ standing?: { state: string } }>('GET', `/api/standings/${MODEL_A}/${unitId}`, commune);
      expect(standing.body.standing?.state).toBe('confirmed');
    }

    // Act: Phú Thuận's secretary opens the app
    await signInAs(journey, /Lê Hoàng Nam/);

    // Assess: home says the dossier was returned and why, and offers it to fix, not a blank form
    const duty = page.getByTestId('duty-self-assessment');
    await expect.poll(() => duty.locator('.status').textContent()).toBe('Bị trả lại');
    expect(await duty.textContent()).toContain('Lý do: Thiếu biên bản sinh hoạt tháng 3.');
    expect(await duty.getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('standing-line').first().textContent()).toContain('Đoàn cấp xã trả lại hồ sơ');
    expect(await pageProblems(page), 'the home page').toEqual([]);

    // Act + Assess: the dossier itself says it too, and fixing it shows the reason above the form
    await duty.getByRole('link').click();
    await expect.poll(() => page.getByTestId('returned-notice').textContent()).toBe('Bị trả lạiLý do: Thiếu biên bản sinh hoạt tháng 3.');
    await page.getByRole('button', { name: 'Sửa và gửi lại' }).click();
    await expect.poll(() => page.getByTestId('returned-notice').textContent()).toBe('Bị trả lạiLý do: Thiếu biên bản sinh hoạt tháng 3.');
  });
});
