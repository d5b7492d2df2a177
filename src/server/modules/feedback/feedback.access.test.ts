/**
 * The access matrix of residents' feedback, and the contact rules: name and phone are encrypted at rest, shown only
 * to those who may record feedback (each showing audited), never in lists or in the audit trail.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune, importFile, sheetFile } from '../../../../test/helpers/registries.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { FeedbackDetail, FeedbackList } from '../../../contracts/feedback.js';
import type { RoleId } from '../../../domain/roles.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import { FEEDBACK_COLUMNS, FEEDBACK_SHEET } from './feedback.import.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
type Where = 'inside' | 'outside';
const actors: Array<{ role: RoleId; unit: string; label: string }> = [
  { role: 'admin', unit: 'VN', label: 'quản trị toàn quốc' },
  { role: 'province_staff', unit: '48', label: 'cán bộ tỉnh' },
  { role: 'commune_officer', unit: '48', label: 'công an' },
  { role: 'front_officer', unit: '48', label: 'MTTQ' },
  { role: 'unit_head', unit: '48', label: 'trưởng đơn vị' },
  { role: 'viewer', unit: '48', label: 'người xem' },
];
const readers = new Set<RoleId>(['province_staff', 'commune_officer', 'front_officer']);
const writers = new Set<RoleId>(['province_staff', 'commune_officer', 'front_officer']);
const villages: Record<Where, number> = { inside: 0, outside: 0 };
const signedIn = new Map<string, SignedIn>();
let recorder: SignedIn;

const expected = (role: RoleId, where: Where, needs: 'read' | 'write', success: number) =>
  !(needs === 'read' ? readers : writers).has(role) ? 403 : where === 'outside' ? 404 : success;

async function freshFeedback(where: Where): Promise<number> {
  const response = await recorder.request('POST', '/api/feedback', {
    unitId: villages[where],
    receivedOn: '2025-09-05',
    channel: 'officer',
    topic: 'Đèn chiếu sáng ngõ xóm bị hỏng',
    contact: { name: 'Nguyễn Văn Mẫu', phone: '0905 123 456', purpose: 'reply' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as FeedbackDetail).id;
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  for (const [where, province] of [
    ['inside', '48'],
    ['outside', '01'],
  ] as const) {
    const commune = await findMergedCommune(database.db, province);
    villages[where] = (await createVillage(database.db, commune.id, { validFrom: '2025-07-01' })).id;
  }
  for (const actor of actors) {
    const user = await makeUser(database.db, actor.role, actor.unit);
    signedIn.set(actor.label, await signIn(app, user.username));
  }
  recorder = await signIn(app, (await makeUser(database.db, 'province_staff', 'VN')).username);
});
afterAll(() => close());

describe.each(actors)('$label ($role)', (actor) => {
  const as = () => signedIn.get(actor.label)!;
  const wheres = ['inside', 'outside'] as const;

  it.each(wheres)('reads feedback %s scope', async (where) => {
    const id = await freshFeedback(where);
    const response = await as().request('GET', `/api/feedback/${id}`);
    expect(response.statusCode).toBe(expected(actor.role, where, 'read', 200));
    if (response.statusCode === 200) {
      const detail = response.json() as FeedbackDetail;
      expect(detail.hasContact).toBe(true);
      expect(detail.contact === null).toBe(!writers.has(actor.role));
    }
  });

  it.each(wheres)('records and answers feedback %s scope', async (where) => {
    const created = await as().request('POST', '/api/feedback', {
      unitId: villages[where],
      receivedOn: '2025-09-06',
      channel: 'officer',
      topic: 'Xe tải chạy quá tốc độ',
    });
    if (!writers.has(actor.role)) return expect(created.statusCode).toBe(403);
    if (where === 'outside') return expect(created.json().field).toBe('unitId');
    expect(created.statusCode).toBe(201);
    const id = await freshFeedback(where);
    expect(
      (
        await as().request('POST', `/api/feedback/${id}/answer`, {
          answeredBy: 'Công an xã',
          answer: 'Đã phối hợp sửa đèn',
          answeredOn: '2025-09-10',
        })
      ).statusCode,
    ).toBe(200);
  });

  it.each(wheres)('deletes feedback entered by mistake %s scope', async (where) => {
    const id = await freshFeedback(where);
    const response = await as().request('DELETE', `/api/feedback/${id}`, { reason: 'Ghi trùng' });
    expect(response.statusCode).toBe(expected(actor.role, where, 'write', 204));
  });

  it.each(wheres)('lists and summarises feedback of a unit %s scope', async (where) => {
    expect((await as().request('GET', `/api/feedback?unit=${villages[where]}`)).statusCode).toBe(
      expected(actor.role, where, 'read', 200),
    );
  });
});

describe('contact data', () => {
  it('is encrypted at rest, left out of lists and the trail, and its reading is audited', async () => {
    const id = await freshFeedback('inside');
    const [row] = await queryRows<{ name: string; phone: string }>(
      database.db,
      sql`select contact_name_encrypted as name, contact_phone_encrypted as phone from feedback where id = ${id}`,
    );
    expect(row!.name).toMatch(/^v1:/);
    expect(row!.name).not.toContain('Mẫu');
    const list = (await recorder.request('GET', '/api/feedback?q=den chieu sang')).json() as FeedbackList;
    expect(JSON.stringify(list)).not.toContain('0905123456');
    const detail = (await recorder.request('GET', `/api/feedback/${id}`)).json() as FeedbackDetail;
    expect(detail.contact).toMatchObject({ name: 'Nguyễn Văn Mẫu', phone: '0905123456' });
    const [trail] = await queryRows<{ text: string }>(
      database.db,
      sql`select string_agg(coalesce(changes::text, ''), ' ') as text from audit_events where entity_type = 'feedback' and entity_id = ${String(id)}`,
    );
    expect(trail!.text).not.toContain('0905123456');
    expect(trail!.text).not.toContain('Mẫu');
    const reads = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'feedback.read' and entity_id = ${String(id)}`,
    );
    expect(reads[0]!.n).toBe(1);
  });

  it('needs the purpose with a contact and a valid phone', async () => {
    const response = await recorder.request('POST', '/api/feedback', {
      unitId: villages.inside,
      receivedOn: '2025-09-05',
      channel: 'officer',
      topic: 'Ồn ào ban đêm',
      contact: { phone: '12', purpose: 'reply' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toContain('phone');
  });
});

describe('import, export and deletion', () => {
  it('imports every row or none, naming each bad row; never a contact', async () => {
    const unit = `Thôn [#${villages.inside}]`;
    const rows = [
      { unitId: unit, receivedOn: '02/09/2025', channel: 'Cán bộ ghi nhận', topic: 'Nhập thử: đường tối' },
      {
        unitId: unit,
        receivedOn: '03/09/2025',
        channel: 'Cán bộ ghi nhận',
        topic: 'Nhập thử: đã trả lời',
        answeredBy: 'Công an xã',
        answer: 'Đã lắp đèn',
        answeredOn: '10/09/2025',
      },
      {
        unitId: unit,
        receivedOn: '03/09/2025',
        channel: 'Cán bộ ghi nhận',
        topic: 'Nhập thử',
        answer: 'Thiếu ngày',
      },
      {
        unitId: unit,
        receivedOn: '03/09/2025',
        channel: 'Tại hội nghị "Công an lắng nghe ý kiến Nhân dân"',
        topic: 'Nhập thử',
      },
      {
        unitId: `Thôn [#${villages.outside}]`,
        receivedOn: '03/09/2025',
        channel: 'Cán bộ ghi nhận',
        topic: 'Nhập thử',
      },
    ];
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from feedback where topic like 'Nhập thử%'`,
        )
      )[0]!.n;
    const user = signedIn.get('công an')!;
    const bad = await importFile(
      app,
      user,
      '/api/feedback/import',
      await sheetFile(FEEDBACK_SHEET, FEEDBACK_COLUMNS, rows),
    );
    expect(bad.errors.map((error) => [error.row, error.field])).toEqual([
      [4, 'Người, cơ quan trả lời'],
      [5, 'Số hiệu hội nghị'],
      [6, 'Đơn vị'],
    ]);
    expect(await count()).toBe(0);
    const done = await importFile(
      app,
      user,
      '/api/feedback/import',
      await sheetFile(FEEDBACK_SHEET, FEEDBACK_COLUMNS, rows.slice(0, 2)),
    );
    expect(done.errors).toEqual([]);
    expect(done.sheets[0]!.created).toBe(2);
    const answered = (
      await user.request('GET', '/api/feedback?q=nhap thu da tra loi')
    ).json() as FeedbackList;
    expect(answered.items[0]).toMatchObject({ status: 'answered', answeredOn: '2025-09-10' });
    expect((await user.request('GET', '/api/feedback/import/template')).statusCode).toBe(200);
  });

  it("exports without the resident's name or phone", async () => {
    await freshFeedback('inside');
    const exported = await recorder.request('GET', `/api/feedback/export?unit=${villages.inside}`);
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.getWorksheet('Ý kiến')!.getSheetValues());
    expect(text).toContain('Đèn chiếu sáng ngõ xóm bị hỏng');
    expect(text).not.toContain('Mẫu');
    expect(text).not.toContain('0905123456');
    expect((await signedIn.get('người xem')!.request('GET', '/api/feedback/export')).statusCode).toBe(403);
  });
});
