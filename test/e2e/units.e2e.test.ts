/**
 * The hierarchy browser in a real browser: the server as `npm start` runs it (fresh embedded database, official
 * units, demo data, the built web app), Debian's Chromium driven by playwright-core. A user finds a commune by
 * typing its name without diacritics, opens it and reads where it came from; then does the same on the hierarchy
 * before 01/07/2025 and follows the merger forward.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInVietnam } from '../../src/domain/dates.js';
import { makeUser, TEST_PASSWORD } from '../helpers/users.js';
import { type E2e, FIRST_PAGE_JS_BUDGET, screenshot as saveScreenshot, startE2e } from './harness.js';

let e2e: E2e;
let baseUrl: string;
let context: BrowserContext;
let page: Page;

/**
 * Signs in through the real endpoint; the session cookie lands in the browser context like a login would. The
 * login page itself has its journey in accounts.e2e.test.ts; here the hierarchy is what is under test.
 */
async function signIn(target: BrowserContext, username: string): Promise<void> {
  const response = await target.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password: TEST_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function screenshot(name: string, target: Page = page): Promise<void> {
  await saveScreenshot(target, name);
}

/** Types into the search box the way a person does, replacing what was there. */
async function search(text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Tìm đơn vị' });
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
}

beforeAll(async () => {
  e2e = await startE2e();
  baseUrl = e2e.baseUrl;
  // A national viewer: reads the whole hierarchy, changes nothing.
  await makeUser(e2e.database.db, 'viewer', 'VN', 'e2e.nguoixem');
  context = await e2e.desktop();
  await signIn(context, 'e2e.nguoixem');
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await e2e?.close();
});

describe('hierarchy browser', () => {
  test('the first page opens on the overview within its download budget; charts and map come after, in chunks of their own', async () => {
    // The overview's figures are held back: what the browser has fetched when the page's frame shows is the first
    // page's own code; the charts and the map may only arrive once there are figures to draw.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/dashboard?**', async (route) => {
      await held;
      await route.continue();
    });
    const scripts: Array<{ url: string; body: Promise<Buffer> }> = [];
    const collect = (response: Response) => {
      if (response.request().resourceType() === 'script')
        scripts.push({ url: response.url(), body: response.body() });
    };
    page.on('response', collect);
    await page.goto(baseUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tong-quan');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    const firstPage = [...scripts];
    const sizes = await Promise.all(firstPage.map(async (script) => gzipSync(await script.body).length));
    const gzipBytes = sizes.reduce((sum, size) => sum + size, 0);
    expect(gzipBytes, `first page JavaScript, gzip: ${Math.round(gzipBytes / 1024)} KB`).toBeLessThanOrEqual(
      FIRST_PAGE_JS_BUDGET,
    );
    const chartChunks = /ChoroplethMap|TrendChart|PieChart|BarChart/;
    expect(firstPage.filter((script) => chartChunks.test(script.url))).toEqual([]);

    release();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan: Toàn quốc' }).waitFor();
    await page
      .getByRole('img', { name: /^Bản đồ theo tỉnh, thành phố/ })
      .locator('canvas')
      .waitFor();
    await page.waitForLoadState('networkidle');
    page.off('response', collect);
    await page.unroute('**/api/dashboard?**');
    const later = scripts.slice(firstPage.length).map((script) => script.url);
    expect(later.some((url) => url.includes('ChoroplethMap'))).toBe(true);
    expect(later.some((url) => url.includes('TrendChart'))).toBe(true);

    // The header names the signed-in user, their role and their scope.
    await page.getByRole('button', { name: /Người kiểm thử viewer, Người xem báo cáo, Toàn quốc/ }).waitFor();
    // The overview and the period reviews are both built now: the viewer's menu leads to them.
    expect(await page.getByRole('menuitem', { name: 'Tổng quan' }).getAttribute('aria-disabled')).not.toBe(
      'true',
    );
    await page.getByRole('menuitem', { name: 'Báo cáo sơ kết, tổng kết' }).getByRole('link').waitFor();
    await screenshot('01-trang-dau');

    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/don-vi');
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' }).waitFor();
    await page.getByRole('treeitem', { name: /Thành phố Hà Nội/ }).waitFor();
  });

  test('"ba dinh" finds Phường Ba Đình of Hà Nội, which shows the wards it was merged from', async () => {
    await search('ba dinh');
    const result = page.getByRole('link', { name: /Phường Ba Đình\s*Thành phố Hà Nội/ });
    await result.click();

    await expect.poll(() => new URL(page.url()).searchParams.get('ngay')).toBe(todayInVietnam());
    await page.getByRole('heading', { level: 2, name: 'Phường Ba Đình' }).waitFor();
    const predecessors = page.getByRole('region', { name: 'Sáp nhập từ' });
    await predecessors.getByRole('link', { name: 'Phường Trúc Bạch' }).waitFor();
    await predecessors.getByRole('link', { name: 'Phường Quán Thánh' }).waitFor();
    expect(await predecessors.getByText('một phần').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('treeitem', { selected: true }).textContent())
      .toContain('Phường Ba Đình');
    await screenshot('02-phuong-ba-dinh');
  });

  test('before 01/07/2025, "nhon loc" finds Xã Nhơn Lộc, now part of Xã An Nhơn Tây', async () => {
    await page.getByText('Trước 01/07/2025', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ngay')).toBe('2025-06-30');
    await page.getByRole('treeitem', { name: /Tỉnh Bình Định/ }).waitFor();

    await search('nhon loc');
    await page.getByRole('link', { name: /Xã Nhơn Lộc\s*Thị xã An Nhơn, Tỉnh Bình Định/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Xã Nhơn Lộc' }).waitFor();
    const successors = page.getByRole('region', { name: 'Nay thuộc' });
    const successor = successors.getByRole('link', { name: 'Xã An Nhơn Tây' });
    await successor.waitFor();
    await screenshot('03-xa-nhon-loc');

    // Following the merger opens the new commune on the day it began, where Nhơn Lộc is among its sources.
    await successor.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ngay')).toBe('2025-07-01');
    await page.getByRole('heading', { level: 2, name: 'Xã An Nhơn Tây' }).waitFor();
    await page
      .getByRole('region', { name: 'Sáp nhập từ' })
      .getByRole('link', { name: 'Xã Nhơn Lộc' })
      .waitFor();
    await screenshot('04-xa-an-nhon-tay');
  });

  test('a name missing on the chosen date is looked up on the other hierarchy', async () => {
    await page.getByText('Trước 01/07/2025', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ngay')).toBe('2025-06-30');
    // Phường Tùng Thiện (Hà Nội) was formed on 01/07/2025; no unit had that name before.
    await search('tung thien');
    await page.getByText('Không có đơn vị nào khớp vào ngày 30/06/2025.').waitFor();
    const current = page.getByRole('region', { name: 'Đơn vị hiện nay' });
    await current.getByRole('link', { name: /Phường Tùng Thiện\s*Thành phố Hà Nội/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ngay')).toBe(todayInVietnam());
    await page.getByRole('heading', { level: 2, name: 'Phường Tùng Thiện' }).waitFor();
    await screenshot('05-tim-tren-he-thong-khac');
  });

  test('the map of the 34 provinces counts every commune', async () => {
    await page.getByRole('tab', { name: 'Bản đồ' }).click();
    await page.getByText('34 tỉnh, thành phố · 3.321 xã, phường, đặc khu').waitFor();
    const map = page.getByRole('img', { name: 'Bản đồ 34 tỉnh, thành phố hiện nay' });
    await map.locator('canvas').waitFor();
    await page.waitForTimeout(500);
    await screenshot('06-ban-do');
  });

  test('on a phone the detail stays readable', async () => {
    const phone = await e2e.phone();
    try {
      await signIn(phone, 'e2e.nguoixem');
      const small = await phone.newPage();
      const found = await small.request.get(`${baseUrl}/api/units?q=ba%20dinh&kind=commune&pageSize=5`);
      const wardId = (
        (await found.json()) as { items: Array<{ id: number; provinceCode: string }> }
      ).items.find((unit) => unit.provinceCode === '01')?.id;
      expect(wardId).toBeDefined();
      await small.goto(`${baseUrl}/don-vi/${wardId}?ngay=${todayInVietnam()}`);
      await small.getByRole('heading', { level: 2, name: 'Phường Ba Đình' }).waitFor();
      await small.getByRole('region', { name: 'Sáp nhập từ' }).waitFor();
      await screenshot('07-dien-thoai', small);
    } finally {
      await phone.close();
    }
  });
});
