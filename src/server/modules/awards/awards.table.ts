import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { units } from '../units/units.table.js';

/** Configurable forms of award (Bằng khen, Giấy khen…). */
export const awardForms = pgTable(
  'award_forms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
  },
  (table) => [uniqueIndex('award_forms_code_uq').on(table.code)],
);

/** Configurable issuers (Bộ Công an, UBND tỉnh…). */
export const awardIssuers = pgTable(
  'award_issuers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
  },
  (table) => [uniqueIndex('award_issuers_code_uq').on(table.code)],
);

/**
 * Awards and award proposals. `unit_id` is where the recipient belongs (the unit itself, the team's or member's
 * unit, or the unit named for a free-text person): scope and counts go through it.
 */
export const awards = pgTable(
  'awards',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    status: text('status').notNull(),
    recipientType: text('recipient_type').notNull(),
    recipientClass: text('recipient_class').notNull(),
    recipientTeamId: integer('recipient_team_id'),
    recipientMemberId: integer('recipient_member_id'),
    recipientName: text('recipient_name').notNull(),
    recipientPosition: text('recipient_position'),
    recipientWorkplace: text('recipient_workplace'),
    searchText: text('search_text').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    formId: integer('form_id')
      .notNull()
      .references(() => awardForms.id),
    issuerId: integer('issuer_id')
      .notNull()
      .references(() => awardIssuers.id),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    reasonText: text('reason_text'),
    periodFrom: smallint('period_from').notNull(),
    periodTo: smallint('period_to'),
    phase: text('phase'),
    proposedOn: date('proposed_on', { mode: 'string' }),
    proposedBy: integer('proposed_by'),
    decidedBy: integer('decided_by'),
    decisionNote: text('decision_note'),
    notes: text('notes'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('awards_unit_idx').on(table.unitId),
    index('awards_province_idx').on(table.provinceCode, table.decisionDate),
    index('awards_status_idx').on(table.status),
    index('awards_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
  ],
);
