/**
 * SQL of crime reports. Every officer's read takes the reader's scope through the unit the report is with now;
 * outside it a report does not exist. The public side finds a report only by its tracking code.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { CLOCK_STOPPED_STATUSES, LEGAL_PERIODS, type ReportStatus } from '../../../domain/crime-reports.js';
import { addDays } from '../../../domain/dates.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { toTextArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import {
  crimeReportEvents,
  crimeReportFiles,
  crimeReportMessages,
  crimeReportNotes,
  crimeReportSubmissions,
  crimeReports,
  publicHolidays,
  reportCategories,
  spentChallenges,
} from './crime-reports.table.js';

export type ReportRecord = typeof crimeReports.$inferSelect;
export type NewReport = typeof crimeReports.$inferInsert;

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Valid on `date`: the inclusive interval of a unit version contains it. */
function versionOn(alias: string, date: string): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.valid_from is null or ${a}.valid_from <= ${date}::date) and (${a}.valid_to is null or ${a}.valid_to >= ${date}::date)`;
}

// ---- places and configuration ----------------------------------------------------------------------------------

export interface PlaceUnit {
  id: number;
  code: string;
  fullName: string;
  provinceCode: string;
}

export async function findCommuneByCode(
  db: Database,
  code: string,
  today: string,
): Promise<PlaceUnit | undefined> {
  const rows = await queryRows<PlaceUnit>(
    db,
    sql`select u.id, u.code, v.full_name as "fullName", u.province_code as "provinceCode"
        from units u join unit_versions v on v.unit_id = u.id and ${versionOn('v', today)}
        where u.kind = 'commune' and u.code = ${code} limit 1`,
  );
  return rows[0];
}

export async function findProvinceByCode(
  db: Database,
  code: string,
  today: string,
): Promise<PlaceUnit | undefined> {
  const rows = await queryRows<PlaceUnit>(
    db,
    sql`select u.id, u.code, v.full_name as "fullName", u.province_code as "provinceCode"
        from units u join unit_versions v on v.unit_id = u.id and ${versionOn('v', today)}
        where u.kind = 'province' and u.code = ${code} limit 1`,
  );
  return rows[0];
}

export async function findUnitName(
  db: Database,
  unitId: number,
  today: string,
): Promise<PlaceUnit | undefined> {
  const rows = await queryRows<PlaceUnit>(
    db,
    sql`select u.id, u.code, v.full_name as "fullName", u.province_code as "provinceCode"
        from units u join unit_versions v on v.unit_id = u.id
        where u.id = ${unitId}
        order by (${versionOn('v', today)}) desc, v.valid_to desc nulls first limit 1`,
  );
  return rows[0];
}

export async function listProvinces(
  db: Database,
  today: string,
): Promise<Array<{ code: string; name: string }>> {
  return queryRows(
    db,
    sql`select u.code, v.full_name as name from units u join unit_versions v on v.unit_id = u.id and ${versionOn('v', today)}
        where u.kind = 'province' order by v.search_name collate "C"`,
  );
}

export async function listCommunes(
  db: Database,
  provinceCode: string,
  today: string,
): Promise<Array<{ code: string; name: string }>> {
  return queryRows(
    db,
    sql`select u.code, v.full_name as name from units u join unit_versions v on v.unit_id = u.id and ${versionOn('v', today)}
        where u.kind = 'commune' and u.province_code = ${provinceCode} order by v.search_name collate "C"`,
  );
}

export async function listCategories(db: Database) {
  return db.select().from(reportCategories).orderBy(reportCategories.sortOrder, reportCategories.code);
}

export async function upsertCategory(db: Database, row: typeof reportCategories.$inferInsert) {
  const [saved] = await db
    .insert(reportCategories)
    .values(row)
    .onConflictDoUpdate({
      target: reportCategories.code,
      set: {
        label: row.label,
        labelEn: row.labelEn,
        sortOrder: row.sortOrder ?? 0,
        active: row.active ?? true,
      },
    })
    .returning();
  return saved!;
}

/** Adds the defaults that are missing; rows already there (perhaps edited) are left alone. */
export async function insertDefaults(
  db: Database,
  categories: ReadonlyArray<typeof reportCategories.$inferInsert>,
  holidays: ReadonlyArray<typeof publicHolidays.$inferInsert>,
): Promise<void> {
  await db
    .insert(reportCategories)
    .values([...categories])
    .onConflictDoNothing();
  await db
    .insert(publicHolidays)
    .values([...holidays])
    .onConflictDoNothing();
}

export async function listHolidays(db: Database) {
  return db.select().from(publicHolidays).orderBy(publicHolidays.day);
}

export async function upsertHoliday(db: Database, day: string, name: string): Promise<void> {
  await db
    .insert(publicHolidays)
    .values({ day, name })
    .onConflictDoUpdate({ target: publicHolidays.day, set: { name } });
}

export async function deleteHoliday(db: Database, day: string): Promise<boolean> {
  const rows = await db.delete(publicHolidays).where(eq(publicHolidays.day, day)).returning();
  return rows.length > 0;
}

// ---- intake --------------------------------------------------------------------------------------------------------

export async function findSubmission(db: Database, keyHash: string) {
  const [row] = await db
    .select()
    .from(crimeReportSubmissions)
    .where(eq(crimeReportSubmissions.keyHash, keyHash));
  return row;
}

/** True when the submission row was written; false when the key was taken meanwhile (a concurrent retry). */
export async function insertSubmission(
  db: Database,
  row: typeof crimeReportSubmissions.$inferInsert,
): Promise<boolean> {
  const rows = await db.insert(crimeReportSubmissions).values(row).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** True the first time a token is spent. */
export async function spendChallenge(db: Database, tokenHash: string, expiresAt: Date): Promise<boolean> {
  const rows = await db
    .insert(spentChallenges)
    .values({ tokenHash, expiresAt })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function purgeExpired(db: Database, now: Date): Promise<void> {
  await db.execute(sql`delete from spent_challenges where expires_at < ${now.toISOString()}::timestamptz`);
  await db.execute(
    sql`delete from crime_report_submissions where created_at < ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`,
  );
}

export async function insertReport(db: Database, row: NewReport): Promise<ReportRecord | undefined> {
  const rows = await db.insert(crimeReports).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function findByCode(db: Database, code: string): Promise<ReportRecord | undefined> {
  const [row] = await db.select().from(crimeReports).where(eq(crimeReports.code, code));
  return row;
}

export async function findById(db: Database, id: number): Promise<ReportRecord | undefined> {
  const [row] = await db.select().from(crimeReports).where(eq(crimeReports.id, id));
  return row;
}

export async function recordLookupFailure(
  db: Database,
  id: number,
  options: { max: number; windowMinutes: number },
): Promise<void> {
  await db.execute(
    sql`update crime_reports set
          lookup_failures = case when lookup_window_start is null or lookup_window_start < now() - make_interval(mins => ${options.windowMinutes})
                                 then 1 else lookup_failures + 1 end,
          lookup_window_start = case when lookup_window_start is null or lookup_window_start < now() - make_interval(mins => ${options.windowMinutes})
                                 then now() else lookup_window_start end
        where id = ${id}`,
  );
  await db.execute(
    sql`update crime_reports set lookup_locked_until = now() + make_interval(mins => ${options.windowMinutes}),
          lookup_failures = 0, lookup_window_start = null
        where id = ${id} and lookup_failures >= ${options.max}`,
  );
}

export async function clearLookupFailures(db: Database, id: number): Promise<void> {
  await db
    .update(crimeReports)
    .set({ lookupFailures: 0, lookupWindowStart: null })
    .where(and(eq(crimeReports.id, id), sql`${crimeReports.lookupFailures} > 0`));
}

// ---- the inbox -------------------------------------------------------------------------------------------------------

export async function findInScope(db: Database, scope: Scope, id: number): Promise<ReportRecord | undefined> {
  const [row] = await db
    .select()
    .from(crimeReports)
    .where(and(eq(crimeReports.id, id), unitInScope(scope, sql`${crimeReports.unitId}`)));
  return row;
}

export async function findByCodeInScope(
  db: Database,
  scope: Scope,
  code: string,
): Promise<ReportRecord | undefined> {
  const [row] = await db
    .select()
    .from(crimeReports)
    .where(and(eq(crimeReports.code, code), unitInScope(scope, sql`${crimeReports.unitId}`)));
  return row;
}

export interface ReportListRow {
  id: number;
  code: string;
  category: string;
  categoryLabel: string;
  status: ReportStatus;
  unit: { id: number; code: string; fullName: string };
  receivedAt: string;
  receivedOn: string;
  anonymous: boolean;
  valuable: boolean;
  assignee: { id: number; fullName: string } | null;
  noticeDueOn: string;
  decisionDueOn: string;
  noticeSentOn: string | null;
  unreadFromReporter: boolean;
}

export interface ReportFilter {
  scope: Scope;
  statuses?: readonly string[] | undefined;
  category?: string | undefined;
  clock?: 'overdue' | 'due_soon' | undefined;
  assigneeId?: number | null | undefined;
  open?: boolean | undefined;
  code?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  today: string;
}

const STOPPED = toTextArray(CLOCK_STOPPED_STATUSES);

function noticeRunning(): SQL {
  return sql`r.notice_sent_on is null`;
}
function decisionRunning(): SQL {
  return sql`not (r.status = any(${STOPPED}::text[]))`;
}

export function overdueCondition(today: string): SQL {
  return sql`((${noticeRunning()} and r.notice_due_on < ${today}::date) or (${decisionRunning()} and r.decision_due_on < ${today}::date))`;
}

export function dueSoonCondition(today: string): SQL {
  const soon = addDays(today, LEGAL_PERIODS.dueSoonDays);
  return sql`(not ${overdueCondition(today)} and ((${noticeRunning()} and r.notice_due_on <= ${soon}::date) or (${decisionRunning()} and r.decision_due_on <= ${soon}::date)))`;
}

function conditions(filter: ReportFilter): SQL {
  const parts: SQL[] = [unitInScope(filter.scope, sql`r.unit_id`)];
  if (filter.statuses && filter.statuses.length > 0)
    parts.push(sql`r.status = any(${toTextArray(filter.statuses)}::text[])`);
  if (filter.category) parts.push(sql`r.category = ${filter.category}`);
  if (filter.clock === 'overdue') parts.push(overdueCondition(filter.today));
  if (filter.clock === 'due_soon') parts.push(dueSoonCondition(filter.today));
  if (filter.assigneeId === null) parts.push(sql`r.assignee_id is null`);
  if (typeof filter.assigneeId === 'number') parts.push(sql`r.assignee_id = ${filter.assigneeId}`);
  if (filter.open) parts.push(sql`r.status in ('received', 'verifying', 'transferred', 'suspended')`);
  if (filter.code) parts.push(sql`r.code like ${`${filter.code.replace(/[\\%_]/g, '')}%`}`);
  if (filter.from) parts.push(sql`r.received_on >= ${filter.from}::date`);
  if (filter.to) parts.push(sql`r.received_on <= ${filter.to}::date`);
  return sql.join(parts, sql` and `);
}

function listColumns(today: string): SQL {
  return sql`r.id, r.code, r.category, coalesce(c.label, r.category) as "categoryLabel", r.status,
    json_build_object('id', r.unit_id, 'code', u.code,
      'fullName', (select v.full_name from unit_versions v where v.unit_id = r.unit_id order by (${versionOn('v', today)}) desc, v.valid_to desc nulls first limit 1)) as unit,
    ${utc('r.received_at')} as "receivedAt", r.received_on as "receivedOn", r.anonymous, r.valuable,
    case when a.id is null then null else json_build_object('id', a.id, 'fullName', a.full_name) end as assignee,
    r.notice_due_on as "noticeDueOn", r.decision_due_on as "decisionDueOn", r.notice_sent_on as "noticeSentOn",
    (r.last_reporter_message_at is not null and (r.last_officer_message_at is null or r.last_reporter_message_at > r.last_officer_message_at)) as "unreadFromReporter"`;
}

const LIST_FROM = sql`crime_reports r join units u on u.id = r.unit_id
  left join report_categories c on c.code = r.category left join users a on a.id = r.assignee_id`;

export async function listReports(
  db: Database,
  filter: ReportFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ReportListRow[]; total: number }> {
  const where = conditions(filter);
  const rows = await queryRows<ReportListRow & { total: number }>(
    db,
    sql`select ${listColumns(filter.today)}, count(*) over()::int as total from ${LIST_FROM}
        where ${where}
        order by least(case when r.notice_sent_on is null then r.notice_due_on end,
                       case when ${decisionRunning()} then r.decision_due_on end) asc nulls last,
                 r.received_at desc, r.id desc
        limit ${page.limit} offset ${page.offset}`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from crime_reports r where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findListRow(db: Database, id: number, today: string): Promise<ReportListRow> {
  const rows = await queryRows<ReportListRow>(
    db,
    sql`select ${listColumns(today)} from ${LIST_FROM} where r.id = ${id}`,
  );
  return rows[0]!;
}

export async function registerNumber(db: Database, report: ReportRecord): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from crime_reports
        where intake_unit_id = ${report.intakeUnitId}
          and extract(year from received_on) = extract(year from ${report.receivedOn}::date)
          and (received_at, id) <= (${report.receivedAt.toISOString()}::timestamptz, ${report.id})`,
  );
  return rows[0]!.n;
}

export async function updateReport(
  db: Database,
  id: number,
  changes: Partial<NewReport>,
): Promise<ReportRecord> {
  const [row] = await db
    .update(crimeReports)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(crimeReports.id, id))
    .returning();
  return row!;
}

export async function insertEvent(db: Database, row: typeof crimeReportEvents.$inferInsert): Promise<void> {
  await db.insert(crimeReportEvents).values(row);
}

export async function insertMessage(db: Database, row: typeof crimeReportMessages.$inferInsert) {
  const [saved] = await db.insert(crimeReportMessages).values(row).returning();
  return saved!;
}

export async function insertNote(db: Database, row: typeof crimeReportNotes.$inferInsert) {
  const [saved] = await db.insert(crimeReportNotes).values(row).returning();
  return saved!;
}

export async function listMessages(db: Database, reportId: number) {
  return queryRows<{
    id: number;
    author: 'reporter' | 'officer';
    authorName: string | null;
    bodyEnc: string;
    at: string;
  }>(
    db,
    sql`select m.id, m.author, u.full_name as "authorName", m.body_enc as "bodyEnc", ${utc('m.created_at')} as at
        from crime_report_messages m left join users u on u.id = m.author_user_id
        where m.report_id = ${reportId} order by m.created_at, m.id`,
  );
}

export async function listNotes(db: Database, reportId: number) {
  return queryRows<{ id: number; authorName: string | null; bodyEnc: string; at: string }>(
    db,
    sql`select n.id, u.full_name as "authorName", n.body_enc as "bodyEnc", ${utc('n.created_at')} as at
        from crime_report_notes n left join users u on u.id = n.author_user_id
        where n.report_id = ${reportId} order by n.created_at, n.id`,
  );
}

export async function listEvents(db: Database, reportId: number) {
  return queryRows<{
    id: number;
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    fromUnitName: string | null;
    toUnitName: string | null;
    actorName: string | null;
    detailEnc: string | null;
    at: string;
  }>(
    db,
    sql`select e.id, e.kind, e.from_status as "fromStatus", e.to_status as "toStatus",
          (select v.full_name from unit_versions v where v.unit_id = e.from_unit_id order by v.valid_to desc nulls first limit 1) as "fromUnitName",
          (select v.full_name from unit_versions v where v.unit_id = e.to_unit_id order by v.valid_to desc nulls first limit 1) as "toUnitName",
          u.full_name as "actorName", e.detail_enc as "detailEnc", ${utc('e.created_at')} as at
        from crime_report_events e left join users u on u.id = e.actor_user_id
        where e.report_id = ${reportId} order by e.created_at, e.id`,
  );
}

export async function listDuplicates(
  db: Database,
  reportId: number,
): Promise<Array<{ id: number; code: string }>> {
  return queryRows(
    db,
    sql`select id, code from crime_reports where duplicate_of_id = ${reportId} order by id`,
  );
}

/** Officers who may work the report: their role works crime reports and their scope covers its unit. */
export async function listAssignees(
  db: Database,
  unitId: number,
  roles: readonly string[],
  today: string,
): Promise<Array<{ id: number; fullName: string; unitName: string }>> {
  return queryRows(
    db,
    sql`select usr.id, usr.full_name as "fullName", uv.full_name as "unitName"
        from users usr join unit_versions uv on uv.unit_id = usr.unit_id and ${versionOn('uv', today)}
        where usr.active and usr.role = any(${toTextArray(roles)}::text[])
          and exists (select 1 from unit_versions rv where rv.unit_id = ${unitId} and ${versionOn('rv', today)} and rv.path like uv.path || '%')
        order by usr.full_name`,
  );
}

export interface SummaryRow {
  status: ReportStatus;
  count: number;
  valuable: number;
  casesSolved: number;
  personsArrested: number;
  propertyRecoveredVnd: number;
  overdue: number;
  dueSoon: number;
}

export async function summarise(db: Database, scope: Scope, today: string): Promise<SummaryRow[]> {
  return queryRows(
    db,
    sql`select r.status, count(*)::int as count, count(*) filter (where r.valuable)::int as valuable,
          coalesce(sum(r.cases_solved), 0)::int as "casesSolved", coalesce(sum(r.persons_arrested), 0)::int as "personsArrested",
          coalesce(sum(r.property_recovered_vnd), 0)::int8 as "propertyRecoveredVnd",
          count(*) filter (where ${overdueCondition(today)})::int as overdue,
          count(*) filter (where ${dueSoonCondition(today)})::int as "dueSoon"
        from crime_reports r where ${unitInScope(scope, sql`r.unit_id`)} group by r.status`,
  );
}

export interface RegisterRow {
  id: number;
  receivedAt: string;
  category: string;
  categoryLabel: string;
  status: ReportStatus;
  anonymous: boolean;
  contactEnc: string | null;
  descriptionEnc: string;
  placeEnc: string | null;
  unitName: string;
  assigneeName: string | null;
  noticeSentOn: string | null;
  decidedOn: string | null;
  registerNumber: number;
}

/** The intake register: reports received by the units in scope, numbered per intake unit and year. */
export async function registerRows(
  db: Database,
  scope: Scope,
  from: string,
  to: string,
): Promise<RegisterRow[]> {
  return queryRows(
    db,
    sql`select * from (
          select r.id, ${utc('r.received_at')} as "receivedAt", r.category, coalesce(c.label, r.category) as "categoryLabel",
            r.status, r.anonymous, r.contact_enc as "contactEnc", r.description_enc as "descriptionEnc", r.place_enc as "placeEnc",
            (select v.full_name from unit_versions v where v.unit_id = r.unit_id order by v.valid_to desc nulls first limit 1) as "unitName",
            a.full_name as "assigneeName", r.notice_sent_on as "noticeSentOn", r.decided_on as "decidedOn",
            row_number() over (partition by r.intake_unit_id, extract(year from r.received_on) order by r.received_at, r.id)::int as "registerNumber",
            r.intake_unit_id, r.received_on
          from crime_reports r left join report_categories c on c.code = r.category left join users a on a.id = r.assignee_id
          where ${unitInScope(scope, sql`r.intake_unit_id`)}
            and extract(year from r.received_on) between extract(year from ${from}::date) and extract(year from ${to}::date)
        ) numbered
        where numbered.received_on between ${from}::date and ${to}::date
        order by numbered.received_on, numbered."receivedAt", numbered.id`,
  );
}

export interface StatisticsRow {
  provinceCode: string;
  provinceName: string;
  category: string;
  categoryLabel: string;
  month: number;
  count: number;
}

export async function statistics(
  db: Database,
  year: number,
  provinceCode: string | undefined,
  today: string,
): Promise<StatisticsRow[]> {
  return queryRows(
    db,
    sql`select r.province_code as "provinceCode",
          coalesce((select v.full_name from units p join unit_versions v on v.unit_id = p.id and ${versionOn('v', today)}
                    where p.kind = 'province' and p.code = r.province_code limit 1), r.province_code) as "provinceName",
          r.category, coalesce(c.label, r.category) as "categoryLabel",
          extract(month from r.received_on)::int as month, count(*)::int as count
        from crime_reports r left join report_categories c on c.code = r.category
        where r.received_on >= ${`${year}-01-01`}::date and r.received_on <= ${`${year}-12-31`}::date
          ${provinceCode ? sql`and r.province_code = ${provinceCode}` : sql``}
        group by r.province_code, r.category, c.label, month
        order by r.province_code, month, r.category`,
  );
}

export async function insertFile(db: Database, row: typeof crimeReportFiles.$inferInsert) {
  const [saved] = await db.insert(crimeReportFiles).values(row).returning();
  return saved!;
}

export async function listFiles(db: Database, reportId: number) {
  return queryRows<{
    id: number;
    storageKey: string;
    fileNameEnc: string;
    contentType: string;
    sizeBytes: number;
    encrypted: boolean;
    uploadedBy: string;
    at: string;
  }>(
    db,
    sql`select id, storage_key as "storageKey", file_name_enc as "fileNameEnc", content_type as "contentType",
          size_bytes as "sizeBytes", encrypted, uploaded_by as "uploadedBy", ${utc('created_at')} as at
        from crime_report_files where report_id = ${reportId} order by id`,
  );
}

// ---- indicators: counts only, never what a report says ------------------------------------------------------------

/** Reports received in the period (by `received_on`), counted at the unit the report is with now. */
const receivedIn = (from: string, asOf: string, unitCondition: (expression: SQL) => SQL) =>
  sql`r.received_on >= ${from}::date and r.received_on <= ${asOf}::date and ${unitCondition(sql`r.unit_id`)}`;

export const CRIME_REPORT_INDICATOR_SOURCES: Record<string, FactSource> = {
  crime_reports_received: ({ asOf, from, unitCondition }) =>
    sql`select r.unit_id, r.category as dimension_value, r.id::text as measure
        from crime_reports r where ${receivedIn(from, asOf, unitCondition)}`,
  crime_reports_valuable: ({ asOf, from, unitCondition }) =>
    sql`select r.unit_id, null::text as dimension_value, r.id::text as measure
        from crime_reports r where r.valuable and ${receivedIn(from, asOf, unitCondition)}`,
  crime_cases_solved: ({ asOf, from, unitCondition }) =>
    sql`select r.unit_id, null::text as dimension_value, r.cases_solved as measure
        from crime_reports r where r.cases_solved > 0 and ${receivedIn(from, asOf, unitCondition)}`,
  crime_persons_arrested: ({ asOf, from, unitCondition }) =>
    sql`select r.unit_id, null::text as dimension_value, r.persons_arrested as measure
        from crime_reports r where r.persons_arrested > 0 and ${receivedIn(from, asOf, unitCondition)}`,
  crime_property_recovered: ({ asOf, from, unitCondition }) =>
    sql`select r.unit_id, null::text as dimension_value, r.property_recovered_vnd as measure
        from crime_reports r where r.property_recovered_vnd > 0 and ${receivedIn(from, asOf, unitCondition)}`,
};

/**
 * The same facts as events on their day of receipt, at the unit holding the report now, for the aggregate tables
 * (reporting/intervals.ts). A report moved to another unit is a change of the record: its facts move with it.
 */
const receivedEvent = (dimension: SQL, measure: SQL, where: SQL = sql`true`): IntervalSource => ({
  kind: 'event',
  table: 'crime_reports',
  facts: (records) =>
    sql`select r.id as record_id, r.unit_id, ${dimension} as dimension_value, ${measure} as measure,
          r.received_on as start_day, null::date as end_day
        from crime_reports r where ${records(sql`r.id`)} and r.received_on is not null and ${where}`,
});

export const CRIME_REPORT_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  crime_reports_received: receivedEvent(sql`r.category`, sql`1`),
  crime_reports_valuable: receivedEvent(sql`null::text`, sql`1`, sql`r.valuable`),
  crime_cases_solved: receivedEvent(sql`null::text`, sql`r.cases_solved`, sql`r.cases_solved > 0`),
  crime_persons_arrested: receivedEvent(
    sql`null::text`,
    sql`r.persons_arrested`,
    sql`r.persons_arrested > 0`,
  ),
  crime_property_recovered: receivedEvent(
    sql`null::text`,
    sql`r.property_recovered_vnd`,
    sql`r.property_recovered_vnd > 0`,
  ),
};
