import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../support/evidence.ts';
import { pageProblems } from '../support/accessibility.ts';
import { phoneJourney, signInAs } from '../support/journey.ts';
import { addSecretaries, Appraisal, Process } from '../support/process.ts';

const journey = phoneJourney();
/** A draw or an upload runs a workflow or several API calls: more than a second on a loaded machine. */
const SLOW = { timeout: 15_000 };
const BRANCHES = ['sadec-tan-phu-dong-ap-phu-hoa', 'sadec-tan-phu-dong-ap-phu-long', 'sadec-tan-phu-dong-ap-phu-thuan'];

const openFromHome = (label: string) =>
  journey.page.locator('.cycle', { hasText: 'Chi đoàn trên địa bàn dân cư đạt chuẩn' }).getByRole('link', { name: label }).click();

describe('the appraisal team on phones', () => {
  it('the city draws; the appraiser finds a chi đoàn not as claimed; the commune’s sample widens; the commune verifies the draw', async () => {
    // Prepare: Tân Phú Đông's three chi đoàn are reported to the city, which has opened intake
    const process = new Process(journey.local);
    await addSecretaries(journey.local, [
      { userId: 'bithu-apphulong', name: 'Võ Thị Mai', unitId: BRANCHES[1]! },
      { userId: 'bithu-apphuhoa', name: 'Đặng Văn Tài', unitId: BRANCHES[0]! },
    ]);
    for (const userId of ['bithu-apphuthuan', 'bithu-apphulong', 'bithu-apphuhoa']) await process.assess(userId);
    await process.decide('bithu-tanphudong', BRANCHES, 'confirm');
    await process.decide('bithu-tanphudong', BRANCHES, 'report');
    await new Appraisal(journey.local).intake('open');
    const page = journey.page;

    // Act: the city's cadre closes intake; the draw runs
    await signInAs(journey, /Lê Văn Phúc/);
    await openFromHome('Rút mẫu thẩm định');
    const commitment = await page.getByTestId('commitment').textContent();
    await page.getByRole('button', { name: 'Đóng nhận báo cáo và rút mẫu' }).click();
    await expect.poll(() => page.getByTestId('draw-status').textContent(), SLOW).toBe('Đã rút mẫu');

    // Act: the appraiser opens her inbox and the one chi đoàn drawn
    await signInAs(journey, /Phạm Ngọc Lan/);
    await openFromHome('Hộp thẩm định');
    await expect.poll(() => page.getByRole('status').textContent(), SLOW).toBe('Còn 1/1 chi đoàn cần thẩm định.');
    const drawn = page.locator('[data-testid^="assignment-"]');
    const drawnName = await drawn.getByRole('link').textContent();
    await drawn.getByRole('link').click();
    await expect.poll(() => page.getByTestId('dossier-criteria').locator('li').count(), SLOW).toBe(7);

    // Assess: the dossier as claimed is text to read, with nothing that looks pressable
    await page.locator('details.dossier summary').click();
    expect(await page.getByTestId('read-only-answers').textContent()).toContain('Số đoàn viên vi phạm pháp luật');
    expect(await page.locator('details.dossier').locator('button, input, select, textarea').count()).toBe(0);
    expect(await pageProblems(page), 'the appraisal form').toEqual([]);

    // Act: all verified in one tap, then criterion 3 not as claimed, with a note and a photo of the minutes
    await page.getByRole('button', { name: 'Tất cả đúng như hồ sơ' }).click();
    expect(await page.locator('input[name="root_findings_6_finding"]').first().isChecked()).toBe(true);
    await page.locator('input[name="root_findings_2_finding"]').nth(1).check();
    await page.locator('#root_findings_2_notes').fill('Đội hình tình nguyện chỉ có 4 người, không phải 12.');
    await page.locator('#root_minutes-files').setInputFiles({ name: 'bien-ban-tham-dinh.png', mimeType: 'image/png', buffer: SAMPLE_FILES.png });
    await expect.poll(() => page.locator('.evidence-list a').textContent(), SLOW).toBe('bien-ban-tham-dinh.png');
    await page.getByRole('button', { name: 'Gửi kết quả thẩm định' }).click();

    // Assess: back in the inbox, the commune's two other chi đoàn are added to appraise
    await expect.poll(() => page.getByRole('status').textContent(), SLOW).toBe('Còn 2/3 chi đoàn cần thẩm định.');
    expect(await page.locator('[data-testid^="assignment-"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(`${drawnName}Không đúng như hồ sơ`), expect.stringMatching(/Chưa thẩm định.*Thẩm định bổ sung/)]),
    );
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0], 'the page never scrolls sideways on a phone').toBe(widths[1]);

    // Assess: the commune opens the city's draw; the browser recomputes it and it matches
    await signInAs(journey, /Nguyễn Thị Thu Hà/);
    await openFromHome('Rút mẫu thẩm định');
    await expect.poll(() => page.getByTestId('verification').textContent(), SLOW).toBe('Đã kiểm tra lại trên máy này: mẫu rút đúng như đã công bố trước khi rút, mẫu của cả 1 xã đúng như tính lại.');
    expect(await page.getByTestId('commitment').textContent()).toBe(commitment);
    expect(await pageProblems(page), 'the draw page, its precise terms folded away').toEqual([]);
    expect(await page.getByTestId('commune-sadec-tan-phu-dong').locator('td').allTextContents()).toEqual(['Đoàn xã Tân Phú Đông', '3', '1', '2']);
  });
});
