/**
 * Directive documents: the seeded central documents, a commune's plan implementing Kết luận 44-KL/TW and the
 * "which communes have a plan" view, scope of local documents, and who may change central ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import {
  findMergedCommune,
  importFile,
  type MergedCommune,
  sheetFile,
} from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { DocumentDetail, DocumentList, DocumentPlans } from '../../../contracts/documents.js';
import type { DatabaseHandle } from '../../db/client.js';
import { DOCUMENT_COLUMNS, DOCUMENT_SHEET } from './documents.import.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let commune: MergedCommune;
let officer: SignedIn;
let province: SignedIn;
let outsider: SignedIn;
let frontOfficer: SignedIn;
let conclusion44 = 0;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48', 5);
  officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
  province = await makeSignedInUser(app, database.db, 'province_staff', '48');
  frontOfficer = await makeSignedInUser(app, database.db, 'front_officer', '48');
  outsider = await makeSignedInUser(
    app,
    database.db,
    'commune_officer',
    (await findMergedCommune(database.db, '01')).code,
  );
  const found = (
    await officer.request('GET', '/api/documents?q=44-KL/TW&central=true')
  ).json() as DocumentList;
  conclusion44 = found.items.find((item) => item.number === '44-KL/TW')!.id;
});
afterAll(() => close());

describe('documents', () => {
  it('seeds the documents of the movement, with their links', async () => {
    const detail = (await officer.request('GET', `/api/documents/${conclusion44}`)).json() as DocumentDetail;
    expect(detail).toMatchObject({ kind: 'conclusion', central: true, seeded: true });
    expect(detail.links[0]).toMatchObject({ relation: 'implements', document: { number: '09-CT/TW' } });
    const circulars = (
      await officer.request('GET', '/api/documents?kind=circular&q=124 2021')
    ).json() as DocumentList;
    const circular124 = circulars.items.find((item) => item.number === '124/2021/TT-BCA');
    expect(
      circular124?.links.some(
        (link) => link.relation === 'replaces' && link.document.number === '23/2012/TT-BCA',
      ),
    ).toBe(true);
    expect(circular124?.effectiveFrom).toBe('2022-02-10');
  });

  it('links a commune plan to Kết luận 44 and answers which communes have one', async () => {
    const created = await officer.request('POST', '/api/documents', {
      kind: 'plan',
      number: '15/KH-UBND',
      issuer: 'UBND xã',
      issuedOn: '2025-03-10',
      title: 'Kế hoạch thực hiện Kết luận số 44-KL/TW',
      unitId: commune.id,
      links: [{ relation: 'implements', documentId: conclusion44 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json() as DocumentDetail;
    const plans = (
      await province.request('GET', `/api/documents/${conclusion44}/plans?unit=${commune.provinceId}`)
    ).json() as DocumentPlans;
    expect(plans.plans.map((item) => item.id)).toContain(plan.id);
    const row = plans.communes.find((item) => item.unit.id === commune.id);
    expect(row).toMatchObject({ hasPlan: true, planIds: [plan.id] });
    expect(plans.withoutPlan).toBeGreaterThan(0);
    // The plan is the commune's: out of scope elsewhere, not even counted.
    expect((await outsider.request('GET', `/api/documents/${plan.id}`)).statusCode).toBe(404);
    const elsewhere = (
      await outsider.request('GET', `/api/documents/${conclusion44}/plans`)
    ).json() as DocumentPlans;
    expect(elsewhere.plans).toHaveLength(0);
  });

  it('keeps central documents to national users and refuses loops', async () => {
    expect(
      (await officer.request('PATCH', `/api/documents/${conclusion44}`, { notes: 'x' })).statusCode,
    ).toBe(403);
    const central = await officer.request('POST', '/api/documents', {
      kind: 'directive',
      number: '99-CT/TW',
      issuer: 'Ban Bí thư',
      issuedYear: 2024,
      title: 'Chỉ thị thử',
    });
    expect(central.statusCode).toBe(400);
    expect(central.json().field).toBe('unitId');
    expect(
      (
        await frontOfficer.request('POST', '/api/documents', {
          kind: 'plan',
          number: '3/KH',
          issuer: 'MTTQ',
          issuedYear: 2025,
          title: 'C',
          unitId: commune.id,
        })
      ).statusCode,
    ).toBe(403);
    const first = (
      await officer.request('POST', '/api/documents', {
        kind: 'plan',
        number: '1/KH',
        issuer: 'UBND xã',
        issuedYear: 2025,
        title: 'A',
        unitId: commune.id,
      })
    ).json() as DocumentDetail;
    const second = (
      await officer.request('POST', '/api/documents', {
        kind: 'guidance',
        number: '2/HD',
        issuer: 'UBND xã',
        issuedYear: 2025,
        title: 'B',
        unitId: commune.id,
        links: [{ relation: 'implements', documentId: first.id }],
      })
    ).json() as DocumentDetail;
    const loop = await officer.request('PATCH', `/api/documents/${first.id}`, {
      links: [{ relation: 'implements', documentId: second.id }],
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json()).toMatchObject({ code: 'documents.link_cycle', field: 'links' });
    expect((await officer.request('GET', '/api/documents/export?kind=plan')).statusCode).toBe(200);
  });

  it('imports plans linked by the number as written, every row or none', async () => {
    const unit = `Xã [#${commune.id}]`;
    const plan = {
      kind: 'Kế hoạch',
      number: '21/KH-UBND',
      issuer: 'UBND xã',
      issuedOn: '05/04/2025',
      title: 'Kế hoạch nhập thử thực hiện Kết luận 44',
      unitId: unit,
      implements: '44-kl/tw',
    };
    const rows = [
      plan,
      { ...plan, number: '22/KH-UBND', implements: '999-KL/TW' },
      { ...plan, kind: 'Sắc lệnh' },
    ];
    const bad = await importFile(
      app,
      officer,
      '/api/documents/import',
      await sheetFile(DOCUMENT_SHEET, DOCUMENT_COLUMNS, rows),
    );
    expect(bad.errors.map((error) => [error.row, error.field])).toEqual([
      [3, 'Thực hiện văn bản số'],
      [4, 'Loại văn bản'],
    ]);
    expect(((await officer.request('GET', '/api/documents?q=nhap thu')).json() as DocumentList).total).toBe(
      0,
    );
    const done = await importFile(
      app,
      officer,
      '/api/documents/import',
      await sheetFile(DOCUMENT_SHEET, DOCUMENT_COLUMNS, [plan]),
    );
    expect(done.sheets[0]!.created).toBe(1);
    const plans = (
      await officer.request('GET', `/api/documents/${conclusion44}/plans`)
    ).json() as DocumentPlans;
    expect(plans.plans.map((item) => item.number)).toContain('21/KH-UBND');
    expect((await officer.request('GET', '/api/documents/import/template')).statusCode).toBe(200);
  });

  it('deletes a document entered by mistake, never a seeded one nor one others rest on', async () => {
    const make = async (number: string, links: Array<{ relation: string; documentId: number }> = []) =>
      (
        await officer.request('POST', '/api/documents', {
          kind: 'plan',
          number,
          issuer: 'UBND xã',
          issuedYear: 2025,
          title: `Kế hoạch ${number}`,
          unitId: commune.id,
          links,
        })
      ).json() as DocumentDetail;
    const base = await make('31/KH');
    const follower = await make('32/KH', [{ relation: 'implements', documentId: base.id }]);
    const reason = { reason: 'Ghi nhầm' };
    expect((await province.request('DELETE', `/api/documents/${conclusion44}`, reason)).statusCode).toBe(403);
    const inUse = await officer.request('DELETE', `/api/documents/${base.id}`, reason);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().message).toContain('1 văn bản');
    expect((await outsider.request('DELETE', `/api/documents/${follower.id}`, reason)).statusCode).toBe(404);
    expect((await frontOfficer.request('DELETE', `/api/documents/${follower.id}`, reason)).statusCode).toBe(
      403,
    );
    expect((await officer.request('DELETE', `/api/documents/${follower.id}`, reason)).statusCode).toBe(204);
    expect((await officer.request('DELETE', `/api/documents/${base.id}`, reason)).statusCode).toBe(204);
    expect((await officer.request('GET', `/api/documents/${base.id}`)).statusCode).toBe(404);
  });
});
