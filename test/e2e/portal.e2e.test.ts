/**
 * The citizen portal on a phone: an anonymous report with a photo (the proof of work solved in the browser), the
 * code and secret noted; the commune officer opens it in the inbox and answers; the reporter reads the answer with
 * the code and secret. The portal must not download the officers' app (Ant Design).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/server/db/client.js';
import { makeUser, TEST_PASSWORD } from '../helpers/users.js';
import { phoneVideo } from '../helpers/videos.js';
import { type E2e, measureScripts, screenshot, startE2e } from './harness.js';

let e2e: E2e;
const contexts: BrowserContext[] = [];

async function newPage(kind: 'desktop' | 'phone'): Promise<Page> {
  const context = kind === 'desktop' ? await e2e.desktop() : await e2e.phone();
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await e2e?.close();
});

async function signInAt(page: Page, username: string): Promise<void> {
  await page.goto(`${e2e.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Officers land on the overview (the dashboard) after signing in.
  await page.waitForURL(/\/tong-quan/);
}

describe('citizen portal', () => {
  test('send an anonymous report with a photo, a video and a point, the commune officer answers, the reporter reads the answer', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'antq-e2e-photo-'));
    const photo = path.join(folder, 'IMG_0042.jpg');
    writeFileSync(
      photo,
      await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 90, g: 140, b: 60 } } })
        .jpeg()
        .withExif({
          IFD0: { Make: 'HangDienThoai' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 4/1 12/1' },
        })
        .toBuffer(),
    );
    const video = path.join(folder, 'VID_0007.mp4');
    writeFileSync(video, phoneVideo());

    const phone = await newPage('phone');
    await phone.context().grantPermissions(['geolocation']);
    await phone.context().setGeolocation({ latitude: 16.0611, longitude: 108.2234 });
    const scripts = await measureScripts(phone, async () => {
      await phone.goto(`${e2e.baseUrl}/cong-dan`);
      await phone.getByRole('heading', { name: 'Bạn biết về một hành vi phạm tội?' }).waitFor();
    });
    expect(scripts.urls.some((url) => /antd|AppShell|ModuleMenu/.test(url))).toBe(false);
    expect(scripts.gzipBytes).toBeLessThan(120 * 1024);
    await screenshot(phone, 'portal-home-phone');

    await phone.getByRole('link', { name: 'Gửi tin báo, tố giác' }).click();
    await phone.getByLabel('Loại sự việc *').selectOption({ label: 'Ma túy' });
    await phone
      .getByLabel('Sự việc đã xảy ra *')
      .fill('Tối nào cũng có nhóm người tụ tập sử dụng ma túy ở nhà hoang cuối hẻm.');
    await phone.getByLabel('Tỉnh, thành phố *').selectOption('48');
    const commune = phone.getByLabel('Xã, phường, đặc khu *');
    await expect.poll(async () => commune.locator('option').count()).toBeGreaterThan(2);
    const communeCode = await commune.getByText('Phường Hải Châu').getAttribute('value');
    await commune.selectOption(communeCode!);
    await phone.getByLabel('Địa điểm cụ thể').fill('Nhà hoang cuối hẻm 12');
    await phone.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
    await expect.poll(async () => phone.getByTestId('chosen-point').textContent()).toContain('16,0611');
    await phone.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
    const map = phone.getByRole('img', { name: /Bản đồ xã, phường/ });
    await map.waitFor();
    await map.click({ position: { x: 120, y: 90 } });
    await expect.poll(async () => phone.getByTestId('chosen-point').textContent()).not.toContain('16,0611');
    await phone.getByLabel(/^Ảnh, video/).setInputFiles([photo, video]);
    await map.scrollIntoViewIfNeeded();
    await screenshot(phone, 'portal-send-form-phone');
    await phone.getByRole('button', { name: 'Gửi tin báo' }).click();
    await phone.getByTestId('tracking-code').waitFor({ timeout: 60_000 });
    const code = (await phone.getByTestId('tracking-code').textContent())?.trim() ?? '';
    const secret = (await phone.getByTestId('tracking-secret').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await screenshot(phone, 'portal-sent-phone');

    const [report] = await queryRows<{ id: number; files: number }>(
      e2e.database.db,
      sql`select r.id, (select count(*)::int from crime_report_files f where f.report_id = r.id) as files from crime_reports r where r.code = ${code}`,
    );
    expect(report!.files).toBe(2);

    const officerUser = await makeUser(e2e.database.db, 'commune_officer', communeCode!);
    const desk = await newPage('desktop');
    await signInAt(desk, officerUser.username);
    await desk.goto(`${e2e.baseUrl}/to-giac`);
    await desk.getByRole('link', { name: code }).click();
    await desk.getByText('Tối nào cũng có nhóm người tụ tập').waitFor();
    await desk.getByText('IMG_0042.jpg').waitFor();
    await desk.getByText('VID_0007.mp4').waitFor();
    await desk.getByTestId('report-location').getByRole('img').waitFor();
    await screenshot(desk, 'inbox-detail-desktop');
    await desk
      .getByPlaceholder('Tin nhắn cho người gửi')
      .fill('Công an xã đã tiếp nhận, đang xác minh. Cảm ơn bạn đã báo tin.');
    await desk.getByRole('button', { name: 'Gửi cho người gửi tin' }).click();
    await desk.getByText('Công an xã đã tiếp nhận, đang xác minh.').first().waitFor();
    await desk.goto(`${e2e.baseUrl}/to-giac`);
    await desk.getByRole('link', { name: code }).waitFor();
    await screenshot(desk, 'inbox-list-desktop');

    await phone.goto(`${e2e.baseUrl}/cong-dan/tra-cuu`);
    await phone.getByLabel('Mã theo dõi').fill(code.toLowerCase());
    await phone.getByLabel('Mã bí mật').fill(secret);
    await phone.getByRole('button', { name: 'Xem tin báo' }).click();
    await phone.getByText('Công an xã đã tiếp nhận, đang xác minh. Cảm ơn bạn đã báo tin.').waitFor();
    expect(await phone.getByText(officerUser.fullName).count()).toBe(0);
    await screenshot(phone, 'portal-follow-phone');
  });

  test('an officer writes a post, previews and publishes it, and it appears on the portal', async () => {
    const [commune] = await queryRows<{ code: string }>(
      e2e.database.db,
      sql`select code from units where kind = 'commune' and province_code = '48' and valid_to is null order by code limit 1`,
    );
    const officer = await makeUser(e2e.database.db, 'commune_officer', commune!.code);
    const desk = await newPage('desktop');
    await signInAt(desk, officer.username);
    await desk.getByRole('menuitem', { name: 'Cổng thông tin công dân' }).click();
    await desk.getByRole('link', { name: 'Tin bài trên cổng' }).click();
    await desk.getByRole('button', { name: 'Viết bài' }).click();
    await desk.getByText('Tuyên truyền pháp luật', { exact: true }).click();
    await desk
      .getByLabel('Tiêu đề', { exact: true })
      .fill('Tố giác tội phạm qua cổng thông tin: an toàn, bí mật');
    const body = desk.getByLabel('Nội dung', { exact: true });
    await body.fill('Người tố giác được giữ bí mật theo Điều 486.\n');
    await desk.getByRole('button', { name: 'Gạch đầu dòng' }).click();
    await body.press('End');
    await body.pressSequentially('Không cần để lại tên');
    await desk.getByRole('tab', { name: 'Xem trước' }).click();
    await desk.getByTestId('post-preview').getByRole('listitem').getByText('Không cần để lại tên').waitFor();
    await screenshot(desk, 'portal-post-editor-desktop');
    await desk.getByRole('button', { name: 'Đăng lên cổng' }).click();
    await desk.getByText('Đã đăng', { exact: true }).waitFor();
    await desk.goto(`${e2e.baseUrl}/cong-thong-tin/bai-viet`);
    await desk.getByRole('link', { name: /Tố giác tội phạm qua cổng thông tin/ }).waitFor();
    await screenshot(desk, 'portal-posts-desktop');

    const phone = await newPage('phone');
    await phone.goto(`${e2e.baseUrl}/cong-dan`);
    await phone.getByRole('link', { name: /Tố giác tội phạm qua cổng thông tin/ }).click();
    await phone.getByText('Không cần để lại tên').waitFor();
    await screenshot(phone, 'portal-post-phone');

    // Public figures: the report of the first journey is there, as a count hidden below 5.
    await phone.goto(`${e2e.baseUrl}/cong-dan/so-lieu`);
    await phone.getByLabel('Tỉnh, thành phố').selectOption('48');
    await phone.getByRole('rowheader', { name: 'Ma túy' }).waitFor();
    expect(await phone.getByRole('cell', { name: '<5' }).count()).toBeGreaterThan(0);
    await screenshot(phone, 'portal-statistics-phone');

    // A resident's feedback through the portal reaches the officers' page for it, who record the outcome.
    await phone.getByRole('link', { name: 'Phản ánh' }).click();
    await phone.getByLabel('Lĩnh vực *').selectOption({ label: 'Giao thông' });
    await phone.getByLabel('Tỉnh, thành phố *').selectOption('48');
    const place = phone.getByLabel('Xã, phường, đặc khu *');
    await expect.poll(async () => place.locator('option').count()).toBeGreaterThan(2);
    await place.selectOption(commune!.code);
    await phone.getByLabel('Nội dung *').fill('Đèn tín hiệu ở ngã tư trước chợ hỏng đã một tuần.');
    await phone.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await phone.getByText('Cảm ơn bạn.', { exact: false }).waitFor({ timeout: 60_000 });
    await desk.goto(`${e2e.baseUrl}/cong-thong-tin/phan-anh`);
    await desk.getByText('Đèn tín hiệu ở ngã tư trước chợ hỏng').first().waitFor();
    await desk.getByRole('button', { name: 'Ghi kết quả xử lý' }).click();
    await desk
      .getByLabel('Kết quả xử lý', { exact: true })
      .fill('Đã báo đơn vị quản lý đèn tín hiệu sửa chữa.');
    await desk.getByRole('button', { name: 'Lưu kết quả' }).click();
    await desk.locator('.ant-segmented').getByText('Đã xử lý', { exact: true }).click();
    await desk.getByText('Đèn tín hiệu ở ngã tư trước chợ hỏng').first().click();
    await desk.getByText('Đã báo đơn vị quản lý đèn tín hiệu sửa chữa.').first().waitFor();
    await screenshot(desk, 'portal-feedback-desktop');
  });
});
