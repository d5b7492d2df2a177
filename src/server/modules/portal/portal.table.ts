import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { units } from '../units/units.table.js';

/**
 * News and legal-education posts of the portal, written by officers for their unit (a commune or a province) in
 * plain text with a little Markdown; shown to everyone once published.
 */
export const portalPosts = pgTable(
  'portal_posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    body: text('body').notNull(),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    authorId: integer('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('portal_posts_published_idx').on(table.status, table.publishedAt),
    index('portal_posts_unit_idx').on(table.unitId),
  ],
);

/** Residents' feedback (phản ánh, kiến nghị) sent through the portal: text and contact encrypted at rest. */
export const residentFeedback = pgTable(
  'resident_feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    topic: text('topic').notNull(),
    bodyEnc: text('body_enc').notNull(),
    contactEnc: text('contact_enc'),
    status: text('status').notNull().default('new'),
    responseEnc: text('response_enc'),
    handledBy: integer('handled_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('resident_feedback_unit_idx').on(table.unitId, table.createdAt)],
);
