import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { teams } from '../teams/teams.table.js';

/**
 * Meetings of a steering committee (a team of kind `steering_committee` in the teams registry). `minutes` is the
 * text summary of the minutes; the signed or scanned minutes and photos are attachments (entity type
 * `committee_meeting`). The conclusions are coordination tasks (programmes.table.ts, `meeting_id`). A meeting
 * recorded by mistake or not held is cancelled (`cancelled_on`, with its reason): it stays for the trail but no
 * longer counts, and its conclusions are no longer tracked.
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
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    cancelReason: text('cancel_reason'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('committee_meetings_team_idx').on(table.teamId, table.heldOn),
    index('committee_meetings_unit_idx').on(table.unitId, table.heldOn),
  ],
);
