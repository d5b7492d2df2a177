/**
 * Movement classification through its API: scoring within each item's points, the proposed level from the
 * thresholds, approval by the level above only, locking and reopening, and the province's own thresholds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage, officialUnitId } from '../../../../test/helpers/factories.js';
import { uploadPdf, userAt } from '../../../../test/helpers/recognition.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import type { SignedIn } from '../../../../test/helpers/users.js';
import type {
  ClassificationDetail,
  ClassificationList,
  LevelsResponse,
  Sheet,
  SheetList,
} from '../../../contracts/classification.js';
import { todayInVietnam } from '../../../domain/dates.js';
import type { DatabaseHandle } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
const YEAR = Number(todayInVietnam().slice(0, 4));

let village: number;
let commune: number;
let head: SignedIn;
let officer: SignedIn;
let otherOfficer: SignedIn;
let provinceStaff: SignedIn;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.db;
  commune = (await findMergedCommune(db, '48')).id;
  const other = await findMergedCommune(db, '48', 1);
  village = (await createVillage(db, commune, { validFrom: '2025-07-01' })).id;
  head = await userAt(app, db, 'unit_head', village);
  officer = await userAt(app, db, 'commune_officer', commune);
  otherOfficer = await userAt(app, db, 'commune_officer', other.id);
  provinceStaff = await userAt(
    app,
    db,
    'province_staff',
    await officialUnitId(db, 'province', '48', todayInVietnam()),
  );
});
afterAll(() => close());

describe('classification of a village', () => {
  let record: ClassificationDetail;

  it("scores item by item within each item's points", async () => {
    const created = await head.request('POST', '/api/classification/records', {
      unitId: village,
      year: YEAR,
    });
    expect(created.statusCode).toBe(201);
    record = created.json();
    expect(record.sheet.totalPoints).toBe(100);
    const [first] = record.sheet.items;
    const tooMany = await head.request('PUT', `/api/classification/records/${record.id}/scores`, {
      scores: [{ itemId: first!.id, points: first!.maxPoints + 1 }],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().field).toBe('scores.0.points');
    const early = await head.request('POST', `/api/classification/records/${record.id}/submit`);
    expect(early.statusCode).toBe(400);
    const scored = await head.request('PUT', `/api/classification/records/${record.id}/scores`, {
      scores: record.sheet.items.map((item, index) => ({
        itemId: item.id,
        points: index === 0 ? item.maxPoints - 5 : item.maxPoints,
        evidence: `Minh chứng mục ${item.code}`,
      })),
    });
    expect(scored.statusCode).toBe(200);
    record = scored.json();
    expect(record.totalPoints).toBe(95);
    expect(record.proposedLevel).toBe('excellent');
    expect(record.levelLabel).toBe('Xuất sắc');

    // A file as evidence of an item: attached to this sheet through the attachments module, in scope only.
    const file = (
      await uploadPdf(app, head, 'classification_record', record.id, 'bao-cao-so-ket.pdf')
    ).json();
    expect((await uploadPdf(app, otherOfficer, 'classification_record', record.id)).statusCode).toBe(404);
    expect((await otherOfficer.request('GET', file.url)).statusCode).toBe(404);
    const foreign = await head.request('PUT', `/api/classification/records/${record.id}/scores`, {
      scores: [{ itemId: first!.id, points: 1, attachmentId: 'A'.repeat(32) }],
    });
    expect(foreign.json()).toMatchObject({ field: 'scores.0.attachmentId' });
    const withFile = await head.request('PUT', `/api/classification/records/${record.id}/scores`, {
      scores: [{ itemId: first!.id, points: first!.maxPoints - 5, attachmentId: file.id }],
    });
    expect(withFile.statusCode, withFile.body).toBe(200);
    const cited = (withFile.json() as ClassificationDetail).scores.find(
      (score) => score.itemId === first!.id,
    );
    expect(cited?.attachment).toMatchObject({ id: file.id, fileName: 'bao-cao-so-ket.pdf' });

    expect((await head.request('POST', `/api/classification/records/${record.id}/submit`)).statusCode).toBe(
      200,
    );
    expect((await uploadPdf(app, head, 'classification_record', record.id)).statusCode).toBe(409);
  });

  it('only the commune approves a village; the unit head and other communes cannot', async () => {
    expect(
      (await head.request('POST', `/api/classification/records/${record.id}/approve`, {})).statusCode,
    ).toBe(403);
    expect(
      (await otherOfficer.request('POST', `/api/classification/records/${record.id}/approve`, {})).statusCode,
    ).toBe(404);
    const byProvince = await provinceStaff.request(
      'POST',
      `/api/classification/records/${record.id}/approve`,
      {},
    );
    expect(byProvince.statusCode).toBe(403);
    const approved = await officer.request('POST', `/api/classification/records/${record.id}/approve`, {
      level: 'good',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedLevel: 'good', levelLabel: 'Khá' });
    const locked = await head.request('PUT', `/api/classification/records/${record.id}/scores`, {
      scores: [{ itemId: record.sheet.items[0]!.id, points: 1 }],
    });
    expect(locked.statusCode).toBe(409);
    const reopened = await officer.request('POST', `/api/classification/records/${record.id}/reopen`, {
      reason: 'Xem lại điểm mục tuyên truyền',
    });
    expect(reopened.json().status).toBe('submitted');
    const list = (
      await officer.request('GET', `/api/classification/records?year=${YEAR}&unit=${commune}`)
    ).json() as ClassificationList;
    expect(list.items.map((item) => item.id)).toContain(record.id);
  });

  it('a province sets its own thresholds and may switch on Yếu', async () => {
    const wrong = await provinceStaff.request('PUT', '/api/classification/levels', {
      levels: [
        { code: 'excellent', label: 'Xuất sắc', minPoints: 80, enabled: true },
        { code: 'good', label: 'Khá', minPoints: 85, enabled: true },
      ],
    });
    expect(wrong.statusCode).toBe(400);
    const set = await provinceStaff.request('PUT', '/api/classification/levels', {
      levels: [
        { code: 'excellent', label: 'Xuất sắc', minPoints: 85, enabled: true },
        { code: 'good', label: 'Khá', minPoints: 65, enabled: true },
        { code: 'average', label: 'Trung bình', minPoints: 50, enabled: true },
        { code: 'weak', label: 'Yếu', minPoints: 0, enabled: true },
      ],
    });
    expect(set.statusCode).toBe(200);
    const levels = (await officer.request('GET', '/api/classification/levels')).json() as LevelsResponse;
    expect(levels).toMatchObject({ provinceCode: '48', custom: true });
    expect(levels.levels.find((level) => level.code === 'weak')?.enabled).toBe(true);
    expect(
      (await officer.request('PUT', '/api/classification/levels', { levels: levels.levels })).statusCode,
    ).toBe(403);
  });
});

describe('scoring sheets are data: a province copies one, edits its draft, activates it; a used version is frozen', () => {
  it('works through the API with its access rules', async () => {
    const sheets = (await provinceStaff.request('GET', '/api/classification/sheets')).json() as SheetList;
    const national = sheets.items.find(
      (sheet) => sheet.target === 'residential_area' && sheet.status === 'active',
    )!;
    expect(
      (await provinceStaff.request('POST', `/api/classification/sheets/${national.id}/drafts`, {}))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await officer.request('POST', `/api/classification/sheets/${national.id}/drafts`, {
          forProvince: true,
        })
      ).statusCode,
    ).toBe(403);
    const drafted = await provinceStaff.request('POST', `/api/classification/sheets/${national.id}/drafts`, {
      forProvince: true,
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const draft = drafted.json() as Sheet;
    expect(draft).toMatchObject({ provinceCode: '48', status: 'draft', frozen: false, totalPoints: 100 });
    const elsewhere = await userAt(
      app,
      database.db,
      'province_staff',
      await officialUnitId(database.db, 'province', '01', todayInVietnam()),
    );
    const items = draft.items.map(({ code, text, maxPoints }) => ({ code, text, maxPoints }));
    expect(
      (await elsewhere.request('PUT', `/api/classification/sheets/${draft.id}/items`, { items })).statusCode,
    ).toBe(404);
    items[0] = { ...items[0]!, maxPoints: items[0]!.maxPoints - 5 };
    const short = await provinceStaff.request('PUT', `/api/classification/sheets/${draft.id}/items`, {
      items,
    });
    expect(short.json().totalPoints).toBe(95);
    const notYet = await provinceStaff.request('POST', `/api/classification/sheets/${draft.id}/activate`);
    expect(notYet.json()).toMatchObject({ code: 'classification.sheet_total', field: 'items' });
    items.push({ code: 'T1', text: 'Tiêu chí riêng của tỉnh: camera an ninh ở khu dân cư', maxPoints: 5 });
    await provinceStaff.request('PUT', `/api/classification/sheets/${draft.id}/items`, { items });
    const active = await provinceStaff.request('POST', `/api/classification/sheets/${draft.id}/activate`);
    expect(active.json()).toMatchObject({ status: 'active', totalPoints: 100 });

    const another = (await createVillage(database.db, commune, { validFrom: '2025-07-01' })).id;
    const record = (
      await officer.request('POST', '/api/classification/records', { unitId: another, year: YEAR })
    ).json() as ClassificationDetail;
    expect(record.sheet.id).toBe(draft.id);
    expect(record.sheet.items.at(-1)?.code).toBe('T1');
    const frozen = await provinceStaff.request('PUT', `/api/classification/sheets/${draft.id}/items`, {
      items,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('classification.sheet_frozen');
  });
});
