import { describe, expect, it } from 'vitest';
import { threeProactiveEvaluationSample } from '../../domain/forms/three-proactive.ts';
import { pageProblems } from '../support/accessibility.ts';
import { phoneJourney, signInAs } from '../support/journey.ts';
import { MODEL_B, Process } from '../support/process.ts';

const journey = phoneJourney();

describe('the Ban Thường vụ sends a Đoàn cơ sở "3 chủ động" to a forum, on a phone', () => {
  it('recognised with tuyên dương, it is offered for the forum; the Bí thư names the forum and its date, and it is kept on the desk', async () => {
    // Prepare: Tân Phú Đông (plan and cadre in the demo) evaluates itself and is recognised with tuyên dương
    const page = journey.page;
    const process = new Process(journey.local);
    await process.submit('bithu-tanphudong', 'three-proactive-evaluation', threeProactiveEvaluationSample, MODEL_B);
    const { decision } = await process.board('recognise', [{ unitId: 'sadec-tan-phu-dong', commendation: 'tuyen-duong' }], { cycleId: MODEL_B });
    expect(decision?.status).toBe(201);

    // Act: the city's Bí thư opens the desk of the "3 chủ động" cycle and sends it to a forum
    await signInAs(journey, /Võ Thanh Tùng/);
    await page.locator('.cycle', { hasText: '3 chủ động' }).getByRole('link', { name: 'Tờ trình và quyết định' }).click();
    await page.getByLabel('Tên diễn đàn').fill('Diễn đàn chia sẻ kinh nghiệm xây dựng Đoàn cơ sở "3 chủ động"');
    await page.getByLabel('Ngày tổ chức (dd/mm/yyyy)').fill('26/03/2028');
    await page.getByLabel('Đoàn xã Tân Phú Đông').check();
    expect(await pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cử 1 Đoàn cơ sở tham gia' }).click();

    // Assess
    const forum = page.getByTestId('forum');
    await expect.poll(() => forum.locator('strong').textContent()).toBe('Diễn đàn chia sẻ kinh nghiệm xây dựng Đoàn cơ sở "3 chủ động"');
    expect(await forum.textContent()).toContain('Ngày 26/03/2028');
    expect(await forum.textContent()).toContain('Đoàn xã Tân Phú Đông');
  });
});
