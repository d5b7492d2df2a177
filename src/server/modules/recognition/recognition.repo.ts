/**
 * SQL of the safety standard: criteria sets, cycles, records, answers, evidence, and the unit lists behind the
 * dashboards. Every read of records takes the reader's scope.
 */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { RecordUnit } from '../../../contracts/registry.js';
import { todayInVietnam } from '../../../domain/dates.js';
import {
  DECIDED_STATUSES,
  defaultCycle,
  type RecordStatus,
  STANDARD_UNIT_KINDS,
  type StandardTarget,
  targetOf,
} from '../../../domain/recognition.js';
import type { UnitKind } from '../../../domain/units.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { recordUnitJson, toIntArray, toTextArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import {
  criteria,
  criteriaSets,
  recognitionAnswers,
  recognitionCycles,
  recognitionEvidence,
  recognitionRecords,
} from './recognition.table.js';

export type SetRecord = typeof criteriaSets.$inferSelect;
export type CriterionRecord = typeof criteria.$inferSelect;
export type RecordRow = typeof recognitionRecords.$inferSelect;
export type AnswerRecord = typeof recognitionAnswers.$inferSelect;
export type EvidenceRecord = typeof recognitionEvidence.$inferSelect;
export type CycleRecord = typeof recognitionCycles.$inferSelect;

// ---- criteria sets -------------------------------------------------------------------------------------------

export async function listSets(
  db: Database,
  filter: { target?: string | undefined; status?: string | undefined; provinceCode: string | null | 'all' },
): Promise<Array<SetRecord & { criteriaCount: number }>> {
  const conditions = [sql`true`];
  if (filter.target) conditions.push(sql`s.target = ${filter.target}`);
  if (filter.status) conditions.push(sql`s.status = ${filter.status}`);
  if (filter.provinceCode !== 'all') {
    conditions.push(
      filter.provinceCode === null
        ? sql`s.province_code is null`
        : sql`(s.province_code is null or s.province_code = ${filter.provinceCode})`,
    );
  }
  return queryRows(
    db,
    sql`select s.id, s.code, s.version, s.target, s.legal_basis as "legalBasis", s.title,
          s.province_code as "provinceCode", s.base_set_id as "baseSetId", s.from_year as "fromYear",
          s.to_year as "toYear", s.status, s.frozen, s.note, s.created_at as "createdAt", s.updated_at as "updatedAt",
          (select count(*)::int from criteria c where c.set_id = s.id) as "criteriaCount"
        from criteria_sets s where ${sql.join(conditions, sql` and `)}
        order by s.from_year desc, s.target, s.province_code nulls first, s.code, s.version desc`,
  );
}

export async function findSet(db: Database, id: number): Promise<SetRecord | undefined> {
  const [row] = await db.select().from(criteriaSets).where(eq(criteriaSets.id, id));
  return row;
}

export async function listCriteria(db: Database, setId: number): Promise<CriterionRecord[]> {
  return db
    .select()
    .from(criteria)
    .where(eq(criteria.setId, setId))
    .orderBy(asc(criteria.position), asc(criteria.id));
}

export async function findCriterion(
  db: Database,
  setId: number,
  id: number,
): Promise<CriterionRecord | undefined> {
  const [row] = await db
    .select()
    .from(criteria)
    .where(and(eq(criteria.setId, setId), eq(criteria.id, id)));
  return row;
}

export async function nextVersion(db: Database, code: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(
    db,
    sql`select coalesce(max(version), 0)::int + 1 as version from criteria_sets where code = ${code}`,
  );
  return row!.version;
}

export async function insertSet(db: Database, row: typeof criteriaSets.$inferInsert): Promise<SetRecord> {
  const [inserted] = await db.insert(criteriaSets).values(row).returning();
  return inserted!;
}

export async function updateSet(
  db: Database,
  id: number,
  changes: Partial<typeof criteriaSets.$inferInsert>,
): Promise<void> {
  await db
    .update(criteriaSets)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(criteriaSets.id, id));
}

export async function retireOtherVersions(db: Database, code: string, keepId: number): Promise<void> {
  await db.execute(
    sql`update criteria_sets set status = 'retired', updated_at = now()
        where code = ${code} and id <> ${keepId} and status = 'active'`,
  );
}

export async function insertCriteria(
  db: Database,
  rows: Array<typeof criteria.$inferInsert>,
): Promise<CriterionRecord[]> {
  if (rows.length === 0) return [];
  return db.insert(criteria).values(rows).returning();
}

export async function updateCriterion(
  db: Database,
  id: number,
  changes: Partial<typeof criteria.$inferInsert>,
): Promise<void> {
  await db.update(criteria).set(changes).where(eq(criteria.id, id));
}

export async function deleteCriterion(db: Database, id: number): Promise<void> {
  await db.delete(criteria).where(eq(criteria.id, id));
}

/** The set that judges a new record: the province's own active set if any, else the national one. */
export async function findActiveSetFor(
  db: Database,
  target: StandardTarget,
  year: number,
  provinceCode: string,
): Promise<SetRecord | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from criteria_sets
        where target = ${target} and status = 'active' and from_year <= ${year}
          and (to_year is null or to_year >= ${year})
          and (province_code is null or province_code = ${provinceCode})
        order by province_code nulls last, from_year desc, version desc limit 1`,
  );
  return rows[0] ? findSet(db, rows[0].id) : undefined;
}

// ---- cycles ------------------------------------------------------------------------------------------------------

export async function listCycles(db: Database, provinceCode: string, year: number): Promise<CycleRecord[]> {
  return db
    .select()
    .from(recognitionCycles)
    .where(and(eq(recognitionCycles.provinceCode, provinceCode), eq(recognitionCycles.year, year)));
}

/** Every override of a year, for computing deadlines across provinces. */
export async function listCyclesOfYear(db: Database, year: number): Promise<CycleRecord[]> {
  return db.select().from(recognitionCycles).where(eq(recognitionCycles.year, year));
}

export async function upsertCycle(db: Database, row: typeof recognitionCycles.$inferInsert): Promise<void> {
  await db
    .insert(recognitionCycles)
    .values(row)
    .onConflictDoUpdate({
      target: [recognitionCycles.provinceCode, recognitionCycles.year, recognitionCycles.target],
      set: {
        windowFrom: row.windowFrom,
        windowTo: row.windowTo,
        registrationDeadline: row.registrationDeadline,
        decisionDeadline: row.decisionDeadline,
        classificationDeadline: row.classificationDeadline,
        approvingLevel: row.approvingLevel,
        updatedAt: new Date(),
      },
    });
}

// ---- units -------------------------------------------------------------------------------------------------------

export interface UnitOnDate {
  id: number;
  code: string;
  kind: UnitKind;
  provinceCode: string;
  fullName: string;
  path: string;
  parentId: number | null;
}

/** The unit's version valid on the date, or its latest one. */
export async function findUnit(db: Database, unitId: number, date: string): Promise<UnitOnDate | undefined> {
  const [row] = await queryRows<UnitOnDate>(
    db,
    sql`select u.id, u.code, u.kind, u.province_code as "provinceCode", v.full_name as "fullName", v.path,
          v.parent_id as "parentId"
        from units u join unit_versions v on v.unit_id = u.id
        where u.id = ${unitId}
        order by (v.valid_from is null or v.valid_from <= ${date}::date) and (v.valid_to is null or v.valid_to >= ${date}::date) desc,
          v.valid_to desc nulls first
        limit 1`,
  );
  return row;
}

// ---- records -----------------------------------------------------------------------------------------------------

export async function findRecordInScope(
  db: Database,
  scope: Scope,
  id: number,
): Promise<RecordRow | undefined> {
  const [row] = await db
    .select()
    .from(recognitionRecords)
    .where(and(eq(recognitionRecords.id, id), unitInScope(scope, sql`${recognitionRecords.unitId}`)));
  return row;
}

export async function findRecordOfUnit(
  db: Database,
  unitId: number,
  year: number,
): Promise<RecordRow | undefined> {
  const [row] = await db
    .select()
    .from(recognitionRecords)
    .where(and(eq(recognitionRecords.unitId, unitId), eq(recognitionRecords.year, year)));
  return row;
}

export async function insertRecord(
  db: Database,
  row: typeof recognitionRecords.$inferInsert,
): Promise<RecordRow> {
  const [inserted] = await db.insert(recognitionRecords).values(row).returning();
  return inserted!;
}

export async function updateRecord(
  db: Database,
  id: number,
  changes: Partial<typeof recognitionRecords.$inferInsert>,
): Promise<RecordRow> {
  const [row] = await db
    .update(recognitionRecords)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(recognitionRecords.id, id))
    .returning();
  return row!;
}

export async function recordUnit(db: Database, unitId: number, today: string): Promise<RecordUnit> {
  const [row] = await queryRows<{ unit: RecordUnit }>(
    db,
    sql`select ${recordUnitJson(sql`${unitId}`, today)} as unit`,
  );
  return row!.unit;
}

export async function listAnswers(db: Database, recordId: number): Promise<AnswerRecord[]> {
  return db.select().from(recognitionAnswers).where(eq(recognitionAnswers.recordId, recordId));
}

export async function upsertAnswer(db: Database, row: typeof recognitionAnswers.$inferInsert): Promise<void> {
  await db
    .insert(recognitionAnswers)
    .values(row)
    .onConflictDoUpdate({
      target: [recognitionAnswers.recordId, recognitionAnswers.criterionId],
      set: {
        met: row.met,
        value: row.value,
        occurredEvents: row.occurredEvents,
        note: row.note,
        updatedAt: new Date(),
      },
    });
}

/** Many answers at once (the demo data); a record's answers are otherwise saved through `upsertAnswer`. */
export async function insertAnswers(
  db: Database,
  rows: Array<typeof recognitionAnswers.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(recognitionAnswers).values(rows);
}

export async function setReviewerComment(
  db: Database,
  recordId: number,
  criterionId: number,
  comment: string,
): Promise<void> {
  await db
    .insert(recognitionAnswers)
    .values({ recordId, criterionId, reviewerComment: comment, returned: true })
    .onConflictDoUpdate({
      target: [recognitionAnswers.recordId, recognitionAnswers.criterionId],
      set: { reviewerComment: comment, returned: true, updatedAt: new Date() },
    });
}

/** On resubmission the returned marks are cleared; the comments stay for the next reader. */
export async function clearReturnedMarks(db: Database, recordId: number): Promise<void> {
  await db
    .update(recognitionAnswers)
    .set({ returned: false })
    .where(eq(recognitionAnswers.recordId, recordId));
}

export async function listEvidence(
  db: Database,
  recordId: number,
): Promise<Array<EvidenceRecord & { linkedName: string | null }>> {
  return queryRows(
    db,
    sql`select e.id, e.record_id as "recordId", e.criterion_id as "criterionId", e.kind, e.team_id as "teamId",
          e.model_id as "modelId", e.attachment_id as "attachmentId", e.description, e.created_by as "createdBy",
          e.created_at as "createdAt",
          coalesce((select t.name from teams t where t.id = e.team_id), (select m.name from models m where m.id = e.model_id)) as "linkedName"
        from recognition_evidence e where e.record_id = ${recordId} order by e.id`,
  );
}

export async function insertEvidence(
  db: Database,
  row: typeof recognitionEvidence.$inferInsert,
): Promise<EvidenceRecord> {
  const [inserted] = await db.insert(recognitionEvidence).values(row).returning();
  return inserted!;
}

export async function provinceExists(db: Database, code: string): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from units where kind = 'province' and code = ${code} limit 1`,
  );
  return rows.length > 0;
}

/** A file attached to the record goes away: the evidence that pointed to it goes too, and the minutes link. */
export async function dropAttachmentReferences(
  db: Database,
  recordId: number,
  attachmentRowId: number,
): Promise<void> {
  await db
    .delete(recognitionEvidence)
    .where(
      and(eq(recognitionEvidence.recordId, recordId), eq(recognitionEvidence.attachmentId, attachmentRowId)),
    );
  await db
    .update(recognitionRecords)
    .set({ minutesAttachmentId: null })
    .where(
      and(eq(recognitionRecords.id, recordId), eq(recognitionRecords.minutesAttachmentId, attachmentRowId)),
    );
}

export async function findEvidence(
  db: Database,
  recordId: number,
  id: number,
): Promise<EvidenceRecord | undefined> {
  const [row] = await db
    .select()
    .from(recognitionEvidence)
    .where(and(eq(recognitionEvidence.recordId, recordId), eq(recognitionEvidence.id, id)));
  return row;
}

export async function deleteEvidence(db: Database, id: number): Promise<void> {
  await db.delete(recognitionEvidence).where(eq(recognitionEvidence.id, id));
}

/** Counts of a commune's residential areas, agencies, enterprises and schools for a year, on a date. */
export async function childrenCounts(
  db: Database,
  communeId: number,
  year: number,
  date: string,
  kinds: readonly UnitKind[],
): Promise<{ total: number; registered: number; recognised: number; pending: number }> {
  const [row] = await queryRows<{ total: number; registered: number; recognised: number; pending: number }>(
    db,
    sql`select count(*)::int as total, count(r.id)::int as registered,
          count(*) filter (where r.status = 'recognised')::int as recognised,
          count(*) filter (where r.status in ('registered', 'submitted', 'returned'))::int as pending
        from units u join unit_versions v on v.unit_id = u.id
          and (v.valid_from is null or v.valid_from <= ${date}::date) and (v.valid_to is null or v.valid_to >= ${date}::date)
        left join recognition_records r on r.unit_id = u.id and r.year = ${year}
        where v.parent_id = ${communeId} and u.kind = any(${toTextArray(kinds)}::text[])`,
  );
  return row!;
}

export interface UnitStatusRow {
  unitId: number;
  kind: UnitKind;
  target: StandardTarget;
  provinceCode: string;
  fullName: string;
  recordId: number | null;
  status: RecordStatus | null;
  classificationLevel: string | null;
  overdueKind: 'registration' | 'decision' | null;
  overdueDeadline: string | null;
}

export type UnitStatusFilter = 'not_registered' | RecordStatus | 'pending' | 'overdue' | undefined;

/** Each standard unit kind with its target and the circular's deadlines for the year (as SQL `values`). */
function defaultDeadlines(year: number): SQL {
  return sql.join(
    STANDARD_UNIT_KINDS.map((kind) => {
      const target = targetOf(kind)!;
      const cycle = defaultCycle(target, year);
      return sql`(${kind}::text, ${target}::text, ${cycle.registrationDeadline}::date, ${cycle.decisionDeadline}::date)`;
    }),
    sql`, `,
  );
}

/** Why a unit is overdue on `today` (SQL over `r` the record, `d` the defaults, `cy` the province's cycle). */
function overdueKindSql(today: string): SQL {
  return sql`case
      when r.id is null and ${today}::date > coalesce(cy.registration_deadline, d.registration_deadline) then 'registration'
      when r.id is not null and r.status <> all(${toTextArray(DECIDED_STATUSES)}::text[])
        and ${today}::date > coalesce(cy.decision_deadline, d.decision_deadline) then 'decision'
    end`;
}

/**
 * Units of the standard's kinds below (or at) the base path on the date, in the reader's scope, each with its
 * record of the year and whether (and why) it is overdue by its province's cycle: the registration list, the
 * drill-down and the overdue list. Filtered, counted and paged in SQL, so a national list stays one page of work.
 */
export async function listUnitStatuses(
  db: Database,
  options: {
    scope: Scope;
    basePath: string | null;
    year: number;
    date: string;
    today: string;
    search?: string | undefined;
    target?: StandardTarget | undefined;
    state?: UnitStatusFilter;
    limit: number;
    offset: number;
  },
): Promise<{ rows: UnitStatusRow[]; total: number }> {
  const conditions = [unitInScope(options.scope, sql`u.id`)];
  if (options.basePath !== null) {
    conditions.push(sql`v.path like ${`${options.basePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  if (options.search) conditions.push(sql`v.search_name like ${`%${options.search}%`}`);
  if (options.target) conditions.push(sql`d.target = ${options.target}`);
  const state = options.state;
  if (state === 'not_registered') conditions.push(sql`r.id is null`);
  else if (state === 'pending') {
    conditions.push(sql`r.id is not null and r.status <> all(${toTextArray(DECIDED_STATUSES)}::text[])`);
  } else if (state === 'overdue') conditions.push(sql`${overdueKindSql(options.today)} is not null`);
  else if (state !== undefined) conditions.push(sql`r.status = ${state}`);
  const rows = await queryRows<UnitStatusRow & { total: number }>(
    db,
    sql`select u.id as "unitId", u.kind, d.target, u.province_code as "provinceCode", v.full_name as "fullName",
          r.id as "recordId", r.status, c.approved_level as "classificationLevel",
          ${overdueKindSql(options.today)} as "overdueKind",
          (case ${overdueKindSql(options.today)}
            when 'registration' then coalesce(cy.registration_deadline, d.registration_deadline)
            when 'decision' then coalesce(cy.decision_deadline, d.decision_deadline) end)::text as "overdueDeadline",
          count(*) over ()::int as total
        from units u join unit_versions v on v.unit_id = u.id
          and (v.valid_from is null or v.valid_from <= ${options.date}::date) and (v.valid_to is null or v.valid_to >= ${options.date}::date)
        join (values ${defaultDeadlines(options.year)}) d(kind, target, registration_deadline, decision_deadline)
          on d.kind = u.kind
        left join recognition_records r on r.unit_id = u.id and r.year = ${options.year}
        left join classification_records c on c.unit_id = u.id and c.year = ${options.year}
        left join recognition_cycles cy on cy.province_code = u.province_code and cy.year = ${options.year}
          and cy.target = d.target
        where ${sql.join(conditions, sql` and `)}
        order by v.path, v.full_name, u.id
        limit ${options.limit} offset ${options.offset}`,
  );
  if (rows.length > 0 || options.offset === 0) {
    return { rows, total: rows[0]?.total ?? 0 };
  }
  // A page past the end: count alone, so the caller can say which page is the last.
  const counted = await listUnitStatuses(db, { ...options, limit: 1, offset: 0 });
  return { rows: [], total: counted.total };
}

export async function recordUnits(
  db: Database,
  ids: number[],
  today: string,
): Promise<Map<number, RecordUnit>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; unit: RecordUnit }>(
    db,
    sql`select x.id, ${recordUnitJson(sql`x.id`, today)} as unit from unnest(${toIntArray(ids)}::int[]) as x(id)`,
  );
  return new Map(rows.map((row) => [row.id, row.unit]));
}

/**
 * The units (of the kinds the standard covers, existing on `date`) overdue on `today` for a year, as a fact source
 * for the summary: not registered after the registration deadline, or registered but undecided after the decision
 * deadline. Deadlines are the province's cycle for the unit's kind, else the circular's default; all in SQL, so a
 * national count never loads the country's hundred thousand units into the server.
 */
export function overdueUnitsSql(options: {
  year: number;
  today: string;
  date: string;
  unitCondition: (expression: SQL) => SQL;
}): SQL {
  return sql`select u.id as unit_id, null::text as dimension_value, u.id as measure
    from units u
    join (values ${defaultDeadlines(options.year)}) d(kind, target, registration_deadline, decision_deadline)
      on d.kind = u.kind
    left join recognition_records r on r.unit_id = u.id and r.year = ${options.year}
    left join recognition_cycles cy on cy.province_code = u.province_code and cy.year = ${options.year}
      and cy.target = d.target
    where exists (select 1 from unit_versions v where v.unit_id = u.id
        and (v.valid_from is null or v.valid_from <= ${options.date}::date)
        and (v.valid_to is null or v.valid_to >= ${options.date}::date))
      and ${overdueKindSql(options.today)} is not null
      and ${options.unitCondition(sql`u.id`)}`;
}

// ---- indicators ---------------------------------------------------------------------------------------------------

/**
 * The safety standard and the classification of a year: units that must build the standard (existing on the date),
 * their records by status, and the approved classification by level. `year` defaults to the year of the period's
 * last day (a yearly review of 2025 counts the 2025 recognition).
 */
export function recognitionIndicatorSources(year?: number, today?: string): Record<string, FactSource> {
  const yearOf = (asOf: string) => year ?? Number(asOf.slice(0, 4));
  return {
    // Depends on the day it is read (deadlines pass), so it is always computed, never kept in aggregates.
    standard_overdue: ({ asOf, unitCondition }) =>
      overdueUnitsSql({ year: yearOf(asOf), today: today ?? todayInVietnam(), date: asOf, unitCondition }),
    standard_units: ({ asOf, unitCondition }) =>
      sql`select u.id as unit_id, null::text as dimension_value, u.id as measure from units u
          where u.kind = any(${`{${STANDARD_UNIT_KINDS.join(',')}}`}::text[])
            and exists (select 1 from unit_versions v where v.unit_id = u.id
              and (v.valid_from is null or v.valid_from <= ${asOf}::date) and (v.valid_to is null or v.valid_to >= ${asOf}::date))
            and ${unitCondition(sql`u.id`)}`,
    standard_records: ({ asOf, unitCondition }) =>
      sql`select r.unit_id, r.status as dimension_value, r.id as measure from recognition_records r
          where r.year = ${yearOf(asOf)} and ${unitCondition(sql`r.unit_id`)}`,
    classification_levels: ({ asOf, unitCondition }) =>
      sql`select c.unit_id, coalesce(c.approved_level, c.proposed_level) as dimension_value, c.id as measure
          from classification_records c
          where c.year = ${yearOf(asOf)} and c.status = 'approved' and ${unitCondition(sql`c.unit_id`)}`,
  };
}

export const RECOGNITION_INDICATOR_SOURCES: Record<string, FactSource> = recognitionIndicatorSources();

/**
 * For the aggregate tables (reporting/intervals.ts): a record of year Y counts on every day of Y (the raw sources
 * read the records of the year of `asOf`), under its current status or level. standard_overdue depends on the day
 * it is read; standard_units counts the registry's units (by their versions, whose dates overlap and end
 * inclusively), not records: both are computed from the raw rows.
 */
export const RECOGNITION_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  standard_records: {
    kind: 'state',
    table: 'recognition_records',
    facts: (records) =>
      sql`select r.id as record_id, r.unit_id, r.status as dimension_value, 1 as measure,
            make_date(r.year, 1, 1) as start_day, make_date(r.year + 1, 1, 1) as end_day
          from recognition_records r where ${records(sql`r.id`)} and r.year > 0`,
  },
  classification_levels: {
    kind: 'state',
    table: 'classification_records',
    facts: (records) =>
      sql`select c.id as record_id, c.unit_id, coalesce(c.approved_level, c.proposed_level) as dimension_value,
            1 as measure, make_date(c.year, 1, 1) as start_day, make_date(c.year + 1, 1, 1) as end_day
          from classification_records c where ${records(sql`c.id`)} and c.year > 0 and c.status = 'approved'`,
  },
};
