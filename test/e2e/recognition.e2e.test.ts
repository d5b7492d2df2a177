/**
 * The yearly safety standard in a real browser, on the demo data: the demo village head self-assesses criterion by
 * criterion with evidence and a meeting record and submits; the commune police return one criterion with a comment;
 * the village fixes it and submits again; the commune recognises it and the certificate is offered. Then the
 * province's summary with its map, the criteria sets, the cycles and levels admin pages and the classification pages
 * are opened and photographed. The village also uploads a scanned document as evidence for a criterion.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/bootstrap/demo.js';
import { type E2e, screenshot, startE2e } from './harness.js';

let e2e: E2e;
let baseUrl: string;
let villageContext: BrowserContext;
let communeContext: BrowserContext;
let village: Page;
let commune: Page;
let recordUrl: string;

async function signIn(target: BrowserContext, username: string): Promise<void> {
  const response = await target.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
}

const criterion = (page: Page, code: string) => page.locator(`section[data-criterion="${code}"]`);

async function waitForStatus(page: Page, text: string): Promise<void> {
  await page.locator('.page-header .ant-tag', { hasText: text }).waitFor();
}

beforeAll(async () => {
  e2e = await startE2e();
  baseUrl = e2e.baseUrl;
  villageContext = await e2e.desktop();
  communeContext = await e2e.desktop();
  await signIn(villageContext, 'truong.thon');
  await signIn(communeContext, 'congan.xa');
  village = await villageContext.newPage();
  commune = await communeContext.newPage();
}, 300_000);

afterAll(async () => {
  await villageContext?.close();
  await communeContext?.close();
  await e2e?.close();
});

describe('safety standard journey', () => {
  test('the village head opens their record from the list', async () => {
    await village.goto(`${baseUrl}/an-toan-antt`);
    await village
      .getByRole('heading', { level: 1, name: 'Tiêu chuẩn "An toàn về an ninh, trật tự"' })
      .waitFor();
    const row = village.getByRole('row', { name: /Đang tự đánh giá/ });
    await row.waitFor();
    await screenshot(village, 'recognition-1-village-list');
    await row.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await criterion(village, '1').waitFor();
    recordUrl = village.url();
    expect(recordUrl).toMatch(/\/an-toan-antt\/ho-so\/\d+$/);
  });

  test('the village self-assesses every criterion with evidence and a meeting record, then submits', async () => {
    await criterion(village, '1').getByRole('spinbutton').fill('100');
    for (const code of ['2', '4', '5']) {
      await criterion(village, code).getByRole('radio', { name: 'Đạt', exact: true }).check();
    }
    await criterion(village, '3')
      .getByRole('checkbox', { name: /Không để xảy ra vụ việc nào/ })
      .check();
    await village.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await criterion(village, '1').locator('.ant-tag', { hasText: 'Đạt' }).waitFor();

    for (const code of ['1', '4', '5']) {
      const box = criterion(village, code).getByRole('textbox', { name: `Thêm minh chứng tiêu chí ${code}` });
      await box.fill(`Biên bản kiểm tra tiêu chí ${code} ngày 05/10`);
      await criterion(village, code).getByRole('button', { name: 'Thêm minh chứng' }).click();
      await criterion(village, code)
        .locator('.ant-tag', { hasText: `Biên bản kiểm tra tiêu chí ${code}` })
        .waitFor();
    }

    // A scanned document as evidence: stored through the attachments module, shown as a download on the criterion.
    await criterion(village, '5')
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'bien-ban-binh-xet-to-an-ninh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(
          '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
        ),
      });
    await criterion(village, '5')
      .getByRole('link', { name: 'Tải bien-ban-binh-xet-to-an-ninh.pdf' })
      .waitFor();
    await village
      .locator('.ant-card', { hasText: 'Tệp của hồ sơ' })
      .getByText('bien-ban-binh-xet-to-an-ninh.pdf')
      .waitFor();

    await village.getByLabel('Ngày họp').click();
    await village.getByLabel('Ngày họp').fill('20/10/2026');
    await village.getByLabel('Ngày họp').press('Enter');
    await village.getByLabel('Người chủ trì').fill('Hoàng Văn Thôn');
    await village.getByLabel('Số người dự').fill('42');
    await village
      .getByLabel('Nội dung, kết luận')
      .fill('Hội nghị thống nhất tự đánh giá đạt 5/5 tiêu chí, đề nghị xã công nhận.');
    await village.getByRole('button', { name: 'Lưu', exact: true }).click();
    await village.getByText('Đã lưu').first().waitFor();
    await screenshot(village, 'recognition-2-village-self-assessed');
    await village.getByRole('button', { name: 'Gửi hồ sơ lên cấp xét' }).click();
    await waitForStatus(village, 'Chờ xét');
  });

  test('the commune returns one criterion with a comment', async () => {
    await commune.goto(recordUrl);
    await waitForStatus(commune, 'Chờ xét');
    await commune
      .getByRole('textbox', { name: 'Ý kiến trả lại tiêu chí này 2' })
      .fill('Chưa có hương ước được Ủy ban nhân dân xã phê duyệt');
    await screenshot(commune, 'recognition-3-commune-review');
    await commune.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await waitForStatus(commune, 'Bị trả lại');
  });

  test('the village sees the comment on that criterion, fixes it and submits again', async () => {
    await village.reload();
    await waitForStatus(village, 'Bị trả lại');
    const returned = criterion(village, '2');
    await returned.getByText(/Chưa có hương ước được Ủy ban nhân dân xã phê duyệt/).waitFor();
    await expect.poll(() => returned.getAttribute('class')).toContain('recognition-criterion--returned');
    await screenshot(village, 'recognition-4-village-returned');
    await returned
      .getByRole('textbox', { name: 'Ghi chú, giải trình tiêu chí 2' })
      .fill('Hương ước được phê duyệt theo Quyết định số 45/QĐ-UBND ngày 10/3');
    await village.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await village.getByText('Đã lưu').first().waitFor();
    await village.getByRole('button', { name: 'Gửi hồ sơ lên cấp xét' }).click();
    await waitForStatus(village, 'Chờ xét');
  });

  test('the commune recognises it and the certificate is offered', async () => {
    await commune.reload();
    await waitForStatus(commune, 'Chờ xét');
    await commune.getByLabel('Số quyết định').fill('215/QĐ-UBND');
    await commune.getByLabel('Người ký', { exact: true }).fill('Trần Văn Chủ Tịch');
    await commune.getByRole('button', { name: 'Quyết định', exact: true }).click();
    await waitForStatus(commune, 'Được công nhận');
    const download = commune.getByRole('button', { name: 'Tải giấy công nhận (.docx)' });
    await download.waitFor();
    await screenshot(commune, 'recognition-5-commune-recognised');
    const response = await commune.request.get(
      `${recordUrl.replace('/an-toan-antt/ho-so/', '/api/recognition/records/')}/certificate`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('wordprocessingml');
  });
});

describe('the other pages', () => {
  test('the commune list, the summary with its numbers, the criteria sets and the classification', async () => {
    await commune.goto(`${baseUrl}/an-toan-antt?tinh-trang=not_registered`);
    await commune
      .getByRole('row', { name: /Chưa đăng ký/ })
      .first()
      .waitFor();
    await screenshot(commune, 'recognition-6-not-registered');
    await commune.goto(`${baseUrl}/an-toan-antt?xem=tong-hop`);
    await commune.getByRole('columnheader', { name: 'Tỷ lệ công nhận' }).waitFor();
    await screenshot(commune, 'recognition-7-commune-summary');

    const province = await e2e.desktop();
    await signIn(province, 'canbo.tinh');
    const page = await province.newPage();
    await page.goto(`${baseUrl}/an-toan-antt?xem=tong-hop`);
    await page.getByRole('columnheader', { name: 'Tỷ lệ công nhận' }).waitFor();
    await page.locator('.recognition-map canvas').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'recognition-8-province-summary-map');
    await page.goto(`${baseUrl}/an-toan-antt/bo-tieu-chi`);
    await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí' }).waitFor();
    await page.getByText('Đã khóa (đã dùng)').first().waitFor();
    await screenshot(page, 'recognition-9-criteria-sets');
    await page.goto(`${baseUrl}/an-toan-antt/ky-danh-gia`);
    await page.getByRole('heading', { level: 1, name: 'Kỳ đánh giá và thời hạn' }).waitFor();
    await page.getByRole('button', { name: 'Sửa Khu dân cư' }).click();
    await page.locator('.ant-modal').getByText('Cấp xét công nhận').waitFor();
    // The photograph waits for the modal's opening animation to end.
    await page.locator('.ant-modal').evaluate((modal) => {
      const animated = modal as unknown as {
        getAnimations(options: { subtree: boolean }): Array<{ finished: Promise<unknown> }>;
      };
      return Promise.all(animated.getAnimations({ subtree: true }).map((item) => item.finished));
    });
    await screenshot(page, 'recognition-11-cycle-edit');
    await page.locator('.ant-modal').getByRole('button', { name: 'Hủy' }).click();
    await page.goto(`${baseUrl}/phan-loai-phong-trao/muc-xep-loai`);
    await page.getByRole('heading', { level: 1, name: 'Mức xếp loại và phiếu chấm điểm' }).waitFor();
    await page.getByRole('cell', { name: 'Đang áp dụng' }).first().waitFor();
    await screenshot(page, 'recognition-12-levels');
    await page.goto(`${baseUrl}/phan-loai-phong-trao`);
    await page.getByRole('heading', { level: 1, name: 'Phân loại phong trào' }).waitFor();
    await page.getByRole('cell', { name: 'Đã duyệt' }).first().waitFor();
    await page
      .getByRole('cell', { name: 'Đã duyệt' })
      .first()
      .locator('xpath=..')
      .getByRole('button')
      .first()
      .click();
    await page.locator('.ant-drawer').getByText('Tổng điểm').waitFor();
    await screenshot(page, 'recognition-10-classification');
    await province.close();
  });
});
