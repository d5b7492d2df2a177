/**
 * SQL of directive documents. Central documents (no unit) are visible to every reader; a unit's documents follow
 * the unit's scope. Links point from a document to the one it implements, replaces or amends.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { containsPattern, orderBy } from '../../registry/list.js';
import { recordUnitJson, toTextArray } from '../../registry/units.js';
import { documentLinks, documents } from './documents.table.js';

export type DocumentRecord = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Visible to the scope: central, or of a unit in scope (the alias is `d`). */
export function visible(scope: Scope, alias = 'd'): SQL {
  const unit = sql.raw(`${alias}.unit_id`);
  return sql`(${unit} is null or ${unitInScope(scope, unit)})`;
}

export async function findDocumentVisible(
  db: Database,
  scope: Scope,
  id: number,
): Promise<DocumentRecord | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), visible(scope, 'documents')));
  return row;
}

export async function findBySeedKeys(db: Database, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return queryRows<{ id: number; seedKey: string }>(
    db,
    sql`select id, seed_key as "seedKey" from documents where seed_key = any(${toTextArray(keys)}::text[])`,
  );
}

export async function insertDocuments(db: Database, rows: NewDocument[]): Promise<DocumentRecord[]> {
  if (rows.length === 0) return [];
  return db.insert(documents).values(rows).onConflictDoNothing().returning();
}

export async function updateDocument(db: Database, id: number, changes: Partial<NewDocument>) {
  const [row] = await db
    .update(documents)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(documents.id, id))
    .returning();
  return row!;
}

export async function listLinks(db: Database, fromId: number) {
  return db
    .select({ relation: documentLinks.relation, toId: documentLinks.toId })
    .from(documentLinks)
    .where(eq(documentLinks.fromId, fromId))
    .orderBy(documentLinks.relation, documentLinks.toId);
}

export async function replaceLinks(
  db: Database,
  fromId: number,
  links: ReadonlyArray<{ relation: string; toId: number }>,
): Promise<void> {
  await db.delete(documentLinks).where(eq(documentLinks.fromId, fromId));
  if (links.length > 0) {
    await db
      .insert(documentLinks)
      .values(links.map((link) => ({ fromId, ...link })))
      .onConflictDoNothing();
  }
}

export async function insertLinks(db: Database, links: ReadonlyArray<typeof documentLinks.$inferInsert>) {
  if (links.length > 0)
    await db
      .insert(documentLinks)
      .values([...links])
      .onConflictDoNothing();
}

/** Whether `toId` can be reached from `fromId` through links (a link back would close a loop). */
export async function reaches(db: Database, fromId: number, toId: number): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`with recursive walk(id, depth) as (
          select ${fromId}::int, 0
          union
          select l.to_id, w.depth + 1 from document_links l join walk w on l.from_id = w.id where w.depth < 50)
        select exists (select 1 from walk where id = ${toId}) as found`,
  );
  return rows[0]?.found === true;
}

function refJson(alias: string): SQL {
  const a = (column: string) => sql.raw(`${alias}.${column}`);
  return sql`json_build_object('id', ${a('id')}, 'kind', ${a('kind')}, 'number', ${a('number')}, 'title', ${a('title')},
    'issuedOn', ${a('issued_on')}, 'issuedYear', ${a('issued_year')})`;
}

export interface DocumentRefRow {
  id: number;
  kind: string;
  number: string;
  title: string;
  issuedOn: string | null;
  issuedYear: number;
}

export interface DocumentListRow extends DocumentRefRow {
  issuer: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  unit: unknown;
  seeded: boolean;
  links: Array<{ relation: string; document: DocumentRefRow }>;
  implementedByCount: number;
  attachmentCount: number;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

function documentColumns(scope: Scope, today: string): SQL {
  return sql`d.id, d.kind, d.number, d.title, d.issued_on as "issuedOn", d.issued_year as "issuedYear", d.issuer,
    d.effective_from as "effectiveFrom", d.effective_to as "effectiveTo",
    case when d.unit_id is null then null else ${recordUnitJson(sql`d.unit_id`, today)} end as unit,
    d.seed_key is not null as seeded,
    coalesce((select json_agg(json_build_object('relation', l.relation, 'document', ${refJson('t')}) order by l.relation, t.issued_year, t.id)
      from document_links l join documents t on t.id = l.to_id where l.from_id = d.id and ${visible(scope, 't')}), '[]'::json) as links,
    (select count(*)::int from document_links il join documents f on f.id = il.from_id
      where il.to_id = d.id and il.relation = 'implements' and ${visible(scope, 'f')}) as "implementedByCount",
    (select count(*)::int from attachments at where at.entity_type = 'document' and at.entity_id = d.id) as "attachmentCount",
    d.notes, ${utc('d.created_at')} as "createdAt", ${utc('d.updated_at')} as "updatedAt"`;
}

export interface DocumentFilter {
  scope: Scope;
  unitScope?: Scope | undefined;
  kinds?: readonly string[] | undefined;
  central?: boolean | undefined;
  implementsId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  inForceOn?: string | undefined;
  search?: string | undefined;
}

function conditions(filter: DocumentFilter): SQL {
  const parts: SQL[] = [visible(filter.scope)];
  if (filter.unitScope)
    parts.push(sql`d.unit_id is not null and ${unitInScope(filter.unitScope, sql`d.unit_id`)}`);
  if (filter.kinds && filter.kinds.length > 0)
    parts.push(sql`d.kind = any(${toTextArray(filter.kinds)}::text[])`);
  if (filter.central !== undefined)
    parts.push(filter.central ? sql`d.unit_id is null` : sql`d.unit_id is not null`);
  if (filter.implementsId !== undefined) {
    parts.push(
      sql`exists (select 1 from document_links fl where fl.from_id = d.id and fl.to_id = ${filter.implementsId} and fl.relation = 'implements')`,
    );
  }
  // A document known only by its year counts as issued on 1 January of that year for date ranges.
  const issued = sql`coalesce(d.issued_on, make_date(d.issued_year, 1, 1))`;
  if (filter.from) parts.push(sql`${issued} >= ${filter.from}::date`);
  if (filter.to) parts.push(sql`${issued} <= ${filter.to}::date`);
  if (filter.inForceOn) {
    parts.push(
      sql`coalesce(d.effective_from, d.issued_on, make_date(d.issued_year, 1, 1)) <= ${filter.inForceOn}::date
          and (d.effective_to is null or d.effective_to >= ${filter.inForceOn}::date)`,
    );
  }
  if (filter.search) parts.push(sql`d.search_text like ${containsPattern(filter.search)}`);
  return sql.join(parts, sql` and `);
}

function order(sort: string | undefined): SQL {
  return orderBy(
    sort,
    {
      issuedOn: [sql`coalesce(d.issued_on, make_date(d.issued_year, 1, 1))`],
      number: sql`d.number collate "C"`,
      title: sql`d.search_text collate "C"`,
      updatedAt: sql`d.updated_at`,
    },
    '-issuedOn',
    sql`d.id`,
  );
}

export async function listDocuments(
  db: Database,
  filter: DocumentFilter,
  page: { sort?: string | undefined; limit: number; offset: number; today: string },
): Promise<{ rows: DocumentListRow[]; total: number }> {
  const where = conditions(filter);
  const sorted = order(page.sort);
  const rows = await queryRows<DocumentListRow & { total: number }>(
    db,
    sql`with page as (
          select d.id, count(*) over()::int as total, row_number() over (order by ${sorted}) as ord
          from documents d where ${where} order by ${sorted} limit ${page.limit} offset ${page.offset})
        select ${documentColumns(filter.scope, page.today)}, p.total
        from page p join documents d on d.id = p.id order by p.ord`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from documents d where ${where}`,
    );
    total = counted[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export async function findDocumentRow(db: Database, scope: Scope, id: number, today: string) {
  const rows = await queryRows<DocumentListRow>(
    db,
    sql`select ${documentColumns(scope, today)} from documents d where d.id = ${id}`,
  );
  return rows[0];
}

/** Documents in scope that link to this one. */
export async function listLinkedFrom(db: Database, scope: Scope, id: number) {
  return queryRows<{ relation: string; document: DocumentRefRow }>(
    db,
    sql`select l.relation, ${refJson('d')} as document from document_links l join documents d on d.id = l.from_id
        where l.to_id = ${id} and ${visible(scope)}
        order by l.relation, coalesce(d.issued_on, make_date(d.issued_year, 1, 1)), d.id`,
  );
}

export interface PlanRow extends DocumentRefRow {
  unit: unknown;
  unitId: number;
}

/** Local documents in scope implementing `id`. */
export async function listImplementingPlans(db: Database, scope: Scope, id: number, today: string) {
  return queryRows<PlanRow>(
    db,
    sql`select d.id, d.kind, d.number, d.title, d.issued_on as "issuedOn", d.issued_year as "issuedYear",
          d.unit_id as "unitId", ${recordUnitJson(sql`d.unit_id`, today)} as unit
        from document_links l join documents d on d.id = l.from_id
        where l.to_id = ${id} and l.relation = 'implements' and d.unit_id is not null
          and ${unitInScope(scope, sql`d.unit_id`)}
        order by coalesce(d.issued_on, make_date(d.issued_year, 1, 1)), d.id`,
  );
}

/** Today's communes inside `scope`, each with the local documents (its own or of a unit below it) among `planIds`. */
export async function communeCoverage(
  db: Database,
  scope: Scope,
  plans: ReadonlyArray<{ id: number; unitId: number }>,
  today: string,
) {
  const values =
    plans.length === 0
      ? sql`select null::int as id, null::int as unit_id where false`
      : sql`select * from (values ${sql.join(
          plans.map((plan) => sql`(${plan.id}::int, ${plan.unitId}::int)`),
          sql`, `,
        )}) as p(id, unit_id)`;
  return queryRows<{ unit: unknown; planIds: number[] }>(
    db,
    sql`with plans as (${values}),
        communes as (
          select u.id, v.path from units u join unit_versions v on v.unit_id = u.id
          where u.kind = 'commune' and (v.valid_from is null or v.valid_from <= ${today}::date)
            and (v.valid_to is null or v.valid_to >= ${today}::date) and ${unitInScope(scope, sql`u.id`)})
        select ${recordUnitJson(sql`c.id`, today)} as unit,
          coalesce((select array_agg(distinct p.id order by p.id) from plans p
            where p.unit_id in (select pv.unit_id from unit_versions pv where pv.path like c.path || '%')
               or p.unit_id in (select l.predecessor_id from unit_lineage l where l.successor_id = c.id)), '{}'::int[]) as "planIds"
        from communes c order by c.path`,
  );
}

/** Visible documents whose number, as written, matches (case and spaces aside): "44-KL/TW". */
export async function findVisibleByNumber(db: Database, scope: Scope, number: string) {
  return queryRows<{ id: number; number: string; issuedYear: number }>(
    db,
    sql`select d.id, d.number, d.issued_year as "issuedYear" from documents d
        where lower(replace(d.number, ' ', '')) = ${number.replace(/\s/g, '').toLowerCase()} and ${visible(scope)}
        order by d.issued_year desc, d.id limit 5`,
  );
}

/** What rests on a document: documents linked to it, activities carrying it out. */
export async function countDependents(db: Database, id: number) {
  const [row] = await queryRows<{ documents: number; activities: number }>(
    db,
    sql`select (select count(*)::int from document_links where to_id = ${id}) as documents,
               (select count(*)::int from activities where plan_document_id = ${id}) as activities`,
  );
  return row!;
}

export async function deleteDocument(db: Database, id: number): Promise<void> {
  await db.delete(documents).where(eq(documents.id, id));
}
