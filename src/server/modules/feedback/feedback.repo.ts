/** SQL of residents' feedback. Scope goes through the unit; the encrypted contact never leaves in a list. */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { containsPattern, orderBy } from '../../registry/list.js';
import { recordUnitJson, toTextArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import { feedback } from './feedback.table.js';

export type FeedbackRecord = typeof feedback.$inferSelect;
export type NewFeedback = typeof feedback.$inferInsert;

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export async function findFeedbackInScope(db: Database, scope: Scope, id: number) {
  const [row] = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.id, id), unitInScope(scope, sql`${feedback.unitId}`)));
  return row;
}

export async function insertFeedback(db: Database, row: NewFeedback): Promise<FeedbackRecord> {
  const [inserted] = await db.insert(feedback).values(row).returning();
  return inserted!;
}

export async function updateFeedback(db: Database, id: number, changes: Partial<NewFeedback>) {
  const [row] = await db
    .update(feedback)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(feedback.id, id))
    .returning();
  return row!;
}

export interface FeedbackListRow {
  id: number;
  unit: unknown;
  receivedOn: string;
  channel: string;
  activity: { id: number; title: string } | null;
  topic: string;
  content: string | null;
  status: string;
  answeredBy: string | null;
  answer: string | null;
  answeredOn: string | null;
  forwardedTo: string | null;
  forwardedOn: string | null;
  hasContact: boolean;
  contactPurpose: string | null;
  createdAt: string;
  updatedAt: string;
}

function columns(today: string): SQL {
  return sql`f.id, ${recordUnitJson(sql`f.unit_id`, today)} as unit, f.received_on as "receivedOn", f.channel,
    (select json_build_object('id', a.id, 'title', a.title) from activities a where a.id = f.activity_id) as activity,
    f.topic, f.content, f.status, f.answered_by as "answeredBy", f.answer, f.answered_on as "answeredOn",
    f.forwarded_to as "forwardedTo", f.forwarded_on as "forwardedOn",
    (f.contact_name_encrypted is not null or f.contact_phone_encrypted is not null) as "hasContact",
    f.contact_purpose as "contactPurpose", ${utc('f.created_at')} as "createdAt", ${utc('f.updated_at')} as "updatedAt"`;
}

export interface FeedbackFilter {
  scope: Scope;
  unitScope?: Scope | undefined;
  statuses?: readonly string[] | undefined;
  channel?: string | undefined;
  activityId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  receivedBy?: string | undefined;
  search?: string | undefined;
}

function conditions(filter: FeedbackFilter): SQL {
  const parts: SQL[] = [unitInScope(filter.scope, sql`f.unit_id`)];
  if (filter.unitScope) parts.push(unitInScope(filter.unitScope, sql`f.unit_id`));
  if (filter.statuses?.length) parts.push(sql`f.status = any(${toTextArray(filter.statuses)}::text[])`);
  if (filter.channel) parts.push(sql`f.channel = ${filter.channel}`);
  if (filter.activityId !== undefined) parts.push(sql`f.activity_id = ${filter.activityId}`);
  if (filter.from) parts.push(sql`f.received_on >= ${filter.from}::date`);
  if (filter.to) parts.push(sql`f.received_on <= ${filter.to}::date`);
  if (filter.receivedBy) parts.push(sql`f.received_on <= ${filter.receivedBy}::date`);
  if (filter.search) parts.push(sql`f.search_text like ${containsPattern(filter.search)}`);
  return sql.join(parts, sql` and `);
}

export async function listFeedback(
  db: Database,
  filter: FeedbackFilter,
  page: { sort?: string | undefined; limit: number; offset: number; today: string },
): Promise<{ rows: FeedbackListRow[]; total: number }> {
  const where = conditions(filter);
  const sorted = orderBy(
    page.sort,
    { receivedOn: sql`f.received_on`, topic: sql`f.search_text collate "C"`, updatedAt: sql`f.updated_at` },
    '-receivedOn',
    sql`f.id`,
  );
  const rows = await queryRows<FeedbackListRow & { total: number }>(
    db,
    sql`with page as (
          select f.id, count(*) over()::int as total, row_number() over (order by ${sorted}) as ord
          from feedback f where ${where} order by ${sorted} limit ${page.limit} offset ${page.offset})
        select ${columns(page.today)}, p.total from page p join feedback f on f.id = p.id order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from feedback f where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findFeedbackRow(db: Database, id: number, today: string) {
  const rows = await queryRows<FeedbackListRow>(
    db,
    sql`select ${columns(today)} from feedback f where f.id = ${id}`,
  );
  return rows[0];
}

/**
 * Feedback received in the period, by its status on `asOf` (answered or forwarded only if that happened by then),
 * and feedback answered in the period.
 */
export const FEEDBACK_INDICATOR_SOURCES: Record<string, FactSource> = {
  feedback_received: ({ asOf, from, unitCondition }) =>
    sql`select f.unit_id,
          case when f.answered_on is not null and f.answered_on <= ${asOf}::date then 'answered'
               when f.forwarded_on is not null and f.forwarded_on <= ${asOf}::date then 'forwarded'
               else 'open' end as dimension_value, f.id::text as measure
        from feedback f where f.received_on >= ${from}::date and f.received_on <= ${asOf}::date
          and ${unitCondition(sql`f.unit_id`)}`,
  feedback_answered: ({ asOf, from, unitCondition }) =>
    sql`select f.unit_id, null::text as dimension_value, f.id::text as measure
        from feedback f where f.answered_on >= ${from}::date and f.answered_on <= ${asOf}::date
          and ${unitCondition(sql`f.unit_id`)}`,
};

/**
 * For the aggregate tables (reporting/intervals.ts): answers as events on their day. feedback_received (counted by
 * the day received, under the state on the last day) is computed from the raw rows.
 */
export const FEEDBACK_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  feedback_answered: {
    kind: 'event',
    table: 'feedback',
    facts: (records) =>
      sql`select f.id as record_id, f.unit_id, null::text as dimension_value, 1 as measure,
            f.answered_on as start_day, null::date as end_day
          from feedback f where ${records(sql`f.id`)} and f.answered_on is not null`,
  },
};

export async function deleteFeedback(db: Database, id: number): Promise<void> {
  await db.delete(feedback).where(eq(feedback.id, id));
}
