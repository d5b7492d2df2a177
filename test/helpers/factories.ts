/**
 * Test data builders. Each call makes rows of its own (unique names and codes), so that no test depends on rows
 * another test made; the official units come with every test database.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { UnitKind } from '../../src/domain/units.js';
import { type Database, queryRows } from '../../src/server/db/client.js';
import { addLocalUnit, type NewLocalUnit } from '../../src/server/modules/units/units.service.js';

/** A short random tag for names and codes, e.g. "k3f9a2". */
export function uniqueTag(): string {
  return randomBytes(3).toString('hex');
}

/** The id of the official unit with this code that existed on `asOf` (codes repeat across the reform). */
export async function officialUnitId(
  db: Database,
  kind: UnitKind,
  code: string,
  asOf: string,
): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select u.id from units u join unit_versions v on v.unit_id = u.id
        where u.kind = ${kind} and u.code = ${code}
          and (v.valid_from is null or v.valid_from <= ${asOf}::date)
          and (v.valid_to is null or v.valid_to >= ${asOf}::date)`,
  );
  if (rows.length !== 1) throw new Error(`expected one ${kind} ${code} on ${asOf}, found ${rows.length}`);
  return rows[0]!.id;
}

/** A village (thôn) under `parentId`, named uniquely; override anything. Answers its id and name. */
export async function createVillage(
  db: Database,
  parentId: number,
  overrides: Partial<NewLocalUnit> = {},
): Promise<{ id: number; name: string; fullName: string }> {
  const name = overrides.name ?? `Thử nghiệm ${uniqueTag()}`;
  const typeName = overrides.typeName ?? 'Thôn';
  const id = await addLocalUnit(db, {
    kind: 'residential_area',
    typeName,
    validFrom: '2020-01-01',
    source: 'user',
    ...overrides,
    name,
    parentId,
  });
  return { id, name, fullName: `${typeName} ${name}` };
}

export interface UnitVersionRow {
  validFrom: string | null;
  validTo: string | null;
  parentId: number | null;
  path: string;
}

/** The stored versions of a unit, oldest first. */
export async function versionsOf(db: Database, unitId: number): Promise<UnitVersionRow[]> {
  return queryRows<UnitVersionRow>(
    db,
    sql`select valid_from as "validFrom", valid_to as "validTo", parent_id as "parentId", path
        from unit_versions where unit_id = ${unitId} order by valid_from nulls first`,
  );
}
