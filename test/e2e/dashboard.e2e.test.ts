/**
 * The overview (Tổng quan) in a real browser, on the demo data of Đà Nẵng: the province officer signs in and lands
 * on the province's overview (cards with their change, the trend, the communes' map with Hoàng Sa in its inset, the
 * spreads, the overdue panel); switches to the phase 2014–2023; clicks a commune on the map and lands on that
 * commune's overview, with the way back up to the province.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/bootstrap/demo.js';
import { type E2e, screenshot, startE2e } from './harness.js';

let e2e: E2e;
let context: BrowserContext;
let page: Page;

const heading = () => page.getByRole('heading', { level: 1 });

beforeAll(async () => {
  e2e = await startE2e();
  context = await e2e.desktop();
  page = await context.newPage();
}, 300_000);

afterAll(async () => {
  await context?.close();
  await e2e?.close();
});

describe('overview journey', () => {
  test('the province officer signs in and lands on the overview of Đà Nẵng', async () => {
    await page.goto(`${e2e.baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('canbo.tinh');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe('/tong-quan');
    await expect.poll(() => heading().textContent()).toBe('Tổng quan: Thành phố Đà Nẵng');
    const activities = page.locator('.kpi-card', { hasText: 'Hoạt động đã tổ chức' });
    await activities.waitFor();
    expect(await activities.locator('.kpi-card__previous').textContent()).toMatch(/^Kỳ trước: [\d.]+/);
    await page.getByText(/so với kỳ trước cùng độ dài: năm \d{4} \(đến \d\d\/\d\d\/\d{4}\)/).waitFor();
    await page.getByRole('img', { name: /^Bản đồ theo xã, phường, đặc khu/ }).waitFor();
    await page.getByText(/Hoàng Sa: vẽ thu nhỏ trong khung/).waitFor();
    await page.getByRole('img', { name: 'Diễn biến theo tháng' }).waitFor();
    await page.getByRole('region', { name: 'Việc quá hạn, sắp đến hạn' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'dashboard-1-tinh');
  });

  test('switching to the phase 2014–2023 compares with 2004–2013, year by year', async () => {
    await page.locator('label', { hasText: 'Giai đoạn 2014–2023' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ky')).toBe('giai-doan');
    await page.getByText('Kỳ giai đoạn 2014–2023, 01/01/2014 – 31/12/2023', { exact: false }).waitFor();
    await page.getByText('giai đoạn 2004–2013, 01/01/2004 – 31/12/2013', { exact: false }).waitFor();
    await page.getByText('Diễn biến theo năm').waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'dashboard-2-giai-doan');
  });

  test('clicking a commune on the map opens its overview, with the way back to the province', async () => {
    const map = page.getByRole('img', { name: /^Bản đồ theo xã, phường, đặc khu/ });
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    // Find a commune under the pointer by its tooltip, then click it.
    const tooltip = page.locator('.dashboard-map .choropleth strong');
    let commune = '';
    search: for (let row = 3; row <= 7; row++) {
      for (let column = 2; column <= 6; column++) {
        await page.mouse.move(box.x + (box.width * column) / 10, box.y + (box.height * row) / 10);
        for (let wait = 0; wait < 5 && !(await tooltip.isVisible()); wait++) await page.waitForTimeout(60);
        if (await tooltip.isVisible()) {
          commune = (await tooltip.textContent()) ?? '';
          if (commune) {
            await page.mouse.down();
            await page.mouse.up();
            break search;
          }
        }
      }
    }
    expect(commune).not.toBe('');
    await expect.poll(() => new URL(page.url()).searchParams.get('don-vi')).toMatch(/^\d+$/);
    await expect.poll(() => heading().textContent()).toBe(`Tổng quan: ${commune}`);
    expect(new URL(page.url()).searchParams.get('ky')).toBe('giai-doan');
    await page.getByText('Đơn vị này không có bản đồ các đơn vị trực thuộc.').first().waitFor();
    await page.getByRole('link', { name: 'Lên Thành phố Đà Nẵng' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'dashboard-3-xa');

    await page.getByRole('link', { name: 'Lên Thành phố Đà Nẵng' }).click();
    await expect.poll(() => heading().textContent()).toBe('Tổng quan: Thành phố Đà Nẵng');
  });
});
