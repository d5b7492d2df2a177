/**
 * SQL of the teams registry. Every read of teams or members takes the reader's scope (through the unit the record
 * was recorded for); records outside it do not exist for that reader.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { MEMBER_ROLES, type MemberRating, type MemberRole, TEAM_KINDS } from '../../../domain/teams.js';
import { type BulkColumn, bulkInsert } from '../../db/bulk.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { containsPattern, orderBy } from '../../registry/list.js';
import { recordUnitJson, toIntArray, toTextArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import { teamMemberRatings, teamMembers, teamMemberTrainings, teams } from './teams.table.js';

export type TeamRecord = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;
export type MemberRecord = typeof teamMembers.$inferSelect;
export type NewMember = typeof teamMembers.$inferInsert;

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Existing on `date`: the half-open interval [start, end) contains it. */
function liveOn(start: SQL, end: SQL, date: string): SQL {
  return sql`${start} <= ${date}::date and (${end} is null or ${end} > ${date}::date)`;
}

// ---- locks -------------------------------------------------------------------------------------------------------

/**
 * Rules that count other rows (one grassroots team per village, one leader per team, the 20% quota of a team's
 * year) are checked and written under a transaction-scoped advisory lock, so that two requests at the same moment
 * cannot both pass the check.
 */
const LOCK_UNIT_TEAMS = 727_101;
const LOCK_TEAM = 727_102;

export async function lockUnitTeams(db: Database, unitId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${LOCK_UNIT_TEAMS}::int, ${unitId}::int)`);
}

export async function lockTeam(db: Database, teamId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${LOCK_TEAM}::int, ${teamId}::int)`);
}

// ---- teams ------------------------------------------------------------------------------------------------------

export async function findTeamInScope(
  db: Database,
  scope: Scope,
  id: number,
): Promise<TeamRecord | undefined> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, id), unitInScope(scope, sql`${teams.unitId}`)));
  return row;
}

export interface TeamListRow {
  id: number;
  kind: (typeof TEAM_KINDS)[number];
  name: string;
  unit: unknown;
  provinceCode: string;
  establishedOn: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionSigner: string | null;
  dissolvedOn: string | null;
  dissolutionNote: string | null;
  notes: string | null;
  memberCount: number;
  leaderName: string | null;
  createdAt: string;
  updatedAt: string;
}

function teamColumns(date: string, today: string): SQL {
  return sql`t.id, t.kind, t.name, ${recordUnitJson(sql`t.unit_id`, today)} as unit, t.province_code as "provinceCode",
    t.established_on as "establishedOn", t.decision_number as "decisionNumber", t.decision_date as "decisionDate",
    t.decision_signer as "decisionSigner", t.dissolved_on as "dissolvedOn", t.dissolution_note as "dissolutionNote",
    t.notes,
    (select count(*)::int from team_members m where m.team_id = t.id and ${liveOn(sql`m.joined_on`, sql`m.left_on`, date)}) as "memberCount",
    (select m.full_name from team_members m where m.team_id = t.id and m.role in ('team_leader', 'chairman')
       and ${liveOn(sql`m.joined_on`, sql`m.left_on`, date)} order by m.joined_on desc, m.id desc limit 1) as "leaderName",
    ${utc('t.created_at')} as "createdAt", ${utc('t.updated_at')} as "updatedAt"`;
}

export interface TeamFilter {
  scope: Scope;
  unitScope?: Scope | undefined;
  kinds?: readonly string[] | undefined;
  status?: 'active' | 'dissolved' | undefined;
  /** The date of "active", the member count and the leader. */
  date: string;
  /** Only teams existing on this date. */
  existingOn?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Already normalised. */
  search?: string | undefined;
  ids?: readonly number[] | undefined;
}

function teamConditions(filter: TeamFilter): SQL {
  const conditions: SQL[] = [unitInScope(filter.scope, sql`t.unit_id`)];
  if (filter.unitScope) conditions.push(unitInScope(filter.unitScope, sql`t.unit_id`));
  if (filter.kinds && filter.kinds.length > 0)
    conditions.push(sql`t.kind = any(${toTextArray(filter.kinds)}::text[])`);
  if (filter.status === 'active')
    conditions.push(liveOn(sql`t.established_on`, sql`t.dissolved_on`, filter.date));
  if (filter.status === 'dissolved') conditions.push(sql`t.dissolved_on <= ${filter.date}::date`);
  if (filter.existingOn)
    conditions.push(liveOn(sql`t.established_on`, sql`t.dissolved_on`, filter.existingOn));
  if (filter.from) conditions.push(sql`t.established_on >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`t.established_on <= ${filter.to}::date`);
  if (filter.search) conditions.push(sql`t.search_name like ${containsPattern(filter.search)}`);
  if (filter.ids) conditions.push(sql`t.id = any(${toIntArray(filter.ids)}::int[])`);
  return sql.join(conditions, sql` and `);
}

function teamOrder(sort: string | undefined, date: string): SQL {
  return orderBy(
    sort,
    {
      name: sql`t.search_name collate "C"`,
      establishedOn: sql`t.established_on`,
      kind: sql`array_position(${toTextArray(TEAM_KINDS)}::text[], t.kind)`,
      unit: sql`(select v.search_name from unit_versions v where v.unit_id = t.unit_id order by v.valid_to desc nulls first limit 1) collate "C"`,
      memberCount: sql`(select count(*) from team_members m where m.team_id = t.id and ${liveOn(sql`m.joined_on`, sql`m.left_on`, date)})`,
      updatedAt: sql`t.updated_at`,
    },
    'name',
    sql`t.id`,
  );
}

export async function listTeams(
  db: Database,
  filter: TeamFilter,
  page: { sort?: string | undefined; limit: number; offset: number; today: string },
): Promise<{ rows: TeamListRow[]; total: number }> {
  const where = teamConditions(filter);
  const order = teamOrder(page.sort, filter.date);
  const rows = await queryRows<TeamListRow & { total: number }>(
    db,
    sql`with page as (
          select t.id, count(*) over()::int as total, row_number() over (order by ${order}) as ord
          from teams t where ${where}
          order by ${order} limit ${page.limit} offset ${page.offset})
        select ${teamColumns(filter.date, page.today)}, p.total
        from page p join teams t on t.id = p.id order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from teams t where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findTeamListRow(
  db: Database,
  id: number,
  date: string,
  today: string,
): Promise<TeamListRow | undefined> {
  const rows = await queryRows<TeamListRow>(
    db,
    sql`select ${teamColumns(date, today)} from teams t where t.id = ${id}`,
  );
  return rows[0];
}

export async function insertTeams(db: Database, rows: NewTeam[]): Promise<TeamRecord[]> {
  if (rows.length === 0) return [];
  return db.insert(teams).values(rows).returning();
}

export async function updateTeam(db: Database, id: number, changes: Partial<NewTeam>): Promise<TeamRecord> {
  const [row] = await db
    .update(teams)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(teams.id, id))
    .returning();
  return row!;
}

/** A corrected unit moves the team's members, trainings and ratings with it. */
export async function moveTeamRecords(
  db: Database,
  teamId: number,
  unitId: number,
  provinceCode: string,
): Promise<void> {
  const moved = { unitId, provinceCode };
  await db.update(teamMembers).set(moved).where(eq(teamMembers.teamId, teamId));
  await db.update(teamMemberRatings).set(moved).where(eq(teamMemberRatings.teamId, teamId));
  await db
    .update(teamMemberTrainings)
    .set(moved)
    .where(sql`${teamMemberTrainings.memberId} in (select id from team_members where team_id = ${teamId})`);
}

/** Teams of a kind active at some point of [from, ∞) at the given units, to enforce "one per unit". */
export async function findActiveTeamsOfKind(
  db: Database,
  kind: string,
  unitIds: readonly number[],
  from: string,
  excludeId?: number,
): Promise<
  Array<{ id: number; unitId: number; name: string; establishedOn: string; dissolvedOn: string | null }>
> {
  if (unitIds.length === 0) return [];
  return queryRows(
    db,
    sql`select id, unit_id as "unitId", name, established_on as "establishedOn", dissolved_on as "dissolvedOn"
        from teams where kind = ${kind} and unit_id = any(${toIntArray(unitIds)}::int[])
          and (dissolved_on is null or dissolved_on > ${from}::date)
          ${excludeId === undefined ? sql`` : sql`and id <> ${excludeId}`}`,
  );
}

export async function countMembersByRole(
  db: Database,
  teamId: number,
  date: string,
): Promise<Array<{ role: MemberRole; count: number }>> {
  return queryRows(
    db,
    sql`select role, count(*)::int as count from team_members
        where team_id = ${teamId} and ${liveOn(sql`joined_on`, sql`left_on`, date)}
        group by role order by array_position(${toTextArray(MEMBER_ROLES)}::text[], role)`,
  );
}

/** Teams by id inside the scope, for an import that adds members to existing teams. */
export async function findTeamsInScope(
  db: Database,
  scope: Scope,
  ids: readonly number[],
): Promise<TeamRecord[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(teams)
    .where(and(sql`${teams.id} = any(${toIntArray(ids)}::int[])`, unitInScope(scope, sql`${teams.unitId}`)));
}

// ---- members ------------------------------------------------------------------------------------------------------

export interface MemberListRow {
  id: number;
  team: { id: number; name: string; kind: (typeof TEAM_KINDS)[number] };
  unit: unknown;
  fullName: string;
  birthYear: number;
  gender: 'male' | 'female' | null;
  phone: string | null;
  role: MemberRole;
  joinedOn: string;
  leftOn: string | null;
  leaveReason: string | null;
  position: string | null;
  organisation: string | null;
  active: boolean;
  residenceSince: string | null;
  eligibilityException: string | null;
  recognitionDecisionNumber: string | null;
  recognitionDecisionDate: string | null;
  certificateNumber: string | null;
  notes: string | null;
  ratings: Array<{ year: number; rating: MemberRating; note: string | null }>;
  trainingCount: number;
}

function memberColumns(date: string, today: string): SQL {
  return sql`m.id, json_build_object('id', t.id, 'name', t.name, 'kind', t.kind) as team,
    ${recordUnitJson(sql`m.unit_id`, today)} as unit, m.full_name as "fullName", m.birth_year as "birthYear",
    m.gender, m.phone, m.role, m.joined_on as "joinedOn", m.left_on as "leftOn", m.leave_reason as "leaveReason",
    m.position, m.organisation, (${liveOn(sql`m.joined_on`, sql`m.left_on`, date)}) as active, m.residence_since as "residenceSince",
    m.eligibility_exception as "eligibilityException", m.recognition_decision_number as "recognitionDecisionNumber",
    m.recognition_decision_date as "recognitionDecisionDate", m.certificate_number as "certificateNumber", m.notes,
    coalesce((select json_agg(json_build_object('year', r.year, 'rating', r.rating, 'note', r.note) order by r.year desc)
              from team_member_ratings r where r.member_id = m.id), '[]'::json) as ratings,
    (select count(*)::int from team_member_trainings tr where tr.member_id = m.id) as "trainingCount"`;
}

export interface MemberFilter {
  scope: Scope;
  unitScope?: Scope | undefined;
  teamId?: number | undefined;
  roles?: readonly string[] | undefined;
  teamKinds?: readonly string[] | undefined;
  status?: 'active' | 'left' | undefined;
  date: string;
  existingOn?: string | undefined;
  search?: string | undefined;
  /** Only members of the teams this filter selects (the export of a team list). */
  teams?: TeamFilter | undefined;
}

function memberConditions(filter: MemberFilter): SQL {
  const conditions: SQL[] = [unitInScope(filter.scope, sql`m.unit_id`)];
  if (filter.teams)
    conditions.push(sql`m.team_id in (select t.id from teams t where ${teamConditions(filter.teams)})`);
  if (filter.unitScope) conditions.push(unitInScope(filter.unitScope, sql`m.unit_id`));
  if (filter.teamId !== undefined) conditions.push(sql`m.team_id = ${filter.teamId}`);
  if (filter.roles && filter.roles.length > 0)
    conditions.push(sql`m.role = any(${toTextArray(filter.roles)}::text[])`);
  if (filter.teamKinds && filter.teamKinds.length > 0) {
    conditions.push(
      sql`m.team_id in (select tk.id from teams tk where tk.kind = any(${toTextArray(filter.teamKinds)}::text[]))`,
    );
  }
  if (filter.status === 'active') conditions.push(liveOn(sql`m.joined_on`, sql`m.left_on`, filter.date));
  if (filter.status === 'left') conditions.push(sql`m.left_on <= ${filter.date}::date`);
  if (filter.existingOn) conditions.push(liveOn(sql`m.joined_on`, sql`m.left_on`, filter.existingOn));
  if (filter.search) conditions.push(sql`m.search_name like ${containsPattern(filter.search)}`);
  return sql.join(conditions, sql` and `);
}

/** Vietnamese lists sort people by their given name (the last word), then by the whole name. */
function memberOrder(sort: string | undefined, fallback: string): SQL {
  return orderBy(
    sort,
    {
      role: [
        sql`array_position(${toTextArray(MEMBER_ROLES)}::text[], m.role)`,
        sql`regexp_replace(m.search_name, '^.* ', '') collate "C"`,
      ],
      fullName: [sql`regexp_replace(m.search_name, '^.* ', '') collate "C"`, sql`m.search_name collate "C"`],
      birthYear: sql`m.birth_year`,
      joinedOn: sql`m.joined_on`,
      team: sql`(select tt.search_name from teams tt where tt.id = m.team_id) collate "C"`,
    },
    fallback,
    sql`m.id`,
  );
}

export async function listMembers(
  db: Database,
  filter: MemberFilter,
  page: { sort?: string | undefined; fallbackSort: string; limit: number; offset: number; today: string },
): Promise<{ rows: MemberListRow[]; total: number }> {
  const where = memberConditions(filter);
  const order = memberOrder(page.sort, page.fallbackSort);
  const rows = await queryRows<MemberListRow & { total: number }>(
    db,
    sql`with page as (
          select m.id, count(*) over()::int as total, row_number() over (order by ${order}) as ord
          from team_members m where ${where}
          order by ${order} limit ${page.limit} offset ${page.offset})
        select ${memberColumns(filter.date, page.today)}, p.total
        from page p join team_members m on m.id = p.id join teams t on t.id = m.team_id
        order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from team_members m where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findMemberListRow(
  db: Database,
  id: number,
  date: string,
  today: string,
): Promise<MemberListRow | undefined> {
  const rows = await queryRows<MemberListRow>(
    db,
    sql`select ${memberColumns(date, today)} from team_members m join teams t on t.id = m.team_id where m.id = ${id}`,
  );
  return rows[0];
}

export async function findMemberOfTeam(
  db: Database,
  teamId: number,
  memberId: number,
): Promise<MemberRecord | undefined> {
  const [row] = await db
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.id, memberId), eq(teamMembers.teamId, teamId)));
  return row;
}

export async function listMembersOfTeam(db: Database, teamId: number): Promise<MemberRecord[]> {
  return db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId)).orderBy(teamMembers.id);
}

export async function insertMembers(db: Database, rows: NewMember[]): Promise<MemberRecord[]> {
  if (rows.length === 0) return [];
  return db.insert(teamMembers).values(rows).returning();
}

const MEMBER_BULK_COLUMNS: ReadonlyArray<BulkColumn<NewMember>> = [
  { name: 'team_id', type: 'int', value: (row) => row.teamId },
  { name: 'unit_id', type: 'int', value: (row) => row.unitId },
  { name: 'province_code', type: 'text', value: (row) => row.provinceCode },
  { name: 'full_name', type: 'text', value: (row) => row.fullName },
  { name: 'search_name', type: 'text', value: (row) => row.searchName },
  { name: 'birth_year', type: 'int', value: (row) => row.birthYear },
  { name: 'gender', type: 'text', value: (row) => row.gender ?? null },
  { name: 'phone', type: 'text', value: (row) => row.phone ?? null },
  { name: 'role', type: 'text', value: (row) => row.role },
  { name: 'joined_on', type: 'date', value: (row) => row.joinedOn },
  { name: 'residence_since', type: 'date', value: (row) => row.residenceSince ?? null },
  { name: 'eligibility_exception', type: 'text', value: (row) => row.eligibilityException ?? null },
  {
    name: 'recognition_decision_number',
    type: 'text',
    value: (row) => row.recognitionDecisionNumber ?? null,
  },
  { name: 'recognition_decision_date', type: 'date', value: (row) => row.recognitionDecisionDate ?? null },
  { name: 'certificate_number', type: 'text', value: (row) => row.certificateNumber ?? null },
  { name: 'notes', type: 'text', value: (row) => row.notes ?? null },
];

/** Members of an import, a few thousand per statement; answers the new ids in input order. */
export async function insertMemberBatch(db: Database, rows: readonly NewMember[]): Promise<number[]> {
  return bulkInsert(db, 'team_members', MEMBER_BULK_COLUMNS, rows, { returningIds: true });
}

export async function updateMember(
  db: Database,
  id: number,
  changes: Partial<NewMember>,
): Promise<MemberRecord> {
  const [row] = await db
    .update(teamMembers)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(teamMembers.id, id))
    .returning();
  return row!;
}

/** Ends every membership still open on `leftOn` (when the team is dissolved); answers the members ended. */
export async function closeOpenMemberships(
  db: Database,
  teamId: number,
  leftOn: string,
  reason: string,
): Promise<MemberRecord[]> {
  return db
    .update(teamMembers)
    .set({ leftOn, leaveReason: reason, updatedAt: new Date() })
    .where(
      and(
        eq(teamMembers.teamId, teamId),
        sql`(${teamMembers.leftOn} is null or ${teamMembers.leftOn} > ${leftOn}::date)`,
      ),
    )
    .returning();
}

/** Leaders (Tổ trưởng, Trưởng ban) whose membership overlaps [from, to) in a team, but for one member. */
export async function findOverlappingLeaders(
  db: Database,
  teamIds: readonly number[],
  roles: readonly string[],
): Promise<Array<{ id: number; teamId: number; joinedOn: string; leftOn: string | null }>> {
  if (teamIds.length === 0) return [];
  return queryRows(
    db,
    sql`select id, team_id as "teamId", joined_on as "joinedOn", left_on as "leftOn" from team_members
        where team_id = any(${toIntArray(teamIds)}::int[]) and role = any(${toTextArray(roles)}::text[])`,
  );
}

// ---- trainings and ratings ---------------------------------------------------------------------------------------

export async function listTrainings(db: Database, memberId: number) {
  return db
    .select()
    .from(teamMemberTrainings)
    .where(eq(teamMemberTrainings.memberId, memberId))
    .orderBy(sql`${teamMemberTrainings.fromDate} desc`, sql`${teamMemberTrainings.id} desc`);
}

export async function insertTraining(db: Database, row: typeof teamMemberTrainings.$inferInsert) {
  const [inserted] = await db.insert(teamMemberTrainings).values(row).returning();
  return inserted!;
}

export async function deleteTraining(db: Database, memberId: number, trainingId: number) {
  const [deleted] = await db
    .delete(teamMemberTrainings)
    .where(and(eq(teamMemberTrainings.id, trainingId), eq(teamMemberTrainings.memberId, memberId)))
    .returning();
  return deleted;
}

export async function listTeamRatings(
  db: Database,
  teamId: number,
  year: number,
): Promise<Array<{ memberId: number; rating: MemberRating; note: string | null }>> {
  return queryRows(
    db,
    sql`select member_id as "memberId", rating, note from team_member_ratings where team_id = ${teamId} and year = ${year}`,
  );
}

export async function upsertRating(
  db: Database,
  row: {
    memberId: number;
    teamId: number;
    unitId: number;
    provinceCode: string;
    year: number;
    rating: MemberRating;
    note: string | null;
  },
): Promise<void> {
  await db
    .insert(teamMemberRatings)
    .values(row)
    .onConflictDoUpdate({
      target: [teamMemberRatings.memberId, teamMemberRatings.year],
      set: { rating: row.rating, note: row.note, updatedAt: new Date() },
    });
}

export async function deleteRating(db: Database, memberId: number, year: number): Promise<boolean> {
  const deleted = await db
    .delete(teamMemberRatings)
    .where(and(eq(teamMemberRatings.memberId, memberId), eq(teamMemberRatings.year, year)))
    .returning({ id: teamMemberRatings.id });
  return deleted.length > 0;
}

// ---- indicators: the facts behind the summary --------------------------------------------------------------------

/** Teams existing on the date, by kind; members serving on the date in a team existing then, by role. */
export const TEAM_INDICATOR_SOURCES: Record<string, FactSource> = {
  teams: ({ asOf, unitCondition }) =>
    sql`select t.unit_id, t.kind as dimension_value, t.id::text as measure from teams t
        where ${liveOn(sql`t.established_on`, sql`t.dissolved_on`, asOf)} and ${unitCondition(sql`t.unit_id`)}`,
  team_members: ({ asOf, unitCondition }) =>
    sql`select m.unit_id, m.role as dimension_value, m.id::text as measure
        from team_members m join teams t on t.id = m.team_id
        where ${liveOn(sql`m.joined_on`, sql`m.left_on`, asOf)}
          and ${liveOn(sql`t.established_on`, sql`t.dissolved_on`, asOf)} and ${unitCondition(sql`m.unit_id`)}`,
  steering_committees: ({ asOf, unitCondition }) =>
    sql`select t.unit_id, null::text as dimension_value, t.id::text as measure from teams t
        where t.kind = 'steering_committee' and ${liveOn(sql`t.established_on`, sql`t.dissolved_on`, asOf)}
          and ${unitCondition(sql`t.unit_id`)}`,
  team_members_by_kind: ({ asOf, unitCondition }) =>
    sql`select m.unit_id, t.kind as dimension_value, m.id::text as measure
        from team_members m join teams t on t.id = m.team_id
        where ${liveOn(sql`m.joined_on`, sql`m.left_on`, asOf)}
          and ${liveOn(sql`t.established_on`, sql`t.dissolved_on`, asOf)} and ${unitCondition(sql`m.unit_id`)}`,
};

/** The same facts with their validity, for the aggregate tables (reporting/intervals.ts): [start, end). */
export const TEAM_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  teams: {
    kind: 'state',
    table: 'teams',
    facts: (records) =>
      sql`select t.id as record_id, t.unit_id, t.kind as dimension_value, 1 as measure,
            t.established_on as start_day, t.dissolved_on as end_day
          from teams t
          where ${records(sql`t.id`)} and t.established_on is not null
            and (t.dissolved_on is null or t.dissolved_on > t.established_on)`,
  },
  team_members: {
    kind: 'state',
    table: 'team_members',
    // A member counts while both the membership and the team are live.
    facts: (records) =>
      sql`select f.* from (
            select m.id as record_id, m.unit_id, m.role as dimension_value, 1 as measure,
              greatest(m.joined_on, t.established_on) as start_day, least(m.left_on, t.dissolved_on) as end_day
            from team_members m join teams t on t.id = m.team_id
            where ${records(sql`m.id`)} and m.joined_on is not null and t.established_on is not null) f
          where f.end_day is null or f.end_day > f.start_day`,
    dependsOn: {
      teams: (changed) => sql`select m.id from team_members m where m.team_id = any(${changed})`,
    },
  },
  steering_committees: {
    kind: 'state',
    table: 'teams',
    facts: (records) =>
      sql`select t.id as record_id, t.unit_id, null::text as dimension_value, 1 as measure,
            t.established_on as start_day, t.dissolved_on as end_day
          from teams t
          where ${records(sql`t.id`)} and t.kind = 'steering_committee' and t.established_on is not null
            and (t.dissolved_on is null or t.dissolved_on > t.established_on)`,
  },
  // As team_members, by the team's kind.
  team_members_by_kind: {
    kind: 'state',
    table: 'team_members',
    facts: (records) =>
      sql`select f.* from (
            select m.id as record_id, m.unit_id, t.kind as dimension_value, 1 as measure,
              greatest(m.joined_on, t.established_on) as start_day, least(m.left_on, t.dissolved_on) as end_day
            from team_members m join teams t on t.id = m.team_id
            where ${records(sql`m.id`)} and m.joined_on is not null and t.established_on is not null) f
          where f.end_day is null or f.end_day > f.start_day`,
    dependsOn: {
      teams: (changed) => sql`select m.id from team_members m where m.team_id = any(${changed})`,
    },
  },
};
