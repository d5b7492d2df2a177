/**
 * The registries in a real browser. A commune officer of a demo commune of Đà Nẵng establishes a people's security
 * group in one of its villages and adds two members through the forms (the age rule refuses a 13-year-old on the
 * birth-year field first), then finds the group in the list by typing without diacritics and sees its members on
 * the team page. An Excel file with bad rows is checked: every bad row is named and nothing is written. The other
 * pages (model list and page with its replication tree, counts) are opened and photographed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInVietnam } from '../../src/domain/dates.js';
import { queryRows } from '../../src/server/db/client.js';
import {
  MEMBER_COLUMNS,
  MEMBER_SHEET,
  TEAM_COLUMNS,
  TEAM_SHEET,
} from '../../src/server/modules/teams/teams.import.js';
import { templateHeader } from '../../src/server/registry/xlsx.js';
import { makeUser, TEST_PASSWORD } from '../helpers/users.js';
import { chooseOption, type E2e, screenshot, startE2e, typeDate } from './harness.js';

let e2e: E2e;
let context: BrowserContext;
let page: Page;
let folder: string;
let village: { id: number; fullName: string };
const OFFICER = 'e2e.congan.xa';

async function teamCount(): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    e2e.database.db,
    sql`select count(*)::int as count from teams`,
  );
  return row!.count;
}

/** Picks an option of an Ant Design select by its visible text. */
beforeAll(async () => {
  e2e = await startE2e();
  folder = mkdtempSync(path.join(tmpdir(), 'antq-e2e-registries-'));
  const today = todayInVietnam();
  // The first demo commune of Đà Nẵng and one of its demo villages without a people's security group.
  const [commune] = await queryRows<{ id: number; code: string }>(
    e2e.database.db,
    sql`select u.id, u.code from units u join unit_versions v on v.unit_id = u.id
        where u.kind = 'commune' and u.province_code = '48'
          and (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)
        order by u.code limit 1`,
  );
  const [found] = await queryRows<{ id: number; fullName: string }>(
    e2e.database.db,
    sql`select u.id, v.full_name as "fullName" from units u join unit_versions v on v.unit_id = u.id
        where u.kind = 'residential_area' and v.parent_id = ${commune!.id} and v.valid_to is null
          and not exists (select 1 from teams t where t.unit_id = u.id and t.kind = 'people_security_group')
        order by u.id desc limit 1`,
  );
  village = found!;
  await makeUser(e2e.database.db, 'commune_officer', commune!.code, OFFICER);
  context = await e2e.desktop();
  const login = await context.request.post(`${e2e.baseUrl}/api/auth/login`, {
    data: { username: OFFICER, password: TEST_PASSWORD },
  });
  expect(login.status(), await login.text()).toBe(200);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await e2e?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('registries', () => {
  test('a commune officer adds a team and two members, then sees them in the list and on the team page', async () => {
    await page.goto(`${e2e.baseUrl}/luc-luong`);
    await page.getByRole('heading', { level: 1, name: 'Lực lượng nòng cốt' }).waitFor();
    await page.getByRole('button', { name: 'Thành lập tổ, đội, ban' }).click();

    const drawer = page.getByRole('dialog', { name: 'Thành lập tổ, đội, ban' });
    await chooseOption(drawer.getByLabel('Loại'), 'Tổ an ninh nhân dân');
    const name = `Tổ an ninh nhân dân ${village.fullName} (kiểm thử)`;
    await drawer.getByLabel('Tên', { exact: true }).fill(name);
    await chooseOption(drawer.getByLabel('Đơn vị phục vụ'), village.fullName, village.fullName);
    // The demo villages exist since 01/07/2025.
    await typeDate(drawer.getByLabel('Ngày thành lập'), '15/08/2025');
    await drawer.getByLabel('Số quyết định thành lập').fill('12/QĐ-UBND');
    await screenshot(page, '20-thanh-lap-to');
    await drawer.getByRole('button', { name: 'Tạo' }).click();

    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/luc-luong\/\d+$/);

    // The leader.
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    let form = page.getByRole('dialog', { name: /Thêm thành viên vào/ });
    await form.getByLabel('Họ và tên').fill('Nguyễn Văn Bình');
    await form.getByLabel('Năm sinh').fill('1978');
    await chooseOption(form.getByLabel('Chức danh'), 'Tổ trưởng');
    await typeDate(form.getByLabel('Cư trú tại địa bàn từ ngày'), '01/01/2010');
    await form.getByRole('button', { name: 'Thêm thành viên' }).click();
    await form.waitFor({ state: 'hidden' });

    // A member too young: the server's reason shows on the birth year, then the corrected year is accepted.
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    form = page.getByRole('dialog', { name: /Thêm thành viên vào/ });
    await form.getByLabel('Họ và tên').fill('Trần Thị Lan');
    await form.getByLabel('Năm sinh').fill(String(Number(todayInVietnam().slice(0, 4)) - 13));
    await typeDate(form.getByLabel('Cư trú tại địa bàn từ ngày'), '01/06/2015');
    await form.getByRole('button', { name: 'Thêm thành viên' }).click();
    await form.getByText(/chưa đủ 18 tuổi/).waitFor();
    await screenshot(page, '21-thanh-vien-chua-du-tuoi');
    await form.getByLabel('Năm sinh').fill('1992');
    await form.getByRole('button', { name: 'Thêm thành viên' }).click();
    await form.waitFor({ state: 'hidden' });

    const members = page.getByRole('table', { name: 'Thành viên' });
    await members.getByRole('row', { name: /Tổ trưởng\s*Nguyễn Văn Bình/ }).waitFor();
    await members.getByRole('row', { name: /Tổ viên\s*Trần Thị Lan/ }).waitFor();
    await screenshot(page, '22-trang-to');

    // The list finds it without diacritics, with its two members.
    await page.getByRole('link', { name: 'Quay lại danh sách' }).click();
    await page
      .getByRole('searchbox', { name: 'Tìm theo tên' })
      .pressSequentially('an ninh nhan dan', { delay: 15 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('an ninh nhan dan');
    await page.getByText('1 bản ghi', { exact: true }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Nguyễn Văn Bình');
    expect((await row.getByRole('cell').nth(3).textContent())?.trim()).toBe('2');
    await screenshot(page, '23-danh-sach-to');
  });

  test('an import with bad rows shows every one of them and writes nothing', async () => {
    const book = new ExcelJS.Workbook();
    const teams = book.addWorksheet(TEAM_SHEET);
    teams.addRow(TEAM_COLUMNS.map(templateHeader));
    const teamRow = (cells: Record<string, string | number | Date>) =>
      teams.addRow(TEAM_COLUMNS.map((column) => cells[column.key] ?? null));
    teamRow({
      key: 'T1',
      kind: 'Tổ hòa giải',
      name: 'Tổ hòa giải nhập thử',
      unitId: `${village.fullName} [#${village.id}]`,
      establishedOn: '01/02/2025',
    });
    teamRow({
      key: 'T2',
      kind: 'Tổ không có loại này',
      name: 'Tổ sai loại',
      unitId: `${village.fullName} [#${village.id}]`,
      establishedOn: '01/02/2025',
    });
    const members = book.addWorksheet(MEMBER_SHEET);
    members.addRow(MEMBER_COLUMNS.map(templateHeader));
    const memberRow = (cells: Record<string, string | number>) =>
      members.addRow(MEMBER_COLUMNS.map((column) => cells[column.key] ?? null));
    memberRow({
      teamKey: 'T1',
      fullName: 'Lê Văn Hải',
      birthYear: 1975,
      role: 'Tổ trưởng',
      joinedOn: '01/02/2025',
    });
    memberRow({
      teamKey: 'T1',
      fullName: 'Phạm Thị Hoa',
      birthYear: 'năm ngoái',
      role: 'Tổ viên',
      joinedOn: '01/02/2025',
    });
    memberRow({
      teamKey: 'T9',
      fullName: 'Võ Văn Nam',
      birthYear: 1980,
      role: 'Tổ viên',
      joinedOn: '01/02/2025',
    });
    const file = path.join(folder, 'nhap-co-loi.xlsx');
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const before = await teamCount();

    await page.goto(`${e2e.baseUrl}/luc-luong`);
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const drawer = page.getByRole('dialog', { name: 'Nhập tổ, đội, ban và thành viên từ Excel' });
    await drawer.locator('input[type=file]').setInputFiles(file);
    await drawer.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await drawer.getByText(/Có \d+ lỗi: chưa ghi dòng nào/).waitFor();
    const errors = drawer.getByRole('table', { name: 'Các dòng bị lỗi' });
    await errors.getByRole('row', { name: /Tổ, đội, ban\s*3\s*Loại/ }).waitFor();
    await errors.getByRole('row', { name: /Thành viên\s*3\s*Năm sinh/ }).waitFor();
    await errors.getByRole('row', { name: /Thành viên\s*4\s*Mã tổ trong tệp/ }).waitFor();
    expect(await drawer.getByRole('button', { name: /^Ghi/ }).count()).toBeLessThanOrEqual(1);
    if ((await drawer.getByRole('button', { name: /^Ghi/ }).count()) === 1) {
      expect(await drawer.getByRole('button', { name: /^Ghi/ }).isDisabled()).toBe(true);
    }
    await screenshot(page, '24-nhap-excel-loi');
    expect(await teamCount()).toBe(before);
  });

  test('models, their replication tree and the counts', async () => {
    await page.goto(`${e2e.baseUrl}/mo-hinh`);
    await page.getByRole('heading', { level: 1, name: 'Mô hình tự quản' }).waitFor();
    await page
      .getByRole('link', { name: /Tiếng kẻng an ninh/ })
      .first()
      .click();
    await page.getByRole('img', { name: 'Sơ đồ nhân rộng của mô hình' }).locator('canvas').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '25-trang-mo-hinh');

    await page.goto(`${e2e.baseUrl}/mo-hinh?xem=so-lieu`);
    await page.getByRole('table', { name: 'Số liệu theo đơn vị' }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '26-so-lieu-mo-hinh');
    await page.goto(`${e2e.baseUrl}/luc-luong?xem=so-lieu`);
    await page.getByRole('table', { name: 'Số liệu theo đơn vị' }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '27-so-lieu-luc-luong');
  });
});
