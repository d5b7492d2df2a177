/** SQL of attachments. Scope is decided by the owning record (see the service), never by the attachment alone. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { attachments } from './attachments.table.js';

export type AttachmentRecord = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;

export async function insertAttachment(db: Database, row: NewAttachment): Promise<AttachmentRecord> {
  const [inserted] = await db.insert(attachments).values(row).returning();
  return inserted!;
}

export async function findByPublicId(db: Database, publicId: string): Promise<AttachmentRecord | undefined> {
  const [row] = await db.select().from(attachments).where(eq(attachments.publicId, publicId));
  return row;
}

export interface AttachmentRow extends AttachmentRecord {
  createdByName: string | null;
}

export async function listFor(db: Database, entityType: string, entityId: number): Promise<AttachmentRow[]> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  if (rows.length === 0) return [];
  const names = await queryRows<{ id: number; username: string }>(
    db,
    sql`select id, username from users where id = any(${`{${[...new Set(rows.map((row) => row.createdBy ?? 0))].join(',')}}`}::int[])`,
  );
  const byId = new Map(names.map((row) => [row.id, row.username]));
  return rows.map((row) => ({
    ...row,
    createdByName: row.createdBy ? (byId.get(row.createdBy) ?? null) : null,
  }));
}

export async function countFor(db: Database, entityType: string, entityIds: readonly number[]) {
  if (entityIds.length === 0) return new Map<number, number>();
  const rows = await queryRows<{ entityId: number; count: number }>(
    db,
    sql`select entity_id as "entityId", count(*)::int as count from attachments
        where entity_type = ${entityType} and entity_id = any(${`{${entityIds.join(',')}}`}::int[])
        group by entity_id`,
  );
  return new Map(rows.map((row) => [row.entityId, row.count]));
}

export async function deleteAttachment(db: Database, id: number): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}

/** Keeps the unit of attachments in step when their record moves to another unit. */
export async function moveAttachments(
  db: Database,
  entityType: string,
  entityId: number,
  unitId: number | null,
  provinceCode: string | null,
): Promise<void> {
  await db
    .update(attachments)
    .set({ unitId, provinceCode })
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)));
}

/** Deletes every attachment row of a record; answers the rows so that their bytes can go after the commit. */
export async function deleteAllFor(db: Database, entityType: string, entityId: number) {
  return db
    .delete(attachments)
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)))
    .returning();
}
