/**
 * The review reports in a real browser, on the demo data: the province officer opens /bao-cao, runs the yearly
 * review for the province, reads the numbers, opens the records behind one of them, exports the review as Word (the
 * download carries the report's name and parses with the Quốc hiệu and the numbers of the screen), opens the print
 * view (photographed, printed to PDF), then copies the yearly template and renames the copy.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/bootstrap/demo.js';
import { parseDocx } from '../helpers/docx.js';
import { type E2e, screenshot, startE2e } from './harness.js';

let e2e: E2e;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e();
  context = await e2e.desktop();
  const response = await context.request.post(`${e2e.baseUrl}/api/auth/login`, {
    data: { username: 'canbo.tinh', password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  page = await context.newPage();
}, 300_000);

afterAll(async () => {
  await context?.close();
  await e2e?.close();
});

describe('review reports journey', () => {
  test('the province officer runs the yearly review of the province and sees its numbers', async () => {
    await page.goto(`${e2e.baseUrl}/bao-cao`);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo sơ kết, tổng kết' }).waitFor();
    await page.locator('.report-form__template', { hasText: 'Báo cáo tổng kết năm' }).waitFor();
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.locator('.report-title').waitFor();
    await expect
      .poll(() => page.locator('.report-heading').textContent())
      .toContain('CÔNG AN THÀNH PHỐ ĐÀ NẴNG');
    await page.getByRole('heading', { name: /Công tác chỉ đạo và xây dựng lực lượng nòng cốt/ }).waitFor();
    const teams = page.getByRole('row', { name: /Tổ, đội, ban đang hoạt động/ }).first();
    const number = teams.locator('button.report-number--link').first();
    expect(Number((await number.textContent())?.replace(/\./g, ''))).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.report-narrative').first().textContent())
      .toMatch(/^Trong năm \d{4}/);
    await screenshot(page, 'reports-1-yearly-review');
    await page.getByRole('heading', { name: 'Phụ lục: Số liệu theo đơn vị' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-2-by-unit');
  });

  test('a number opens the records behind it, with links to them', async () => {
    const teams = page.getByRole('row', { name: /Tổ, đội, ban đang hoạt động/ }).first();
    await teams.scrollIntoViewIfNeeded();
    await teams.locator('button.report-number--link').first().click();
    const drawer = page.locator('.ant-drawer', { hasText: 'Hồ sơ tạo nên số liệu' });
    await drawer.waitFor();
    const link = drawer.locator('a[href^="/luc-luong/"]').first();
    await link.waitFor();
    await screenshot(page, 'reports-3-drill-down');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  test('the officer exports the yearly review as Word', async () => {
    const word = page.getByRole('button', { name: 'Xuất Word' });
    await word.waitFor();
    await page.getByRole('button', { name: 'Xuất Excel' }).waitFor();
    await page.getByRole('link', { name: /Bản in/ }).waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'reports-6-export-buttons');

    const [download] = await Promise.all([page.waitForEvent('download'), word.click()]);
    const year = new Date().getFullYear();
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Báo cáo tổng kết năm .* năm ${year}\\.docx$`));
    const docx = await parseDocx(await readFile(await download.path()));
    expect(docx.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(docx.paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(docx.paragraphs).toContain('BÁO CÁO');
    expect(docx.paragraphs.some((line) => /^Đà Nẵng, ngày \d{2} tháng \d{2} năm \d{4}$/.test(line))).toBe(
      true,
    );
    // The teams line of the Word table shows the number the screen shows.
    const row = docx.tables.flat().find((cells) => cells[1] === 'Tổ, đội, ban đang hoạt động')!;
    const onScreen = await page
      .getByRole('row', { name: /Tổ, đội, ban đang hoạt động/ })
      .first()
      .locator('button.report-number--link')
      .first()
      .textContent();
    expect(row[3]).toBe(onScreen?.trim());
  });

  test('the print view opens in a new tab in the layout of an administrative document', async () => {
    const [print] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: /Bản in/ }).click(),
    ]);
    await print.waitForLoadState('load');
    await print.getByRole('heading', { name: 'BÁO CÁO', exact: true }).waitFor();
    await print.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
    await screenshot(print, 'reports-7-print-view');
    const pdf = await print.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await print.close();
  });

  test('the officer copies the yearly template and renames the copy', async () => {
    await page.getByRole('tab', { name: 'Mẫu báo cáo' }).click();
    await page.getByRole('button', { name: /^Sao chép: Báo cáo tổng kết năm/ }).click();
    const editor = page.locator('.ant-drawer', { hasText: 'Sửa mẫu báo cáo' });
    await editor.waitFor();
    const title = editor.getByRole('textbox', { name: 'Tên mẫu' });
    await expect.poll(() => title.inputValue()).toContain('(bản sao)');
    await title.fill('Tổng kết năm của Công an thành phố');
    await editor.getByRole('textbox', { name: 'Tên phần 1' }).fill('I. Ban Chỉ đạo và lực lượng');
    await screenshot(page, 'reports-4-template-editor');
    await editor.getByRole('button', { name: 'Lưu mẫu' }).click();
    await editor.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Tổng kết năm của Công an thành phố/ }).waitFor();
    await screenshot(page, 'reports-5-templates');
  });
});
