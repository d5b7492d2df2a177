/**
 * Registries II in a real browser. A commune officer of a demo commune of Đà Nẵng records a festival day with its
 * ceremony and festival parts, the pilot flag and the gifts; the participant figure exceeds the commune's known
 * population, so the page asks for a reason and the activity is saved with it. A photo (a small JPEG made here) is
 * attached and shows as a thumbnail, and the festival day appears on the month calendar on its date. The other
 * pages of the issue (year calendar, awards, documents with the communes having a plan, feedback) are opened and
 * photographed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDateVi, todayInVietnam } from '../../src/domain/dates.js';
import { queryRows } from '../../src/server/db/client.js';
import { AWARD_COLUMNS, AWARD_SHEET } from '../../src/server/modules/awards/awards.import.js';
import { sheetFile } from '../helpers/registries.js';
import { makeUser, TEST_PASSWORD } from '../helpers/users.js';
import { chooseOption, type E2e, screenshot, startE2e, typeDate } from './harness.js';

let e2e: E2e;
let context: BrowserContext;
let page: Page;
let folder: string;
let commune: { id: number; code: string };
const OFFICER = 'e2e.hoatdong.xa';

beforeAll(async () => {
  e2e = await startE2e();
  folder = mkdtempSync(path.join(tmpdir(), 'antq-e2e-activities-'));
  const today = todayInVietnam();
  const [found] = await queryRows<{ id: number; code: string; provinceCode: string }>(
    e2e.database.db,
    sql`select u.id, u.code, u.province_code as "provinceCode" from units u join unit_versions v on v.unit_id = u.id
        where u.kind = 'commune' and u.province_code = '48'
          and (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)
        order by u.code limit 1`,
  );
  commune = found!;
  // The commune's population is known, so that the figure entered below is above it.
  await e2e.database.db.execute(
    sql`insert into unit_populations (unit_id, year, population, province_code, source)
        values (${commune.id}, ${Number(today.slice(0, 4))}, 1200, ${found!.provinceCode}, 'kiểm thử')
        on conflict (unit_id, year) do update set population = excluded.population`,
  );
  await makeUser(e2e.database.db, 'commune_officer', commune.code, OFFICER);
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

describe('activities', () => {
  test('record a festival day with a photo and see it on the calendar', async () => {
    const today = todayInVietnam();
    const title = 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc (kiểm thử)';
    await page.goto(`${e2e.baseUrl}/hoat-dong`);
    await page.getByRole('heading', { level: 1, name: 'Hoạt động phong trào' }).waitFor();
    await page.getByRole('button', { name: 'Ghi hoạt động' }).click();

    const drawer = page.getByRole('dialog', { name: 'Ghi hoạt động' });
    await chooseOption(drawer.getByLabel('Loại hoạt động'), 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc');
    await drawer.getByLabel('Tên hoạt động').fill(title);
    await typeDate(drawer.getByLabel('Ngày bắt đầu'), formatDateVi(today));
    await drawer.getByLabel('Số lượt người tham gia').fill('1500');
    await drawer.getByLabel('Có phần lễ').check();
    await drawer.getByLabel('Có phần hội').check();
    await drawer.getByLabel('Tổ chức làm điểm').check();
    await chooseOption(drawer.getByLabel('Cấp chọn điểm'), 'Tỉnh chọn');
    await drawer.getByLabel('Số suất quà').fill('40');
    await drawer.getByLabel('Tổng trị giá quà (đồng)').fill('20000000');
    await screenshot(page, '30-ghi-ngay-hoi');
    await drawer.getByRole('button', { name: 'Tạo' }).click();

    // 1.500 people in a commune of 1.200: the page asks why, and keeps the reason.
    const confirm = page.getByRole('dialog', { name: 'Số liệu cần xác nhận' });
    await confirm
      .getByText(/dân số/i)
      .first()
      .waitFor();
    await confirm.getByLabel('Lý do số liệu đúng').fill('Ngày hội liên xã, người dân các xã lân cận cùng dự');
    await screenshot(page, '31-xac-nhan-so-lieu');
    await confirm.getByRole('button', { name: 'Xác nhận và lưu' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/hoat-dong\/\d+$/);
    await page.getByText('Ngày hội liên xã, người dân các xã lân cận cùng dự', { exact: false }).waitFor();
    await page.getByText('20.000.000 đồng', { exact: false }).waitFor();

    const photo = path.join(folder, 'phan-le.jpg');
    writeFileSync(
      photo,
      await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 200, g: 30, b: 30 } } })
        .jpeg({ quality: 70 })
        .toBuffer(),
    );
    await page.getByRole('textbox', { name: 'Chú thích cho tệp sắp tải (không bắt buộc)' }).fill('Phần lễ');
    await page.locator('.attachments input[type=file]').setInputFiles(photo);
    const thumbnail = page.getByRole('img', { name: 'Phần lễ' });
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(320);
    await screenshot(page, '32-ngay-hoi-anh');

    await page.goto(`${e2e.baseUrl}/hoat-dong?xem=lich`);
    const day = page.getByRole('cell', { name: formatDateVi(today) });
    await day.getByRole('link', { name: title }).waitFor();
    await screenshot(page, '33-lich-thang');
    await day.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.goto(`${e2e.baseUrl}/hoat-dong?xem=lich&lich=${today.slice(0, 4)}`);
    await page
      .getByRole('region', { name: `Tháng ${Number(today.slice(5, 7))}/${today.slice(0, 4)}` })
      .waitFor();
    await screenshot(page, '34-lich-nam');
  });

  test('the timeline, counts and the other registries of the issue', async () => {
    await page.goto(`${e2e.baseUrl}/hoat-dong?xem=dong-thoi-gian`);
    await page.getByRole('link', { name: /Ngày hội toàn dân bảo vệ an ninh Tổ quốc \(kiểm thử\)/ }).waitFor();
    await screenshot(page, '35-dong-thoi-gian');
    await page.goto(`${e2e.baseUrl}/hoat-dong?xem=so-lieu`);
    await page.getByRole('table', { name: 'Số liệu theo đơn vị' }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '36-so-lieu-hoat-dong');

    await page.goto(`${e2e.baseUrl}/khen-thuong`);
    await page.getByRole('heading', { level: 1, name: 'Khen thưởng' }).waitFor();
    await page.getByRole('button', { name: 'Lập đề nghị khen thưởng' }).click();
    const award = page.getByRole('dialog', { name: 'Lập đề nghị khen thưởng' });
    await chooseOption(award.getByLabel('Hình thức khen thưởng'), 'Giấy khen');
    await chooseOption(award.getByLabel('Cấp khen'), 'UBND xã');
    await award
      .getByLabel(/^Nội dung thành tích/)
      .fill('Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc làm điểm');
    await screenshot(page, '37-de-nghi-khen-thuong');
    await award.getByRole('button', { name: 'Tạo' }).click();
    await page.getByText('Thông tin khen thưởng', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/khen-thuong\/\d+$/);
    await page.getByText('Đề nghị', { exact: true }).waitFor();
    await screenshot(page, '37b-khen-thuong');

    await page.goto(`${e2e.baseUrl}/van-ban`);
    await page.getByRole('heading', { level: 1, name: 'Văn bản chỉ đạo' }).waitFor();
    await page
      .getByRole('link', { name: /09-CT\/TW/ })
      .first()
      .waitFor();
    await screenshot(page, '37c-van-ban');

    await page.goto(`${e2e.baseUrl}/van-ban?q=44-KL`);
    await page
      .getByRole('link', { name: /44-KL\/TW/ })
      .first()
      .click();
    await page.getByText(/xã, phường đã có kế hoạch/).waitFor();
    await screenshot(page, '38-van-ban-ke-hoach');

    await page.goto(`${e2e.baseUrl}/y-kien-nhan-dan`);
    await page.getByRole('heading', { level: 1, name: 'Ý kiến Nhân dân' }).waitFor();
    await page.getByRole('button', { name: 'Ghi ý kiến' }).click();
    const form = page.getByRole('dialog', { name: 'Ghi ý kiến Nhân dân' });
    await form.getByLabel('Chủ đề').fill('Đèn đường hỏng ở ngã ba chợ');
    await form.getByLabel('Người phản ánh đồng ý để lại họ tên, số điện thoại').check();
    await form.getByLabel(/^Số điện thoại/).fill('0905123456');
    await screenshot(page, '39-ghi-y-kien');
    await form.getByRole('button', { name: 'Tạo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đèn đường hỏng ở ngã ba chợ' }).waitFor();
    await page.getByText('0905123456').waitFor();
    await screenshot(page, '40-y-kien');
  });

  test('import awards from Excel, delete one entered by mistake, and the movement lists', async () => {
    const [unit] = await queryRows<{ name: string }>(
      e2e.database.db,
      sql`select v.full_name as name from unit_versions v where v.unit_id = ${commune.id} order by v.valid_from desc nulls last limit 1`,
    );
    const row = {
      recipientType: 'Tập thể',
      unitId: `${unit!.name} [#${commune.id}]`,
      formId: 'Giấy khen',
      issuerId: 'UBND xã',
      reason: 'Thành tích xuất sắc',
      periodFrom: 2024,
      phase: 'Nhập Excel kiểm thử',
    };
    const badFile = path.join(folder, 'khen-thuong-loi.xlsx');
    writeFileSync(
      badFile,
      await sheetFile(AWARD_SHEET, AWARD_COLUMNS, [
        row,
        { ...row, recipientType: 'Cá nhân' },
        { ...row, periodFrom: 'năm ngoái' },
      ]),
    );
    await page.goto(`${e2e.baseUrl}/khen-thuong`);
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const drawer = page.getByRole('dialog', { name: 'Nhập khen thưởng từ Excel' });
    await drawer.locator('input[type=file]').setInputFiles(badFile);
    await drawer.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await drawer.getByText(/Có 2 lỗi: chưa ghi dòng nào/).waitFor();
    const errors = drawer.getByRole('table', { name: 'Các dòng bị lỗi' });
    await errors.getByRole('row', { name: /Khen thưởng\s*3\s*Họ tên cá nhân/ }).waitFor();
    await errors.getByRole('row', { name: /Khen thưởng\s*4\s*Năm/ }).waitFor();
    await screenshot(page, '41-nhap-khen-thuong-loi');

    const goodFile = path.join(folder, 'khen-thuong.xlsx');
    writeFileSync(
      goodFile,
      await sheetFile(AWARD_SHEET, AWARD_COLUMNS, [row, { ...row, formId: 'Bằng khen' }]),
    );
    await drawer.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await drawer.locator('input[type=file]').setInputFiles(goodFile);
    await drawer.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await drawer.getByRole('button', { name: 'Ghi 2 dòng vào hệ thống' }).click();
    await drawer.getByText(/Đã ghi: 2 dòng "Khen thưởng"/).waitFor();
    await screenshot(page, '42-nhap-khen-thuong-xong');
    await drawer.getByRole('button', { name: 'Đóng' }).first().click();

    // One of them was a mistake: it goes, with the reason kept in the audit trail.
    const [imported] = await queryRows<{ id: number }>(
      e2e.database.db,
      sql`select id from awards where phase = 'Nhập Excel kiểm thử' order by id desc limit 1`,
    );
    const id = imported!.id;
    await page.goto(`${e2e.baseUrl}/khen-thuong/${id}`);
    await page.getByText('Nhập Excel kiểm thử').waitFor();
    await page.getByRole('button', { name: 'Xóa' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xóa bản ghi ghi nhầm' });
    await confirm.getByLabel('Lý do xóa').fill('Ghi trùng với đề nghị đã lập trên trang');
    await screenshot(page, '43-xoa-ban-ghi');
    await confirm.getByRole('button', { name: 'Xóa bản ghi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khen thưởng' }).waitFor();
    const [event] = await queryRows<{ action: string }>(
      e2e.database.db,
      sql`select action from audit_events where entity_type = 'award' and entity_id = ${String(id)} order by id desc limit 1`,
    );
    expect(event?.action).toBe('award.deleted');

    // The officer records the commune's population; the list of kinds is the administrator's.
    await page.goto(`${e2e.baseUrl}/quan-tri/danh-muc`);
    await page.getByRole('heading', { level: 1, name: 'Danh mục phong trào' }).waitFor();
    await page.getByRole('cell', { name: '1.200', exact: true }).waitFor();
    await screenshot(page, '44-dan-so-don-vi');
    await page.getByRole('tab', { name: 'Loại hoạt động' }).click();
    await page.getByText('Chỉ quản trị hệ thống được sửa danh mục này.').waitFor();

    await makeUser(e2e.database.db, 'admin', 'VN', 'e2e.quantri.danhmuc');
    const admin = await e2e.desktop();
    const login = await admin.request.post(`${e2e.baseUrl}/api/auth/login`, {
      data: { username: 'e2e.quantri.danhmuc', password: TEST_PASSWORD },
    });
    expect(login.status(), await login.text()).toBe(200);
    const adminPage = await admin.newPage();
    await adminPage.goto(`${e2e.baseUrl}/quan-tri/danh-muc`);
    await adminPage
      .getByRole('cell', { name: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc', exact: true })
      .waitFor();
    await adminPage.getByLabel('Tên mục mới').fill('Hội thao an ninh (kiểm thử)');
    await adminPage.getByRole('button', { name: 'Thêm' }).click();
    await adminPage.getByRole('cell', { name: 'Hội thao an ninh (kiểm thử)', exact: true }).waitFor();
    await adminPage.getByRole('switch', { name: 'Đang dùng: Hội thao an ninh (kiểm thử)' }).click();
    await adminPage.getByText('Đã lưu.').waitFor();
    await screenshot(adminPage, '45-danh-muc-loai-hoat-dong');
    await adminPage.getByRole('tab', { name: 'Hình thức khen thưởng' }).click();
    await adminPage.getByRole('cell', { name: 'Kỷ niệm chương', exact: true }).waitFor();
    await screenshot(adminPage, '46-danh-muc-hinh-thuc');
    await admin.close();
  });
});
