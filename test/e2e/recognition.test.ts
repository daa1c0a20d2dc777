import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { pageProblems } from '../support/accessibility.ts';
import { phoneJourney, signInAs } from '../support/journey.ts';
import { Appraisal, MODEL_A } from '../support/process.ts';

const journey = phoneJourney();

/** Opens the inbox of the Model A cycle from the home page. */
async function openInbox() {
  const cycle = journey.page.locator('.cycle', { hasText: 'Chi đoàn trên địa bàn dân cư đạt chuẩn' });
  await cycle.getByRole('link', { name: 'Việc cần xử lý' }).click();
}

describe('a dossier confirmed, reported and recognised, on phones', () => {
  it('the commune confirms and reports, the city proposes and its Bí thư signs the decision, the chi đoàn sees "Đã công nhận" on its timeline', async () => {
    // Prepare: ấp Phú Thuận has sent a self-assessment meeting all seven criteria
    const page = journey.page;
    const branch = await journey.local.signIn('bithu-apphuthuan');
    await journey.local.api('POST', '/api/submissions', branch, { formId: 'self-assessment', cycleId: MODEL_A, idempotencyKey: randomUUID(), data: selfAssessmentSample });
    await journey.local.stack.engine.idle();
    const phuThuan = page.getByTestId('inbox-sadec-tan-phu-dong-ap-phu-thuan');

    // Act: the commune secretary confirms, then reports to the city
    await signInAs(journey, /Nguyễn Thị Thu Hà/);
    await openInbox();
    await phuThuan.getByRole('button', { name: 'Xác nhận' }).click();
    await phuThuan.getByRole('button', { name: 'Đồng ý: xác nhận' }).click();
    await phuThuan.getByRole('button', { name: 'Báo cáo cấp trên' }).click();
    await phuThuan.getByRole('button', { name: 'Đồng ý: báo cáo cấp trên' }).click();
    await expect.poll(() => phuThuan.count()).toBe(0);
    // The city draws its appraisal sample (Phú Thuận, the one reported) and the team verifies it
    const appraisal = new Appraisal(journey.local);
    await appraisal.intake('open');
    await appraisal.intake('close');
    await appraisal.appraise('sadec-tan-phu-dong-ap-phu-thuan');

    // Act: the city's organising department puts it in a tờ trình with a commendation
    await signInAs(journey, /Lê Văn Phúc/);
    await openInbox();
    expect(await phuThuan.getByRole('button', { name: 'Công nhận', exact: true }).count()).toBe(0);
    await phuThuan.getByLabel('Đưa vào tờ trình').check();
    await page.getByLabel('Khen thưởng cho Chi đoàn ấp Phú Thuận').selectOption({ label: 'Giấy khen' });
    await page.getByRole('button', { name: 'Gửi tờ trình lên Ban Thường vụ' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã gửi tờ trình 1 đơn vị lên Ban Thường vụ');

    // Act: the city's Bí thư approves and signs it from "Tờ trình và quyết định"
    await signInAs(journey, /Võ Thanh Tùng/);
    await page.locator('.cycle', { hasText: 'Chi đoàn trên địa bàn dân cư đạt chuẩn' }).getByRole('link', { name: 'Tờ trình và quyết định' }).click();
    const proposal = page.getByTestId('proposal');
    await expect.poll(() => proposal.textContent()).toContain('Chi đoàn ấp Phú Thuận (Đoàn xã Tân Phú Đông) — Giấy khen');
    expect(await pageProblems(page), 'the board page').toEqual([]);
    await proposal.getByLabel('Địa danh ghi trên quyết định').fill('Sa Đéc');
    await proposal.getByRole('button', { name: 'Duyệt và ký quyết định' }).click();
    const decision = page.getByTestId('board-decision');
    await expect.poll(() => decision.locator('strong').textContent()).toMatch(/^Quyết định số 1-QĐ\/TĐTN ngày \d{2}\/\d{2}\/\d{4}$/);
    const [word] = await Promise.all([page.waitForEvent('download'), decision.getByRole('button', { name: 'Tải quyết định (Word)' }).click()]);
    expect(word.suggestedFilename()).toMatch(/^quyet-dinh-1-\d{4}-thanh-doan-sa-dec\.docx$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await journey.local.stack.engine.idle();

    // Assess: the chi đoàn's timeline
    await signInAs(journey, /Lê Hoàng Nam/);
    await page.locator('.cycle', { hasText: 'Chi đoàn trên địa bàn dân cư đạt chuẩn' }).getByRole('link', { name: 'Tiến trình của đơn vị' }).click();
    await expect.poll(() => page.getByTestId('standing-state').textContent()).toBe('Đã công nhận');
    expect(await pageProblems(page), 'the unit page').toEqual([]);
    expect(await page.getByTestId('board-decision').textContent()).toMatch(/^Theo Quyết định số 1-QĐ\/TĐTN ngày \d{2}\/\d{2}\/\d{4} của Ban Thường vụ\./);
    expect(await page.getByTestId('history').locator('li').allTextContents()).toEqual([
      expect.stringMatching(/Võ Thanh Tùng.*Công nhận \(Quyết định số 1-QĐ\/TĐTN ngày \d{2}\/\d{2}\/\d{4}; khen thưởng: Giấy khen\)/),
      expect.stringMatching(/Phạm Ngọc Lan.*Tổ thẩm định: đúng như hồ sơ ở mọi tiêu chí/),
      expect.stringContaining('Báo cáo cấp trên'),
      expect.stringContaining('Xác nhận hồ sơ'),
      expect.stringContaining('Gửi hồ sơ tự đánh giá: đạt cả 7 tiêu chí'),
      expect.stringContaining('Được Đoàn xã Tân Phú Đông đăng ký xây dựng đạt chuẩn'),
    ]);
    expect(await page.getByTestId('chain').textContent()).toBe('Lịch sử toàn vẹn: 6 mục, không mục nào bị sửa hay xóa.');
    // The state machine drawn from its ASL, with the unit's step (5. Duy trì chuẩn) highlighted
    const current = page.locator('.diagram li[aria-current="step"]');
    expect(await current.getAttribute('data-step')).toBe('maintain');
    expect(await current.textContent()).toBe('5. Duy trì chuẩn: xác nhận duy trì hoặc thu hồi');
    expect(await page.locator('.diagram li').count()).toBe(5);
  });
});
