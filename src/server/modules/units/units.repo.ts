/**
 * SQL of the units module. The hierarchy itself is public reference data (the official lists), so reads here take
 * no scope; modules that hold protected records use the subtree helpers below to limit their own queries.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { UnitKind } from '../../../domain/units.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';

/** The version of alias `alias` valid on `date`: null bounds are open. */
export function validOn(alias: string, date: string | SQL): SQL {
  const a = sql.raw(alias);
  const day = typeof date === 'string' ? sql`${date}::date` : date;
  return sql`(${a}.valid_from is null or ${a}.valid_from <= ${day}) and (${a}.valid_to is null or ${a}.valid_to >= ${day})`;
}

export interface UnitRow {
  id: number;
  code: string;
  kind: UnitKind;
  name: string;
  typeName: string;
  fullName: string;
  nameEn: string | null;
  parentId: number | null;
  parentName: string | null;
  provinceCode: string;
  provinceName: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: 'official' | 'user' | 'import' | 'demo';
  childCount: number;
  path: string;
}

const KIND_ORDER = sql`array_position(array['province','district','commune','residential_area','agency','enterprise','school'], u.kind)`;

function summaryColumns(asOf: string): SQL {
  return sql`
    u.id, u.code, u.kind, v.name, v.type_name as "typeName", v.full_name as "fullName", v.name_en as "nameEn",
    v.parent_id as "parentId", pv.full_name as "parentName", coalesce(pu.code, u.province_code) as "provinceCode",
    prov.full_name as "provinceName", u.valid_from as "validFrom", u.valid_to as "validTo", u.source, v.path,
    (select count(*)::int from unit_versions c where c.parent_id = u.id and ${validOn('c', asOf)}) as "childCount"`;
}

function summaryJoins(asOf: string): SQL {
  return sql`
    join units u on u.id = v.unit_id
    left join unit_versions pv on pv.unit_id = v.parent_id and ${validOn('pv', asOf)}
    left join unit_versions prov on prov.unit_id = split_part(v.path, '/', 2)::int and ${validOn('prov', asOf)}
    left join units pu on pu.id = split_part(v.path, '/', 2)::int`;
}

export interface ListUnitsFilter {
  asOf: string;
  /** Only units inside this scope are listed. */
  scope: Scope;
  /** Only the top of the scope: units whose parent on `asOf` lies outside it (or have none). */
  rootsOnly?: boolean | undefined;
  kind?: UnitKind | undefined;
  parentId?: number | undefined;
  /** Already normalised (lower case, no diacritics). */
  search?: string | undefined;
  limit: number;
  offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Sort key of a name: numbers compare as numbers ("phuong 2" before "phuong 10") and the bytes compare in "C"
 * order, so that both drivers and every server locale give the same order. Names without digits skip the regex.
 */
const SORT_NAME = sql`(case when v.search_name ~ '[0-9]'
  then regexp_replace(regexp_replace(v.search_name, '([0-9]+)', '000000\\1', 'g'), '0*([0-9]{6})(?![0-9])', '\\1', 'g')
  else v.search_name end) collate "C"`;

export async function listUnits(
  db: Database,
  filter: ListUnitsFilter,
): Promise<{ rows: UnitRow[]; total: number }> {
  const conditions: SQL[] = [validOn('v', filter.asOf)];
  if (!filter.scope.all) conditions.push(unitInScope(filter.scope, sql`u.id`));
  if (filter.rootsOnly) {
    conditions.push(
      filter.scope.all
        ? sql`v.parent_id is null`
        : sql`(v.parent_id is null or not ${unitInScope(filter.scope, sql`v.parent_id`)})`,
    );
  }
  if (filter.kind) conditions.push(sql`u.kind = ${filter.kind}`);
  if (filter.parentId !== undefined) conditions.push(sql`v.parent_id = ${filter.parentId}`);
  let rank: SQL = sql`0`;
  if (filter.search) {
    const isCode = /^\d+$/.test(filter.search);
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(
      isCode
        ? sql`(u.code like ${`${filter.search}%`} or v.search_name like ${pattern})`
        : sql`v.search_name like ${pattern}`,
    );
    // Whole-name matches first ("nhon loc" ranks "Xã Nhơn Lộc" above "Xã Nhơn Lộc Tây"), then word starts.
    rank = sql`case
      when u.code = ${filter.search} then 0
      when v.search_name ~ ('(^| )' || ${escapeRegex(filter.search)} || '$') then 1
      when v.search_name ~ ('(^| )' || ${escapeRegex(filter.search)}) then 2
      else 3 end`;
  }
  const where = sql.join(conditions, sql` and `);
  // Pick the page first, then dress only its rows (parent, province, child count): a short query such as "a"
  // matches most of the country, and those joins for every match cost more than the search itself.
  const rows = await queryRows<UnitRow & { total: number }>(
    db,
    sql`with page as (
          select v.id as version_id, ${rank} as rank, ${KIND_ORDER} as kind_order, ${SORT_NAME} as sort_name,
            u.code, count(*) over()::int as total
          from unit_versions v join units u on u.id = v.unit_id
          where ${where}
          order by rank, kind_order, sort_name, u.code
          limit ${filter.limit} offset ${filter.offset})
        select ${summaryColumns(filter.asOf)}, p.total
        from page p join unit_versions v on v.id = p.version_id ${summaryJoins(filter.asOf)}
        order by p.rank, p.kind_order, p.sort_name, p.code`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && filter.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from unit_versions v join units u on u.id = v.unit_id where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The unit as it stood on `asOf`, or, when it did not exist then, its version nearest to that date. */
export async function findUnitVersion(
  db: Database,
  id: number,
  asOf: string,
): Promise<(UnitRow & { versionDate: string }) | undefined> {
  const rows = await queryRows<UnitRow & { versionDate: string }>(
    db,
    sql`with chosen as (
          select v.*, case
            when ${validOn('v', asOf)} then ${asOf}::date
            when v.valid_to is not null and v.valid_to < ${asOf}::date then v.valid_to
            else v.valid_from end as version_date
          from unit_versions v where v.unit_id = ${id}
          order by (${validOn('v', asOf)}) desc,
            case when v.valid_from > ${asOf}::date then v.valid_from - ${asOf}::date
                 else ${asOf}::date - v.valid_to end
          limit 1)
        select ${summaryColumns(asOf)}, v.version_date::text as "versionDate"
        from chosen v
        join units u on u.id = v.unit_id
        left join unit_versions pv on pv.unit_id = v.parent_id and ${validOn('pv', sql.raw('v.version_date'))}
        left join unit_versions prov on prov.unit_id = split_part(v.path, '/', 2)::int and ${validOn('prov', sql.raw('v.version_date'))}
        left join units pu on pu.id = split_part(v.path, '/', 2)::int`,
  );
  return rows[0];
}

export interface UnitRefRow {
  id: number;
  code: string;
  kind: UnitKind;
  fullName: string;
}

export async function findRefsOn(db: Database, ids: number[], date: string): Promise<UnitRefRow[]> {
  if (ids.length === 0) return [];
  return queryRows<UnitRefRow>(
    db,
    sql`select u.id, u.code, u.kind, v.full_name as "fullName"
        from units u join unit_versions v on v.unit_id = u.id and ${validOn('v', date)}
        where u.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
}

export async function countChildrenByKind(
  db: Database,
  id: number,
  asOf: string,
): Promise<Array<{ kind: UnitKind; count: number }>> {
  return queryRows(
    db,
    sql`select u.kind, count(*)::int as count
        from unit_versions v join units u on u.id = v.unit_id
        where v.parent_id = ${id} and ${validOn('v', asOf)}
        group by u.kind order by ${KIND_ORDER}`,
  );
}

export interface VersionRow {
  validFrom: string | null;
  validTo: string | null;
  name: string;
  typeName: string;
  fullName: string;
  parentId: number | null;
  parentCode: string | null;
  parentKind: UnitKind | null;
  parentName: string | null;
  legalBasis: string | null;
}

export async function listVersions(db: Database, id: number): Promise<VersionRow[]> {
  return queryRows(
    db,
    sql`select v.valid_from as "validFrom", v.valid_to as "validTo", v.name, v.type_name as "typeName",
          v.full_name as "fullName", v.parent_id as "parentId", pu.code as "parentCode", pu.kind as "parentKind",
          (select pv.full_name from unit_versions pv where pv.unit_id = v.parent_id
             and ${validOn('pv', sql.raw('coalesce(v.valid_to, v.valid_from, current_date)'))} limit 1) as "parentName",
          v.legal_basis as "legalBasis"
        from unit_versions v left join units pu on pu.id = v.parent_id
        where v.unit_id = ${id}
        order by v.valid_from nulls first`,
  );
}

export interface LineageRow {
  id: number;
  code: string;
  kind: UnitKind;
  fullName: string;
  parentName: string | null;
  effectiveDate: string;
  relation: 'whole' | 'partial';
  change: 'merge' | 'split' | 'rename';
  note: string | null;
  legalBasis: string | null;
}

/**
 * Links in one direction. A predecessor is named as it was the day before the change, a successor as it was on
 * the day of it, each with its parent of that day ("Xã Nhơn Lộc, Thị xã An Nhơn").
 */
export async function listLineage(
  db: Database,
  id: number,
  direction: 'predecessors' | 'successors',
): Promise<LineageRow[]> {
  const [self, other, day] =
    direction === 'predecessors'
      ? [sql.raw('l.successor_id'), sql.raw('l.predecessor_id'), sql.raw(`(l.effective_date - 1)`)]
      : [sql.raw('l.predecessor_id'), sql.raw('l.successor_id'), sql.raw('l.effective_date')];
  return queryRows(
    db,
    sql`select u.id, u.code, u.kind, v.full_name as "fullName", pv.full_name as "parentName",
          l.effective_date as "effectiveDate", l.relation, l.change, l.note, l.legal_basis as "legalBasis"
        from unit_lineage l
        join units u on u.id = ${other}
        join unit_versions v on v.unit_id = u.id and ${validOn('v', day)}
        left join unit_versions pv on pv.unit_id = v.parent_id and ${validOn('pv', day)}
        where ${self} = ${id}
        order by l.relation desc, v.search_name`,
  );
}

// ---- writes -------------------------------------------------------------------------------------------------

export interface UnitInsert {
  code: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
  provinceCode: string;
  source: string;
}

/** Inserts or updates units by their natural key (code, kind, start date) and answers their ids in input order. */
export async function upsertUnits(db: Database, rows: UnitInsert[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const values = sql.join(
    rows.map(
      (row, index) =>
        sql`(${index}::int, ${row.code}, ${row.kind}, ${row.validFrom}::date, ${row.validTo}::date, ${row.provinceCode}, ${row.source})`,
    ),
    sql`, `,
  );
  const result = await queryRows<{ ord: number; id: number }>(
    db,
    sql`with input(ord, code, kind, valid_from, valid_to, province_code, source) as (values ${values}),
        upserted as (
          insert into units (code, kind, valid_from, valid_to, province_code, source)
          select code, kind, valid_from, valid_to, province_code, source from input order by ord
          on conflict (code, kind, coalesce(valid_from, '0001-01-01'))
          do update set valid_to = excluded.valid_to, province_code = excluded.province_code
          returning id, code, kind, valid_from)
        select i.ord, u.id from input i
        join upserted u on u.code = i.code and u.kind = i.kind and u.valid_from is not distinct from i.valid_from
        order by i.ord`,
  );
  const ids: number[] = new Array(rows.length);
  for (const row of result) ids[Number(row.ord)] = row.id;
  return ids;
}

/** Inserts one unit; answers undefined when its natural key (code, kind, start date) is taken. */
export async function insertUnit(db: Database, row: UnitInsert): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into units (code, kind, valid_from, valid_to, province_code, source)
        values (${row.code}, ${row.kind}, ${row.validFrom}::date, ${row.validTo}::date, ${row.provinceCode}, ${row.source})
        on conflict (code, kind, coalesce(valid_from, '0001-01-01')) do nothing
        returning id`,
  );
  return rows[0]?.id;
}

export interface VersionInsert {
  unitId: number;
  validFrom: string | null;
  validTo: string | null;
  name: string;
  typeName: string;
  fullName: string;
  typeCode: string | null;
  nameEn: string | null;
  parentId: number | null;
  path: string;
  depth: number;
  searchName: string;
  legalBasis: string | null;
}

export async function deleteVersionsOf(db: Database, unitIds: number[]): Promise<void> {
  if (unitIds.length === 0) return;
  await db.execute(sql`delete from unit_versions where unit_id = any(${`{${unitIds.join(',')}}`}::int[])`);
}

export async function insertVersions(db: Database, rows: VersionInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.unitId}, ${row.validFrom}::date, ${row.validTo}::date, ${row.name}, ${row.typeName}, ${row.fullName},
             ${row.typeCode}, ${row.nameEn}, ${row.parentId}::int, ${row.path}, ${row.depth}, ${row.searchName}, ${row.legalBasis})`,
    ),
    sql`, `,
  );
  await db.execute(
    sql`insert into unit_versions (unit_id, valid_from, valid_to, name, type_name, full_name, type_code, name_en,
          parent_id, path, depth, search_name, legal_basis) values ${values}`,
  );
}

export interface LineageInsert {
  predecessorId: number;
  successorId: number;
  effectiveDate: string;
  relation: string;
  change: string;
  note: string | null;
  legalBasis: string | null;
}

export async function upsertLineage(db: Database, rows: LineageInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.predecessorId}::int, ${row.successorId}::int, ${row.effectiveDate}::date, ${row.relation}, ${row.change}, ${row.note}, ${row.legalBasis})`,
    ),
    sql`, `,
  );
  await db.execute(
    sql`insert into unit_lineage (predecessor_id, successor_id, effective_date, relation, change, note, legal_basis)
        values ${values}
        on conflict (predecessor_id, successor_id, effective_date)
        do update set relation = excluded.relation, change = excluded.change, note = excluded.note, legal_basis = excluded.legal_basis`,
  );
}

/** Versions of one unit with their paths, to place a new child under it. */
export async function listPathIntervals(
  db: Database,
  unitId: number,
): Promise<Array<{ validFrom: string | null; validTo: string | null; path: string; depth: number }>> {
  return queryRows(
    db,
    sql`select valid_from as "validFrom", valid_to as "validTo", path, depth from unit_versions where unit_id = ${unitId} order by valid_from nulls first`,
  );
}

/** The province a unit belongs to in its latest version: what fact tables distribute by. */
export async function findLatestProvinceCode(db: Database, unitId: number): Promise<string | undefined> {
  const rows = await queryRows<{ provinceCode: string }>(
    db,
    sql`select province_code as "provinceCode" from units where id = ${unitId}`,
  );
  return rows[0]?.provinceCode;
}

export async function countUnits(db: Database): Promise<number> {
  const rows = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from units`);
  return rows[0]?.count ?? 0;
}

export async function findUnitIdByCode(
  db: Database,
  code: string,
  asOf: string,
): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select u.id from units u join unit_versions v on v.unit_id = u.id and ${validOn('v', asOf)} where u.code = ${code} limit 1`,
  );
  return rows[0]?.id;
}

export async function listLocalVersions(db: Database): Promise<{
  rows: Array<{
    id: number;
    unitId: number;
    parentId: number;
    validFrom: string | null;
    validTo: string | null;
    path: string;
  }>;
}> {
  const rows = await queryRows<{
    id: number;
    unitId: number;
    parentId: number;
    validFrom: string | null;
    validTo: string | null;
    path: string;
  }>(
    db,
    sql`select v.id, v.unit_id as "unitId", v.parent_id as "parentId", v.valid_from as "validFrom", v.valid_to as "validTo", v.path
        from unit_versions v join units u on u.id = v.unit_id
        where u.source <> 'official' and v.parent_id is not null
        order by v.depth, v.id`,
  );
  return { rows };
}

/** Replaces one version by its pieces (same content, new paths). */
export async function replaceVersion(
  db: Database,
  versionId: number,
  pieces: Array<{ validFrom: string | null; validTo: string | null; path: string }>,
): Promise<void> {
  const [original] = await queryRows<VersionInsert>(
    db,
    sql`select unit_id as "unitId", name, type_name as "typeName", full_name as "fullName", type_code as "typeCode",
          name_en as "nameEn", parent_id as "parentId", search_name as "searchName", legal_basis as "legalBasis"
        from unit_versions where id = ${versionId}`,
  );
  if (!original) return;
  await db.execute(sql`delete from unit_versions where id = ${versionId}`);
  await insertVersions(
    db,
    pieces.map((piece) => ({
      ...original,
      ...piece,
      depth: piece.path.split('/').filter(Boolean).length - 1,
    })),
  );
}

/** Whether the unit lies inside the scope (at any date: merged predecessors count). */
export async function isInScope(db: Database, scope: Scope, unitId: number): Promise<boolean> {
  if (scope.all) return true;
  const rows = await queryRows<{ inside: boolean }>(
    db,
    sql`select ${unitInScope(scope, sql`${unitId}::int`)} as inside`,
  );
  return rows[0]?.inside === true;
}
