import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { units } from '../units/units.table.js';

/**
 * Reintegration files (hồ sơ người chấp hành xong án phạt tù về địa phương), one per person and commune. A person
 * who moves gets a new file in the new commune (`transferred_from_id`); the old one ends with reason "moved" and
 * stays with the old commune as history.
 *
 * Personal fields are nullable: the retention run clears them N years after the case ended and stamps
 * `personal_data_removed_on`, leaving the dates, statuses and counts. `id_number` and `sentence_summary` are
 * stored encrypted (FieldCipher, "v1:…"), never as plain text.
 */
export const reintegrationCases = pgTable(
  'reintegration_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The commune that keeps the file. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    origin: text('origin').notNull(),
    transferredFromId: integer('transferred_from_id').references((): AnyPgColumn => reintegrationCases.id),
    transferredToUnitId: integer('transferred_to_unit_id').references(() => units.id),
    fullName: text('full_name'),
    searchName: text('search_name'),
    birthYear: smallint('birth_year'),
    /** The village or urban block of residence, below the commune. */
    residenceUnitId: integer('residence_unit_id').references(() => units.id),
    residenceAddress: text('residence_address'),
    idNumberEncrypted: text('id_number_encrypted'),
    sentenceSummaryEncrypted: text('sentence_summary_encrypted'),
    releasedOn: date('released_on', { mode: 'string' }).notNull(),
    releasingFacility: text('releasing_facility'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    reintegratedOn: date('reintegrated_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    notes: text('notes'),
    personalDataRemovedOn: date('personal_data_removed_on', { mode: 'string' }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('reintegration_cases_unit_idx').on(table.unitId, table.openedOn),
    index('reintegration_cases_province_idx').on(table.provinceCode),
    index('reintegration_cases_ended_idx').on(table.endedOn),
    index('reintegration_cases_from_idx').on(table.transferredFromId),
    index('reintegration_cases_search_trgm_idx').using('gin', sql`${table.searchName} gin_trgm_ops`),
  ],
);

/**
 * Who helps and supervises the person, proposed with the Fatherland Front: an organisation and/or a person, by a
 * decision. `helper_user_id` links a Front officer's account, which is what lets that officer open the file.
 */
export const reintegrationHelpers = pgTable(
  'reintegration_helpers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => reintegrationCases.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    organisation: text('organisation'),
    personName: text('person_name'),
    helperUserId: integer('helper_user_id').references(() => users.id),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('reintegration_helpers_case_idx').on(table.caseId),
    index('reintegration_helpers_user_idx').on(table.helperUserId),
  ],
);

/** Support given over time (residence, ID, record certificate, expungement, job, training, loan), each dated. */
export const reintegrationSupports = pgTable(
  'reintegration_supports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => reintegrationCases.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    outcome: text('outcome').notNull(),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('reintegration_supports_case_idx').on(table.caseId, table.givenOn),
    index('reintegration_supports_kind_idx').on(table.kind, table.outcome),
  ],
);

/** Periodic check-ins (nắm tình hình định kỳ). */
export const reintegrationCheckIns = pgTable(
  'reintegration_check_ins',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => reintegrationCases.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('reintegration_check_ins_case_idx').on(table.caseId, table.checkedOn)],
);
