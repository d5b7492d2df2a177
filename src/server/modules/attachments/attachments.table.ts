import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Files attached to records of any module (photos and minutes of an activity, the scan of an award decision, the
 * text of a directive document). `public_id` is the random id in every URL; the row id never leaves the server.
 * `unit_id` repeats the owning record's unit so that scope needs no join (null for central documents).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    unitId: integer('unit_id'),
    provinceCode: text('province_code'),
    storageKey: text('storage_key').notNull(),
    originalStorageKey: text('original_storage_key'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    encrypted: boolean('encrypted').notNull().default(false),
    scannedBy: text('scanned_by').notNull(),
    caption: text('caption'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('attachments_public_id_uq').on(table.publicId),
    index('attachments_entity_idx').on(table.entityType, table.entityId),
    index('attachments_province_idx').on(table.provinceCode),
  ],
);
