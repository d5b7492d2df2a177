import {
  bigint,
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
import { users } from '../accounts/accounts.table.js';
import { units } from '../units/units.table.js';

/** The categories a reporter picks from: configuration, seeded with the codes of the issue. */
export const reportCategories = pgTable('report_categories', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  labelEn: text('label_en').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/** Days that are not working days besides Saturdays and Sundays (Tết, 30/4, 1/5, 2/9…): configuration. */
export const publicHolidays = pgTable('public_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});

/**
 * A crime report received through the portal. What the reporter wrote (text, place, point, persons involved,
 * contact) is encrypted with the installation key (`*_enc`, AES-256-GCM); what routing, deadlines and statistics
 * need stays readable: category, the unit it is with, dates, status. No IP address or user agent is kept.
 * `unit_id` is where the report is now (a commune, or the province after a transfer up); `intake_unit_id` is the
 * commune it was routed to when received, whose intake register lists it.
 */
export const crimeReports = pgTable(
  'crime_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    /** SHA-256 of the secret: the secret itself is shown once to the reporter and never stored. */
    secretHash: text('secret_hash').notNull(),
    category: text('category')
      .notNull()
      .references(() => reportCategories.code),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    intakeUnitId: integer('intake_unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    status: text('status').notNull().default('received'),
    channel: text('channel').notNull().default('portal'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** The calendar day of receipt in Vietnam: the legal clocks count from it. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    occurredAt: text('occurred_at'),
    descriptionEnc: text('description_enc').notNull(),
    placeEnc: text('place_enc'),
    /** {lat, lng} as encrypted JSON. */
    locationEnc: text('location_enc'),
    involvedEnc: text('involved_enc'),
    /** {name, phone, email} as encrypted JSON; null for an anonymous report. */
    contactEnc: text('contact_enc'),
    anonymous: boolean('anonymous').notNull().default(true),
    /** The reporter agreed to be contacted with the details given (Law 91/2025: a separate consent). */
    consentContact: boolean('consent_contact').notNull().default(false),
    assigneeId: integer('assignee_id').references(() => users.id),
    /** The legal clocks, computed when received and when extended (so that lists filter on them in SQL). */
    noticeDueOn: date('notice_due_on', { mode: 'string' }).notNull(),
    decisionDueOn: date('decision_due_on', { mode: 'string' }).notNull(),
    noticeSentOn: date('notice_sent_on', { mode: 'string' }),
    firstExtensionUntil: date('first_extension_until', { mode: 'string' }),
    firstExtensionReasonEnc: text('first_extension_reason_enc'),
    secondExtensionUntil: date('second_extension_until', { mode: 'string' }),
    secondExtensionReasonEnc: text('second_extension_reason_enc'),
    decidedOn: date('decided_on', { mode: 'string' }),
    statusReasonEnc: text('status_reason_enc'),
    duplicateOfId: integer('duplicate_of_id'),
    valuable: boolean('valuable').notNull().default(false),
    casesSolved: integer('cases_solved').notNull().default(0),
    personsArrested: integer('persons_arrested').notNull().default(0),
    propertyRecoveredVnd: bigint('property_recovered_vnd', { mode: 'number' }).notNull().default(0),
    /** Wrong secrets for this code in the current window, and until when lookups are refused. */
    lookupFailures: smallint('lookup_failures').notNull().default(0),
    lookupWindowStart: timestamp('lookup_window_start', { withTimezone: true }),
    lookupLockedUntil: timestamp('lookup_locked_until', { withTimezone: true }),
    /** The last time an officer wrote to the reporter, and the last time the reporter wrote. */
    lastOfficerMessageAt: timestamp('last_officer_message_at', { withTimezone: true }),
    lastReporterMessageAt: timestamp('last_reporter_message_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('crime_reports_code_uq').on(table.code),
    index('crime_reports_unit_idx').on(table.unitId, table.status),
    index('crime_reports_intake_idx').on(table.intakeUnitId, table.receivedOn),
    index('crime_reports_province_month_idx').on(table.provinceCode, table.receivedOn, table.category),
    index('crime_reports_assignee_idx').on(table.assigneeId),
    index('crime_reports_duplicate_idx').on(table.duplicateOfId),
  ],
);

/** Messages between the officers and the reporter; the reporter never sees which officer wrote. */
export const crimeReportMessages = pgTable(
  'crime_report_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => crimeReports.id),
    provinceCode: text('province_code').notNull(),
    author: text('author').notNull(),
    authorUserId: integer('author_user_id').references(() => users.id),
    bodyEnc: text('body_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('crime_report_messages_report_idx').on(table.reportId, table.createdAt)],
);

/** Internal notes of the officers working a report: never shown on the portal. */
export const crimeReportNotes = pgTable(
  'crime_report_notes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => crimeReports.id),
    provinceCode: text('province_code').notNull(),
    authorUserId: integer('author_user_id').references(() => users.id),
    bodyEnc: text('body_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('crime_report_notes_report_idx').on(table.reportId, table.createdAt)],
);

/** What happened to a report (status, transfer, assignment, notice, extension), for its timeline. */
export const crimeReportEvents = pgTable(
  'crime_report_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => crimeReports.id),
    provinceCode: text('province_code').notNull(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    fromUnitId: integer('from_unit_id'),
    toUnitId: integer('to_unit_id'),
    actorUserId: integer('actor_user_id'),
    detailEnc: text('detail_enc'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('crime_report_events_report_idx').on(table.reportId, table.createdAt)],
);

/**
 * One row per idempotency key of the public form: a retried submission answers what the first one answered
 * (the code and the secret, encrypted) instead of creating a second report. Kept for a day.
 */
export const crimeReportSubmissions = pgTable(
  'crime_report_submissions',
  {
    keyHash: text('key_hash').primaryKey(),
    bodyHash: text('body_hash').notNull(),
    reportId: integer('report_id')
      .notNull()
      .references(() => crimeReports.id),
    answerEnc: text('answer_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('crime_report_submissions_created_idx').on(table.createdAt)],
);

/** Proof-of-work challenges already used: each solves one submission. Rows past `expires_at` are purged. */
export const spentChallenges = pgTable(
  'spent_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('spent_challenges_expires_idx').on(table.expiresAt)],
);

/**
 * Photos attached to a report, kept by the shared file store: re-encoded without metadata (GPS, camera), the
 * original bytes never written, the stored bytes encrypted. The file name a phone gives can name a person, so it
 * is encrypted too.
 */
export const crimeReportFiles = pgTable(
  'crime_report_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => crimeReports.id),
    provinceCode: text('province_code').notNull(),
    storageKey: text('storage_key').notNull(),
    fileNameEnc: text('file_name_enc').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    encrypted: boolean('encrypted').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('crime_report_files_report_idx').on(table.reportId)],
);
