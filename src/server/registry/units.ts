/**
 * The units as registries need them: how a record names its unit, whether a unit may take a record on a date, and
 * the batch look-ups of an import. SQL only; the hierarchy itself belongs to the units module.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { RecordUnit } from '../../contracts/registry.js';
import { isValidOn } from '../../domain/dates.js';
import type { UnitKind } from '../../domain/units.js';
import { type Database, queryRows } from '../db/client.js';
import { type Scope, unitInScope } from '../db/scope.js';

/**
 * A JSON object naming the unit of `unitIdExpression` by its latest version (today's when it still exists) and the
 * parent it had then: what a list shows next to a record.
 */
export function recordUnitJson(unitIdExpression: SQL, today: string): SQL {
  return sql`(select json_build_object('id', ru.id, 'code', ru.code, 'kind', ru.kind, 'fullName', rv.full_name,
      'parentName', (select rp.full_name from unit_versions rp where rp.unit_id = rv.parent_id
         and (rp.valid_from is null or rp.valid_from <= least(coalesce(rv.valid_to, ${today}::date), ${today}::date))
         and (rp.valid_to is null or rp.valid_to >= least(coalesce(rv.valid_to, ${today}::date), ${today}::date)) limit 1),
      'current', rv.valid_to is null or rv.valid_to >= ${today}::date)
    from units ru join lateral (select * from unit_versions v0 where v0.unit_id = ru.id
      order by v0.valid_to desc nulls first limit 1) rv on true
    where ru.id = ${unitIdExpression})`;
}

/** A unit with every version's interval: enough to say whether it existed on any date. */
export interface UnitIntervals {
  id: number;
  code: string;
  kind: UnitKind;
  provinceCode: string;
  /** Latest full name. */
  fullName: string;
  versions: Array<{ validFrom: string | null; validTo: string | null; fullName: string }>;
}

export function existedOn(unit: UnitIntervals, date: string): boolean {
  return unit.versions.some((version) => isValidOn(version, date));
}

export function nameOn(unit: UnitIntervals, date: string): string {
  return unit.versions.find((version) => isValidOn(version, date))?.fullName ?? unit.fullName;
}

/** Units by id (and, for imports, by official code) that lie inside the scope, with their versions. */
export async function loadUnitsInScope(
  db: Database,
  scope: Scope,
  lookup: { ids?: readonly number[]; codes?: readonly string[] },
): Promise<UnitIntervals[]> {
  const ids = [...new Set(lookup.ids ?? [])];
  const codes = [...new Set(lookup.codes ?? [])];
  if (ids.length === 0 && codes.length === 0) return [];
  const conditions: SQL[] = [];
  if (ids.length > 0) conditions.push(sql`u.id = any(${`{${ids.join(',')}}`}::int[])`);
  if (codes.length > 0) conditions.push(sql`u.code = any(${toTextArray(codes)}::text[])`);
  const rows = await queryRows<{
    id: number;
    code: string;
    kind: UnitKind;
    provinceCode: string;
    validFrom: string | null;
    validTo: string | null;
    fullName: string;
  }>(
    db,
    sql`select u.id, u.code, u.kind, u.province_code as "provinceCode", v.valid_from as "validFrom",
          v.valid_to as "validTo", v.full_name as "fullName"
        from units u join unit_versions v on v.unit_id = u.id
        where (${sql.join(conditions, sql` or `)}) and ${unitInScope(scope, sql`u.id`)}
        order by u.id, v.valid_from nulls first`,
  );
  const byId = new Map<number, UnitIntervals>();
  for (const row of rows) {
    let unit = byId.get(row.id);
    if (!unit) {
      unit = {
        id: row.id,
        code: row.code,
        kind: row.kind,
        provinceCode: row.provinceCode,
        fullName: row.fullName,
        versions: [],
      };
      byId.set(row.id, unit);
    }
    unit.versions.push({ validFrom: row.validFrom, validTo: row.validTo, fullName: row.fullName });
    unit.fullName = row.fullName;
  }
  return [...byId.values()];
}

/** A PostgreSQL text[] literal; values are quoted so that commas and quotes inside them survive. */
export function toTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export function toIntArray(values: readonly number[]): string {
  return `{${values.join(',')}}`;
}

/** The units a registry template offers in its drop-down: those in scope and existing today, by path. */
export async function listUnitsForTemplate(
  db: Database,
  scope: Scope,
  today: string,
  kinds: readonly UnitKind[],
  limit: number,
): Promise<Array<{ id: number; kind: UnitKind; fullName: string; parentName: string | null }>> {
  return queryRows(
    db,
    sql`select u.id, u.kind, v.full_name as "fullName", pv.full_name as "parentName"
        from unit_versions v join units u on u.id = v.unit_id
        left join unit_versions pv on pv.unit_id = v.parent_id
          and (pv.valid_from is null or pv.valid_from <= ${today}::date) and (pv.valid_to is null or pv.valid_to >= ${today}::date)
        where (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)
          and u.kind = any(${toTextArray(kinds)}::text[]) and ${unitInScope(scope, sql`u.id`)}
        order by v.path limit ${limit}`,
  );
}

export function toRecordUnit(value: unknown): RecordUnit {
  return value as RecordUnit;
}

/**
 * For imports that check row by row: finds a unit named in a cell (by id or by official code) inside the actor's
 * scope, remembering what it found. A code names the unit as it is today when several units shared it.
 */
export function unitFinder(db: Database, actor: { scope: Scope }) {
  const found = new Map<string, UnitIntervals | undefined>();
  return async (reference: { id: number } | { code: string }): Promise<UnitIntervals | undefined> => {
    const key = 'id' in reference ? `#${reference.id}` : reference.code;
    if (!found.has(key)) {
      const units = await loadUnitsInScope(
        db,
        actor.scope,
        'id' in reference ? { ids: [reference.id] } : { codes: [reference.code] },
      );
      found.set(key, units.at(-1));
    }
    return found.get(key);
  };
}
