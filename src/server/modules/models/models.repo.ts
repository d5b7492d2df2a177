/**
 * SQL of the self-management models registry. Scope goes through the lead unit; the units that run a model jointly
 * are listed in model_units. The status on a date is the latest status change on or before it.
 */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { ModelRating, ModelStatus } from '../../../domain/models.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { containsPattern, orderBy } from '../../registry/list.js';
import { recordUnitJson, toIntArray, toTextArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import { modelKinds, modelRatings, modelStatusChanges, models, modelUnits } from './models.table.js';

export type ModelRecord = typeof models.$inferSelect;
export type NewModel = typeof models.$inferInsert;
export type ModelKindRecord = typeof modelKinds.$inferSelect;

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The status change in force on `date` (a correlated subquery on models alias `mo`). */
function statusOn(column: 'status' | 'effective_on', date: string): SQL {
  return sql`(select s.${sql.raw(column)} from model_status_changes s where s.model_id = mo.id
      and s.effective_on <= ${date}::date order by s.effective_on desc, s.id desc limit 1)`;
}

function liveOn(date: string): SQL {
  return sql`mo.started_on <= ${date}::date and (mo.ended_on is null or mo.ended_on > ${date}::date)`;
}

// ---- kinds ----------------------------------------------------------------------------------------------------

export async function listKinds(db: Database): Promise<ModelKindRecord[]> {
  return db.select().from(modelKinds).orderBy(asc(modelKinds.sortOrder), asc(modelKinds.name));
}

/** Adds the kinds that are missing by code; kinds already there (renamed, retired) are left as they are. */
export async function insertMissingKinds(
  db: Database,
  kinds: ReadonlyArray<{ code: string; name: string; isCamera: boolean; sortOrder: number }>,
): Promise<void> {
  if (kinds.length === 0) return;
  await db
    .insert(modelKinds)
    .values([...kinds])
    .onConflictDoNothing({ target: modelKinds.code });
}

export async function findKind(db: Database, id: number): Promise<ModelKindRecord | undefined> {
  const [row] = await db.select().from(modelKinds).where(eq(modelKinds.id, id));
  return row;
}

export async function insertKind(
  db: Database,
  row: typeof modelKinds.$inferInsert,
): Promise<ModelKindRecord | undefined> {
  const [inserted] = await db.insert(modelKinds).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updateKind(
  db: Database,
  id: number,
  changes: Partial<typeof modelKinds.$inferInsert>,
): Promise<ModelKindRecord> {
  const [row] = await db.update(modelKinds).set(changes).where(eq(modelKinds.id, id)).returning();
  return row!;
}

// ---- models ------------------------------------------------------------------------------------------------------

export async function findModelInScope(
  db: Database,
  scope: Scope,
  id: number,
): Promise<ModelRecord | undefined> {
  const [row] = await db
    .select()
    .from(models)
    .where(and(eq(models.id, id), unitInScope(scope, sql`${models.leadUnitId}`)));
  return row;
}

/** Any model, whatever the scope: replication links may point across communes. */
export async function findModelById(db: Database, id: number): Promise<ModelRecord | undefined> {
  const [row] = await db.select().from(models).where(eq(models.id, id));
  return row;
}

export interface ModelListRow {
  id: number;
  name: string;
  kind: { id: number; code: string; name: string; isCamera: boolean };
  leadUnit: unknown;
  units: Array<{ unit: unknown; lead: boolean }>;
  provinceCode: string;
  startedOn: string;
  endedOn: string | null;
  status: ModelStatus | null;
  statusSince: string | null;
  exemplary: boolean;
  exemplaryYear: number | null;
  exemplaryDecision: string | null;
  cameraPoints: number | null;
  cameras: number | null;
  replicatedFrom: { id: number; name: string | null; visible: boolean } | null;
  replicaCount: number;
  latestRating: { year: number; rating: ModelRating } | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

function modelColumns(scope: Scope, date: string, today: string): SQL {
  return sql`mo.id, mo.name,
    json_build_object('id', k.id, 'code', k.code, 'name', k.name, 'isCamera', k.is_camera) as kind,
    ${recordUnitJson(sql`mo.lead_unit_id`, today)} as "leadUnit",
    coalesce((select json_agg(json_build_object('unit', ${recordUnitJson(sql`mu.unit_id`, today)}, 'lead', mu.lead)
                order by mu.lead desc, mu.unit_id)
              from model_units mu where mu.model_id = mo.id), '[]'::json) as units,
    mo.province_code as "provinceCode", mo.started_on as "startedOn", mo.ended_on as "endedOn",
    ${statusOn('status', date)} as status, ${statusOn('effective_on', date)} as "statusSince",
    mo.exemplary, mo.exemplary_year as "exemplaryYear", mo.exemplary_decision as "exemplaryDecision",
    mo.camera_points as "cameraPoints", mo.cameras,
    (select json_build_object('id', src.id, 'name', case when ${unitInScope(scope, sql`src.lead_unit_id`)} then src.name end,
        'visible', ${unitInScope(scope, sql`src.lead_unit_id`)})
      from models src where src.id = mo.replicated_from_id) as "replicatedFrom",
    (select count(*)::int from models rep where rep.replicated_from_id = mo.id) as "replicaCount",
    (select json_build_object('year', r.year, 'rating', r.rating) from model_ratings r where r.model_id = mo.id
      order by r.year desc limit 1) as "latestRating",
    mo.notes, ${utc('mo.created_at')} as "createdAt", ${utc('mo.updated_at')} as "updatedAt"`;
}

export interface ModelFilter {
  scope: Scope;
  unitScope?: Scope | undefined;
  kindIds?: readonly number[] | undefined;
  statuses?: readonly string[] | undefined;
  exemplary?: boolean | undefined;
  camera?: boolean | undefined;
  date: string;
  existingOn?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  search?: string | undefined;
}

function modelConditions(filter: ModelFilter): SQL {
  const conditions: SQL[] = [unitInScope(filter.scope, sql`mo.lead_unit_id`)];
  if (filter.unitScope) {
    conditions.push(
      sql`exists (select 1 from model_units fu where fu.model_id = mo.id and ${unitInScope(filter.unitScope, sql`fu.unit_id`)})`,
    );
  }
  if (filter.kindIds && filter.kindIds.length > 0)
    conditions.push(sql`mo.kind_id = any(${toIntArray(filter.kindIds)}::int[])`);
  if (filter.statuses && filter.statuses.length > 0) {
    conditions.push(sql`${statusOn('status', filter.date)} = any(${toTextArray(filter.statuses)}::text[])`);
  }
  if (filter.exemplary !== undefined) conditions.push(sql`mo.exemplary = ${filter.exemplary}`);
  if (filter.camera !== undefined) {
    conditions.push(
      sql`mo.kind_id in (select ck.id from model_kinds ck where ck.is_camera = ${filter.camera})`,
    );
  }
  if (filter.existingOn) conditions.push(liveOn(filter.existingOn));
  if (filter.from) conditions.push(sql`mo.started_on >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`mo.started_on <= ${filter.to}::date`);
  if (filter.search) conditions.push(sql`mo.search_name like ${containsPattern(filter.search)}`);
  return sql.join(conditions, sql` and `);
}

function modelOrder(sort: string | undefined): SQL {
  return orderBy(
    sort,
    {
      name: sql`mo.search_name collate "C"`,
      startedOn: sql`mo.started_on`,
      kind: [
        sql`(select sk.sort_order from model_kinds sk where sk.id = mo.kind_id)`,
        sql`mo.search_name collate "C"`,
      ],
      unit: sql`(select v.search_name from unit_versions v where v.unit_id = mo.lead_unit_id order by v.valid_to desc nulls first limit 1) collate "C"`,
      updatedAt: sql`mo.updated_at`,
    },
    'name',
    sql`mo.id`,
  );
}

export async function listModels(
  db: Database,
  filter: ModelFilter,
  page: { sort?: string | undefined; limit: number; offset: number; today: string },
): Promise<{ rows: ModelListRow[]; total: number }> {
  const where = modelConditions(filter);
  const order = modelOrder(page.sort);
  const rows = await queryRows<ModelListRow & { total: number }>(
    db,
    sql`with page as (
          select mo.id, count(*) over()::int as total, row_number() over (order by ${order}) as ord
          from models mo where ${where}
          order by ${order} limit ${page.limit} offset ${page.offset})
        select ${modelColumns(filter.scope, filter.date, page.today)}, p.total
        from page p join models mo on mo.id = p.id join model_kinds k on k.id = mo.kind_id
        order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from models mo where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findModelListRow(
  db: Database,
  scope: Scope,
  id: number,
  date: string,
  today: string,
): Promise<ModelListRow | undefined> {
  const rows = await queryRows<ModelListRow>(
    db,
    sql`select ${modelColumns(scope, date, today)} from models mo join model_kinds k on k.id = mo.kind_id
        where mo.id = ${id}`,
  );
  return rows[0];
}

export async function insertModels(db: Database, rows: NewModel[]): Promise<ModelRecord[]> {
  if (rows.length === 0) return [];
  return db.insert(models).values(rows).returning();
}

export async function updateModel(
  db: Database,
  id: number,
  changes: Partial<NewModel>,
): Promise<ModelRecord> {
  const [row] = await db
    .update(models)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(models.id, id))
    .returning();
  return row!;
}

export async function listModelUnits(
  db: Database,
  modelId: number,
): Promise<Array<{ unitId: number; lead: boolean }>> {
  return db
    .select({ unitId: modelUnits.unitId, lead: modelUnits.lead })
    .from(modelUnits)
    .where(eq(modelUnits.modelId, modelId))
    .orderBy(sql`${modelUnits.lead} desc`, modelUnits.unitId);
}

export async function replaceModelUnits(
  db: Database,
  modelId: number,
  units: ReadonlyArray<{ unitId: number; lead: boolean; provinceCode: string }>,
): Promise<void> {
  await db.delete(modelUnits).where(eq(modelUnits.modelId, modelId));
  if (units.length > 0) await db.insert(modelUnits).values(units.map((unit) => ({ ...unit, modelId })));
}

export async function insertModelUnits(
  db: Database,
  rows: ReadonlyArray<{ modelId: number; unitId: number; lead: boolean; provinceCode: string }>,
): Promise<void> {
  if (rows.length > 0) await db.insert(modelUnits).values([...rows]);
}

export async function listStatusChanges(db: Database, modelId: number) {
  return db
    .select()
    .from(modelStatusChanges)
    .where(eq(modelStatusChanges.modelId, modelId))
    .orderBy(asc(modelStatusChanges.effectiveOn), asc(modelStatusChanges.id));
}

export async function insertStatusChanges(db: Database, rows: Array<typeof modelStatusChanges.$inferInsert>) {
  if (rows.length > 0) await db.insert(modelStatusChanges).values(rows);
}

/** The first change (the start) follows a corrected start date; the lead unit follows a corrected lead. */
export async function moveStart(db: Database, modelId: number, startedOn: string): Promise<void> {
  await db.execute(
    sql`update model_status_changes set effective_on = ${startedOn}::date
        where id = (select id from model_status_changes where model_id = ${modelId} order by effective_on, id limit 1)`,
  );
}

export async function moveModelRecords(
  db: Database,
  modelId: number,
  unitId: number,
  provinceCode: string,
): Promise<void> {
  await db
    .update(modelStatusChanges)
    .set({ unitId, provinceCode })
    .where(eq(modelStatusChanges.modelId, modelId));
  await db.update(modelRatings).set({ unitId, provinceCode }).where(eq(modelRatings.modelId, modelId));
}

export async function listRatings(db: Database, modelId: number) {
  return db
    .select()
    .from(modelRatings)
    .where(eq(modelRatings.modelId, modelId))
    .orderBy(sql`${modelRatings.year} desc`);
}

export async function upsertRating(
  db: Database,
  row: {
    modelId: number;
    unitId: number;
    provinceCode: string;
    year: number;
    rating: ModelRating;
    note: string | null;
  },
): Promise<void> {
  await db
    .insert(modelRatings)
    .values(row)
    .onConflictDoUpdate({
      target: [modelRatings.modelId, modelRatings.year],
      set: { rating: row.rating, note: row.note, updatedAt: new Date() },
    });
}

export async function deleteRating(db: Database, modelId: number, year: number) {
  const [deleted] = await db
    .delete(modelRatings)
    .where(and(eq(modelRatings.modelId, modelId), eq(modelRatings.year, year)))
    .returning();
  return deleted;
}

// ---- replication ---------------------------------------------------------------------------------------------

export interface FamilyRow {
  id: number;
  replicatedFromId: number | null;
  name: string;
  kindName: string;
  leadUnit: unknown;
  startedOn: string;
  status: ModelStatus | null;
  visible: boolean;
}

/** The model and every model replicated from it, directly or not, with whether the reader may see each. */
export async function listDescendants(
  db: Database,
  scope: Scope,
  rootId: number,
  today: string,
): Promise<FamilyRow[]> {
  return queryRows<FamilyRow>(
    db,
    sql`with recursive family(id, depth) as (
          select ${rootId}::int, 0
          union all
          select m.id, f.depth + 1 from models m join family f on m.replicated_from_id = f.id where f.depth < 100)
        select mo.id, mo.replicated_from_id as "replicatedFromId", mo.name, k.name as "kindName",
          ${recordUnitJson(sql`mo.lead_unit_id`, today)} as "leadUnit", mo.started_on as "startedOn",
          ${statusOn('status', today)} as status, ${unitInScope(scope, sql`mo.lead_unit_id`)} as visible
        from family f join models mo on mo.id = f.id join model_kinds k on k.id = mo.kind_id
        order by f.depth, mo.started_on, mo.id`,
  );
}

/** The chain of models this one was replicated from, nearest first. */
export async function listAncestors(
  db: Database,
  scope: Scope,
  id: number,
): Promise<Array<{ id: number; name: string; visible: boolean }>> {
  return queryRows(
    db,
    sql`with recursive chain(id, depth) as (
          select replicated_from_id, 1 from models where id = ${id} and replicated_from_id is not null
          union all
          select m.replicated_from_id, c.depth + 1 from models m join chain c on m.id = c.id
          where m.replicated_from_id is not null and c.depth < 100)
        select mo.id, mo.name, ${unitInScope(scope, sql`mo.lead_unit_id`)} as visible
        from chain c join models mo on mo.id = c.id order by c.depth`,
  );
}

// ---- indicators ---------------------------------------------------------------------------------------------------

const existing = (asOf: string) =>
  sql`mo.started_on <= ${asOf}::date and (mo.ended_on is null or mo.ended_on > ${asOf}::date)`;

/**
 * Models count at their lead unit (so that a model run jointly is counted once). Camera counts are the model's
 * current figures: the registry keeps no history of them.
 */
export const MODEL_INDICATOR_SOURCES: Record<string, FactSource> = {
  models: ({ asOf, unitCondition }) =>
    sql`select mo.lead_unit_id as unit_id, k.code as dimension_value, mo.id::text as measure
        from models mo join model_kinds k on k.id = mo.kind_id
        where ${existing(asOf)} and ${unitCondition(sql`mo.lead_unit_id`)}`,
  models_by_status: ({ asOf, unitCondition }) =>
    sql`select mo.lead_unit_id as unit_id, ${statusOn('status', asOf)} as dimension_value, mo.id::text as measure
        from models mo where mo.started_on <= ${asOf}::date and ${unitCondition(sql`mo.lead_unit_id`)}`,
  exemplary_models: ({ asOf, unitCondition }) =>
    sql`select mo.lead_unit_id as unit_id, null::text as dimension_value, mo.id::text as measure
        from models mo
        where ${existing(asOf)} and mo.exemplary
          and (mo.exemplary_year is null or mo.exemplary_year <= extract(year from ${asOf}::date))
          and ${unitCondition(sql`mo.lead_unit_id`)}`,
  camera_points: ({ asOf, unitCondition }) =>
    sql`select mo.lead_unit_id as unit_id, null::text as dimension_value, coalesce(mo.camera_points, 0) as measure
        from models mo join model_kinds k on k.id = mo.kind_id
        where ${existing(asOf)} and k.is_camera and ${unitCondition(sql`mo.lead_unit_id`)}`,
  cameras: ({ asOf, unitCondition }) =>
    sql`select mo.lead_unit_id as unit_id, null::text as dimension_value, coalesce(mo.cameras, 0) as measure
        from models mo join model_kinds k on k.id = mo.kind_id
        where ${existing(asOf)} and k.is_camera and ${unitCondition(sql`mo.lead_unit_id`)}`,
  models_new: ({ asOf, from, unitCondition }) =>
    sql`select mo.lead_unit_id as unit_id, k.code as dimension_value, mo.id::text as measure
        from models mo join model_kinds k on k.id = mo.kind_id
        where mo.started_on >= ${from}::date and mo.started_on <= ${asOf}::date
          and ${unitCondition(sql`mo.lead_unit_id`)}`,
  // A unit running several models counts once.
  model_units: ({ asOf, unitCondition }) =>
    sql`select mu.unit_id, null::text as dimension_value, mu.unit_id::text as measure
        from model_units mu join models mo on mo.id = mu.model_id
        where ${existing(asOf)} and ${unitCondition(sql`mu.unit_id`)}`,
};

/** The same facts with their validity, for the aggregate tables (reporting/intervals.ts): [start, end). */
const modelInterval = (
  dimension: SQL,
  measure: SQL,
  where: SQL,
  start: SQL = sql`mo.started_on`,
): IntervalSource => ({
  kind: 'state',
  table: 'models',
  facts: (records) =>
    sql`select f.* from (
          select mo.id as record_id, mo.lead_unit_id as unit_id, ${dimension} as dimension_value, ${measure} as measure,
            ${start} as start_day, mo.ended_on as end_day
          from models mo join model_kinds k on k.id = mo.kind_id
          where ${records(sql`mo.id`)} and mo.started_on is not null and ${where}) f
        where f.end_day is null or f.end_day > f.start_day`,
  dependsOn: {
    model_kinds: (changed) => sql`select mo.id from models mo where mo.kind_id = any(${changed})`,
  },
});

export const MODEL_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  models: modelInterval(sql`k.code`, sql`1`, sql`true`),
  // Exemplary from 1 January of the year it was recognised (or from its start when the year is unknown).
  exemplary_models: modelInterval(
    sql`null::text`,
    sql`1`,
    sql`mo.exemplary`,
    sql`greatest(mo.started_on, make_date(mo.exemplary_year, 1, 1))`,
  ),
  camera_points: modelInterval(sql`null::text`, sql`coalesce(mo.camera_points, 0)`, sql`k.is_camera`),
  cameras: modelInterval(sql`null::text`, sql`coalesce(mo.cameras, 0)`, sql`k.is_camera`),
  // Every model from its start, ever after, under the status of its latest change by then (none before the first).
  models_by_status: {
    kind: 'state',
    table: 'models',
    facts: (records) =>
      sql`with s as (
            select distinct on (sc.model_id, sc.effective_on) sc.model_id, sc.effective_on, sc.status
            from model_status_changes sc
            where ${records(sql`sc.model_id`)} and sc.effective_on is not null
            order by sc.model_id, sc.effective_on, sc.id desc)
          select f.* from (
            select mo.id as record_id, mo.lead_unit_id as unit_id, null::text as dimension_value, 1 as measure,
              mo.started_on as start_day, (select min(s.effective_on) from s where s.model_id = mo.id) as end_day
            from models mo where ${records(sql`mo.id`)}
            union all
            select mo.id, mo.lead_unit_id, s.status, 1, greatest(s.effective_on, mo.started_on),
              lead(s.effective_on) over (partition by s.model_id order by s.effective_on)
            from s join models mo on mo.id = s.model_id) f
          where f.start_day is not null and (f.end_day is null or f.end_day > f.start_day)`,
    children: { model_status_changes: 'model_id' },
  },
  // Events on the start day, at the lead unit.
  models_new: {
    kind: 'event',
    table: 'models',
    facts: (records) =>
      sql`select mo.id as record_id, mo.lead_unit_id as unit_id, k.code as dimension_value, 1 as measure,
            mo.started_on as start_day, null::date as end_day
          from models mo join model_kinds k on k.id = mo.kind_id
          where ${records(sql`mo.id`)} and mo.started_on is not null`,
    dependsOn: {
      model_kinds: (changed) => sql`select mo.id from models mo where mo.kind_id = any(${changed})`,
    },
  },
  // model_units counts units, not records (a unit in several models counts once): a record's fact cannot say
  // that, so it is computed from the raw rows.
};
