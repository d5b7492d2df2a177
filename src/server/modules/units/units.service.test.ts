import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { createVillage, officialUnitId, uniqueTag, versionsOf } from '../../../../test/helpers/factories.js';
import { AppError } from '../../../domain/errors.js';
import { LAST_DAY_BEFORE_REFORM_2025, REFORM_2025_DATE } from '../../../domain/units.js';
import { loadConfig } from '../../config.js';
import { type Database, type DatabaseHandle, queryRows } from '../../db/client.js';
import { addLocalUnit, getUnit, importOfficialUnits, listChildren, listUnits } from './units.service.js';

let database: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.close();
});

async function tableCounts() {
  const [row] = await queryRows<{ units: number; versions: number; lineage: number }>(
    db,
    sql`select (select count(*)::int from units) as units, (select count(*)::int from unit_versions) as versions,
          (select count(*)::int from unit_lineage) as lineage`,
  );
  return row!;
}

async function officialIds(): Promise<Map<string, number>> {
  const rows = await queryRows<{ key: string; id: number }>(
    db,
    sql`select kind || ':' || code || ':' || coalesce(valid_from::text, '') as key, id
        from units where source = 'official'`,
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** Runs `work` and answers the AppError it throws, so that a test can check code and field. */
async function appErrorOf(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('importOfficialUnits', () => {
  it('does nothing the second time, and a forced reload keeps every unit id and the local units', async () => {
    const dataDir = loadConfig().sharedDataDir;
    const ngocLong = await officialUnitId(db, 'commune', '00859', REFORM_2025_DATE);
    const village = await createVillage(db, ngocLong);
    const before = await tableCounts();
    const idsBefore = await officialIds();
    const villagePaths = await versionsOf(db, village.id);

    const again = await importOfficialUnits(db, dataDir);
    expect(again.skipped).toBe(true);
    expect(await tableCounts()).toEqual(before);

    const forced = await importOfficialUnits(db, dataDir, { force: true });
    expect(forced).toMatchObject({ skipped: false, units: idsBefore.size });
    expect(await tableCounts()).toEqual(before);
    expect(await officialIds()).toEqual(idsBefore);
    expect(await versionsOf(db, village.id)).toEqual(villagePaths);
    const found = await listUnits(db, { q: village.name });
    expect(found.items.map((item) => item.id)).toEqual([village.id]);
  });
});

describe('the loaded hierarchy', () => {
  it('answers 3,321 communes today, 10,035 on 30/06/2025, and 34 and 63 provinces', async () => {
    expect((await listUnits(db, { kind: 'commune', pageSize: 1 })).total).toBe(3321);
    expect((await listUnits(db, { kind: 'commune', asOf: REFORM_2025_DATE, pageSize: 1 })).total).toBe(3321);
    expect(
      (await listUnits(db, { kind: 'commune', asOf: LAST_DAY_BEFORE_REFORM_2025, pageSize: 1 })).total,
    ).toBe(10_035);
    expect(
      (await listUnits(db, { kind: 'district', asOf: LAST_DAY_BEFORE_REFORM_2025, pageSize: 1 })).total,
    ).toBe(696);
    expect((await listUnits(db, { kind: 'district', pageSize: 1 })).total).toBe(0);
    expect((await listUnits(db, { kind: 'province', pageSize: 1 })).total).toBe(34);
    expect(
      (await listUnits(db, { kind: 'province', asOf: LAST_DAY_BEFORE_REFORM_2025, pageSize: 1 })).total,
    ).toBe(63);
  });

  it('gives a commune of a province merged in 2025 one stored version per parent, not one per name of the province', async () => {
    // Đồng Nai became a Thành phố on 30/04/2026; its communes did not move, so they keep one version since 2025.
    const binhPhuoc = await getUnit(db, await officialUnitId(db, 'commune', '25195', REFORM_2025_DATE));
    expect(
      binhPhuoc.versions.map((version) => [version.validFrom, version.validTo, version.fullName]),
    ).toEqual([[REFORM_2025_DATE, null, 'Phường Bình Phước']]);
    expect(await versionsOf(db, binhPhuoc.id)).toHaveLength(1);
    const ward = await getUnit(db, await officialUnitId(db, 'commune', '25270', REFORM_2025_DATE));
    expect(ward.versions.map((version) => [version.validFrom, version.validTo, version.fullName])).toEqual([
      [REFORM_2025_DATE, '2026-04-29', 'Xã Lộc Ninh'],
      ['2026-04-30', null, 'Phường Lộc Ninh'],
    ]);
  });
});

describe('addLocalUnit', () => {
  it('places a village under a commune that came through the reform: one path under the district, one under the province', async () => {
    const ngocLong = await officialUnitId(db, 'commune', '00859', REFORM_2025_DATE);
    const village = await createVillage(db, ngocLong, { validFrom: '2020-01-01' });
    const versions = await versionsOf(db, village.id);
    expect(versions).toHaveLength(2);
    expect(versions.map((version) => [version.validFrom, version.validTo])).toEqual([
      ['2020-01-01', LAST_DAY_BEFORE_REFORM_2025],
      [REFORM_2025_DATE, null],
    ]);
    expect(versions[0]!.path).not.toBe(versions[1]!.path);
    expect(versions.every((version) => version.parentId === ngocLong)).toBe(true);

    const before = await getUnit(db, village.id, LAST_DAY_BEFORE_REFORM_2025);
    expect(before.ancestors.map((ancestor) => ancestor.fullName)).toEqual([
      'Tỉnh Hà Giang',
      'Huyện Yên Minh',
      'Xã Ngọc Long',
    ]);
    expect(before.provinceName).toBe('Tỉnh Hà Giang');
    expect(before.provinceCode).toBe('02');
    const after = await getUnit(db, village.id);
    expect(after.ancestors.map((ancestor) => ancestor.fullName)).toEqual([
      'Tỉnh Tuyên Quang',
      'Xã Ngọc Long',
    ]);
    expect(after.provinceCode).toBe('08');
    expect(after.existsOnDate).toBe(true);

    // The village shows under its commune on either date, and search finds it on either date.
    for (const asOf of [LAST_DAY_BEFORE_REFORM_2025, REFORM_2025_DATE]) {
      const children = await listChildren(db, ngocLong, { asOf });
      expect(children.items.map((item) => item.id)).toContain(village.id);
      const found = await listUnits(db, { q: village.name, asOf });
      expect(found.items.map((item) => item.id)).toEqual([village.id]);
    }
    expect((await listUnits(db, { q: village.name, asOf: '2019-12-31' })).total).toBe(0);
  });

  it('starts a village of unknown start with its commune when the commune is new in 2025', async () => {
    const baDinh = await officialUnitId(db, 'commune', '00004', REFORM_2025_DATE);
    const village = await createVillage(db, baDinh, { validFrom: null, typeName: 'Tổ dân phố' });
    expect(await versionsOf(db, village.id)).toEqual([
      expect.objectContaining({ validFrom: REFORM_2025_DATE, validTo: null }),
    ]);
    const detail = await getUnit(db, village.id);
    expect(detail).toMatchObject({
      validFrom: REFORM_2025_DATE,
      fullName: village.fullName,
      kind: 'residential_area',
    });
    expect(detail.ancestors.map((ancestor) => ancestor.fullName)).toEqual([
      'Thành phố Hà Nội',
      'Phường Ba Đình',
    ]);
  });

  it('gives villages added one after another their own identity, code and versions', async () => {
    const ngocLong = await officialUnitId(db, 'commune', '00859', REFORM_2025_DATE);
    const villages = [];
    for (let index = 0; index < 5; index++) villages.push(await createVillage(db, ngocLong));
    expect(new Set(villages.map((village) => village.id)).size).toBe(5);
    for (const village of villages) expect(await versionsOf(db, village.id)).toHaveLength(2);
  });

  it('refuses a second unit of the same kind with the same code, writing nothing', async () => {
    const baDinh = await officialUnitId(db, 'commune', '00004', REFORM_2025_DATE);
    const code = `TDP-${uniqueTag()}`;
    await createVillage(db, baDinh, { code, validFrom: '2025-07-01' });
    const before = await tableCounts();
    const error = await appErrorOf(() => createVillage(db, baDinh, { code, validFrom: '2025-07-01' }));
    expect(error).toMatchObject({ kind: 'conflict', code: 'units.code_taken', field: 'code' });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a start date on which the commune did not exist, naming the field', async () => {
    const baDinh = await officialUnitId(db, 'commune', '00004', REFORM_2025_DATE);
    const before = await tableCounts();
    const error = await appErrorOf(() => createVillage(db, baDinh, { validFrom: '2020-01-01' }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'units.parent_not_valid', field: 'validFrom' });
    expect(error.message).toContain('Phường Ba Đình');
    const truc = await officialUnitId(db, 'commune', '00004', LAST_DAY_BEFORE_REFORM_2025);
    const ended = await appErrorOf(() => createVillage(db, truc, { validFrom: '2026-01-01' }));
    expect(ended).toMatchObject({ code: 'units.parent_not_valid', field: 'validFrom' });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses official kinds, a village under a province or district, an empty name, an unknown parent', async () => {
    const hanoi = await officialUnitId(db, 'province', '01', REFORM_2025_DATE);
    const yenMinh = await officialUnitId(db, 'district', '028', LAST_DAY_BEFORE_REFORM_2025);
    const baDinh = await officialUnitId(db, 'commune', '00004', REFORM_2025_DATE);
    const base = { name: 'Thôn A', typeName: 'Thôn', validFrom: null, source: 'user' as const };
    const cases = [
      [{ ...base, kind: 'commune' as const, parentId: hanoi }, 'units.kind_not_local', 'kind'],
      [{ ...base, kind: 'residential_area' as const, parentId: hanoi }, 'units.parent_kind', 'parentId'],
      [{ ...base, kind: 'school' as const, parentId: yenMinh }, 'units.parent_kind', 'parentId'],
      [
        { ...base, kind: 'residential_area' as const, parentId: baDinh, name: '  ' },
        'units.name_required',
        'name',
      ],
      [
        { ...base, kind: 'residential_area' as const, parentId: 2_000_000_000 },
        'units.parent_not_found',
        'parentId',
      ],
    ] as const;
    for (const [input, code, field] of cases) {
      const error = await appErrorOf(() => addLocalUnit(db, input));
      expect(error, code).toMatchObject({ kind: 'invalid', code, field });
    }
  });

  it('lets an agency hang under a province', async () => {
    const hanoi = await officialUnitId(db, 'province', '01', REFORM_2025_DATE);
    const name = `Sở Thử nghiệm ${uniqueTag()}`;
    const id = await addLocalUnit(db, {
      kind: 'agency',
      name,
      typeName: 'Cơ quan',
      parentId: hanoi,
      validFrom: '2025-07-01',
      source: 'user',
    });
    const detail = await getUnit(db, hanoi);
    expect(detail.childCounts).toContainEqual({ kind: 'agency', count: expect.any(Number) });
    expect((await getUnit(db, id)).ancestors.map((ancestor) => ancestor.id)).toEqual([hanoi]);
  });
});
