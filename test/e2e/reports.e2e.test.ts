/**
 * Review reports in a real browser, on the demo data: the province officer builds the yearly review on /bao-cao,
 * exports it as Word (the download carries the report's name and parses with the Quốc hiệu and the values), and
 * opens the print view, which is photographed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/bootstrap/demo.js';
import { parseDocx } from '../helpers/docx.js';
import { type E2e, screenshot, startE2e } from './harness.js';

let e2e: E2e;
let baseUrl: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e();
  baseUrl = e2e.baseUrl;
  context = await e2e.desktop();
  const response = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { username: 'canbo.tinh', password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  page = await context.newPage();
}, 300_000);

afterAll(async () => {
  await context?.close();
  await e2e?.close();
});

describe('yearly review exports', () => {
  test('the officer builds the yearly review and exports it as Word', async () => {
    await page.goto(`${baseUrl}/bao-cao`);
    const build = page.getByRole('button', { name: 'Lập báo cáo', exact: true });
    await build.waitFor();
    await page
      .getByRole('combobox', { name: 'Mẫu báo cáo' })
      .locator('..')
      .getByText(/tổng kết năm/i)
      .waitFor();
    await build.click();
    const word = page.getByRole('button', { name: 'Xuất Word' });
    await word.waitFor();
    await expect(page.getByRole('button', { name: 'Xuất Excel' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'reports-1-yearly-review-with-exports');

    const [download] = await Promise.all([page.waitForEvent('download'), word.click()]);
    const year = new Date().getFullYear();
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Báo cáo tổng kết năm .* năm ${year}\\.docx$`));
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const docx = await parseDocx(await readFile(path));
    expect(docx.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(docx.paragraphs).toContain('BÁO CÁO');
    expect(docx.paragraphs.some((line) => /^Đà Nẵng, ngày \d{2} tháng \d{2} năm \d{4}$/.test(line))).toBe(
      true,
    );
    // The first number of the first table is the one the screen shows.
    const table = docx.tables.find((rows) => rows[0]?.[0] === 'STT')!;
    const firstValue = table[1]![3]!;
    await expect(
      page.locator('.report-result').getByText(firstValue, { exact: true }).first().isVisible(),
    ).resolves.toBe(true);
  });

  test('the print view opens in a new tab in the layout of an administrative document', async () => {
    const [print] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: /Bản in/ }).click(),
    ]);
    await print.waitForLoadState('load');
    await print.getByRole('heading', { name: 'BÁO CÁO', exact: true }).waitFor();
    await expect(print.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').isVisible()).resolves.toBe(true);
    await screenshot(print, 'reports-2-print-view');
    const pdf = await print.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await print.close();
  });
});
