/**
 * The access matrix of awards and the proposal workflow: a commune officer drafts a proposal for a unit of the
 * commune; the province approves it with the decision; the commune cannot approve its own proposals; outside scope
 * answers 404, a missing permission 403.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import {
  findMergedCommune,
  importFile,
  type MergedCommune,
  sheetFile,
} from '../../../../test/helpers/registries.js';
import { makeSignedInUser, makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { AwardDetail, AwardList, AwardOptions } from '../../../contracts/awards.js';
import type { SummaryResponse } from '../../../contracts/registry.js';
import { todayInVietnam } from '../../../domain/dates.js';
import type { RoleId } from '../../../domain/roles.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import { AWARD_COLUMNS, AWARD_SHEET } from './awards.import.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let options: AwardOptions;
let commune: MergedCommune;
let communeOfficer: SignedIn;
let province: SignedIn;
type Where = 'inside' | 'outside';
const villages: Record<Where, number> = { inside: 0, outside: 0 };
const actors: Array<{ role: RoleId; unit: string; label: string }> = [
  { role: 'admin', unit: 'VN', label: 'quản trị toàn quốc' },
  { role: 'province_staff', unit: '48', label: 'cán bộ tỉnh' },
  { role: 'front_officer', unit: '48', label: 'MTTQ' },
  { role: 'unit_head', unit: '48', label: 'trưởng đơn vị' },
  { role: 'viewer', unit: '48', label: 'người xem' },
];
const readers = new Set<RoleId>(['province_staff', 'front_officer', 'commune_officer']);
const signedIn = new Map<string, SignedIn>();

const option = (list: 'forms' | 'issuers', code: string) =>
  options[list].find((item) => item.code === code)!.id;

function proposal(unitId: number) {
  return {
    recipientType: 'unit',
    recipientUnitId: unitId,
    formId: option('forms', 'letter_of_praise'),
    issuerId: option('issuers', 'province_police_director'),
    reason: 'excellent',
    periodFrom: 2024,
  };
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48', 4);
  villages.inside = (await createVillage(database.db, commune.id, { validFrom: '2025-07-01' })).id;
  villages.outside = (
    await createVillage(database.db, (await findMergedCommune(database.db, '01')).id, {
      validFrom: '2025-07-01',
    })
  ).id;
  communeOfficer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
  province = await makeSignedInUser(app, database.db, 'province_staff', '48');
  options = (await province.request('GET', '/api/awards/options')).json() as AwardOptions;
  for (const actor of actors)
    signedIn.set(
      actor.label,
      await signIn(app, (await makeUser(database.db, actor.role, actor.unit)).username),
    );
});
afterAll(() => close());

describe('proposal workflow', () => {
  it('is drafted at the commune and approved above it, then counted', async () => {
    const drafted = await communeOfficer.request('POST', '/api/awards', proposal(villages.inside));
    expect(drafted.statusCode, drafted.body).toBe(201);
    const award = drafted.json() as AwardDetail;
    expect(award).toMatchObject({ status: 'proposed', recipientClass: 'collective', periodLabel: '2024' });

    // The commune may not approve, nor record a decided award.
    expect(
      (
        await communeOfficer.request('POST', `/api/awards/${award.id}/approve`, {
          decisionNumber: '12/QĐ',
          decisionDate: '2025-10-01',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await communeOfficer.request('POST', '/api/awards', {
          ...proposal(villages.inside),
          status: 'approved',
        })
      ).statusCode,
    ).toBe(403);

    const today = todayInVietnam();
    const approved = await province.request('POST', `/api/awards/${award.id}/approve`, {
      decisionNumber: '1234/QĐ-CAT',
      decisionDate: today,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as AwardDetail).status).toBe('approved');
    expect(
      (await province.request('POST', `/api/awards/${award.id}/refuse`, { note: 'Trùng' })).statusCode,
    ).toBe(409);

    const summary = (
      await province.request(
        'GET',
        `/api/awards/summary?unit=${commune.id}&asOf=${today}&from=${today.slice(0, 4)}-01-01`,
      )
    ).json() as SummaryResponse;
    expect(summary.total['awards_by_form:letter_of_praise']).toBe(1);
    expect(summary.total['awards_by_recipient:collective']).toBe(1);
    const found = (await province.request('GET', '/api/awards?q=1234 qd')).json() as AwardList;
    expect(found.items.map((item) => item.id)).toContain(award.id);
  });

  it('records a free-text person with position and unit, and refuses a period in the wrong order', async () => {
    const person = await province.request('POST', '/api/awards', {
      status: 'approved',
      recipientType: 'person',
      recipientName: 'Trần Thị Mẫu',
      recipientPosition: 'Tổ trưởng',
      recipientWorkplace: 'Tổ bảo vệ ANTT thôn',
      unitId: villages.inside,
      formId: option('forms', 'certificate_of_merit'),
      issuerId: option('issuers', 'province_people_committee'),
      decisionNumber: '88/QĐ-UBND',
      decisionDate: '2025-08-19',
      reason: 'sudden',
      periodFrom: 2025,
    });
    expect(person.statusCode, person.body).toBe(201);
    expect((person.json() as AwardDetail).recipientClass).toBe('individual');
    const wrong = await province.request('POST', '/api/awards', {
      ...proposal(villages.inside),
      periodFrom: 2023,
      periodTo: 2014,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('periodTo');
  });
});

describe.each(actors)('$label ($role)', (actor) => {
  const as = () => signedIn.get(actor.label)!;
  it.each(['inside', 'outside'] as const)('reads and proposes for a unit %s scope', async (where) => {
    const award = (
      await province.request(
        'POST',
        '/api/awards',
        proposal(where === 'inside' ? villages.inside : villages.inside),
      )
    ).json() as AwardDetail;
    const read = await as().request('GET', `/api/awards/${award.id}`);
    expect(read.statusCode).toBe(readers.has(actor.role) ? 200 : 403);
    const proposed = await as().request('POST', '/api/awards', proposal(villages[where]));
    if (!['province_staff'].includes(actor.role)) return expect(proposed.statusCode).toBe(403);
    expect(proposed.statusCode).toBe(where === 'inside' ? 201 : 400);
  });
});

describe('import, export and deletion', () => {
  const unitCell = () => `Thôn #${villages.inside} [#${villages.inside}]`;
  const good = () => ({
    recipientType: 'Tập thể',
    unitId: unitCell(),
    formId: 'Giấy khen',
    issuerId: 'Giám đốc Công an tỉnh',
    reason: 'Thành tích xuất sắc',
    periodFrom: 2024,
  });

  it('imports every row or none: each bad row is named, a decided award needs an approver', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from awards where phase = 'Nhập thử'`,
        )
      )[0]!.n;
    const rows = [
      { ...good(), phase: 'Nhập thử' },
      { ...good(), recipientType: 'Cá nhân', phase: 'Nhập thử' },
      { ...good(), unitId: `Thôn ngoài [#${villages.outside}]`, phase: 'Nhập thử' },
      { ...good(), decisionNumber: '9/QĐ', decisionDate: '01/09/2025', phase: 'Nhập thử' },
      { ...good(), formId: 'Huân chương', phase: 'Nhập thử' },
      { ...good(), recipientType: 'Tổ, đội', unitId: null, phase: 'Nhập thử' },
    ];
    const bad = await importFile(
      app,
      communeOfficer,
      '/api/awards/import',
      await sheetFile(AWARD_SHEET, AWARD_COLUMNS, rows),
    );
    expect(bad.committed).toBe(false);
    expect(bad.errors.map((error) => [error.row, error.field])).toEqual([
      [3, 'Họ tên cá nhân'],
      [4, 'Đơn vị'],
      [5, 'Tập thể hay cá nhân'],
      [6, 'Hình thức'],
      [7, 'Số hiệu tổ, đội hoặc thành viên'],
    ]);
    expect(bad.errors[2]!.message).toContain('cấp trên');
    expect(await count()).toBe(0);

    const done = await importFile(
      app,
      province,
      '/api/awards/import',
      await sheetFile(AWARD_SHEET, AWARD_COLUMNS, [rows[0]!, rows[3]!]),
    );
    expect(done.errors).toEqual([]);
    expect(done.sheets[0]).toMatchObject({ rows: 2, created: 2 });
    expect(await count()).toBe(2);
    const template = await communeOfficer.request('GET', '/api/awards/import/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
  });

  it('exports the list as filtered, to readers only', async () => {
    const exported = await province.request('GET', `/api/awards/export?unit=${commune.id}&status=approved`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('.xlsx');
    expect((await signedIn.get('người xem')!.request('GET', '/api/awards/export')).statusCode).toBe(403);
  });

  it('deletes a record entered by mistake with its reason; a decided award only by an approver; 404 outside', async () => {
    const draft = (
      await communeOfficer.request('POST', '/api/awards', proposal(villages.inside))
    ).json() as AwardDetail;
    expect((await communeOfficer.request('DELETE', `/api/awards/${draft.id}`, {})).statusCode).toBe(400);
    const removed = await communeOfficer.request('DELETE', `/api/awards/${draft.id}`, {
      reason: 'Ghi trùng',
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await province.request('GET', `/api/awards/${draft.id}`)).statusCode).toBe(404);
    const [event] = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where entity_type = 'award' and entity_id = ${String(draft.id)} order by id desc limit 1`,
    );
    expect(event?.action).toBe('award.deleted');

    const decided = (
      await province.request('POST', '/api/awards', {
        ...proposal(villages.inside),
        status: 'approved',
        decisionNumber: '77/QĐ',
        decisionDate: '2025-09-02',
      })
    ).json() as AwardDetail;
    expect(
      (await communeOfficer.request('DELETE', `/api/awards/${decided.id}`, { reason: 'Ghi nhầm' }))
        .statusCode,
    ).toBe(403);
    const elsewhere = await makeSignedInUser(app, database.db, 'province_staff', '01');
    expect(
      (await elsewhere.request('DELETE', `/api/awards/${decided.id}`, { reason: 'Ghi nhầm' })).statusCode,
    ).toBe(404);
    expect((await elsewhere.request('GET', `/api/awards/${decided.id}`)).statusCode).toBe(404);
    expect(
      (await province.request('DELETE', `/api/awards/${decided.id}`, { reason: 'Ghi nhầm' })).statusCode,
    ).toBe(204);
  });
});
