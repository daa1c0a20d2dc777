import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../support/evidence.ts';
import { pageProblems } from '../support/accessibility.ts';
import { phoneJourney } from '../support/journey.ts';

const journey = phoneJourney();
/** An upload is three API calls and a file post: on a loaded machine that takes more than a second. */
const UPLOAD = { timeout: 10_000 };
const field = (path: string) => journey.page.locator(`#root_${path}`);

describe('a chi đoàn secretary assessing the branch on a phone', () => {
  it('sees each criterion checked as they type, fixes what is wrong, attaches evidence, comes back to the draft and submits once', async () => {
    // Prepare
    await journey.page.goto(journey.local.stack.urls.app);
    await journey.page.getByRole('button', { name: /Lê Hoàng Nam/ }).click();
    await journey.page.getByRole('button', { name: 'Tự đánh giá Chi đoàn đạt chuẩn theo 7 tiêu chí' }).click();

    // Act: an impossible value typed
    await field('criterion1_membersViolatingLaw').fill('-1');
    await field('criterion1_membersViolatingLaw').blur();

    // Assess: said under the field as typed, and never read as "met"
    await expect.poll(() => journey.page.locator('#root_criterion1_membersViolatingLaw__error').textContent()).toBe('Số đoàn viên vi phạm pháp luật không thể âm.');
    expect(await journey.page.getByTestId('criterion-1').textContent()).toBe('✗ Tiêu chí 1: số liệu chưa hợp lệ, xem ô báo lỗi bên dưới');

    // Act: fill everything, one meeting short
    await field('criterion1_membersViolatingLaw').fill('0');
    await journey.page.getByLabel('Giới thiệu việc làm ổn định', { exact: true }).check();
    await field('criterion2_jobReferrals').fill('6');
    await field('criterion3_volunteerTeamSize').fill('12');
    await field('criterion3_youthProjectsCompleted').fill('2');
    await field('criterion4_newMembersAdmitted').fill('6');
    await field('criterion4_partyIntroductions').fill('1');
    await field('criterion5_meetingsHeld').fill('7');
    await field('criterion5_minutesComplete').check();
    await field('criterion5_recordsKept').check();
    await field('criterion5_duesCollectedPercent').fill('100');
    await field('criterion5_congressHeld').check();
    await field('criterion7_secretaryStableEconomy').check();
    await field('criterion7_secretaryTrained').check();
    await field('criterion7_secretaryKnowsPolicies').check();

    // Assess: the shortfall shows at once, and the other way of criterion 2 is not asked
    await expect.poll(() => journey.page.getByTestId('criterion-5').textContent()).toBe('✗ Tiêu chí 5: mới sinh hoạt 7 lần (cần ít nhất 08)');
    expect(await field('criterion2_economicModels').isVisible()).toBe(false);

    // Act: send with criterion 6 left empty
    await journey.page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();

    // Assess: a summary at the top has focus and says what to fix; its link leads to the field, which says it too
    const summary = journey.page.getByTestId('error-summary');
    await expect.poll(() => summary.locator('h2').textContent()).toBe('Có 1 mục cần sửa');
    expect(await journey.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await pageProblems(journey.page), 'axe (WCAG 2.2 AA), ids referred to, tap targets').toEqual([]);
    await summary.getByRole('link').click();
    expect(await journey.page.evaluate(() => document.activeElement?.id)).toBe('root_criterion6_culturalSportsActivities');
    const criterion6Error = journey.page.locator('#root_criterion6_culturalSportsActivities__error');
    await expect.poll(() => criterion6Error.textContent()).toBe('Vui lòng nhập: số hoạt động văn hóa văn nghệ, thể dục thể thao.');
    expect(await summary.getByRole('link').textContent()).toContain('Vui lòng nhập: số hoạt động văn hóa văn nghệ, thể dục thể thao.');

    // Act: fix it; attach a text file disguised as a photo, then the real photo of the minutes
    await field('criterion6_culturalSportsActivities').fill('3');
    const minutes = journey.page.locator('#root_criterion5_evidence-files');
    await minutes.setInputFiles({ name: 'anh-gia.png', mimeType: 'image/png', buffer: SAMPLE_FILES.text });
    await expect.poll(() => journey.page.locator('.evidence-field').getByRole('alert').first().textContent(), UPLOAD).toBe('Nội dung tệp không phải PDF, JPG, PNG.');
    await minutes.setInputFiles({ name: 'bien-ban-thang-3.png', mimeType: 'image/png', buffer: SAMPLE_FILES.png });

    // Act: a big phone photo under criterion 3 (made in the page: noise, so it does not compress)
    const photo = await journey.page.evaluate(`(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 1600; canvas.height = 1200;
      const context = canvas.getContext('2d');
      const pixels = context.createImageData(1600, 1200);
      for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i % 4 === 3) ? 255 : Math.floor(Math.random() * 256);
      context.putImageData(pixels, 0, 0);
      return canvas.toDataURL('image/png').split(',')[1];
    })()`);
    const photoBytes = Buffer.from(photo as string, 'base64');
    await journey.page.locator('#root_criterion3_evidence-files').setInputFiles({ name: 'doi-hinh.png', mimeType: 'image/png', buffer: photoBytes });

    // Assess: shrunk before sending, and said so with both sizes
    await expect.poll(() => journey.page.getByTestId('photo-shrunk').locator('p').textContent(), UPLOAD).toMatch(/^Ảnh "doi-hinh\.png" đã được thu nhỏ từ [\d,]+ MB còn [\d,]+ (KB|MB)/);
    await expect.poll(() => journey.page.locator('.evidence-field', { has: journey.page.locator('#root_criterion3_evidence-files') }).locator('.evidence-list a').textContent(), UPLOAD).toBe('doi-hinh.jpg');
    expect(photoBytes.length).toBeGreaterThan(1024 * 1024);

    // Assess: the photo is listed under criterion 5, the error is gone
    await expect.poll(() => journey.page.locator('.evidence-field', { has: minutes }).locator('.evidence-list a').textContent(), UPLOAD).toBe('bien-ban-thang-3.png');
    expect(await criterion6Error.textContent()).toBe('');
    expect(await summary.count(), 'the summary follows the answers once they are fixed').toBe(0);
    const widths = await journey.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0], 'the page never scrolls sideways on a phone').toBe(widths[1]);

    // Act: typing saves on this phone at once and to the server at most every five minutes; leaving the form sends it; come back with this browser's copy gone
    await journey.page.getByRole('link', { name: 'Công nhận Chi đoàn đạt chuẩn' }).click();
    const secretary = await journey.local.signIn('bithu-apphuthuan');
    const serverDraft = () => journey.local.api<{ data?: { criterion5?: { meetingsHeld?: number } } }>('GET', '/api/drafts/chi-doan-dat-chuan-2027-dong-thap/self-assessment', secretary);
    await expect.poll(async () => (await serverDraft()).body.data?.criterion5?.meetingsHeld).toBe(7);
    await journey.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('draft:')).forEach((key) => localStorage.removeItem(key)));
    await journey.page.goto(journey.local.stack.urls.app);
    await journey.page.getByRole('button', { name: 'Tự đánh giá Chi đoàn đạt chuẩn theo 7 tiêu chí' }).click();

    // Assess: the server's draft is back, evidence included
    await expect.poll(() => field('criterion5_meetingsHeld').inputValue()).toBe('7');
    expect(await journey.page.getByLabel('Giới thiệu việc làm ổn định', { exact: true }).isChecked()).toBe(true);
    await expect.poll(() => journey.page.locator('.evidence-list a').allTextContents(), UPLOAD).toEqual(['doi-hinh.jpg', 'bien-ban-thang-3.png']);

    // Act: fix it, read the answers over, go back to criterion 5 from there, then send with a double tap
    await field('criterion5_meetingsHeld').fill('8');
    await expect.poll(() => journey.page.getByTestId('criterion-5').textContent()).toBe('✓ Tiêu chí 5: đạt');
    await journey.page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    const review = journey.page.getByTestId('answers-review');
    await review.waitFor();
    const reviewText = await review.textContent();
    expect(await pageProblems(journey.page)).toEqual([]);
    await review.getByRole('button', { name: /^Sửa: Tiêu chí 5/ }).click();
    await expect.poll(() => journey.page.evaluate(() => document.activeElement?.id)).toBe('root_criterion5_meetingsHeld');
    await journey.page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await journey.page.getByRole('button', { name: 'Gửi hồ sơ' }).dblclick();

    // Assess: the review showed the answers and the file; one submission, acknowledged, citing the photo, with a reference to read out
    expect(reviewText).toContain('Giới thiệu việc làm ổn định');
    expect(reviewText).toContain('bien-ban-thang-3.png');
    await journey.page.waitForURL(/\/submissions\/.+\?sent=1$/);
    await expect.poll(() => journey.page.getByTestId('sent-panel').locator('h2').textContent()).toBe('Đã gửi');
    expect(await journey.page.getByTestId('reference').textContent()).toMatch(/^SD-2027-\d{6}$/);
    expect(await pageProblems(journey.page)).toEqual([]);
    await expect.poll(() => journey.page.getByTestId('status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');
    await expect.poll(() => journey.page.locator('.evidence-list a').allTextContents().then((names) => names.sort()), UPLOAD).toEqual(['bien-ban-thang-3.png', 'doi-hinh.jpg']);
    const listed = await journey.local.api('GET', '/api/submissions', await journey.local.signIn('bithu-apphuthuan'));
    expect(listed.body.items).toHaveLength(1);
  });
});
