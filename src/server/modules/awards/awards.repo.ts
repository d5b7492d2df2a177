/** SQL of awards. Scope goes through the unit the recipient belongs to. */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { containsPattern, orderBy } from '../../registry/list.js';
import { recordUnitJson, toIntArray, toTextArray } from '../../registry/units.js';
import type { IntervalSource } from '../../reporting/intervals.js';
import type { FactSource } from '../../reporting/rollup.js';
import { awardForms, awardIssuers, awards } from './awards.table.js';

export type AwardRecord = typeof awards.$inferSelect;
export type NewAward = typeof awards.$inferInsert;
export type OptionTable = typeof awardForms | typeof awardIssuers;

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export function optionTable(list: 'forms' | 'issuers'): OptionTable {
  return list === 'forms' ? awardForms : awardIssuers;
}

export async function listOptions(db: Database, list: 'forms' | 'issuers') {
  const table = optionTable(list);
  return db.select().from(table).orderBy(asc(table.sortOrder), asc(table.name));
}

export async function insertMissingOptions(
  db: Database,
  list: 'forms' | 'issuers',
  rows: Array<{ code: string; name: string; sortOrder: number }>,
) {
  const table = optionTable(list);
  if (rows.length > 0) await db.insert(table).values(rows).onConflictDoNothing({ target: table.code });
}

export async function insertOption(
  db: Database,
  list: 'forms' | 'issuers',
  row: { code: string; name: string; sortOrder: number },
) {
  const table = optionTable(list);
  const [inserted] = await db.insert(table).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findOption(db: Database, list: 'forms' | 'issuers', id: number) {
  const table = optionTable(list);
  const [row] = await db.select().from(table).where(eq(table.id, id));
  return row;
}

export async function updateOption(
  db: Database,
  list: 'forms' | 'issuers',
  id: number,
  changes: { name?: string; active?: boolean; sortOrder?: number },
) {
  const table = optionTable(list);
  const [row] = await db.update(table).set(changes).where(eq(table.id, id)).returning();
  return row!;
}

export async function findAwardInScope(db: Database, scope: Scope, id: number) {
  const [row] = await db
    .select()
    .from(awards)
    .where(and(eq(awards.id, id), unitInScope(scope, sql`${awards.unitId}`)));
  return row;
}

export async function insertAward(db: Database, row: NewAward): Promise<AwardRecord> {
  const [inserted] = await db.insert(awards).values(row).returning();
  return inserted!;
}

export async function updateAward(db: Database, id: number, changes: Partial<NewAward>) {
  const [row] = await db
    .update(awards)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(awards.id, id))
    .returning();
  return row!;
}

/** A team in scope: its name and unit. */
export async function findTeam(db: Database, scope: Scope, id: number) {
  const rows = await queryRows<{ id: number; name: string; unitId: number }>(
    db,
    sql`select t.id, t.name, t.unit_id as "unitId" from teams t where t.id = ${id} and ${unitInScope(scope, sql`t.unit_id`)}`,
  );
  return rows[0];
}

/** A team member in scope: name, team and unit. */
export async function findMember(db: Database, scope: Scope, id: number) {
  const rows = await queryRows<{ id: number; fullName: string; teamName: string; unitId: number }>(
    db,
    sql`select m.id, m.full_name as "fullName", t.name as "teamName", m.unit_id as "unitId"
        from team_members m join teams t on t.id = m.team_id
        where m.id = ${id} and ${unitInScope(scope, sql`m.unit_id`)}`,
  );
  return rows[0];
}

/** Kind of a unit, and whether `ancestorId` lies strictly above it (on any version's path). */
export async function unitKindAndAncestry(db: Database, unitId: number, ancestorId: number | null) {
  const rows = await queryRows<{ kind: string; below: boolean }>(
    db,
    sql`select u.kind, ${
      ancestorId === null
        ? sql`true`
        : sql`exists (select 1 from unit_versions v where v.unit_id = u.id
          and v.path like ${`%/${ancestorId}/%`} and v.unit_id <> ${ancestorId})`
    } as below
        from units u where u.id = ${unitId}`,
  );
  return rows[0];
}

export interface AwardListRow {
  id: number;
  status: string;
  recipientType: string;
  recipientClass: string;
  recipientName: string;
  recipientPosition: string | null;
  recipientWorkplace: string | null;
  recipientTeamId: number | null;
  recipientMemberId: number | null;
  unit: unknown;
  form: { id: number; code: string; name: string };
  issuer: { id: number; code: string; name: string };
  decisionNumber: string | null;
  decisionDate: string | null;
  reason: string;
  reasonText: string | null;
  periodFrom: number;
  periodTo: number | null;
  phase: string | null;
  proposedOn: string | null;
  decisionNote: string | null;
  notes: string | null;
  attachmentCount: number;
  createdAt: string;
  updatedAt: string;
}

function columns(today: string): SQL {
  return sql`w.id, w.status, w.recipient_type as "recipientType", w.recipient_class as "recipientClass",
    w.recipient_name as "recipientName", w.recipient_position as "recipientPosition",
    w.recipient_workplace as "recipientWorkplace", w.recipient_team_id as "recipientTeamId",
    w.recipient_member_id as "recipientMemberId", ${recordUnitJson(sql`w.unit_id`, today)} as unit,
    json_build_object('id', f.id, 'code', f.code, 'name', f.name) as form,
    json_build_object('id', i.id, 'code', i.code, 'name', i.name) as issuer,
    w.decision_number as "decisionNumber", w.decision_date as "decisionDate", w.reason, w.reason_text as "reasonText",
    w.period_from as "periodFrom", w.period_to as "periodTo", w.phase, w.proposed_on as "proposedOn",
    w.decision_note as "decisionNote", w.notes,
    (select count(*)::int from attachments at where at.entity_type = 'award' and at.entity_id = w.id) as "attachmentCount",
    ${utc('w.created_at')} as "createdAt", ${utc('w.updated_at')} as "updatedAt"`;
}

export interface AwardFilter {
  scope: Scope;
  unitScope?: Scope | undefined;
  statuses?: readonly string[] | undefined;
  formIds?: readonly number[] | undefined;
  issuerIds?: readonly number[] | undefined;
  recipientClass?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  decidedBy?: string | undefined;
  search?: string | undefined;
}

function conditions(filter: AwardFilter): SQL {
  const parts: SQL[] = [unitInScope(filter.scope, sql`w.unit_id`)];
  if (filter.unitScope) parts.push(unitInScope(filter.unitScope, sql`w.unit_id`));
  if (filter.statuses?.length) parts.push(sql`w.status = any(${toTextArray(filter.statuses)}::text[])`);
  if (filter.formIds?.length) parts.push(sql`w.form_id = any(${toIntArray(filter.formIds)}::int[])`);
  if (filter.issuerIds?.length) parts.push(sql`w.issuer_id = any(${toIntArray(filter.issuerIds)}::int[])`);
  if (filter.recipientClass) parts.push(sql`w.recipient_class = ${filter.recipientClass}`);
  const day = sql`coalesce(w.decision_date, w.proposed_on)`;
  if (filter.from) parts.push(sql`${day} >= ${filter.from}::date`);
  if (filter.to) parts.push(sql`${day} <= ${filter.to}::date`);
  if (filter.decidedBy)
    parts.push(sql`w.status = 'approved' and w.decision_date <= ${filter.decidedBy}::date`);
  if (filter.search) parts.push(sql`w.search_text like ${containsPattern(filter.search)}`);
  return sql.join(parts, sql` and `);
}

export async function listAwards(
  db: Database,
  filter: AwardFilter,
  page: { sort?: string | undefined; limit: number; offset: number; today: string },
): Promise<{ rows: AwardListRow[]; total: number }> {
  const where = conditions(filter);
  const sorted = orderBy(
    page.sort,
    {
      decisionDate: sql`coalesce(w.decision_date, w.proposed_on)`,
      recipient: sql`w.search_text collate "C"`,
      updatedAt: sql`w.updated_at`,
    },
    '-decisionDate',
    sql`w.id`,
  );
  const rows = await queryRows<AwardListRow & { total: number }>(
    db,
    sql`with page as (
          select w.id, count(*) over()::int as total, row_number() over (order by ${sorted}) as ord
          from awards w where ${where} order by ${sorted} limit ${page.limit} offset ${page.offset})
        select ${columns(page.today)}, p.total
        from page p join awards w on w.id = p.id join award_forms f on f.id = w.form_id
          join award_issuers i on i.id = w.issuer_id order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from awards w where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findAwardRow(db: Database, id: number, today: string) {
  const rows = await queryRows<AwardListRow>(
    db,
    sql`select ${columns(today)} from awards w join award_forms f on f.id = w.form_id
        join award_issuers i on i.id = w.issuer_id where w.id = ${id}`,
  );
  return rows[0];
}

/** Approved awards count in the period by the date of their decision, at the recipient's unit. */
const decided = (from: string, asOf: string) =>
  sql`w.status = 'approved' and w.decision_date >= ${from}::date and w.decision_date <= ${asOf}::date`;

export const AWARD_INDICATOR_SOURCES: Record<string, FactSource> = {
  awards_by_form: ({ asOf, from, unitCondition }) =>
    sql`select w.unit_id, f.code as dimension_value, w.id::text as measure
        from awards w join award_forms f on f.id = w.form_id
        where ${decided(from, asOf)} and ${unitCondition(sql`w.unit_id`)}`,
  awards_by_issuer: ({ asOf, from, unitCondition }) =>
    sql`select w.unit_id, i.code as dimension_value, w.id::text as measure
        from awards w join award_issuers i on i.id = w.issuer_id
        where ${decided(from, asOf)} and ${unitCondition(sql`w.unit_id`)}`,
  awards_by_recipient: ({ asOf, from, unitCondition }) =>
    sql`select w.unit_id, w.recipient_class as dimension_value, w.id::text as measure
        from awards w where ${decided(from, asOf)} and ${unitCondition(sql`w.unit_id`)}`,
  awards_collective: ({ asOf, from, unitCondition }) =>
    sql`select w.unit_id, f.code as dimension_value, w.id::text as measure
        from awards w join award_forms f on f.id = w.form_id
        where w.recipient_class = 'collective' and ${decided(from, asOf)} and ${unitCondition(sql`w.unit_id`)}`,
  awards_individual: ({ asOf, from, unitCondition }) =>
    sql`select w.unit_id, f.code as dimension_value, w.id::text as measure
        from awards w join award_forms f on f.id = w.form_id
        where w.recipient_class = 'individual' and ${decided(from, asOf)} and ${unitCondition(sql`w.unit_id`)}`,
};

/** The same facts as events on their decision date, for the aggregate tables (reporting/intervals.ts). */
const awardEvent = (
  dimension: SQL,
  join: SQL,
  lookup?: { table: string; column: string },
  where?: SQL,
): IntervalSource => ({
  kind: 'event',
  table: 'awards',
  facts: (records) =>
    sql`select w.id as record_id, w.unit_id, ${dimension} as dimension_value, 1 as measure,
          w.decision_date as start_day, null::date as end_day
        from awards w ${join}
        where ${records(sql`w.id`)} and w.status = 'approved' and w.decision_date is not null${where ? sql` and ${where}` : sql``}`,
  ...(lookup
    ? {
        dependsOn: {
          [lookup.table]: (changed: SQL) =>
            sql`select w.id from awards w where w.${sql.raw(lookup.column)} = any(${changed})`,
        },
      }
    : {}),
});

export const AWARD_INDICATOR_INTERVALS: Record<string, IntervalSource> = {
  awards_by_form: awardEvent(sql`f.code`, sql`join award_forms f on f.id = w.form_id`, {
    table: 'award_forms',
    column: 'form_id',
  }),
  awards_by_issuer: awardEvent(sql`i.code`, sql`join award_issuers i on i.id = w.issuer_id`, {
    table: 'award_issuers',
    column: 'issuer_id',
  }),
  awards_by_recipient: awardEvent(sql`w.recipient_class`, sql``),
  awards_collective: awardEvent(
    sql`f.code`,
    sql`join award_forms f on f.id = w.form_id`,
    { table: 'award_forms', column: 'form_id' },
    sql`w.recipient_class = 'collective'`,
  ),
  awards_individual: awardEvent(
    sql`f.code`,
    sql`join award_forms f on f.id = w.form_id`,
    { table: 'award_forms', column: 'form_id' },
    sql`w.recipient_class = 'individual'`,
  ),
};

export async function deleteAward(db: Database, id: number): Promise<void> {
  await db.delete(awards).where(eq(awards.id, id));
}
