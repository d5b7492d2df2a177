/**
 * The public side of crime reports on a real database: sending with proof of work and an idempotency key,
 * encryption at rest, following with code and secret, throttling of wrong secrets, and the reporter reading
 * the officer's answer without learning who wrote it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { multipart } from '../../../../test/helpers/registries.js';
import {
  currentCommunes,
  postReport,
  reportBody,
  sendReport,
  solvedChallenge,
} from '../../../../test/helpers/reports.js';
import { makeSignedInUser } from '../../../../test/helpers/users.js';
import { phoneVideo, VIDEO_GPS } from '../../../../test/helpers/videos.js';
import type { ReportDetail } from '../../../contracts/crime-reports.js';
import type { PublicReportView } from '../../../contracts/portal.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let commune: { id: number; code: string };
const filesDir = mkdtempSync(path.join(tmpdir(), 'antq-report-files-'));

beforeAll(async () => {
  ({ app, database, close } = await createTestApp({
    filesDir,
    powDifficulty: 6,
    publicSubmitsPerHour: 10_000,
    lookupMaxFailures: 10,
  }));
  [commune] = (await currentCommunes(database.db, '48', 1)) as [{ id: number; code: string }];
});
afterAll(async () => {
  await close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('sending a report', () => {
  it('answers 201 with a tracking code and a secret, and routes it to the commune of today', async () => {
    const response = await postReport(app, reportBody(commune.code));
    expect(response.statusCode).toBe(201);
    const body = response.json() as { code: string; secret: string };
    expect(body.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(body.secret).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/);
    const [row] = await queryRows<{ unitId: number; status: string; anonymous: boolean }>(
      database.db,
      sql`select unit_id as "unitId", status, anonymous from crime_reports where code = ${body.code}`,
    );
    expect(row).toEqual({ unitId: commune.id, status: 'received', anonymous: true });
  });

  it('a retry with the same Idempotency-Key answers the same code and secret and stores one report', async () => {
    const key = randomUUID();
    const body = reportBody(commune.code, { description: `Đánh bạc ăn tiền tại quán nước đầu ngõ ${key}` });
    const first = await postReport(app, body, { key });
    const second = await postReport(app, body, { key });
    const third = await postReport(app, body, { key, challenge: false });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(third.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(third.json()).toEqual(first.json());
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from crime_reports r join crime_report_submissions s on s.report_id = r.id
          where r.code = ${(first.json() as { code: string }).code}`,
    );
    expect(count!.n).toBe(1);
  });

  it('concurrent retries with one key still make one report', async () => {
    const key = randomUUID();
    const body = reportBody(commune.code, { description: `Trộm xe máy trước chợ, lần gửi song song ${key}` });
    const challenge = await solvedChallenge(app);
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/public/reports',
        headers: { 'idempotency-key': key },
        payload: { ...body, challenge },
      });
    const answers = await Promise.all([send(), send(), send()]);
    const created = answers
      .filter((answer) => answer.statusCode === 201)
      .map((answer) => answer.json() as { code: string });
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.code)).size).toBe(1);
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from crime_report_submissions where report_id = (select id from crime_reports where code = ${created[0]!.code})`,
    );
    expect(count!.n).toBe(1);
  });

  it('the same key with a different body is refused with 409', async () => {
    const key = randomUUID();
    expect((await postReport(app, reportBody(commune.code), { key })).statusCode).toBe(201);
    const other = await postReport(app, reportBody(commune.code, { category: 'theft' }), { key });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ field: 'Idempotency-Key' });
  });

  it('refuses without a solved challenge, and a challenge solves one report only', async () => {
    const missing = await postReport(app, reportBody(commune.code), { challenge: false });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'challenge.missing', field: 'challenge' });
    const challenge = await solvedChallenge(app);
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/public/reports',
        headers: { 'idempotency-key': randomUUID() },
        payload: { ...reportBody(commune.code), challenge },
      });
    expect((await send()).statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'challenge.spent', field: 'challenge' });
    const forged = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: {
        ...reportBody(commune.code),
        challenge: { token: `${challenge!.token.slice(0, -3)}abc`, nonce: challenge!.nonce },
      },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ field: 'challenge' });
  });

  it('answers 400 in Vietnamese naming the field at fault', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ category: 'khong-co' }, 'category'],
      [{ communeCode: '99999' }, 'communeCode'],
      [{ description: 'ngắn' }, 'description'],
      [{ contact: { phone: '0905123456' } }, 'consentContact'],
      [{ lat: 16.05 }, 'lng'],
      [{ occurredAt: '2999-01-01' }, 'occurredAt'],
    ];
    for (const [change, field] of cases) {
      const response = await postReport(app, { ...reportBody(commune.code), ...change } as never);
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      const body = response.json() as { field: string; message: string };
      expect(body.field).toBe(field);
      expect(body.message).toMatch(/[ạảãáàâăđêôơư]/i);
    }
  });

  it('keeps no readable text, place, persons or contact in the table, and no address or user agent', async () => {
    const marker = `Nguyễn Văn Tố ${randomUUID().slice(0, 8)}`;
    const created = await sendReport(
      app,
      database.db,
      reportBody(commune.code, {
        description: `Đối tượng ${marker} bán ma túy`,
        place: `Số 7 đường ${marker}`,
        involved: `Xe máy biển số 43A-${marker}`,
        lat: 16.06,
        lng: 108.2,
        contact: { name: marker, phone: '0905 111 222', email: 'to.giac@example.vn' },
        consentContact: true,
      }),
    );
    const rows = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from crime_reports where id = ${created.id}`,
    );
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(marker);
    expect(stored).not.toContain('0905');
    expect(stored).not.toContain('to.giac@example.vn');
    expect(stored).not.toContain('108.2');
    expect(stored).not.toContain('127.0.0.1');
    expect(Object.keys(rows[0]!).filter((column) => /(^|_)(ip|address|agent)(_|$)/i.test(column))).toEqual(
      [],
    );
    const audit = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from audit_events where entity_type = 'crime_report' and entity_id = ${String(created.id)}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.client_ip).toBeNull();
    expect(JSON.stringify(audit)).not.toContain(marker);
  });
});

describe('following a report', () => {
  const follow = (code: string, secret: string, ip = '203.0.113.5') =>
    app.inject({
      method: 'GET',
      url: `/api/public/reports/${code}`,
      headers: { 'x-report-secret': secret },
      remoteAddress: ip,
    });

  it('the reporter reads the officer’s answer without the officer’s name or internal notes, and replies', async () => {
    const created = await sendReport(app, database.db, reportBody(commune.code));
    const officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
    expect(
      (
        await officer.request('POST', `/api/reports/${created.id}/notes`, {
          body: 'Ghi chú nội bộ: xác minh lúc 21 giờ',
        })
      ).statusCode,
    ).toBe(200);
    const answer = await officer.request('POST', `/api/reports/${created.id}/messages`, {
      body: 'Cảm ơn bạn, công an xã đã tiếp nhận và đang xác minh.',
    });
    expect(answer.statusCode).toBe(200);
    const view = await follow(created.code.toLowerCase().replace('-', ''), created.secret.toLowerCase());
    expect(view.statusCode).toBe(200);
    const body = view.json() as PublicReportView;
    expect(body.status).toBe('received');
    expect(body.messages).toEqual([
      expect.objectContaining({
        from: 'officer',
        body: 'Cảm ơn bạn, công an xã đã tiếp nhận và đang xác minh.',
      }),
    ]);
    expect(view.body).not.toContain('Người kiểm thử');
    expect(view.body).not.toContain('Ghi chú nội bộ');
    const reply = await app.inject({
      method: 'POST',
      url: `/api/public/reports/${created.code}/messages`,
      headers: { 'x-report-secret': created.secret },
      payload: { body: 'Tối nay họ lại tụ tập.' },
    });
    expect(reply.statusCode).toBe(201);
    expect((reply.json() as PublicReportView).messages.map((message) => message.from)).toEqual([
      'officer',
      'reporter',
    ]);
  });

  it('a wrong secret never says which half is wrong, and 20 wrong secrets are throttled', async () => {
    const created = await sendReport(app, database.db, reportBody(commune.code));
    const wrongSecret = await follow(created.code, 'AAAA-BBBB-CCCC-DDDD', '198.51.100.1');
    const unknownCode = await follow('ZZZZZ-ZZZZZ', created.secret, '198.51.100.2');
    expect(wrongSecret.statusCode).toBe(404);
    expect(unknownCode.statusCode).toBe(404);
    expect(wrongSecret.json()).toMatchObject({ code: 'reports.lookup_failed' });
    expect((wrongSecret.json() as { message: string }).message).toBe(
      (unknownCode.json() as { message: string }).message,
    );

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      // Each from its own address: the per-report limit must hold against many addresses too.
      statuses.push(
        (
          await follow(
            created.code,
            `AAAA-BBBB-CCCC-${String(attempt).padStart(4, '0')}`,
            `192.0.2.${attempt + 10}`,
          )
        ).statusCode,
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(-5).every((status) => status === 429)).toBe(true);
    const locked = await follow(created.code, created.secret, '192.0.2.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'reports.lookup_throttled' });

    const guesses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      guesses.push(
        (await follow(`ZZZZZ-${String(attempt).padStart(5, '0')}`, created.secret, '198.51.100.77'))
          .statusCode,
      );
    }
    expect(guesses.slice(-5).every((status) => status === 429)).toBe(true);
  });
});

describe('public statistics', () => {
  it('suppress any count below 5', async () => {
    const [other] = await currentCommunes(database.db, '01', 1);
    for (let index = 0; index < 5; index++)
      await sendReport(app, database.db, reportBody(other!.code, { category: 'fraud' }));
    await sendReport(app, database.db, reportBody(other!.code, { category: 'weapons' }));
    const year = new Date().getUTCFullYear();
    const response = await app.inject({
      method: 'GET',
      url: `/api/public/statistics?year=${year}&province=01`,
    });
    expect(response.statusCode).toBe(200);
    const cells = (
      response.json() as { cells: Array<{ category: string; count: number | null; suppressed: boolean }> }
    ).cells;
    expect(cells.find((cell) => cell.category === 'fraud')).toMatchObject({ count: 5, suppressed: false });
    expect(cells.find((cell) => cell.category === 'weapons')).toMatchObject({
      count: null,
      suppressed: true,
    });
  });
});

describe('photos from the reporter', () => {
  /** A photo as a phone takes it: camera make and model, and the GPS position where it was taken. */
  async function phonePhoto(): Promise<Buffer> {
    return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 200 } } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'HangDienThoai', Model: 'May Anh 12' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '16/1 4/1 12/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '108/1 13/1 5/1',
        },
      })
      .toBuffer();
  }

  it('a JPEG with GPS and camera EXIF is stored without them, encrypted, and the original is not kept', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const created = await sendReport(app, database.db, reportBody(commune.code));
    const form = multipart(photo, 'IMG_20251001_nha_hang_xom.jpg');
    const uploaded = await app.inject({
      method: 'POST',
      url: `/api/public/reports/${created.code}/files`,
      payload: form.payload,
      headers: { ...form.headers, 'x-report-secret': created.secret },
    });
    expect(uploaded.statusCode).toBe(201);
    expect((uploaded.json() as PublicReportView).files).toEqual([
      expect.objectContaining({ name: 'IMG_20251001_nha_hang_xom.jpg' }),
    ]);

    const officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
    const detail = (await officer.request('GET', `/api/reports/${created.id}`)).json() as ReportDetail;
    const served = await officer.request('GET', `/api/reports/${created.id}/files/${detail.files[0]!.id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.width).toBe(64);
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('HangDienThoai'))).toBe(false);

    // On disk: one file only (no original), and not a readable JPEG.
    const stored = readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(stored).toHaveLength(1);
    const bytes = readFileSync(path.join(stored[0]!.parentPath, stored[0]!.name));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(bytes.includes(Buffer.from('HangDienThoai'))).toBe(false);
    const [row] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from crime_report_files where report_id = ${created.id}`,
    );
    expect(JSON.stringify(row)).not.toContain('nha_hang_xom');
  });

  it('refuses a document disguised as a photo, naming the field', async () => {
    const created = await sendReport(app, database.db, reportBody(commune.code));
    const form = multipart(Buffer.from('%PDF-1.4\n%%EOF\n'), 'anh.jpg');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/public/reports/${created.code}/files`,
      payload: form.payload,
      headers: { ...form.headers, 'x-report-secret': created.secret },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'file' });
  });

  it('a phone video is accepted with its GPS position and camera blanked; the officer gets it as video', async () => {
    const created = await sendReport(app, database.db, reportBody(commune.code));
    const form = multipart(phoneVideo('qt  '), 'IMG_0042.MOV');
    const uploaded = await app.inject({
      method: 'POST',
      url: `/api/public/reports/${created.code}/files`,
      payload: form.payload,
      headers: { ...form.headers, 'x-report-secret': created.secret },
    });
    expect(uploaded.statusCode).toBe(201);
    const officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
    const detail = (await officer.request('GET', `/api/reports/${created.id}`)).json() as ReportDetail;
    expect(detail.files).toEqual([
      expect.objectContaining({ contentType: 'video/quicktime', name: 'IMG_0042.MOV' }),
    ]);
    const served = await officer.request('GET', `/api/reports/${created.id}/files/${detail.files[0]!.id}`);
    expect(served.headers['content-type']).toBe('video/quicktime');
    expect(served.rawPayload.includes(Buffer.from(VIDEO_GPS))).toBe(false);
  });
});
