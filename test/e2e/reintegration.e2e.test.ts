/**
 * Reintegration and coordination in a real browser, on the demo data: a commune police officer opens a file,
 * records a job placement, marks the person reintegrated and sees the figures of the list page change; a Front
 * officer sees only the files they help with, without the sentence summary; the programme, plan and steering
 * committee pages show the demo plans and meetings; a commune records its own programme implementing a directive
 * of the documents registry, and attaches the signed minutes to a committee meeting.
 */
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/server/db/client.js';
import { makeUser, TEST_PASSWORD } from '../helpers/users.js';
import { chooseOption, type E2e, screenshot, startE2e, typeDate } from './harness.js';

let e2e: E2e;
let baseUrl: string;
let context: BrowserContext;
let page: Page;

async function signIn(target: BrowserContext, username: string): Promise<void> {
  const response = await target.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password: TEST_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** The number a figure of the summary panel shows ("1" of "1 · 50%"). */
async function figure(key: string): Promise<number> {
  const card = page.getByTestId(`summary-${key}`);
  await card.locator('.ant-statistic-content-value').waitFor();
  const text = await card.locator('.ant-statistic-content-value').textContent();
  return Number((text ?? '').replace(/\./g, ''));
}

beforeAll(async () => {
  e2e = await startE2e();
  baseUrl = e2e.baseUrl;
  const [commune] = await queryRows<{ code: string }>(
    e2e.database.db,
    sql`select u.code from users a join units u on u.id = a.unit_id where a.username = 'congan.xa'`,
  );
  await makeUser(e2e.database.db, 'commune_officer', commune!.code, 'e2e.congan');
  await makeUser(e2e.database.db, 'province_staff', '48', 'e2e.tinh');
  const [front] = await queryRows<{ id: number }>(
    e2e.database.db,
    sql`select id from users where username = 'mttq.xa'`,
  );
  // The Front officer of the demo helps with two files; their own password is the demo one, so log in as a copy
  // linked to the same files.
  const helper = await makeUser(e2e.database.db, 'front_officer', commune!.code, 'e2e.mttq');
  await e2e.database.db.execute(
    sql`update reintegration_helpers set helper_user_id = ${helper.id} where helper_user_id = ${front!.id}`,
  );
}, 300_000);

afterAll(async () => {
  await context?.close();
  await e2e?.close();
});

describe('commune police', () => {
  beforeAll(async () => {
    context = await e2e.desktop();
    await signIn(context, 'e2e.congan');
    page = await context.newPage();
  });

  test('open a file, record a job placement, mark it reintegrated, see the figures change', async () => {
    await page.goto(`${baseUrl}/tai-hoa-nhap`);
    await page.getByRole('heading', { name: 'Tái hòa nhập cộng đồng' }).waitFor();
    await page.getByRole('link', { name: 'Trần Văn Mẫu' }).waitFor();
    const jobsBefore = await figure('job');
    const reintegratedBefore = await figure('reintegrated');
    await screenshot(page, 'reintegration-list');

    await page.getByRole('link', { name: 'Trần Văn Mẫu' }).click();
    await page.getByRole('heading', { name: 'Trần Văn Mẫu' }).waitFor();
    await page.getByText('Nội dung mẫu: 2 năm tù', { exact: false }).waitFor();
    await page.getByText('048000000001').waitFor();
    await screenshot(page, 'reintegration-detail');

    await page.getByRole('button', { name: 'Ghi nhận việc làm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận việc làm' });
    await dialog.getByText('Giới thiệu việc làm').waitFor();
    await screenshot(page, 'reintegration-job-dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Giới thiệu việc làm' }).waitFor();

    await page.getByRole('button', { name: 'Đánh dấu đã tái hòa nhập' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Lưu' }).click();
    await page.locator('.page-header').getByText('Đã tái hòa nhập').waitFor();
    await screenshot(page, 'reintegration-detail-after');
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa thông tin người được giúp đỡ' });
    await edit.getByRole('textbox', { name: 'Họ và tên' }).waitFor();
    await screenshot(page, 'reintegration-edit-dialog');
    await edit.getByRole('button', { name: 'Hủy' }).click();
    await edit.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.getByRole('link', { name: 'Trần Văn Mẫu' }).waitFor();
    await expect.poll(() => figure('job')).toBe(jobsBefore + 1);
    await expect.poll(() => figure('reintegrated')).toBe(reintegratedBefore + 1);
    await screenshot(page, 'reintegration-list-after');
  }, 120_000);

  test('a transferred-in file shows the history of the earlier commune; ended files keep theirs', async () => {
    await page.goto(`${baseUrl}/tai-hoa-nhap`);
    await page.getByRole('link', { name: 'Ngô Thị Giả Định' }).click();
    await page.getByText('Hồ sơ ở xã, phường trước', { exact: false }).waitFor();
    await screenshot(page, 'reintegration-transferred');
    await page.goto(`${baseUrl}/tai-hoa-nhap?trang-thai=da-ket-thuc`);
    await page.getByRole('link', { name: 'Phạm Văn Thử Nghiệm' }).waitFor();
    await screenshot(page, 'reintegration-ended');
  }, 60_000);

  test('programme, plan and steering committee pages', async () => {
    await page.goto(`${baseUrl}/chuong-trinh-phoi-hop`);
    await page.getByRole('link', { name: 'Chương trình phối hợp số 09' }).click();
    await page.getByText('Tiến độ theo năm của từng đơn vị').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'programme-detail');
    await page
      .getByRole('link', { name: /Kế hoạch thực hiện Chương trình phối hợp số 09/ })
      .first()
      .click();
    await page.getByRole('cell', { name: /Tuyên truyền, phổ biến/ }).waitFor();
    await screenshot(page, 'programme-plan');
    await page.goto(`${baseUrl}/ban-chi-dao`);
    await page.locator('.ant-table-row a').first().click();
    await page.getByText('Họp sơ kết 6 tháng đầu năm 2026 (mẫu)').waitFor();
    await screenshot(page, 'committee-detail');

    // The signed minutes, scanned, on the meeting.
    const meeting = page.locator('.meeting-card', { hasText: 'Họp sơ kết 6 tháng đầu năm 2026 (mẫu)' });
    await meeting.locator('.attachments input[type=file]').setInputFiles({
      name: 'bien-ban-hop-so-ket.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      ),
    });
    await meeting.getByText('bien-ban-hop-so-ket.pdf').waitFor();
    await screenshot(page, 'committee-meeting-minutes');
    await meeting.getByRole('button', { name: 'Hủy cuộc họp' }).click();
    await page.getByRole('dialog', { name: 'Hủy cuộc họp' }).getByLabel('Lý do hủy').waitFor();
    await screenshot(page, 'committee-meeting-cancel-dialog');
    await page
      .getByRole('dialog', { name: 'Hủy cuộc họp' })
      .getByRole('button', { name: 'Hủy', exact: true })
      .click();
  }, 60_000);

  test('a commune records its own programme implementing a directive of the registry', async () => {
    await page.goto(`${baseUrl}/chuong-trinh-phoi-hop`);
    await page.getByRole('button', { name: 'Ghi nhận chương trình' }).click();
    const drawer = page.getByRole('dialog', { name: 'Ghi nhận chương trình phối hợp' });
    await drawer.getByLabel('Số chương trình').fill('03/CTPH-CAX-MTTQ');
    await drawer
      .getByLabel('Tên chương trình')
      .fill('Chương trình phối hợp giữ gìn an ninh trật tự ở khu dân cư (kiểm thử)');
    await drawer.getByRole('textbox', { name: 'Bên thứ 1' }).fill('Công an xã');
    await drawer.getByRole('textbox', { name: 'Bên thứ 2' }).fill('Ủy ban MTTQ Việt Nam xã');
    await drawer.getByRole('textbox', { name: 'Tên giai đoạn' }).fill('Giai đoạn 2026–2030');
    await typeDate(drawer.getByPlaceholder('Từ ngày'), '01/01/2026');
    await typeDate(drawer.getByPlaceholder('Đến ngày'), '31/12/2030');
    await drawer.getByRole('button', { name: 'Thêm văn bản' }).click();
    await chooseOption(
      drawer.getByRole('combobox', { name: 'Tìm văn bản theo số hoặc trích yếu' }),
      'Chỉ thị 09-CT/TW',
      '09-CT',
    );
    await drawer.getByRole('button', { name: 'Thêm văn bản' }).click();
    await drawer
      .getByRole('textbox', { name: 'Hoặc số, ký hiệu văn bản ngoài danh mục' })
      .nth(1)
      .fill('Công văn 15/CV-UBND');
    await screenshot(page, 'programme-form');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: 'Chương trình phối hợp số 03/CTPH-CAX-MTTQ' }).waitFor();
    await page.getByRole('link', { name: 'Chỉ thị 09-CT/TW' }).waitFor();
    await page.getByText('Công văn 15/CV-UBND').waitFor();
    await screenshot(page, 'programme-created');
    await page.getByRole('button', { name: 'Sửa chương trình' }).click();
    await page
      .getByRole('dialog', { name: 'Sửa chương trình phối hợp số 03/CTPH-CAX-MTTQ' })
      .getByText('Chỉ thị 09-CT/TW', { exact: false })
      .waitFor();
    await screenshot(page, 'programme-edit');
  }, 60_000);
});

describe('Front officer and province', () => {
  test('the Front officer sees only the files they help with, never the sentence summary', async () => {
    const front = await e2e.desktop();
    await signIn(front, 'e2e.mttq');
    const frontPage = await front.newPage();
    await frontPage.goto(`${baseUrl}/tai-hoa-nhap`);
    await frontPage.getByRole('link', { name: 'Trần Văn Mẫu' }).waitFor();
    expect(await frontPage.getByRole('link', { name: 'Ngô Thị Giả Định' }).count()).toBe(0);
    await frontPage.getByRole('link', { name: 'Trần Văn Mẫu' }).click();
    await frontPage.getByText('Cán bộ Ủy ban MTTQ không xem tóm tắt bản án').waitFor();
    expect(await frontPage.getByText('Nội dung mẫu: 2 năm tù').count()).toBe(0);
    await screenshot(frontPage, 'reintegration-front-detail');
    await front.close();
  }, 60_000);

  test('province staff see the programme page with every commune', async () => {
    const province = await e2e.desktop();
    await signIn(province, 'e2e.tinh');
    const provincePage = await province.newPage();
    await provincePage.goto(`${baseUrl}/ban-chi-dao`);
    await provincePage.locator('.ant-table-row').first().waitFor();
    await screenshot(provincePage, 'committees-province');
    await provincePage.goto(`${baseUrl}/chuong-trinh-phoi-hop`);
    await provincePage.getByRole('link', { name: 'Chương trình phối hợp số 09' }).waitFor();
    await screenshot(provincePage, 'programmes-province');
    await province.close();
  }, 60_000);
});
