/**
 * SQL of steering committee meetings. The committees themselves are teams of kind `steering_committee` (read here,
 * written only by the teams module); every read goes through the reader's scope.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { recordUnitJson } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import { countsJson, taskStateAtSql, taskStateSql } from '../programmes/programmes.repo.js';
import { committeeMeetings } from './committees.table.js';

export type MeetingRecord = typeof committeeMeetings.$inferSelect;

export interface CommitteeRow {
  id: number;
  name: string;
  unit: unknown;
  unitId: number;
  provinceCode: string;
  establishedOn: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  dissolvedOn: string | null;
  memberCount: number;
  leaderName: string | null;
  meetingCount: number;
  lastMeetingOn: string | null;
  conclusions: { total: number; done: number; late: number; inProgress: number; notStarted: number };
}

const live = (start: SQL, end: SQL, date: string) =>
  sql`${start} <= ${date}::date and (${end} is null or ${end} > ${date}::date)`;

function committeeColumns(today: string): SQL {
  return sql`tm.id, tm.name, ${recordUnitJson(sql`tm.unit_id`, today)} as unit, tm.unit_id as "unitId",
    tm.province_code as "provinceCode", tm.established_on as "establishedOn", tm.decision_number as "decisionNumber",
    tm.decision_date as "decisionDate", tm.dissolved_on as "dissolvedOn",
    (select count(*)::int from team_members m where m.team_id = tm.id and ${live(sql`m.joined_on`, sql`m.left_on`, today)}) as "memberCount",
    (select m.full_name from team_members m where m.team_id = tm.id and m.role = 'chairman'
       and ${live(sql`m.joined_on`, sql`m.left_on`, today)} order by m.joined_on desc limit 1) as "leaderName",
    (select count(*)::int from committee_meetings cm where cm.team_id = tm.id and cm.cancelled_on is null) as "meetingCount",
    (select max(cm.held_on) from committee_meetings cm where cm.team_id = tm.id and cm.cancelled_on is null) as "lastMeetingOn",
    ${countsJson(today, sql`t.meeting_id in (select cm.id from committee_meetings cm where cm.team_id = tm.id and cm.cancelled_on is null)`)} as conclusions`;
}

export async function listCommittees(
  db: Database,
  scope: Scope,
  unitScope: Scope | undefined,
  today: string,
): Promise<CommitteeRow[]> {
  return queryRows<CommitteeRow>(
    db,
    sql`select ${committeeColumns(today)} from teams tm
        where tm.kind = 'steering_committee' and ${unitInScope(scope, sql`tm.unit_id`)}
          ${unitScope ? sql`and ${unitInScope(unitScope, sql`tm.unit_id`)}` : sql``}
        order by tm.dissolved_on is not null,
          (select v.path from unit_versions v where v.unit_id = tm.unit_id order by v.valid_to desc nulls first limit 1), tm.id`,
  );
}

export async function findCommittee(
  db: Database,
  scope: Scope,
  id: number,
  today: string,
): Promise<CommitteeRow | undefined> {
  const rows = await queryRows<CommitteeRow>(
    db,
    sql`select ${committeeColumns(today)} from teams tm
        where tm.id = ${id} and tm.kind = 'steering_committee' and ${unitInScope(scope, sql`tm.unit_id`)}`,
  );
  return rows[0];
}

export async function listMembers(
  db: Database,
  teamId: number,
  today: string,
): Promise<
  Array<{
    id: number;
    fullName: string;
    role: string;
    position: string | null;
    organisation: string | null;
    joinedOn: string;
  }>
> {
  return queryRows(
    db,
    sql`select m.id, m.full_name as "fullName", m.role, m.position, m.organisation, m.joined_on as "joinedOn"
        from team_members m
        where m.team_id = ${teamId} and ${live(sql`m.joined_on`, sql`m.left_on`, today)}
        order by array_position(array['chairman','vice_chairman','standing_member','committee_member']::text[], m.role) nulls last, m.full_name`,
  );
}

export async function listMeetings(db: Database, teamId: number): Promise<MeetingRecord[]> {
  return db
    .select()
    .from(committeeMeetings)
    .where(eq(committeeMeetings.teamId, teamId))
    .orderBy(sql`${committeeMeetings.heldOn} desc, ${committeeMeetings.id} desc`);
}

export async function findMeetingInScope(
  db: Database,
  scope: Scope,
  id: number,
): Promise<MeetingRecord | undefined> {
  const [row] = await db
    .select()
    .from(committeeMeetings)
    .where(sql`${committeeMeetings.id} = ${id} and ${unitInScope(scope, sql`${committeeMeetings.unitId}`)}`);
  return row;
}

export async function insertMeeting(
  db: Database,
  row: typeof committeeMeetings.$inferInsert,
): Promise<MeetingRecord> {
  const [created] = await db.insert(committeeMeetings).values(row).returning();
  return created!;
}

export async function updateMeeting(
  db: Database,
  id: number,
  changes: Partial<typeof committeeMeetings.$inferInsert>,
): Promise<MeetingRecord> {
  const [row] = await db
    .update(committeeMeetings)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(committeeMeetings.id, id))
    .returning();
  return row!;
}

/**
 * Meetings held in the period; conclusions of meetings held by the date, by their state on that date. Cancelled
 * meetings and their conclusions do not count.
 */
export const COMMITTEE_INDICATOR_SOURCES: Record<string, FactSource> = {
  committee_meetings: ({ asOf, from: periodFrom, unitCondition }) =>
    sql`select m.unit_id, null::text as dimension_value, m.id::text as measure from committee_meetings m
        where m.held_on between ${periodFrom}::date and ${asOf}::date and m.cancelled_on is null
          and ${unitCondition(sql`m.unit_id`)}`,
  committee_conclusions: ({ asOf, unitCondition }) =>
    sql`select t.unit_id, ${taskStateSql(asOf)} as dimension_value, t.id::text as measure
        from coordination_tasks t join committee_meetings m on m.id = t.meeting_id
        where m.held_on <= ${asOf}::date and m.cancelled_on is null and ${unitCondition(sql`t.unit_id`)}`,
};

/**
 * For the aggregate tables (reporting/intervals.ts): meetings as events on their day; each conclusion from its
 * meeting on, split where its state changes (started, past due, done), under the state of each piece.
 */
export const COMMITTEE_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  committee_meetings: {
    kind: 'event',
    table: 'committee_meetings',
    facts: (records) =>
      sql`select m.id as record_id, m.unit_id, null::text as dimension_value, 1 as measure,
            m.held_on as start_day, null::date as end_day
          from committee_meetings m where ${records(sql`m.id`)} and m.held_on is not null`,
  },
  committee_conclusions: {
    kind: 'state',
    table: 'coordination_tasks',
    facts: (records) =>
      sql`with points as (
            select t.id, t.unit_id, p.day
            from coordination_tasks t join committee_meetings m on m.id = t.meeting_id
            cross join lateral (select distinct d as day from unnest(array[m.held_on, t.started_on, t.done_on,
              (t.due_on + 1)]) d where d is not null and d >= m.held_on) p
            where ${records(sql`t.id`)} and m.held_on is not null)
          select p.id as record_id, p.unit_id, ${taskStateAtSql(sql`p.day`)} as dimension_value, 1 as measure,
            p.day as start_day, lead(p.day) over (partition by p.id order by p.day) as end_day
          from points p join coordination_tasks t on t.id = p.id`,
    dependsOn: {
      committee_meetings: (changed) =>
        sql`select t.id from coordination_tasks t where t.meeting_id = any(${changed})`,
    },
  },
};
