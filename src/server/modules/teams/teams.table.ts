import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../units/units.table.js';

/**
 * Grassroots teams and groups (tổ, đội, ban). A team stays attached to the unit it was set up for, whatever
 * happens to that unit later; `province_code` is the unit's province, for distribution by province.
 * Dates are half-open: a team exists from `established_on` up to, not including, `dissolved_on`.
 */
export const teams = pgTable(
  'teams',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Lower case, no diacritics, trigram-indexed: "to bao ve thon 1". */
    searchName: text('search_name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionSigner: text('decision_signer'),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    dissolutionNote: text('dissolution_note'),
    notes: text('notes'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('teams_unit_idx').on(table.unitId),
    index('teams_province_idx').on(table.provinceCode),
    index('teams_kind_idx').on(table.kind, table.establishedOn),
    index('teams_search_trgm_idx').using('gin', sql`${table.searchName} gin_trgm_ops`),
  ],
);

/**
 * Members of a team. `unit_id` and `province_code` repeat the team's, so that scope and counts never need the
 * join. Membership is half-open too: joined_on ≤ day < left_on.
 */
export const teamMembers = pgTable(
  'team_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    fullName: text('full_name').notNull(),
    searchName: text('search_name').notNull(),
    birthYear: smallint('birth_year').notNull(),
    gender: text('gender'),
    phone: text('phone'),
    role: text('role').notNull(),
    /** What the member is outside the team (chức vụ, cơ quan công tác): a steering committee names both. */
    position: text('position'),
    organisation: text('organisation'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    leaveReason: text('leave_reason'),
    residenceSince: date('residence_since', { mode: 'string' }),
    /** Why an age outside 18–70 was admitted (approved by the competent authority); null when not needed. */
    eligibilityException: text('eligibility_exception'),
    recognitionDecisionNumber: text('recognition_decision_number'),
    recognitionDecisionDate: date('recognition_decision_date', { mode: 'string' }),
    certificateNumber: text('certificate_number'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('team_members_team_idx').on(table.teamId, table.joinedOn),
    index('team_members_unit_idx').on(table.unitId),
    index('team_members_province_idx').on(table.provinceCode),
    index('team_members_search_trgm_idx').using('gin', sql`${table.searchName} gin_trgm_ops`),
  ],
);

export const teamMemberTrainings = pgTable(
  'team_member_trainings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => teamMembers.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    course: text('course').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    result: text('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('team_member_trainings_member_idx').on(table.memberId)],
);

/** One rating per member and rating year (15/11 of the year before to 14/11). */
export const teamMemberRatings = pgTable(
  'team_member_ratings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => teamMembers.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    year: smallint('year').notNull(),
    rating: text('rating').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('team_member_ratings_member_year_uq').on(table.memberId, table.year),
    index('team_member_ratings_team_year_idx').on(table.teamId, table.year),
  ],
);
