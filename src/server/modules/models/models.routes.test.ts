/**
 * The models registry through its API: kinds as data, camera counts, joint units, status over time, yearly
 * ratings, replication across communes (what lies outside scope is counted, not shown), the summary across the
 * 2025 merger, and Excel in and out.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import {
  findMergedCommune,
  type MergedCommune,
  upload,
  waitForJob,
} from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { JobState } from '../../../contracts/jobs.js';
import type { ModelDetail, ModelKindList, ModelList, ReplicationTree } from '../../../contracts/models.js';
import type { ImportResult, SummaryResponse } from '../../../contracts/registry.js';
import type { DatabaseHandle } from '../../db/client.js';
import { templateHeader } from '../../registry/xlsx.js';
import { MODEL_COLUMNS, MODEL_SHEET } from './models.import.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let officer: SignedIn;
let neighbour: SignedIn;
let staff: SignedIn;
let commune: MergedCommune;
let otherCommune: MergedCommune;
const villages: Array<{ id: number; fullName: string }> = [];
let kinds: ModelKindList['items'];

const kind = (code: string) => kinds.find((entry) => entry.code === code)!.id;

function ok<T>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

function refused(response: LightMyRequestResponse, status: number, field: string): string {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { message: string; field?: string };
  expect(body.field).toBe(field);
  return body.message;
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48');
  otherCommune = await findMergedCommune(database.db, '48', 1);
  for (let index = 0; index < 3; index++) {
    villages.push(await createVillage(database.db, commune.id, { validFrom: '2025-07-01' }));
  }
  villages.push(await createVillage(database.db, otherCommune.id, { validFrom: '2025-07-01' }));
  officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
  neighbour = await makeSignedInUser(app, database.db, 'commune_officer', otherCommune.code);
  staff = await makeSignedInUser(app, database.db, 'province_staff', '48');
  kinds = ok<ModelKindList>(await officer.request('GET', '/api/models/kinds')).items;
});
afterAll(() => close());

describe('kinds', () => {
  it('are seeded with the kinds of the movement, "Khác" last', () => {
    expect(kinds.map((entry) => entry.name)).toEqual([
      'Camera an ninh',
      'Khu dân cư không tội phạm và tệ nạn xã hội',
      'Trường học an toàn',
      '3 an toàn',
      'Đội công nhân tự quản',
      'Tiếng kẻng an ninh',
      'Xóm liên gia tự quản',
      'Khác',
    ]);
    expect(kinds.filter((entry) => entry.isCamera).map((entry) => entry.code)).toEqual(['camera']);
  });

  it('are configured by an administrator only', async () => {
    expect(
      (await officer.request('POST', '/api/models/kinds', { code: 'zalo_group', name: 'Nhóm Zalo an ninh' }))
        .statusCode,
    ).toBe(403);
    const admin = await makeSignedInUser(app, database.db, 'admin', 'VN');
    const created = ok<{ id: number; active: boolean }>(
      await admin.request('POST', '/api/models/kinds', { code: 'zalo_group', name: 'Nhóm Zalo an ninh' }),
      201,
    );
    refused(
      await admin.request('POST', '/api/models/kinds', { code: 'zalo_group', name: 'Lặp' }),
      409,
      'code',
    );
    const retired = ok<{ active: boolean }>(
      await admin.request('PATCH', `/api/models/kinds/${created.id}`, { active: false }),
    );
    expect(retired.active).toBe(false);
    refused(
      await officer.request('POST', '/api/models', {
        name: 'Nhóm Zalo',
        kindId: created.id,
        leadUnitId: villages[0]!.id,
        startedOn: '2025-08-01',
      }),
      400,
      'kindId',
    );
  });
});

describe('a camera model run jointly by two villages', () => {
  let model: ModelDetail;

  it('needs camera points and cameras, and is led by one of its units', async () => {
    refused(
      await officer.request('POST', '/api/models', {
        name: 'Camera an ninh liên thôn',
        kindId: kind('camera'),
        leadUnitId: villages[0]!.id,
        startedOn: '2025-08-01',
      }),
      400,
      'cameraPoints',
    );
    model = ok<ModelDetail>(
      await officer.request('POST', '/api/models', {
        name: 'Camera an ninh liên thôn',
        kindId: kind('camera'),
        leadUnitId: villages[0]!.id,
        partnerUnitIds: [villages[1]!.id, villages[0]!.id],
        startedOn: '2025-08-01',
        cameraPoints: 6,
        cameras: 14,
      }),
      201,
    );
    expect(model).toMatchObject({
      kind: { code: 'camera', isCamera: true },
      leadUnit: { id: villages[0]!.id },
      status: 'active',
      statusLabel: 'Đang hoạt động',
      cameraPoints: 6,
      cameras: 14,
    });
    expect(model.units.map((entry) => [entry.unit.id, entry.lead])).toEqual([
      [villages[0]!.id, true],
      [villages[1]!.id, false],
    ]);
    expect(model.history.map((event) => event.action)).toEqual(['model.created']);
  });

  it('refuses camera counts for another kind', async () => {
    refused(
      await officer.request('POST', '/api/models', {
        name: 'Tiếng kẻng',
        kindId: kind('security_gong'),
        leadUnitId: villages[0]!.id,
        startedOn: '2025-08-01',
        cameras: 2,
      }),
      400,
      'cameras',
    );
  });

  it('refuses a partner outside the officer’s scope', async () => {
    refused(
      await officer.request('POST', '/api/models', {
        name: 'Liên xã',
        kindId: kind('security_gong'),
        leadUnitId: villages[0]!.id,
        partnerUnitIds: [villages[3]!.id],
        startedOn: '2025-08-01',
      }),
      400,
      'partnerUnitIds',
    );
  });

  it('pauses, resumes and ends, with the status of any date derived from the history', async () => {
    ok(
      await officer.request('POST', `/api/models/${model.id}/status`, {
        status: 'paused',
        effectiveOn: '2025-12-01',
        note: 'Sửa chữa',
      }),
    );
    refused(
      await officer.request('POST', `/api/models/${model.id}/status`, {
        status: 'active',
        effectiveOn: '2025-11-01',
      }),
      400,
      'effectiveOn',
    );
    ok(
      await officer.request('POST', `/api/models/${model.id}/status`, {
        status: 'active',
        effectiveOn: '2026-01-05',
      }),
    );
    const onDate = ok<ModelDetail>(await officer.request('GET', `/api/models/${model.id}?asOf=2025-12-15`));
    expect(onDate).toMatchObject({ status: 'paused', statusSince: '2025-12-01' });
    const ended = ok<ModelDetail>(
      await officer.request('POST', `/api/models/${model.id}/end`, { endedOn: '2026-06-30' }),
    );
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-06-30' });
    expect(ended.statusHistory.map((change) => change.status)).toEqual([
      'active',
      'paused',
      'active',
      'ended',
    ]);
    refused(
      await officer.request('POST', `/api/models/${model.id}/status`, {
        status: 'active',
        effectiveOn: '2026-07-01',
      }),
      400,
      'status',
    );
    const active = ok<ModelList>(await officer.request('GET', '/api/models?status=active'));
    expect(active.items.map((item) => item.id)).not.toContain(model.id);
    const existingThen = ok<ModelList>(
      await officer.request('GET', '/api/models?asOf=2026-03-01&camera=true'),
    );
    expect(existingThen.items.map((item) => item.id)).toContain(model.id);
  });

  it('takes a yearly effectiveness rating and is flagged exemplary with its year', async () => {
    const rated = ok<ModelDetail>(
      await officer.request('PUT', `/api/models/${model.id}/ratings/2025`, {
        rating: 'good',
        note: 'Giảm trộm cắp',
      }),
    );
    expect(rated.ratings).toEqual([
      { year: 2025, rating: 'good', ratingLabel: 'Hiệu quả tốt', note: 'Giảm trộm cắp' },
    ]);
    refused(
      await officer.request('PUT', `/api/models/${model.id}/ratings/2024`, { rating: 'good' }),
      400,
      'year',
    );
    refused(
      await officer.request('PATCH', `/api/models/${model.id}`, { exemplary: true }),
      400,
      'exemplaryYear',
    );
    const exemplary = ok<ModelDetail>(
      await officer.request('PATCH', `/api/models/${model.id}`, {
        exemplary: true,
        exemplaryYear: 2026,
        exemplaryDecision: '55/QĐ-UBND',
      }),
    );
    expect(exemplary).toMatchObject({
      exemplary: true,
      exemplaryYear: 2026,
      latestRating: { year: 2025, rating: 'good' },
    });
    const found = ok<ModelList>(
      await officer.request('GET', '/api/models?exemplary=true&q=camera%20an%20ninh%20lien'),
    );
    expect(found.items.map((item) => item.id)).toEqual([model.id]);
  });
});

describe('replication across communes', () => {
  it('shows the spread the reader may see, and counts the rest', async () => {
    const origin = ok<ModelDetail>(
      await officer.request('POST', '/api/models', {
        name: 'Tiếng kẻng an ninh thôn gốc',
        kindId: kind('security_gong'),
        leadUnitId: villages[0]!.id,
        startedOn: '2025-07-10',
      }),
      201,
    );
    const copies: ModelDetail[] = [];
    for (const village of [villages[1]!, villages[2]!]) {
      copies.push(
        ok<ModelDetail>(
          await officer.request('POST', '/api/models', {
            name: `Tiếng kẻng an ninh ${village.fullName}`,
            kindId: kind('security_gong'),
            leadUnitId: village.id,
            startedOn: '2025-09-01',
            replicatedFromId: origin.id,
          }),
          201,
        ),
      );
    }
    // The neighbouring commune copies it, and a village of ours copies the neighbour's copy.
    const across = ok<ModelDetail>(
      await neighbour.request('POST', '/api/models', {
        name: 'Tiếng kẻng an ninh xã bạn',
        kindId: kind('security_gong'),
        leadUnitId: villages[3]!.id,
        startedOn: '2025-10-01',
        replicatedFromId: origin.id,
      }),
      201,
    );
    expect(across.replicatedFrom).toMatchObject({ id: origin.id, name: null, visible: false });
    const back = ok<ModelDetail>(
      await officer.request('POST', '/api/models', {
        name: 'Tiếng kẻng an ninh nhân rộng lần hai',
        kindId: kind('security_gong'),
        leadUnitId: villages[2]!.id,
        startedOn: '2025-11-01',
        replicatedFromId: across.id,
      }),
      201,
    );
    const tree = ok<ReplicationTree>(await officer.request('GET', `/api/models/${origin.id}/replication`));
    expect(tree.nodes[0]).toMatchObject({ id: origin.id, parentId: null, depth: 0, hiddenChildren: 1 });
    expect(tree.nodes.map((node) => node.id).sort()).toEqual(
      [origin.id, copies[0]!.id, copies[1]!.id, back.id].sort(),
    );
    expect(tree.nodes.find((node) => node.id === back.id)).toMatchObject({
      parentId: origin.id,
      viaHidden: true,
    });
    expect(tree).toMatchObject({ visibleCount: 3, hiddenCount: 1 });
    const fromBack = ok<ReplicationTree>(await officer.request('GET', `/api/models/${back.id}/replication`));
    expect(fromBack.ancestors).toEqual([
      { id: origin.id, name: 'Tiếng kẻng an ninh thôn gốc', visible: true },
      { id: across.id, name: null, visible: false },
    ]);
    const province = ok<ReplicationTree>(await staff.request('GET', `/api/models/${origin.id}/replication`));
    expect(province).toMatchObject({ visibleCount: 4, hiddenCount: 0 });
    refused(
      await officer.request('PATCH', `/api/models/${origin.id}`, { replicatedFromId: back.id }),
      400,
      'replicatedFromId',
    );
    expect((await neighbour.request('GET', `/api/models/${origin.id}/replication`)).statusCode).toBe(404);
  });
});

describe('the summary', () => {
  it('counts models by kind and status and sums cameras, per commune, on either hierarchy', async () => {
    const [old] = commune.predecessors;
    ok(
      await staff.request('POST', '/api/models', {
        name: 'Camera an ninh xã cũ',
        kindId: kind('camera'),
        leadUnitId: old!.id,
        startedOn: '2023-05-01',
        cameraPoints: 3,
        cameras: 5,
      }),
      201,
    );
    const asOf = (
      await staff.request('GET', `/api/models/summary?unit=${commune.oldDistrictId}&asOf=2025-06-30`)
    ).json() as SummaryResponse;
    const oldRow = asOf.rows.find((row) => row.unit?.id === old!.id)!;
    expect(oldRow.values).toMatchObject({
      models: 1,
      'models:camera': 1,
      camera_points: 3,
      cameras: 5,
      'models_by_status:active': 1,
    });
    const current = (
      await staff.request(
        'GET',
        `/api/models/summary?unit=${commune.provinceId}&asOf=2025-06-30&basis=current`,
      )
    ).json() as SummaryResponse;
    const newRow = current.rows.find((row) => row.unit?.id === commune.id)!;
    expect(newRow.values).toMatchObject({ camera_points: 3, cameras: 5 });
    const today = (await officer.request('GET', '/api/models/summary')).json() as SummaryResponse;
    expect(today.unit?.id).toBe(commune.id);
    expect(today.total.models_by_status).toBeGreaterThanOrEqual(5);
    expect(today.total['models_by_status:ended']).toBe(1);
    for (const column of today.columns) {
      expect(today.total[column.key]).toBe(
        today.rows.reduce((sum, row) => sum + (row.values[column.key] ?? 0), 0),
      );
    }
  });
});

describe('Excel', () => {
  async function workbook(rows: Array<Record<string, string | number | Date | null>>): Promise<Buffer> {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
    const sheet = book.addWorksheet(MODEL_SHEET);
    sheet.addRow(MODEL_COLUMNS.map(templateHeader)).commit();
    for (const row of rows) sheet.addRow(MODEL_COLUMNS.map((column) => row[column.key] ?? null)).commit();
    sheet.commit();
    await book.commit();
    return Buffer.concat(chunks);
  }
  const unitCell = (unit: { id: number; fullName: string }) => `${unit.fullName} [#${unit.id}]`;

  it('imports nothing from a file with a bad row, names the row, then imports the corrected file', async () => {
    const rows: Array<Record<string, string | number | Date | null>> = [
      {
        key: 'M1',
        name: 'Xóm liên gia tự quản số 1',
        kindId: 'Xóm liên gia tự quản',
        leadUnitId: unitCell(villages[1]!),
        startedOn: '01/09/2025',
      },
      {
        key: 'M2',
        name: 'Xóm liên gia tự quản số 2',
        kindId: 'xom lien gia tu quan',
        leadUnitId: unitCell(villages[2]!),
        startedOn: '01/10/2025',
        replicatedFrom: 'M1',
        partnerUnitIds: unitCell(villages[0]!),
      },
      {
        key: 'M3',
        name: 'Camera thiếu số liệu',
        kindId: 'Camera an ninh',
        leadUnitId: unitCell(villages[0]!),
        startedOn: '01/10/2025',
      },
    ];
    const first = await upload(app, officer, '/api/models/import', await workbook(rows));
    const job = (await waitForJob(officer, first.json() as JobState)).at(-1)!;
    const result = job.result as ImportResult;
    expect(result.committed).toBe(false);
    expect(result.errors.map((error) => [error.row, error.field])).toEqual([
      [4, 'Số điểm camera'],
      [4, 'Số camera'],
    ]);
    rows[2] = { ...rows[2]!, cameraPoints: 2, cameras: 4 };
    const second = await upload(app, officer, '/api/models/import', await workbook(rows));
    const done = (await waitForJob(officer, second.json() as JobState)).at(-1)!.result as ImportResult;
    expect(done).toMatchObject({ committed: true, errorCount: 0 });
    const list = ok<ModelList>(await officer.request('GET', '/api/models?q=xom%20lien%20gia&sort=name'));
    expect(list.items.map((item) => item.name)).toEqual([
      'Xóm liên gia tự quản số 1',
      'Xóm liên gia tự quản số 2',
    ]);
    expect(list.items[1]).toMatchObject({ replicatedFrom: { id: list.items[0]!.id, visible: true } });
    expect(list.items[1]!.units).toHaveLength(2);
  });

  it('exports the current filter', async () => {
    const response = await officer.request('GET', `/api/models/export?kind=${kind('camera')}`);
    expect(response.statusCode, response.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Mô hình')!;
    expect(String(sheet.getCell('A2').value)).toContain('Loại: Camera an ninh');
    const names = sheet.getColumn(2).values.slice(5).map(String);
    expect(names).toEqual(expect.arrayContaining(['Camera an ninh liên thôn', 'Camera thiếu số liệu']));
    expect(names.every((name) => name.startsWith('Camera'))).toBe(true);
  });

  it('offers a template with the kinds and units to choose from', async () => {
    const response = await officer.request('GET', '/api/models/import/template');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet(MODEL_SHEET)!.getRow(1).getCell(2).value).toBe('Tên mô hình (*)');
    const lists = book.getWorksheet('Danh mục')!;
    expect(lists.getColumn(1).values).toContain('Tiếng kẻng an ninh');
  });
});
