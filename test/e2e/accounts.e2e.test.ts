/**
 * Accounts in a real browser. A province officer of Đà Nẵng is created the way an administrator would (no
 * password, so a one-time password comes back), signs in with it through the login page, is made to choose a
 * password of their own, and then sees only their own province in the hierarchy — on the day before the 2025 merger
 * too, when Đà Nẵng and Quảng Nam were still two provinces. A viewer gets no user management; signing out ends
 * the session. Every test makes its own users.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/server/context.js';
import { createUser, resolveUnitCode } from '../../src/server/modules/accounts/accounts.service.js';
import { makeUser, TEST_PASSWORD } from '../helpers/users.js';
import { type E2e, FIRST_PAGE_JS_BUDGET, measureScripts, screenshot, startE2e } from './harness.js';

/** Đà Nẵng, which absorbed Quảng Nam on 01/07/2025. */
const DA_NANG = '48';

let e2e: E2e;
const contexts: BrowserContext[] = [];

async function newPage(kind: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
  const context = kind === 'desktop' ? await e2e.desktop() : await e2e.phone();
  contexts.push(context);
  return context.newPage();
}

const unique = (prefix: string) => `${prefix}.${randomBytes(3).toString('hex')}`;

/** A province officer with a one-time password, exactly as user management creates one. */
async function newProvinceOfficer(): Promise<{
  username: string;
  oneTimePassword: string;
  fullName: string;
}> {
  const username = unique('e2e.canbo');
  const fullName = 'Lê Thị Thu Hà';
  const { oneTimePassword } = await createUser(e2e.database.db, systemActor('kiểm thử'), {
    username,
    fullName,
    position: 'Cán bộ Phòng Tham mưu',
    role: 'province_staff',
    unitId: await resolveUnitCode(e2e.database.db, DA_NANG),
  });
  if (!oneTimePassword) throw new Error('a user created without a password must get a one-time password');
  return { username, oneTimePassword, fullName };
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** The top level of the unit tree: nothing is expanded, so every item shown is a root. */
async function treeRoots(page: Page): Promise<string[]> {
  const items = page.getByRole('tree', { name: 'Cây đơn vị' }).getByRole('treeitem');
  return (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

beforeAll(async () => {
  e2e = await startE2e();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await e2e?.close();
});

describe('accounts', () => {
  test('the login page is light, in Vietnamese, and says no more than the server about a failed login', async () => {
    const page = await newPage();
    const { gzipBytes } = await measureScripts(page, async () => {
      await page.goto(`${e2e.baseUrl}/don-vi`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/dang-nhap');
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    });
    expect(gzipBytes, `login page JavaScript, gzip: ${Math.round(gzipBytes / 1024)} KB`).toBeLessThanOrEqual(
      FIRST_PAGE_JS_BUDGET,
    );
    // Where the user was heading is kept for after the login.
    expect(new URL(page.url()).searchParams.get('tiep')).toBe('/don-vi');
    await page.getByText('Phong trào Toàn dân bảo vệ an ninh Tổ quốc').waitFor();

    await logIn(page, unique('khong.co'), 'Sai-mat-khau-1');
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
    await screenshot(page, '10-dang-nhap-sai');
  });

  test('a new province officer changes the one-time password and sees only Đà Nẵng in the tree', async () => {
    const officer = await newProvinceOfficer();
    const page = await newPage();
    await page.goto(e2e.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await screenshot(page, '11-dang-nhap');
    await logIn(page, officer.username, officer.oneTimePassword);

    // Nothing else opens before the one-time password is replaced.
    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu của bạn' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/doi-mat-khau');
    await page.getByText('có ít nhất 10 ký tự').waitFor();
    const newPassword = 'Ha-Noi-mua-thu-2025';
    await page.getByLabel('Mật khẩu dùng một lần').fill(officer.oneTimePassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await screenshot(page, '12-doi-mat-khau');
    await page.getByRole('button', { name: 'Đổi mật khẩu và tiếp tục' }).click();

    // The first page is the overview of the officer's province.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tong-quan');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan: Thành phố Đà Nẵng' }).waitFor();
    await page
      .getByRole('button', { name: `Tài khoản: ${officer.fullName}, Cán bộ Công an tỉnh, Thành phố Đà Nẵng` })
      .waitFor();
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' }).waitFor();
    await page.getByRole('treeitem', { name: /Thành phố Đà Nẵng/ }).waitFor();
    expect(await treeRoots(page)).toEqual(['Thành phố Đà Nẵng 48']);
    // Province staff manage users of their province; the audit trail is for administrators.
    await page.getByRole('menuitem', { name: 'Người dùng' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).count()).toBe(0);
    await screenshot(page, '13-chi-thay-da-nang');

    // Before the merger the province was two: the old Đà Nẵng and Quảng Nam, both now in the officer's scope.
    await page.getByText('Trước 01/07/2025', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ngay')).toBe('2025-06-30');
    await page.getByRole('treeitem', { name: /Tỉnh Quảng Nam/ }).waitFor();
    expect((await treeRoots(page)).sort()).toEqual(['Thành phố Đà Nẵng 48', 'Tỉnh Quảng Nam 49']);
    await screenshot(page, '14-truoc-sap-nhap');

    // The new password is the one that works now.
    const again = await newPage();
    await again.goto(`${e2e.baseUrl}/dang-nhap`);
    await logIn(again, officer.username, officer.oneTimePassword);
    await again.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
    await logIn(again, officer.username, newPassword);
    await again.getByRole('heading', { level: 1, name: 'Tổng quan: Thành phố Đà Nẵng' }).waitFor();
  });

  test('a viewer has no user management in the menu, and cannot open it by its address', async () => {
    const viewer = await makeUser(e2e.database.db, 'viewer', DA_NANG, unique('e2e.xem'));
    const page = await newPage('phone');
    await page.goto(`${e2e.baseUrl}/dang-nhap`);
    await logIn(page, viewer.username, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Tổng quan: Thành phố Đà Nẵng' }).waitFor();
    await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Người dùng' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Quản trị' }).count()).toBe(0);
    // The drawer slides in; the picture is taken once it is still.
    await page.waitForTimeout(500);
    await screenshot(page, '15-nguoi-xem-dien-thoai');

    await page.goto(`${e2e.baseUrl}/quan-tri/nguoi-dung`);
    await page.getByRole('heading', { name: 'Bạn không có quyền xem trang này' }).waitFor();
  });

  test('signing out ends the session: the pages behind login send the user back to it', async () => {
    const viewer = await makeUser(e2e.database.db, 'viewer', DA_NANG, unique('e2e.xem'));
    const page = await newPage();
    await page.goto(`${e2e.baseUrl}/dang-nhap`);
    await logIn(page, viewer.username, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Tổng quan: Thành phố Đà Nẵng' }).waitFor();

    await page.getByRole('button', { name: /^Tài khoản:/ }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dang-nhap');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await screenshot(page, '16-da-dang-xuat');

    await page.goto(`${e2e.baseUrl}/tai-khoan`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dang-nhap');
    expect(new URL(page.url()).searchParams.get('tiep')).toBe('/tai-khoan');
  });
});
