import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { teams } from '../teams/teams.table.js';

/**
 * Meetings of a steering committee (a team of kind `steering_committee` in the teams registry). The minutes are
 * text for now; the scanned minutes become an attachment once the attachments module links files to records.
 * The conclusions are coordination tasks (programmes.table.ts, `meeting_id`).
 */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    agenda: text('agenda').notNull(),
    chairedBy: text('chaired_by'),
    minutes: text('minutes'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('committee_meetings_team_idx').on(table.teamId, table.heldOn),
    index('committee_meetings_unit_idx').on(table.unitId, table.heldOn),
  ],
);
