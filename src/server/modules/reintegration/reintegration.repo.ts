/**
 * SQL of reintegration files. Every read takes the reader's visibility: commune police and province staff see the
 * files of the units in their scope; a Front officer sees only the files in scope they are assigned to help with.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { EndReason } from '../../../domain/reintegration.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { containsPattern, orderBy } from '../../registry/list.js';
import { recordUnitJson, toIntArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import {
  reintegrationCases,
  reintegrationCheckIns,
  reintegrationHelpers,
  reintegrationSupports,
} from './reintegration.table.js';

export type CaseRecord = typeof reintegrationCases.$inferSelect;
export type NewCase = typeof reintegrationCases.$inferInsert;
export type HelperRecord = typeof reintegrationHelpers.$inferSelect;
export type SupportRecord = typeof reintegrationSupports.$inferSelect;
export type CheckInRecord = typeof reintegrationCheckIns.$inferSelect;

/** Who may see which files: all in scope, or (a Front officer) those in scope they currently help with. */
export interface Visibility {
  scope: Scope;
  /** Set for a Front officer: only files with a current helper assignment to this account. */
  helperUserId?: number | undefined;
  today: string;
}

export function caseVisible(visibility: Visibility, caseId: SQL, unitId: SQL): SQL {
  const inScope = unitInScope(visibility.scope, unitId);
  if (visibility.helperUserId === undefined) return inScope;
  return sql`(${inScope} and exists (select 1 from reintegration_helpers vh where vh.case_id = ${caseId}
    and vh.helper_user_id = ${visibility.helperUserId}
    and (vh.ended_on is null or vh.ended_on > ${visibility.today}::date)))`;
}

export async function findVisibleCase(
  db: Database,
  visibility: Visibility,
  id: number,
): Promise<CaseRecord | undefined> {
  const [row] = await db
    .select()
    .from(reintegrationCases)
    .where(
      sql`${reintegrationCases.id} = ${id} and ${caseVisible(visibility, sql`${reintegrationCases.id}`, sql`${reintegrationCases.unitId}`)}`,
    );
  return row;
}

export async function findCase(db: Database, id: number): Promise<CaseRecord | undefined> {
  const [row] = await db.select().from(reintegrationCases).where(eq(reintegrationCases.id, id));
  return row;
}

/** Locks a file for a change, so that two changes of status cannot interleave. */
export async function lockCase(db: Database, id: number): Promise<void> {
  await db.execute(sql`select id from reintegration_cases where id = ${id} for update`);
}

export interface CaseListRow {
  id: number;
  unit: unknown;
  fullName: string | null;
  birthYear: number | null;
  residence: string | null;
  origin: string;
  releasedOn: string;
  openedOn: string;
  reintegratedOn: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  hasJob: boolean;
  lastCheckInOn: string | null;
  helpers: string[];
  transferredTo: string | null;
  personalDataRemoved: boolean;
}

function listColumns(today: string): SQL {
  return sql`c.id, ${recordUnitJson(sql`c.unit_id`, today)} as unit, c.full_name as "fullName", c.birth_year as "birthYear",
    nullif(concat_ws(', ', c.residence_address,
      (select rv.full_name from unit_versions rv where rv.unit_id = c.residence_unit_id order by rv.valid_to desc nulls first limit 1)), '') as residence,
    c.origin, c.released_on as "releasedOn", c.opened_on as "openedOn", c.reintegrated_on as "reintegratedOn",
    c.ended_on as "endedOn", c.end_reason as "endReason",
    exists (select 1 from reintegration_supports s where s.case_id = c.id and s.kind = 'job_placement' and s.outcome = 'achieved') as "hasJob",
    (select max(k.checked_on) from reintegration_check_ins k where k.case_id = c.id) as "lastCheckInOn",
    coalesce((select array_agg(concat_ws(' – ', h.organisation, h.person_name) order by h.assigned_on, h.id)
      from reintegration_helpers h where h.case_id = c.id and (h.ended_on is null or h.ended_on > ${today}::date)
        and (h.organisation is not null or h.person_name is not null)), '{}') as helpers,
    (select tv.full_name from unit_versions tv where tv.unit_id = c.transferred_to_unit_id order by tv.valid_to desc nulls first limit 1) as "transferredTo",
    c.personal_data_removed_on is not null as "personalDataRemoved"`;
}

export interface CaseFilter {
  visibility: Visibility;
  unitScope?: Scope | undefined;
  state: 'active' | 'ended' | 'all';
  status?: string | undefined;
  search?: string | undefined;
  ids?: readonly number[] | undefined;
}

/** Active on `today`: opened and not ended (a file ended today is no longer active). */
function activeOn(today: string): SQL {
  return sql`(c.ended_on is null or c.ended_on > ${today}::date)`;
}

function caseConditions(filter: CaseFilter): SQL {
  const today = filter.visibility.today;
  const conditions: SQL[] = [caseVisible(filter.visibility, sql`c.id`, sql`c.unit_id`)];
  if (filter.unitScope) conditions.push(unitInScope(filter.unitScope, sql`c.unit_id`));
  if (filter.state === 'active') conditions.push(activeOn(today));
  if (filter.state === 'ended') conditions.push(sql`not ${activeOn(today)}`);
  if (filter.status === 'being_helped')
    conditions.push(
      sql`${activeOn(today)} and (c.reintegrated_on is null or c.reintegrated_on > ${today}::date)`,
    );
  else if (filter.status === 'reintegrated')
    conditions.push(sql`${activeOn(today)} and c.reintegrated_on <= ${today}::date`);
  else if (filter.status) conditions.push(sql`c.end_reason = ${filter.status} and not ${activeOn(today)}`);
  if (filter.search) conditions.push(sql`c.search_name like ${containsPattern(filter.search)}`);
  if (filter.ids) conditions.push(sql`c.id = any(${toIntArray(filter.ids)}::int[])`);
  return sql.join(conditions, sql` and `);
}

export async function listCases(
  db: Database,
  filter: CaseFilter,
  page: { sort?: string | undefined; limit: number; offset: number },
): Promise<{ rows: CaseListRow[]; total: number }> {
  const where = caseConditions(filter);
  const order = orderBy(
    page.sort,
    {
      openedOn: sql`c.opened_on`,
      releasedOn: sql`c.released_on`,
      name: sql`c.search_name collate "C"`,
    },
    '-openedOn',
    sql`c.id`,
  );
  const rows = await queryRows<CaseListRow & { total: number }>(
    db,
    sql`with page as (
          select c.id, count(*) over()::int as total, row_number() over (order by ${order}) as ord
          from reintegration_cases c where ${where}
          order by ${order} limit ${page.limit} offset ${page.offset})
        select ${listColumns(filter.visibility.today)}, p.total
        from page p join reintegration_cases c on c.id = p.id order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from reintegration_cases c where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findCaseListRow(db: Database, id: number, today: string): Promise<CaseListRow> {
  const rows = await queryRows<CaseListRow>(
    db,
    sql`select ${listColumns(today)} from reintegration_cases c where c.id = ${id}`,
  );
  return rows[0]!;
}

export async function insertCase(db: Database, row: NewCase): Promise<CaseRecord> {
  const [created] = await db.insert(reintegrationCases).values(row).returning();
  return created!;
}

export async function updateCase(db: Database, id: number, changes: Partial<NewCase>): Promise<CaseRecord> {
  const [row] = await db
    .update(reintegrationCases)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(reintegrationCases.id, id))
    .returning();
  return row!;
}

/** The file a moved file was continued by, if the reader may see it. */
export async function findContinuation(
  db: Database,
  visibility: Visibility,
  id: number,
): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select c.id from reintegration_cases c where c.transferred_from_id = ${id}
        and ${caseVisible(visibility, sql`c.id`, sql`c.unit_id`)} limit 1`,
  );
  return rows[0]?.id;
}

// ---- helpers, supports, check-ins ------------------------------------------------------------------------------

export interface HelperRow extends HelperRecord {
  helperFullName: string | null;
  helperUsername: string | null;
}

export async function listHelpers(db: Database, caseId: number): Promise<HelperRow[]> {
  return queryRows<HelperRow>(
    db,
    sql`select h.id, h.case_id as "caseId", h.unit_id as "unitId", h.province_code as "provinceCode",
          h.organisation, h.person_name as "personName", h.helper_user_id as "helperUserId",
          h.decision_number as "decisionNumber", h.decision_date as "decisionDate", h.assigned_on as "assignedOn",
          h.ended_on as "endedOn", h.created_at as "createdAt", u.full_name as "helperFullName", u.username as "helperUsername"
        from reintegration_helpers h left join users u on u.id = h.helper_user_id
        where h.case_id = ${caseId} order by h.assigned_on, h.id`,
  );
}

export async function insertHelper(
  db: Database,
  row: typeof reintegrationHelpers.$inferInsert,
): Promise<HelperRecord> {
  const [created] = await db.insert(reintegrationHelpers).values(row).returning();
  return created!;
}

export async function findHelper(
  db: Database,
  caseId: number,
  id: number,
): Promise<HelperRecord | undefined> {
  const [row] = await db
    .select()
    .from(reintegrationHelpers)
    .where(sql`${reintegrationHelpers.id} = ${id} and ${reintegrationHelpers.caseId} = ${caseId}`);
  return row;
}

export async function endHelper(db: Database, id: number, endedOn: string): Promise<void> {
  await db.update(reintegrationHelpers).set({ endedOn }).where(eq(reintegrationHelpers.id, id));
}

export async function listSupports(db: Database, caseIds: readonly number[]): Promise<SupportRecord[]> {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(reintegrationSupports)
    .where(sql`${reintegrationSupports.caseId} = any(${toIntArray(caseIds)}::int[])`)
    .orderBy(reintegrationSupports.givenOn, reintegrationSupports.id);
}

export async function insertSupport(
  db: Database,
  row: typeof reintegrationSupports.$inferInsert,
): Promise<SupportRecord> {
  const [created] = await db.insert(reintegrationSupports).values(row).returning();
  return created!;
}

export async function findSupport(
  db: Database,
  caseId: number,
  id: number,
): Promise<SupportRecord | undefined> {
  const [row] = await db
    .select()
    .from(reintegrationSupports)
    .where(sql`${reintegrationSupports.id} = ${id} and ${reintegrationSupports.caseId} = ${caseId}`);
  return row;
}

export async function updateSupport(
  db: Database,
  id: number,
  changes: Partial<typeof reintegrationSupports.$inferInsert>,
): Promise<SupportRecord> {
  const [row] = await db
    .update(reintegrationSupports)
    .set(changes)
    .where(eq(reintegrationSupports.id, id))
    .returning();
  return row!;
}

export interface CheckInRow {
  id: number;
  caseId: number;
  checkedOn: string;
  note: string | null;
  recordedBy: string | null;
}

export async function listCheckIns(db: Database, caseIds: readonly number[]): Promise<CheckInRow[]> {
  if (caseIds.length === 0) return [];
  return queryRows<CheckInRow>(
    db,
    sql`select k.id, k.case_id as "caseId", k.checked_on as "checkedOn", k.note, u.full_name as "recordedBy"
        from reintegration_check_ins k left join users u on u.id = k.recorded_by
        where k.case_id = any(${toIntArray(caseIds)}::int[]) order by k.checked_on desc, k.id desc`,
  );
}

export async function insertCheckIn(
  db: Database,
  row: typeof reintegrationCheckIns.$inferInsert,
): Promise<CheckInRecord> {
  const [created] = await db.insert(reintegrationCheckIns).values(row).returning();
  return created!;
}

/** Front officers who may be linked as helpers of a file of `unitId`: those of that unit or a unit above it. */
export async function listHelperCandidates(
  db: Database,
  unitId: number,
  today: string,
): Promise<
  Array<{ id: number; fullName: string; username: string; position: string | null; unitName: string | null }>
> {
  return queryRows(
    db,
    sql`select u.id, u.full_name as "fullName", u.username, u.position,
          (select v.full_name from unit_versions v where v.unit_id = u.unit_id order by v.valid_to desc nulls first limit 1) as "unitName"
        from users u
        where u.role = 'front_officer' and u.active and u.unit_id is not null
          and exists (select 1 from unit_versions cv join unit_versions uv on uv.unit_id = u.unit_id
            where cv.unit_id = ${unitId}
              and (cv.valid_to is null or cv.valid_to >= ${today}::date) and (cv.valid_from is null or cv.valid_from <= ${today}::date)
              and (uv.valid_to is null or uv.valid_to >= ${today}::date) and (uv.valid_from is null or uv.valid_from <= ${today}::date)
              and cv.path like uv.path || '%')
        order by u.full_name, u.id limit 200`,
  );
}

export async function isResidentialAreaOf(db: Database, unitId: number, communeId: number): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from unit_versions v join units u on u.id = v.unit_id
          where v.unit_id = ${unitId} and v.parent_id = ${communeId} and u.kind = 'residential_area') as ok`,
  );
  return rows[0]?.ok === true;
}

export async function findUserRole(
  db: Database,
  userId: number,
): Promise<{ role: string; active: boolean; unitId: number | null } | undefined> {
  const rows = await queryRows<{ role: string; active: boolean; unitId: number | null }>(
    db,
    sql`select role, active, unit_id as "unitId" from users where id = ${userId}`,
  );
  return rows[0];
}

/** Communes of the whole country existing today whose name matches: where a person may move to. */
export async function searchCommunes(
  db: Database,
  term: string,
  today: string,
): Promise<Array<{ id: number; fullName: string; provinceName: string | null }>> {
  return queryRows(
    db,
    sql`select v.unit_id as id, v.full_name as "fullName",
          (select pv.full_name from unit_versions pv where pv.unit_id = v.parent_id
            and (pv.valid_to is null or pv.valid_to >= ${today}::date) limit 1) as "provinceName"
        from unit_versions v join units u on u.id = v.unit_id
        where u.kind = 'commune' and v.search_name like ${containsPattern(term)}
          and (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)
        order by length(v.search_name), v.search_name limit 20`,
  );
}

// ---- retention --------------------------------------------------------------------------------------------------

/**
 * Clears the personal fields of files that ended on or before `cutoff`: the person's identity, the encrypted
 * fields, free text that may name people, and the helpers' names. Dates, statuses, kinds of support and their
 * outcomes stay, so every count stays as it was. Answers the ids cleared.
 */
export async function removePersonalData(db: Database, cutoff: string, today: string): Promise<number[]> {
  const cleared = await queryRows<{ id: number; unitId: number; provinceCode: string }>(
    db,
    sql`update reintegration_cases set full_name = null, search_name = null, birth_year = null,
          residence_unit_id = null, residence_address = null, id_number_encrypted = null,
          sentence_summary_encrypted = null, releasing_facility = null, notes = null, end_note = null,
          personal_data_removed_on = ${today}::date, updated_at = now()
        where ended_on <= ${cutoff}::date and personal_data_removed_on is null
        returning id, unit_id as "unitId", province_code as "provinceCode"`,
  );
  const ids = cleared.map((row) => row.id);
  if (ids.length === 0) return [];
  const list = toIntArray(ids);
  await db.execute(sql`update reintegration_supports set note = null where case_id = any(${list}::int[])`);
  await db.execute(sql`update reintegration_check_ins set note = null where case_id = any(${list}::int[])`);
  await db.execute(
    sql`update reintegration_helpers set person_name = null, helper_user_id = null where case_id = any(${list}::int[])`,
  );
  return ids;
}

// ---- indicators ------------------------------------------------------------------------------------------------

const managedOn = (asOf: string) =>
  sql`c.opened_on <= ${asOf}::date and (c.ended_on is null or c.ended_on > ${asOf}::date)`;

/**
 * Files under management on the date (by status then), those of them with a job by then, and the files opened and
 * ended within the period (by origin, by reason).
 */
export const REINTEGRATION_INDICATOR_SOURCES: Record<string, FactSource> = {
  reintegration_cases: ({ asOf, unitCondition }) =>
    sql`select c.unit_id, case when c.reintegrated_on <= ${asOf}::date then 'reintegrated' else 'being_helped' end as dimension_value,
          c.id::text as measure
        from reintegration_cases c where ${managedOn(asOf)} and ${unitCondition(sql`c.unit_id`)}`,
  reintegration_with_job: ({ asOf, unitCondition }) =>
    sql`select c.unit_id, null::text as dimension_value, c.id::text as measure
        from reintegration_cases c where ${managedOn(asOf)} and ${unitCondition(sql`c.unit_id`)}
          and exists (select 1 from reintegration_supports s where s.case_id = c.id and s.kind = 'job_placement'
            and s.outcome = 'achieved' and coalesce(s.outcome_on, s.given_on) <= ${asOf}::date)`,
  reintegration_opened: ({ asOf, from: periodFrom, unitCondition }) =>
    sql`select c.unit_id, c.origin as dimension_value, c.id::text as measure
        from reintegration_cases c
        where c.opened_on between ${periodFrom}::date and ${asOf}::date and ${unitCondition(sql`c.unit_id`)}`,
  reintegration_ended: ({ asOf, from: periodFrom, unitCondition }) =>
    sql`select c.unit_id, c.end_reason as dimension_value, c.id::text as measure
        from reintegration_cases c
        where c.ended_on between ${periodFrom}::date and ${asOf}::date and ${unitCondition(sql`c.unit_id`)}`,
};

/** The same facts with their validity, for the aggregate tables (reporting/intervals.ts): [start, end). */
const caseEvent = (day: string, dimension: string): IntervalSource => ({
  kind: 'event',
  table: 'reintegration_cases',
  facts: (records) =>
    sql`select c.id as record_id, c.unit_id, c.${sql.raw(dimension)} as dimension_value, 1 as measure,
          c.${sql.raw(day)} as start_day, null::date as end_day
        from reintegration_cases c where ${records(sql`c.id`)} and c.${sql.raw(day)} is not null`,
});

export const REINTEGRATION_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  // Being helped until reintegrated, then reintegrated, while the file is open.
  reintegration_cases: {
    kind: 'state',
    table: 'reintegration_cases',
    facts: (records) =>
      sql`select f.* from (
            select c.id as record_id, c.unit_id, 'being_helped' as dimension_value, 1 as measure,
              c.opened_on as start_day, least(c.reintegrated_on, c.ended_on) as end_day
            from reintegration_cases c where ${records(sql`c.id`)}
            union all
            select c.id, c.unit_id, 'reintegrated', 1, greatest(c.reintegrated_on, c.opened_on), c.ended_on
            from reintegration_cases c where ${records(sql`c.id`)} and c.reintegrated_on is not null) f
          where f.start_day is not null and (f.end_day is null or f.end_day > f.start_day)`,
  },
  // From the first achieved job placement while the file is open.
  reintegration_with_job: {
    kind: 'state',
    table: 'reintegration_cases',
    facts: (records) =>
      sql`select f.* from (
            select c.id as record_id, c.unit_id, null::text as dimension_value, 1 as measure,
              greatest(c.opened_on, j.first_job) as start_day, c.ended_on as end_day
            from reintegration_cases c
            join (select s.case_id, min(coalesce(s.outcome_on, s.given_on)) as first_job from reintegration_supports s
                  where ${records(sql`s.case_id`)} and s.kind = 'job_placement' and s.outcome = 'achieved'
                  group by s.case_id) j on j.case_id = c.id
            where ${records(sql`c.id`)} and c.opened_on is not null and j.first_job is not null) f
          where f.end_day is null or f.end_day > f.start_day`,
    children: { reintegration_supports: 'case_id' },
  },
  reintegration_opened: caseEvent('opened_on', 'origin'),
  reintegration_ended: caseEvent('ended_on', 'end_reason'),
};
