/**
 * The access matrix of the models registry: every role × every action × a model inside and outside the actor's
 * scope (through its lead unit). Outside scope answers 404, a missing permission 403; a unit outside scope in a
 * body or a file is a bad value of that field.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune, upload, waitForJob } from '../../../../test/helpers/registries.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { JobState } from '../../../contracts/jobs.js';
import type { ModelList } from '../../../contracts/models.js';
import type { ImportResult } from '../../../contracts/registry.js';
import type { RoleId } from '../../../domain/roles.js';
import { systemActor } from '../../context.js';
import type { DatabaseHandle } from '../../db/client.js';
import { templateHeader } from '../../registry/xlsx.js';
import { MODEL_COLUMNS, MODEL_SHEET } from './models.import.js';
import * as repo from './models.repo.js';
import { createModel } from './models.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let gongKind = 0;

const INSIDE_PROVINCE = '48';
type Where = 'inside' | 'outside';
const actors: Array<{ role: RoleId; unit: string; label: string }> = [
  { role: 'admin', unit: 'VN', label: 'quản trị toàn quốc' },
  { role: 'admin', unit: INSIDE_PROVINCE, label: 'quản trị tỉnh' },
  { role: 'province_staff', unit: INSIDE_PROVINCE, label: 'cán bộ tỉnh' },
  { role: 'commune_officer', unit: INSIDE_PROVINCE, label: 'công an xã (cấp tỉnh)' },
  { role: 'front_officer', unit: INSIDE_PROVINCE, label: 'MTTQ' },
  { role: 'unit_head', unit: INSIDE_PROVINCE, label: 'trưởng đơn vị' },
  { role: 'viewer', unit: INSIDE_PROVINCE, label: 'người xem' },
];
const readers = new Set<RoleId>(['province_staff', 'commune_officer', 'front_officer', 'unit_head']);
const writers = new Set<RoleId>(['province_staff', 'commune_officer']);

function expected(
  actor: (typeof actors)[number],
  where: Where,
  needs: 'read' | 'write',
  success: number,
): number {
  if (!(needs === 'read' ? readers : writers).has(actor.role)) return 403;
  if (where === 'outside') return 404;
  return success;
}

const places: Record<Where, { commune: number; village: { id: number; fullName: string } }> = {
  inside: { commune: 0, village: { id: 0, fullName: '' } },
  outside: { commune: 0, village: { id: 0, fullName: '' } },
};
const signedIn = new Map<string, SignedIn>();
const files: Partial<Record<Where, Buffer>> = {};

async function freshModel(where: Where): Promise<number> {
  const model = await createModel(database.db, systemActor(), {
    name: `Tiếng kẻng an ninh ${where}`,
    kindId: gongKind,
    leadUnitId: places[where].village.id,
    startedOn: '2025-08-01',
  });
  return model.id;
}

async function importFile(village: { id: number; fullName: string }): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  const sheet = book.addWorksheet(MODEL_SHEET);
  sheet.addRow(MODEL_COLUMNS.map(templateHeader)).commit();
  sheet
    .addRow([
      'M1',
      'Tiếng kẻng nhập',
      'Tiếng kẻng an ninh',
      `${village.fullName} [#${village.id}]`,
      null,
      '01/08/2025',
    ])
    .commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  gongKind = (await repo.listKinds(database.db)).find((kind) => kind.code === 'security_gong')!.id;
  for (const [where, province] of [
    ['inside', INSIDE_PROVINCE],
    ['outside', '01'],
  ] as const) {
    const commune = await findMergedCommune(database.db, province);
    places[where] = {
      commune: commune.id,
      village: await createVillage(database.db, commune.id, { validFrom: '2025-07-01' }),
    };
    files[where] = await importFile(places[where].village);
  }
  for (const actor of actors) {
    const user = await makeUser(database.db, actor.role, actor.unit);
    signedIn.set(actor.label, await signIn(app, user.username));
  }
});
afterAll(() => close());

describe.each(actors)('$label ($role)', (actor) => {
  const as = () => signedIn.get(actor.label)!;
  const wheres = ['inside', 'outside'] as const;

  it.each(wheres)('reads a model %s scope and its replication tree', async (where) => {
    const id = await freshModel(where);
    expect((await as().request('GET', `/api/models/${id}`)).statusCode).toBe(
      expected(actor, where, 'read', 200),
    );
    expect((await as().request('GET', `/api/models/${id}/replication`)).statusCode).toBe(
      expected(actor, where, 'read', 200),
    );
  });

  it.each(wheres)('lists models: a model %s scope appears only when in scope', async (where) => {
    const id = await freshModel(where);
    const response = await as().request('GET', '/api/models?pageSize=500&sort=-updatedAt');
    if (!readers.has(actor.role)) return expect(response.statusCode).toBe(403);
    expect((response.json() as ModelList).items.map((item) => item.id).includes(id)).toBe(where === 'inside');
  });

  it.each(wheres)('creates a model led by a unit %s scope', async (where) => {
    const response = await as().request('POST', '/api/models', {
      name: `Mô hình của ${actor.label}`,
      kindId: gongKind,
      leadUnitId: places[where].village.id,
      startedOn: '2025-09-01',
    });
    if (!writers.has(actor.role)) return expect(response.statusCode).toBe(403);
    if (where === 'outside') {
      expect(response.statusCode).toBe(400);
      return expect(response.json().field).toBe('leadUnitId');
    }
    expect(response.statusCode, response.body).toBe(201);
  });

  it.each(wheres)('updates, pauses and rates a model %s scope', async (where) => {
    const id = await freshModel(where);
    expect((await as().request('PATCH', `/api/models/${id}`, { notes: 'Ghi chú' })).statusCode).toBe(
      expected(actor, where, 'write', 200),
    );
    expect(
      (
        await as().request('POST', `/api/models/${id}/status`, {
          status: 'paused',
          effectiveOn: '2025-10-01',
        })
      ).statusCode,
    ).toBe(expected(actor, where, 'write', 200));
    expect(
      (await as().request('PUT', `/api/models/${id}/ratings/2025`, { rating: 'average' })).statusCode,
    ).toBe(expected(actor, where, 'write', 200));
  });

  it.each(wheres)('ends a model %s scope', async (where) => {
    const id = await freshModel(where);
    expect((await as().request('POST', `/api/models/${id}/end`, { endedOn: '2026-01-01' })).statusCode).toBe(
      expected(actor, where, 'write', 200),
    );
  });

  it.each(wheres)('imports a file naming a unit %s scope', async (where) => {
    const response = await upload(app, as(), '/api/models/import?dryRun=true', files[where]!);
    if (!writers.has(actor.role)) return expect(response.statusCode).toBe(403);
    // 200 when the job ended within the route's wait, 202 when the machine is busy: either way the job decides.
    expect([200, 202], response.body).toContain(response.statusCode);
    const result = (await waitForJob(as(), response.json() as JobState)).at(-1)!.result as ImportResult;
    if (where === 'inside') return expect(result.errorCount).toBe(0);
    expect(result.errors[0]).toMatchObject({ sheet: MODEL_SHEET, row: 2, field: 'Đơn vị chủ trì' });
  });

  it.each(wheres)('exports and summarises a unit %s scope', async (where) => {
    expect(
      (await as().request('GET', `/api/models/export?unit=${places[where].village.id}`)).statusCode,
    ).toBe(expected(actor, where, 'read', 200));
    expect((await as().request('GET', `/api/models/summary?unit=${places[where].commune}`)).statusCode).toBe(
      expected(actor, where, 'read', 200),
    );
  });

  it('reads the list of kinds, which is not protected data', async () => {
    expect((await as().request('GET', '/api/models/kinds')).statusCode).toBe(200);
  });
});
