/**
 * SQL of coordination programmes, plans and tasks. A programme is visible nationally when it has no unit, else to
 * readers whose scope holds its unit or lies below it; plans and tasks are read through the reader's scope.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { TaskStatus } from '../../../domain/coordination.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { recordUnitJson, toIntArray } from '../../registry/units.js';
import type { FactSource } from '../../reporting/rollup.js';
import {
  coordinationTaskNotes,
  coordinationTasks,
  programmeDocuments,
  programmePhases,
  programmePlans,
  programmes,
} from './programmes.table.js';

export type ProgrammeRecord = typeof programmes.$inferSelect;
export type PlanRecord = typeof programmePlans.$inferSelect;
export type TaskRecord = typeof coordinationTasks.$inferSelect;
export type NewTask = typeof coordinationTasks.$inferInsert;

export interface Reader {
  scope: Scope;
  unitId: number | null;
}

function programmeVisible(reader: Reader): SQL {
  if (reader.scope.all) return sql`true`;
  return sql`(p.unit_id is null or ${unitInScope(reader.scope, sql`p.unit_id`)}
    or exists (select 1 from unit_versions pv join unit_versions av on av.unit_id = ${reader.unitId}
      where pv.unit_id = p.unit_id and av.path like pv.path || '%'))`;
}

export interface ProgrammeRow {
  id: number;
  unitId: number | null;
  provinceCode: string | null;
  /** The programme's unit lies inside the reader's scope (a national one: the reader is national). */
  inScope: boolean;
  number: string;
  title: string;
  parties: string[];
  level: string;
  unit: unknown;
  signedOn: string | null;
  notes: string | null;
  reference: boolean;
  phases: Array<{ id: number; name: string; startsOn: string; endsOn: string | null; note: string | null }>;
  documents: Array<{ id: number; documentId: number | null; reference: string; title: string | null }>;
  planCount: number;
}

function programmeColumns(reader: Reader, today: string): SQL {
  return sql`p.id, p.unit_id as "unitId", p.province_code as "provinceCode",
    coalesce(${reader.scope.all ? sql`true` : sql`${unitInScope(reader.scope, sql`p.unit_id`)}`}, false) as "inScope",
    p.number, p.title, p.parties, p.level,
    case when p.unit_id is null then null else ${recordUnitJson(sql`p.unit_id`, today)} end as unit,
    p.signed_on as "signedOn", p.notes, p.reference_key is not null as reference,
    coalesce((select json_agg(json_build_object('id', ph.id, 'name', ph.name, 'startsOn', ph.starts_on, 'endsOn', ph.ends_on, 'note', ph.note)
      order by ph.sort_order, ph.starts_on) from programme_phases ph where ph.programme_id = p.id), '[]') as phases,
    coalesce((select json_agg(json_build_object('id', d.id, 'documentId', d.document_id, 'reference', d.reference,
        'title', case when dd.unit_id is null or ${unitInScope(reader.scope, sql`dd.unit_id`)} then dd.title end) order by d.id)
      from programme_documents d left join documents dd on dd.id = d.document_id where d.programme_id = p.id), '[]') as documents,
    (select count(*)::int from programme_plans pl where pl.programme_id = p.id and ${unitInScope(reader.scope, sql`pl.unit_id`)}) as "planCount"`;
}

export async function listProgrammes(db: Database, reader: Reader, today: string): Promise<ProgrammeRow[]> {
  return queryRows<ProgrammeRow>(
    db,
    sql`select ${programmeColumns(reader, today)} from programmes p where ${programmeVisible(reader)}
        order by p.signed_on desc nulls last, p.id desc`,
  );
}

export async function findProgramme(
  db: Database,
  reader: Reader,
  id: number,
  today: string,
): Promise<ProgrammeRow | undefined> {
  const rows = await queryRows<ProgrammeRow>(
    db,
    sql`select ${programmeColumns(reader, today)} from programmes p where p.id = ${id} and ${programmeVisible(reader)}`,
  );
  return rows[0];
}

export async function insertProgramme(
  db: Database,
  row: typeof programmes.$inferInsert,
  phases: Array<Omit<typeof programmePhases.$inferInsert, 'programmeId'>>,
  documents: Array<Omit<typeof programmeDocuments.$inferInsert, 'programmeId'>>,
): Promise<ProgrammeRecord> {
  const [created] = await db.insert(programmes).values(row).returning();
  if (phases.length > 0)
    await db.insert(programmePhases).values(phases.map((phase) => ({ ...phase, programmeId: created!.id })));
  if (documents.length > 0)
    await db
      .insert(programmeDocuments)
      .values(documents.map((document) => ({ ...document, programmeId: created!.id })));
  return created!;
}

export async function updateProgramme(
  db: Database,
  id: number,
  changes: Partial<typeof programmes.$inferInsert>,
): Promise<ProgrammeRecord> {
  const [row] = await db
    .update(programmes)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(programmes.id, id))
    .returning();
  return row!;
}

export async function lockProgramme(db: Database, id: number): Promise<void> {
  await db.execute(sql`select id from programmes where id = ${id} for update`);
}

/** The phases of a programme with the number of plans implementing each. */
export async function listPhases(db: Database, programmeId: number) {
  return queryRows<{ id: number; name: string; startsOn: string; endsOn: string | null; plans: number }>(
    db,
    sql`select ph.id, ph.name, ph.starts_on as "startsOn", ph.ends_on as "endsOn",
          (select count(*)::int from programme_plans pl where pl.phase_id = ph.id) as plans
        from programme_phases ph where ph.programme_id = ${programmeId} order by ph.sort_order, ph.starts_on`,
  );
}

export async function insertPhase(db: Database, row: typeof programmePhases.$inferInsert): Promise<void> {
  await db.insert(programmePhases).values(row);
}

export async function updatePhase(
  db: Database,
  id: number,
  changes: Partial<typeof programmePhases.$inferInsert>,
): Promise<void> {
  await db.update(programmePhases).set(changes).where(eq(programmePhases.id, id));
}

export async function deletePhase(db: Database, id: number): Promise<void> {
  await db.delete(programmePhases).where(eq(programmePhases.id, id));
}

export async function replaceDocuments(
  db: Database,
  programmeId: number,
  documents: Array<Omit<typeof programmeDocuments.$inferInsert, 'programmeId'>>,
): Promise<void> {
  await db.delete(programmeDocuments).where(eq(programmeDocuments.programmeId, programmeId));
  if (documents.length > 0)
    await db.insert(programmeDocuments).values(documents.map((document) => ({ ...document, programmeId })));
}

export async function findProgrammeByReference(
  db: Database,
  key: string,
): Promise<ProgrammeRecord | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.referenceKey, key));
  return row;
}

export async function findPhase(
  db: Database,
  programmeId: number,
  phaseId: number,
): Promise<typeof programmePhases.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(programmePhases)
    .where(sql`${programmePhases.id} = ${phaseId} and ${programmePhases.programmeId} = ${programmeId}`);
  return row;
}

// ---- progress counts ------------------------------------------------------------------------------------------

/** SQL: the state of task `t` on `date` (see domain/coordination.ts taskStateOn). */
export function taskStateSql(date: string): SQL {
  return taskStateAtSql(sql`${date}::date`);
}

/** The same state on the date a SQL expression gives (the aggregate tables evaluate it where it changes). */
export function taskStateAtSql(date: SQL): SQL {
  return sql`case when t.done_on is not null and t.done_on <= ${date} then 'done'
    when t.due_on is not null and t.due_on < ${date} then 'late'
    when t.started_on is not null and t.started_on <= ${date} then 'in_progress'
    else 'not_started' end`;
}

export const countsJson = (date: string, where: SQL) =>
  sql`(select json_build_object('total', count(*)::int,
      'done', count(*) filter (where ${taskStateSql(date)} = 'done')::int,
      'late', count(*) filter (where ${taskStateSql(date)} = 'late')::int,
      'inProgress', count(*) filter (where ${taskStateSql(date)} = 'in_progress')::int,
      'notStarted', count(*) filter (where ${taskStateSql(date)} = 'not_started')::int)
    from coordination_tasks t where ${where})`;

// ---- plans ----------------------------------------------------------------------------------------------------

export interface PlanRow {
  id: number;
  programmeId: number;
  unit: unknown;
  unitId: number;
  phaseId: number | null;
  phaseName: string | null;
  number: string | null;
  title: string;
  issuedOn: string;
  notes: string | null;
  progress: { total: number; done: number; late: number; inProgress: number; notStarted: number };
}

function planColumns(today: string): SQL {
  return sql`pl.id, pl.programme_id as "programmeId", ${recordUnitJson(sql`pl.unit_id`, today)} as unit, pl.unit_id as "unitId",
    pl.phase_id as "phaseId", (select ph.name from programme_phases ph where ph.id = pl.phase_id) as "phaseName",
    pl.number, pl.title, pl.issued_on as "issuedOn", pl.notes,
    ${countsJson(today, sql`t.plan_id = pl.id`)} as progress`;
}

export async function listPlans(
  db: Database,
  scope: Scope,
  programmeId: number,
  today: string,
): Promise<PlanRow[]> {
  return queryRows<PlanRow>(
    db,
    sql`select ${planColumns(today)} from programme_plans pl
        where pl.programme_id = ${programmeId} and ${unitInScope(scope, sql`pl.unit_id`)}
        order by (select v.path from unit_versions v where v.unit_id = pl.unit_id order by v.valid_to desc nulls first limit 1), pl.issued_on`,
  );
}

export async function findPlan(
  db: Database,
  scope: Scope,
  id: number,
  today: string,
): Promise<PlanRow | undefined> {
  const rows = await queryRows<PlanRow>(
    db,
    sql`select ${planColumns(today)} from programme_plans pl where pl.id = ${id} and ${unitInScope(scope, sql`pl.unit_id`)}`,
  );
  return rows[0];
}

export async function findPlanFor(
  db: Database,
  programmeId: number,
  unitId: number,
  phaseId: number | null,
): Promise<PlanRecord | undefined> {
  const [row] = await db
    .select()
    .from(programmePlans)
    .where(
      sql`${programmePlans.programmeId} = ${programmeId} and ${programmePlans.unitId} = ${unitId}
        and ${programmePlans.phaseId} is not distinct from ${phaseId}`,
    );
  return row;
}

export async function insertPlan(db: Database, row: typeof programmePlans.$inferInsert): Promise<PlanRecord> {
  const [created] = await db.insert(programmePlans).values(row).returning();
  return created!;
}

// ---- tasks ----------------------------------------------------------------------------------------------------

export interface TaskRow {
  id: number;
  planId: number | null;
  meetingId: number | null;
  unitId: number;
  provinceCode: string;
  title: string;
  ownerOrganisation: string;
  dueOn: string | null;
  status: TaskStatus;
  startedOn: string | null;
  doneOn: string | null;
  notes: Array<{ id: number; notedOn: string; note: string; recordedBy: string | null }>;
  /** A conclusion of a meeting that was cancelled: kept for the trail, no longer tracked. */
  meetingCancelled: boolean;
}

const taskColumns = sql`t.id, t.plan_id as "planId", t.meeting_id as "meetingId", t.unit_id as "unitId",
  t.province_code as "provinceCode", t.title, t.owner_organisation as "ownerOrganisation", t.due_on as "dueOn",
  t.status, t.started_on as "startedOn", t.done_on as "doneOn",
  coalesce((select cm.cancelled_on is not null from committee_meetings cm where cm.id = t.meeting_id), false) as "meetingCancelled",
  coalesce((select json_agg(json_build_object('id', n.id, 'notedOn', n.noted_on, 'note', n.note, 'recordedBy', n.recorded_by_name)
    order by n.noted_on desc, n.id desc) from coordination_task_notes n where n.task_id = t.id), '[]') as notes`;

export async function listTasks(
  db: Database,
  by: { planId?: number; meetingIds?: readonly number[] },
): Promise<TaskRow[]> {
  const where =
    by.planId !== undefined
      ? sql`t.plan_id = ${by.planId}`
      : sql`t.meeting_id = any(${toIntArray(by.meetingIds ?? [])}::int[])`;
  return queryRows<TaskRow>(
    db,
    sql`select ${taskColumns} from coordination_tasks t where ${where} order by t.due_on nulls last, t.id`,
  );
}

export async function findTaskInScope(db: Database, scope: Scope, id: number): Promise<TaskRow | undefined> {
  const rows = await queryRows<TaskRow>(
    db,
    sql`select ${taskColumns} from coordination_tasks t where t.id = ${id} and ${unitInScope(scope, sql`t.unit_id`)}`,
  );
  return rows[0];
}

export async function lockTask(db: Database, id: number): Promise<void> {
  await db.execute(sql`select id from coordination_tasks where id = ${id} for update`);
}

export async function insertTasks(db: Database, rows: NewTask[]): Promise<TaskRecord[]> {
  if (rows.length === 0) return [];
  return db.insert(coordinationTasks).values(rows).returning();
}

export async function updateTask(db: Database, id: number, changes: Partial<NewTask>): Promise<TaskRecord> {
  const [row] = await db
    .update(coordinationTasks)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(coordinationTasks.id, id))
    .returning();
  return row!;
}

export async function insertTaskNote(
  db: Database,
  row: typeof coordinationTaskNotes.$inferInsert,
): Promise<void> {
  await db.insert(coordinationTaskNotes).values(row);
}

// ---- the yearly progress view -----------------------------------------------------------------------------------

export interface ProgressRow {
  unit: unknown;
  planId: number | null;
  planTitle: string | null;
  counts: { total: number; done: number; late: number; inProgress: number; notStarted: number };
}

/**
 * Every commune in the reader's scope existing on `today` (with or without a plan), plus any other unit in scope
 * that has a plan; each with the states of its plan's tasks due in `year`, judged on `judgedOn`.
 */
export async function progressRows(
  db: Database,
  scope: Scope,
  programmeId: number,
  year: number,
  judgedOn: string,
  today: string,
): Promise<ProgressRow[]> {
  const dueInYear = sql`extract(year from t.due_on) = ${year}`;
  const listCommunes = scope.all ? sql`false` : sql`true`;
  return queryRows<ProgressRow>(
    db,
    sql`with planned as (
          select distinct on (pl.unit_id) pl.unit_id, pl.id, pl.title from programme_plans pl
          where pl.programme_id = ${programmeId} and ${unitInScope(scope, sql`pl.unit_id`)}
          order by pl.unit_id, pl.issued_on desc),
        communes as (
          select u.id as unit_id from units u join unit_versions v on v.unit_id = u.id
          where ${listCommunes} and u.kind = 'commune' and ${unitInScope(scope, sql`u.id`)}
            and (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)),
        everyone as (select unit_id from communes union select unit_id from planned)
        select ${recordUnitJson(sql`e.unit_id`, today)} as unit, p.id as "planId", p.title as "planTitle",
          ${countsJson(judgedOn, sql`t.plan_id = p.id and ${dueInYear}`)} as counts
        from everyone e left join planned p on p.unit_id = e.unit_id
        order by (select v.path from unit_versions v where v.unit_id = e.unit_id order by v.valid_to desc nulls first limit 1)`,
  );
}

// ---- indicators -------------------------------------------------------------------------------------------------

/** Tasks of plans due in the period, by their state on the period's last day. */
export const PROGRAMME_INDICATOR_SOURCES: Record<string, FactSource> = {
  programme_tasks: ({ asOf, from: periodFrom, unitCondition }) =>
    sql`select t.unit_id, ${taskStateSql(asOf)} as dimension_value, t.id::text as measure
        from coordination_tasks t
        where t.plan_id is not null and t.due_on between ${periodFrom}::date and ${asOf}::date
          and ${unitCondition(sql`t.unit_id`)}`,
};
