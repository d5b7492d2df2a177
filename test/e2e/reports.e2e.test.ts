/**
 * The review reports in a real browser, on the demo data: the province officer opens /bao-cao, runs the yearly
 * review for the province, reads the numbers, opens the records behind one of them, then copies the yearly
 * template and renames the copy.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/bootstrap/demo.js';
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
