import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { activities } from '../activities/activities.table.js';
import { units } from '../units/units.table.js';

/**
 * Residents' feedback. The optional contact (name, phone) is encrypted at rest (FieldCipher) and kept only with its
 * stated purpose; it is never searchable, listed or written into the audit trail.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    activityId: integer('activity_id').references(() => activities.id),
    topic: text('topic').notNull(),
    content: text('content'),
    searchText: text('search_text').notNull(),
    status: text('status').notNull().default('open'),
    answeredBy: text('answered_by'),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    forwardedTo: text('forwarded_to'),
    forwardedOn: date('forwarded_on', { mode: 'string' }),
    contactNameEncrypted: text('contact_name_encrypted'),
    contactPhoneEncrypted: text('contact_phone_encrypted'),
    contactPurpose: text('contact_purpose'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('feedback_unit_idx').on(table.unitId, table.receivedOn),
    index('feedback_province_idx').on(table.provinceCode, table.receivedOn),
    index('feedback_activity_idx').on(table.activityId),
    index('feedback_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
  ],
);
