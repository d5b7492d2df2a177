/** SQL of the movement classification: sheets, levels, records and scores. Reads of records take the scope. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { UnitKind } from '../../../domain/units.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import {
  classificationItems,
  classificationLevels,
  classificationRecords,
  classificationScores,
  classificationSheets,
} from './recognition.table.js';

export type SheetRecord = typeof classificationSheets.$inferSelect;
export type ItemRecord = typeof classificationItems.$inferSelect;
export type LevelRecord = typeof classificationLevels.$inferSelect;
export type ClassificationRecordRow = typeof classificationRecords.$inferSelect;
export type ScoreRecord = typeof classificationScores.$inferSelect;

export async function listSheets(db: Database, provinceCode: string | null): Promise<SheetRecord[]> {
  return queryRows<SheetRecord>(
    db,
    sql`select id, code, version, target, legal_basis as "legalBasis", title, province_code as "provinceCode",
          from_year as "fromYear", to_year as "toYear", status, frozen, created_at as "createdAt"
        from classification_sheets
        where ${provinceCode === null ? sql`true` : sql`(province_code is null or province_code = ${provinceCode})`}
        order by target, from_year desc, version desc`,
  );
}

export async function findSheet(db: Database, id: number): Promise<SheetRecord | undefined> {
  const [row] = await db.select().from(classificationSheets).where(eq(classificationSheets.id, id));
  return row;
}

export async function listItems(db: Database, sheetId: number): Promise<ItemRecord[]> {
  return db
    .select()
    .from(classificationItems)
    .where(eq(classificationItems.sheetId, sheetId))
    .orderBy(asc(classificationItems.position));
}

export async function findActiveSheet(
  db: Database,
  target: string,
  year: number,
  provinceCode: string,
): Promise<SheetRecord | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from classification_sheets
        where target = ${target} and status = 'active' and from_year <= ${year} and (to_year is null or to_year >= ${year})
          and (province_code is null or province_code = ${provinceCode})
        order by province_code nulls last, version desc limit 1`,
  );
  return rows[0] ? findSheet(db, rows[0].id) : undefined;
}

export async function freezeSheet(db: Database, id: number): Promise<void> {
  await db.update(classificationSheets).set({ frozen: true }).where(eq(classificationSheets.id, id));
}

/** A province's own levels, or the national ones (province ''). */
export async function listLevels(db: Database, provinceCode: string): Promise<LevelRecord[]> {
  const own = await db
    .select()
    .from(classificationLevels)
    .where(eq(classificationLevels.provinceCode, provinceCode));
  if (own.length > 0) return own;
  return db.select().from(classificationLevels).where(eq(classificationLevels.provinceCode, ''));
}

export async function replaceLevels(
  db: Database,
  provinceCode: string,
  levels: Array<{ code: string; label: string; minPoints: number; enabled: boolean }>,
): Promise<void> {
  await db.delete(classificationLevels).where(eq(classificationLevels.provinceCode, provinceCode));
  await db.insert(classificationLevels).values(levels.map((level) => ({ ...level, provinceCode })));
}

export async function findRecordInScope(
  db: Database,
  scope: Scope,
  id: number,
): Promise<ClassificationRecordRow | undefined> {
  const [row] = await db
    .select()
    .from(classificationRecords)
    .where(and(eq(classificationRecords.id, id), unitInScope(scope, sql`${classificationRecords.unitId}`)));
  return row;
}

export async function findRecordOfUnit(
  db: Database,
  unitId: number,
  year: number,
): Promise<ClassificationRecordRow | undefined> {
  const [row] = await db
    .select()
    .from(classificationRecords)
    .where(and(eq(classificationRecords.unitId, unitId), eq(classificationRecords.year, year)));
  return row;
}

export async function insertRecord(
  db: Database,
  row: typeof classificationRecords.$inferInsert,
): Promise<ClassificationRecordRow> {
  const [inserted] = await db.insert(classificationRecords).values(row).returning();
  return inserted!;
}

export async function updateRecord(
  db: Database,
  id: number,
  changes: Partial<typeof classificationRecords.$inferInsert>,
): Promise<ClassificationRecordRow> {
  const [row] = await db
    .update(classificationRecords)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(classificationRecords.id, id))
    .returning();
  return row!;
}

export async function listScores(db: Database, recordId: number): Promise<ScoreRecord[]> {
  return db.select().from(classificationScores).where(eq(classificationScores.recordId, recordId));
}

/** A file of the record was removed: scores that cited it lose the link. */
export async function dropAttachmentReferences(
  db: Database,
  recordId: number,
  attachmentRowId: number,
): Promise<void> {
  await db
    .update(classificationScores)
    .set({ attachmentId: null })
    .where(
      and(
        eq(classificationScores.recordId, recordId),
        eq(classificationScores.attachmentId, attachmentRowId),
      ),
    );
}

export async function upsertScore(
  db: Database,
  row: typeof classificationScores.$inferInsert,
): Promise<void> {
  await db
    .insert(classificationScores)
    .values(row)
    .onConflictDoUpdate({
      target: [classificationScores.recordId, classificationScores.itemId],
      set: {
        points: row.points,
        evidence: row.evidence,
        teamId: row.teamId,
        modelId: row.modelId,
        attachmentId: row.attachmentId,
      },
    });
}

export async function insertScores(
  db: Database,
  rows: Array<typeof classificationScores.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(classificationScores).values(rows);
}

export async function listRecords(
  db: Database,
  options: {
    scope: Scope;
    basePath: string | null;
    year: number;
    date: string;
    status?: string | undefined;
    level?: string | undefined;
    kinds: readonly UnitKind[];
  },
): Promise<ClassificationRecordRow[]> {
  const conditions = [sql`c.year = ${options.year}`, unitInScope(options.scope, sql`c.unit_id`)];
  if (options.basePath !== null) {
    const prefix = `${options.basePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`exists (select 1 from unit_versions v where v.unit_id = c.unit_id and v.path like ${prefix})`,
    );
  }
  if (options.status) conditions.push(sql`c.status = ${options.status}`);
  if (options.level) conditions.push(sql`coalesce(c.approved_level, c.proposed_level) = ${options.level}`);
  return queryRows<ClassificationRecordRow>(
    db,
    sql`select c.id, c.unit_id as "unitId", c.province_code as "provinceCode", c.year, c.target, c.sheet_id as "sheetId",
          c.status, c.total_points::float8 as "totalPoints", c.proposed_level as "proposedLevel",
          c.approved_level as "approvedLevel", c.review_comment as "reviewComment", c.submitted_at as "submittedAt",
          c.approved_at as "approvedAt", c.approved_by as "approvedBy", c.source, c.created_at as "createdAt",
          c.updated_at as "updatedAt"
        from classification_records c where ${sql.join(conditions, sql` and `)}
        order by c.id`,
  );
}

// ---- editing sheets ----------------------------------------------------------------------------------------------

export async function nextSheetVersion(db: Database, code: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(
    db,
    sql`select coalesce(max(version), 0)::int + 1 as version from classification_sheets where code = ${code}`,
  );
  return row!.version;
}

export async function insertSheet(
  db: Database,
  row: typeof classificationSheets.$inferInsert,
): Promise<SheetRecord> {
  const [inserted] = await db.insert(classificationSheets).values(row).returning();
  return inserted!;
}

export async function replaceItems(
  db: Database,
  sheetId: number,
  items: ReadonlyArray<{ code: string; text: string; maxPoints: number }>,
): Promise<void> {
  await db.delete(classificationItems).where(eq(classificationItems.sheetId, sheetId));
  if (items.length === 0) return;
  await db
    .insert(classificationItems)
    .values(items.map((item, index) => ({ ...item, sheetId, position: index + 1 })));
}

/** The sheet becomes the one new records use; the other active versions of its line retire. */
export async function activateSheet(db: Database, sheet: SheetRecord): Promise<void> {
  await db
    .update(classificationSheets)
    .set({ status: 'retired' })
    .where(and(eq(classificationSheets.code, sheet.code), eq(classificationSheets.status, 'active')));
  await db
    .update(classificationSheets)
    .set({ status: 'active' })
    .where(eq(classificationSheets.id, sheet.id));
}
