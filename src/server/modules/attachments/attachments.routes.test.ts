/**
 * Attachments through the API: a photo of a festival day uploaded to an activity comes back without its GPS
 * position, a file whose extension lies is refused, a user outside the record's scope (or without the right to read
 * the kind of record) gets 404 for the file, ids are random, and every change is in the audit trail.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { ActivityDetail, ActivityKind } from '../../../contracts/activities.js';
import type { Attachment, AttachmentList } from '../../../contracts/attachments.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let officer: SignedIn;
let outsider: SignedIn;
let provinceStaff: SignedIn;
let viewer: SignedIn;
let activityId = 0;

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '16/1 3/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 12/1 0/1',
      },
    })
    .toBuffer();
}

function multipartBody(file: Buffer, fileName: string, contentType: string) {
  const boundary = `----antq${randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function uploadFile(user: SignedIn, url: string, file: Buffer, fileName: string, contentType = 'image/jpeg') {
  const body = multipartBody(file, fileName, contentType);
  return app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: user.cookie, 'x-csrf-token': user.csrfToken },
  });
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const commune = await findMergedCommune(database.db, '48', 3);
  const village = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
  officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
  provinceStaff = await makeSignedInUser(app, database.db, 'province_staff', '48');
  viewer = await makeSignedInUser(app, database.db, 'viewer', '48');
  outsider = await makeSignedInUser(
    app,
    database.db,
    'commune_officer',
    (await findMergedCommune(database.db, '01')).code,
  );
  const kinds = (await officer.request('GET', '/api/activities/kinds')).json() as { items: ActivityKind[] };
  const created = await officer.request('POST', '/api/activities', {
    kindId: kinds.items.find((kind) => kind.code === 'festival_day')!.id,
    title: 'Ngày hội có ảnh',
    unitId: village.id,
    startsOn: '2025-08-19',
    participants: 300,
    festival: { ceremonyHeld: true, festivalHeld: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  activityId = (created.json() as ActivityDetail).id;
});
afterAll(() => close());

describe('attachments', () => {
  it('stores a festival-day photo and gives it back without its GPS EXIF', async () => {
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await uploadFile(
      officer,
      `/api/attachments?entityType=activity&entityId=${activityId}&caption=Ph%E1%BA%A7n%20l%E1%BB%85`,
      photo,
      'phần lễ.jpg',
    );
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json() as Attachment;
    expect(attachment.id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(attachment.url).toBe(`/api/attachments/${attachment.id}`);
    expect(attachment).toMatchObject({
      contentType: 'image/jpeg',
      image: true,
      caption: 'Phần lễ',
      fileName: 'phần lễ.jpg',
    });

    const download = await officer.request('GET', attachment.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['cache-control']).toContain('no-store');
    const served = download.rawPayload;
    expect((await sharp(served).metadata()).exif).toBeUndefined();
    expect(served.includes(Buffer.from('PhoneMaker'))).toBe(false);

    const detail = (await officer.request('GET', `/api/activities/${activityId}`)).json() as ActivityDetail;
    expect(detail.attachments.map((item) => item.id)).toContain(attachment.id);
    expect(detail.history.some((event) => event.action === 'attachment.added')).toBe(true);
    // Someone above in the same province sees it too.
    expect((await provinceStaff.request('GET', attachment.url)).statusCode).toBe(200);
  });

  it('refuses a file whose extension lies about its type', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    const response = await uploadFile(
      officer,
      `/api/attachments?entityType=activity&entityId=${activityId}`,
      pdf,
      'anh.jpg',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'file.extension_mismatch', field: 'file' });
    const list = (
      await officer.request('GET', `/api/attachments?entityType=activity&entityId=${activityId}`)
    ).json() as AttachmentList;
    expect(list.items.every((item) => item.fileName !== 'anh.jpg')).toBe(true);
  });

  it('answers 404 for the file to a user outside the record scope or without the right to read it', async () => {
    const uploaded = (
      await uploadFile(
        officer,
        `/api/attachments?entityType=activity&entityId=${activityId}`,
        await photoWithGps(),
        'a.jpg',
      )
    ).json() as Attachment;
    expect((await outsider.request('GET', uploaded.url)).statusCode).toBe(404);
    expect((await viewer.request('GET', uploaded.url)).statusCode).toBe(404);
    expect(
      (await outsider.request('GET', `/api/attachments?entityType=activity&entityId=${activityId}`))
        .statusCode,
    ).toBe(404);
    expect((await outsider.request('DELETE', uploaded.url)).statusCode).toBe(404);
    const upload = await uploadFile(
      outsider,
      `/api/attachments?entityType=activity&entityId=${activityId}`,
      await photoWithGps(),
      'b.jpg',
    );
    expect(upload.statusCode).toBe(404);
    // A guessed id is just as absent.
    expect((await officer.request('GET', `/api/attachments/${'A'.repeat(32)}`)).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/attachments/1')).statusCode).toBe(400);
  });

  it('deletes a file: gone from the list and the download, recorded in the trail', async () => {
    const uploaded = (
      await uploadFile(
        officer,
        `/api/attachments?entityType=activity&entityId=${activityId}`,
        await photoWithGps(),
        'c.jpg',
      )
    ).json() as Attachment;
    expect((await officer.request('DELETE', uploaded.url)).statusCode).toBe(204);
    expect((await officer.request('GET', uploaded.url)).statusCode).toBe(404);
    const detail = (await officer.request('GET', `/api/activities/${activityId}`)).json() as ActivityDetail;
    expect(detail.history.some((event) => event.action === 'attachment.removed')).toBe(true);
  });

  it('goes with its record when the record is deleted', async () => {
    const kinds = (await officer.request('GET', '/api/activities/kinds')).json() as { items: ActivityKind[] };
    const record = (
      await officer.request('POST', '/api/activities', {
        kindId: kinds.items.find((kind) => kind.code === 'outreach')!.id,
        title: 'Ghi nhầm, có ảnh',
        unitId: (await officer.request('GET', `/api/activities/${activityId}`)).json().unit.id,
        startsOn: '2025-08-20',
      })
    ).json() as ActivityDetail;
    const uploaded = (
      await uploadFile(
        officer,
        `/api/attachments?entityType=activity&entityId=${record.id}`,
        await photoWithGps(),
        'd.jpg',
      )
    ).json() as Attachment;
    const [stored] = await queryRows<{ path: string }>(
      database.db,
      sql`select storage_key as path from attachments where public_id = ${uploaded.id}`,
    );
    expect(stored).toBeDefined();
    expect(
      (await officer.request('DELETE', `/api/activities/${record.id}`, { reason: 'Ghi nhầm' })).statusCode,
    ).toBe(204);
    expect((await officer.request('GET', uploaded.url)).statusCode).toBe(404);
    expect(
      await queryRows(database.db, sql`select 1 from attachments where public_id = ${uploaded.id}`),
    ).toHaveLength(0);
  });
});
