/** SQL of the activities registry. Scope goes through the unit where the activity happened. */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { containsPattern, orderBy } from '../../registry/list.js';
import { recordUnitJson, toIntArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import { activities, activityKinds, unitPopulations } from './activities.table.js';

export type ActivityRecord = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type ActivityKindRecord = typeof activityKinds.$inferSelect;

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

// ---- kinds -------------------------------------------------------------------------------------------------------

export async function listKinds(db: Database): Promise<ActivityKindRecord[]> {
  return db.select().from(activityKinds).orderBy(asc(activityKinds.sortOrder), asc(activityKinds.name));
}

export async function insertMissingKinds(db: Database, kinds: Array<typeof activityKinds.$inferInsert>) {
  if (kinds.length > 0)
    await db.insert(activityKinds).values(kinds).onConflictDoNothing({ target: activityKinds.code });
}

export async function findKind(db: Database, id: number): Promise<ActivityKindRecord | undefined> {
  const [row] = await db.select().from(activityKinds).where(eq(activityKinds.id, id));
  return row;
}

export async function insertKind(db: Database, row: typeof activityKinds.$inferInsert) {
  const [inserted] = await db.insert(activityKinds).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updateKind(
  db: Database,
  id: number,
  changes: Partial<typeof activityKinds.$inferInsert>,
) {
  const [row] = await db.update(activityKinds).set(changes).where(eq(activityKinds.id, id)).returning();
  return row!;
}

// ---- activities ---------------------------------------------------------------------------------------------------

export async function findActivityInScope(db: Database, scope: Scope, id: number) {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), unitInScope(scope, sql`${activities.unitId}`)));
  return row;
}

export async function insertActivities(db: Database, rows: NewActivity[]): Promise<ActivityRecord[]> {
  if (rows.length === 0) return [];
  return db.insert(activities).values(rows).returning();
}

export async function updateActivity(db: Database, id: number, changes: Partial<NewActivity>) {
  const [row] = await db
    .update(activities)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(activities.id, id))
    .returning();
  return row!;
}

export interface ActivityListRow {
  id: number;
  kind: { id: number; code: string; name: string; trait: string };
  title: string;
  unit: unknown;
  provinceCode: string;
  startsOn: string;
  endsOn: string | null;
  organisers: string[];
  organiserOther: string | null;
  participants: number | null;
  learners: Array<{ group: string; count: number }>;
  ceremonyHeld: boolean | null;
  festivalHeld: boolean | null;
  pilot: boolean | null;
  pilotChosenBy: string | null;
  giftsCount: number | null;
  giftsValueVnd: string | number | null;
  plan: {
    id: number;
    kind: string;
    number: string;
    title: string;
    issuedOn: string | null;
    issuedYear: number;
  } | null;
  planText: string | null;
  notes: string | null;
  plausibilityWarnings: Array<{ code: string; message: string }> | null;
  plausibilityReason: string | null;
  attachmentCount: number;
  createdAt: string;
  updatedAt: string;
}

function columns(today: string): SQL {
  return sql`a.id, json_build_object('id', k.id, 'code', k.code, 'name', k.name, 'trait', k.trait) as kind,
    a.title, ${recordUnitJson(sql`a.unit_id`, today)} as unit, a.province_code as "provinceCode",
    a.starts_on as "startsOn", a.ends_on as "endsOn", a.organisers, a.organiser_other as "organiserOther",
    a.participants, a.learners, a.ceremony_held as "ceremonyHeld", a.festival_held as "festivalHeld", a.pilot,
    a.pilot_chosen_by as "pilotChosenBy", a.gifts_count as "giftsCount", a.gifts_value_vnd as "giftsValueVnd",
    (select json_build_object('id', d.id, 'kind', d.kind, 'number', d.number, 'title', d.title, 'issuedOn', d.issued_on,
       'issuedYear', d.issued_year) from documents d where d.id = a.plan_document_id) as plan,
    a.plan_text as "planText", a.notes, a.plausibility_warnings as "plausibilityWarnings",
    a.plausibility_reason as "plausibilityReason",
    (select count(*)::int from attachments at where at.entity_type = 'activity' and at.entity_id = a.id) as "attachmentCount",
    ${utc('a.created_at')} as "createdAt", ${utc('a.updated_at')} as "updatedAt"`;
}

export interface ActivityFilter {
  scope: Scope;
  unitScope?: Scope | undefined;
  kindIds?: readonly number[] | undefined;
  trait?: string | undefined;
  pilot?: boolean | undefined;
  planId?: number | undefined;
  flagged?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  startedBy?: string | undefined;
  search?: string | undefined;
}

function conditions(filter: ActivityFilter): SQL {
  const parts: SQL[] = [unitInScope(filter.scope, sql`a.unit_id`)];
  if (filter.unitScope) parts.push(unitInScope(filter.unitScope, sql`a.unit_id`));
  if (filter.kindIds && filter.kindIds.length > 0)
    parts.push(sql`a.kind_id = any(${toIntArray(filter.kindIds)}::int[])`);
  if (filter.trait)
    parts.push(sql`a.kind_id in (select tk.id from activity_kinds tk where tk.trait = ${filter.trait})`);
  if (filter.pilot !== undefined) parts.push(filter.pilot ? sql`a.pilot is true` : sql`a.pilot is not true`);
  if (filter.planId !== undefined) parts.push(sql`a.plan_document_id = ${filter.planId}`);
  if (filter.flagged !== undefined) {
    parts.push(filter.flagged ? sql`a.plausibility_reason is not null` : sql`a.plausibility_reason is null`);
  }
  // A date range keeps the activities that took place (at least partly) inside it.
  if (filter.from) parts.push(sql`coalesce(a.ends_on, a.starts_on) >= ${filter.from}::date`);
  if (filter.to) parts.push(sql`a.starts_on <= ${filter.to}::date`);
  if (filter.startedBy) parts.push(sql`a.starts_on <= ${filter.startedBy}::date`);
  if (filter.search) parts.push(sql`a.search_title like ${containsPattern(filter.search)}`);
  return sql.join(parts, sql` and `);
}

function order(sort: string | undefined): SQL {
  return orderBy(
    sort,
    {
      startsOn: sql`a.starts_on`,
      title: sql`a.search_title collate "C"`,
      participants: sql`a.participants`,
      unit: sql`(select v.search_name from unit_versions v where v.unit_id = a.unit_id order by v.valid_to desc nulls first limit 1) collate "C"`,
      updatedAt: sql`a.updated_at`,
    },
    '-startsOn',
    sql`a.id`,
  );
}

export async function listActivities(
  db: Database,
  filter: ActivityFilter,
  page: { sort?: string | undefined; limit: number; offset: number; today: string },
): Promise<{ rows: ActivityListRow[]; total: number }> {
  const where = conditions(filter);
  const sorted = order(page.sort);
  const rows = await queryRows<ActivityListRow & { total: number }>(
    db,
    sql`with page as (
          select a.id, count(*) over()::int as total, row_number() over (order by ${sorted}) as ord
          from activities a where ${where} order by ${sorted} limit ${page.limit} offset ${page.offset})
        select ${columns(page.today)}, p.total
        from page p join activities a on a.id = p.id join activity_kinds k on k.id = a.kind_id order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from activities a where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findActivityRow(db: Database, id: number, today: string) {
  const rows = await queryRows<ActivityListRow>(
    db,
    sql`select ${columns(today)} from activities a join activity_kinds k on k.id = a.kind_id where a.id = ${id}`,
  );
  return rows[0];
}

export async function countFeedbackAt(db: Database, activityId: number): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from feedback where activity_id = ${activityId}`,
  );
  return rows[0]?.count ?? 0;
}

export interface CalendarRow {
  id: number;
  title: string;
  kind: { id: number; code: string; name: string; trait: string };
  unit: unknown;
  startsOn: string;
  endsOn: string | null;
  participants: number | null;
  pilot: boolean | null;
  attachmentCount: number;
}

export async function listCalendar(db: Database, filter: ActivityFilter, limit: number, today: string) {
  return queryRows<CalendarRow>(
    db,
    sql`select a.id, a.title, json_build_object('id', k.id, 'code', k.code, 'name', k.name, 'trait', k.trait) as kind,
          ${recordUnitJson(sql`a.unit_id`, today)} as unit, a.starts_on as "startsOn", a.ends_on as "endsOn",
          a.participants, a.pilot,
          (select count(*)::int from attachments at where at.entity_type = 'activity' and at.entity_id = a.id) as "attachmentCount"
        from activities a join activity_kinds k on k.id = a.kind_id
        where ${conditions(filter)} order by a.starts_on, a.id limit ${limit}`,
  );
}

export async function countByStartDay(db: Database, filter: ActivityFilter) {
  return queryRows<{ date: string; count: number }>(
    db,
    sql`select a.starts_on as date, count(*)::int as count from activities a where ${conditions(filter)}
        group by a.starts_on order by a.starts_on`,
  );
}

// ---- plausibility ------------------------------------------------------------------------------------------------

/** The unit's latest participant figures for a kind before a date (the activity itself excluded). */
export async function previousFigures(
  db: Database,
  input: { unitId: number; kindId: number; before: string; excludeId: number | null; limit: number },
): Promise<number[]> {
  const rows = await queryRows<{ participants: number }>(
    db,
    sql`select participants from activities
        where unit_id = ${input.unitId} and kind_id = ${input.kindId} and starts_on <= ${input.before}::date
          and participants is not null and id <> ${input.excludeId ?? 0}
        order by starts_on desc, id desc limit ${input.limit}`,
  );
  return rows.map((row) => row.participants);
}

/** Previous figures for many (unit, kind) pairs at once, newest first: for imports. */
export async function previousFiguresForPairs(
  db: Database,
  pairs: ReadonlyArray<{ unitId: number; kindId: number }>,
): Promise<Map<string, Array<{ startsOn: string; participants: number }>>> {
  const result = new Map<string, Array<{ startsOn: string; participants: number }>>();
  if (pairs.length === 0) return result;
  const rows = await queryRows<{ unitId: number; kindId: number; startsOn: string; participants: number }>(
    db,
    sql`select unit_id as "unitId", kind_id as "kindId", starts_on as "startsOn", participants from activities
        where participants is not null and (unit_id, kind_id) in (${sql.join(
          pairs.map((pair) => sql`(${pair.unitId}::int, ${pair.kindId}::int)`),
          sql`, `,
        )})
        order by starts_on desc, id desc`,
  );
  for (const row of rows) {
    const key = `${row.unitId}:${row.kindId}`;
    const list = result.get(key) ?? [];
    list.push({ startsOn: row.startsOn, participants: row.participants });
    result.set(key, list);
  }
  return result;
}

export async function populationFor(db: Database, unitId: number, year: number) {
  const rows = await queryRows<{ value: number; year: number }>(
    db,
    sql`select population as value, year from unit_populations where unit_id = ${unitId} and year <= ${year}
        order by year desc limit 1`,
  );
  return rows[0] ?? null;
}

export async function populationsFor(db: Database, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return queryRows<{ unitId: number; value: number; year: number }>(
    db,
    sql`select unit_id as "unitId", population as value, year from unit_populations
        where unit_id = any(${toIntArray(unitIds)}::int[]) order by year desc`,
  );
}

export async function listPopulations(db: Database, unitId: number) {
  return db
    .select({
      year: unitPopulations.year,
      population: unitPopulations.population,
      source: unitPopulations.source,
    })
    .from(unitPopulations)
    .where(eq(unitPopulations.unitId, unitId))
    .orderBy(sql`${unitPopulations.year} desc`);
}

export async function upsertPopulation(db: Database, row: typeof unitPopulations.$inferInsert) {
  await db
    .insert(unitPopulations)
    .values(row)
    .onConflictDoUpdate({
      target: [unitPopulations.unitId, unitPopulations.year],
      set: { population: row.population, source: row.source ?? null, updatedAt: new Date() },
    });
}

// ---- indicators ----------------------------------------------------------------------------------------------------

/** Activities count in the period [from, asOf] by the day they started, at the unit where they happened. */
const inPeriod = (from: string, asOf: string) =>
  sql`a.starts_on >= ${from}::date and a.starts_on <= ${asOf}::date`;

export const ACTIVITY_INDICATOR_SOURCES: Record<string, FactSource> = {
  activities: ({ asOf, from, unitCondition }) =>
    sql`select a.unit_id, k.code as dimension_value, a.id::text as measure
        from activities a join activity_kinds k on k.id = a.kind_id
        where ${inPeriod(from, asOf)} and ${unitCondition(sql`a.unit_id`)}`,
  activity_participants: ({ asOf, from, unitCondition }) =>
    sql`select a.unit_id, k.code as dimension_value, coalesce(a.participants, 0) as measure
        from activities a join activity_kinds k on k.id = a.kind_id
        where ${inPeriod(from, asOf)} and ${unitCondition(sql`a.unit_id`)}`,
  // A site is a unit that held a festival day in the period, counted once however many it held.
  festival_sites: ({ asOf, from, unitCondition }) =>
    sql`select a.unit_id, case when bool_or(a.pilot is true) then 'pilot' else 'regular' end as dimension_value,
          a.unit_id::text as measure
        from activities a join activity_kinds k on k.id = a.kind_id
        where k.trait = 'festival' and ${inPeriod(from, asOf)} and ${unitCondition(sql`a.unit_id`)}
        group by a.unit_id`,
  // Gifts of each festival day, split by whether it was held as a pilot (điểm).
  festival_gifts: ({ asOf, from, unitCondition }) =>
    sql`select a.unit_id, case when a.pilot is true then 'pilot' else 'regular' end as dimension_value,
          a.gifts_count as measure
        from activities a join activity_kinds k on k.id = a.kind_id
        where k.trait = 'festival' and a.gifts_count is not null and ${inPeriod(from, asOf)}
          and ${unitCondition(sql`a.unit_id`)}`,
  festival_gifts_value: ({ asOf, from, unitCondition }) =>
    sql`select a.unit_id, case when a.pilot is true then 'pilot' else 'regular' end as dimension_value,
          a.gifts_value_vnd as measure
        from activities a join activity_kinds k on k.id = a.kind_id
        where k.trait = 'festival' and a.gifts_value_vnd is not null and ${inPeriod(from, asOf)}
          and ${unitCondition(sql`a.unit_id`)}`,
  learners: ({ asOf, from, unitCondition }) =>
    sql`select a.unit_id, l.value->>'group' as dimension_value, (l.value->>'count')::int as measure
        from activities a cross join lateral jsonb_array_elements(a.learners) l
        where ${inPeriod(from, asOf)} and ${unitCondition(sql`a.unit_id`)}`,
};

/** The same facts as events on their day, for the aggregate tables (reporting/intervals.ts). */
const activityEvent = (dimension: SQL, measure: SQL, from: SQL = sql``, where?: SQL): IntervalSource => ({
  kind: 'event',
  table: 'activities',
  facts: (records) =>
    sql`select a.id as record_id, a.unit_id, ${dimension} as dimension_value, ${measure} as measure,
          a.starts_on as start_day, null::date as end_day
        from activities a join activity_kinds k on k.id = a.kind_id ${from}
        where ${records(sql`a.id`)} and a.starts_on is not null${where ? sql` and ${where}` : sql``}`,
  dependsOn: {
    activity_kinds: (changed) => sql`select a.id from activities a where a.kind_id = any(${changed})`,
  },
});

const festivalSite = sql`case when a.pilot is true then 'pilot' else 'regular' end`;

// festival_sites counts units, not records (a unit holding several festival days counts once, under 'pilot' if
// any was): a record's fact cannot say that, so it is computed from the raw rows.
export const ACTIVITY_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  activities: activityEvent(sql`k.code`, sql`1`),
  activity_participants: activityEvent(sql`k.code`, sql`coalesce(a.participants, 0)`),
  learners: activityEvent(
    sql`l.value->>'group'`,
    sql`(l.value->>'count')::int`,
    sql`cross join lateral jsonb_array_elements(a.learners) l`,
  ),
  festival_gifts: activityEvent(
    festivalSite,
    sql`a.gifts_count`,
    sql``,
    sql`k.trait = 'festival' and a.gifts_count is not null`,
  ),
  festival_gifts_value: activityEvent(
    festivalSite,
    sql`a.gifts_value_vnd`,
    sql``,
    sql`k.trait = 'festival' and a.gifts_value_vnd is not null`,
  ),
};

export async function deleteActivity(db: Database, id: number): Promise<void> {
  await db.delete(activities).where(eq(activities.id, id));
}
