import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ComputedRule, CriterionKind, Threshold } from '../../../domain/recognition.js';
import { units } from '../units/units.table.js';

/**
 * A criteria set: the criteria of one legal basis for one kind of unit, in one version. A national set has no
 * province; a province's set copies a national one and adds the province's own criteria. Once any result was
 * judged by a version it is frozen: edits go into a new version, results keep the one they used.
 */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Stable name of the line of versions, e.g. "tt124-residential_area" or "tt124-residential_area-48". */
    code: text('code').notNull(),
    version: smallint('version').notNull(),
    target: text('target').notNull(),
    legalBasis: text('legal_basis').notNull(),
    title: text('title').notNull(),
    /** null: national; else the province whose units use it. */
    provinceCode: text('province_code'),
    /** The national set a province's set extends. */
    baseSetId: integer('base_set_id'),
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year'),
    /** draft: being edited; active: used for new records; retired: replaced by a later version. */
    status: text('status').notNull(),
    frozen: boolean('frozen').notNull().default(false),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('criteria_sets_code_version_uq').on(table.code, table.version),
    index('criteria_sets_target_idx').on(table.target, table.status),
  ],
);

export const criteria = pgTable(
  'criteria',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    setId: integer('set_id')
      .notNull()
      .references(() => criteriaSets.id),
    position: smallint('position').notNull(),
    code: text('code').notNull(),
    text: text('text').notNull(),
    kind: text('kind').$type<CriterionKind>().notNull(),
    threshold: jsonb('threshold').$type<Threshold | null>(),
    events: jsonb('events').$type<string[] | null>(),
    computedRule: text('computed_rule').$type<ComputedRule | null>(),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    /** Added by this province (in the province's set), not by the circular. */
    addedByProvince: text('added_by_province'),
  },
  (table) => [index('criteria_set_idx').on(table.setId, table.position)],
);

/** Per-year, per-province overrides of the cycle of a kind of unit; absent rows mean the circular's defaults. */
export const recognitionCycles = pgTable(
  'recognition_cycles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    provinceCode: text('province_code').notNull(),
    year: smallint('year').notNull(),
    target: text('target').notNull(),
    windowFrom: date('window_from', { mode: 'string' }).notNull(),
    windowTo: date('window_to', { mode: 'string' }).notNull(),
    registrationDeadline: date('registration_deadline', { mode: 'string' }).notNull(),
    decisionDeadline: date('decision_deadline', { mode: 'string' }).notNull(),
    classificationDeadline: date('classification_deadline', { mode: 'string' }).notNull(),
    approvingLevel: text('approving_level').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('recognition_cycles_uq').on(table.provinceCode, table.year, table.target)],
);

/** One unit's registration, self-assessment and result for one year. */
export const recognitionRecords = pgTable(
  'recognition_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    year: smallint('year').notNull(),
    target: text('target').notNull(),
    setId: integer('set_id')
      .notNull()
      .references(() => criteriaSets.id),
    status: text('status').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    resolutionRef: text('resolution_ref'),
    planRef: text('plan_ref'),
    registrationFormRef: text('registration_form_ref'),
    householdsTotal: integer('households_total'),
    householdsRegistered: integer('households_registered'),
    meetingDate: date('meeting_date', { mode: 'string' }),
    meetingChair: text('meeting_chair'),
    meetingAttendees: integer('meeting_attendees'),
    meetingMinutes: text('meeting_minutes'),
    /** The signed minutes as a file (attachments.id of a file attached to this record). */
    minutesAttachmentId: integer('minutes_attachment_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionSigner: text('decision_signer'),
    decisionSignerTitle: text('decision_signer_title'),
    issuingBody: text('issuing_body'),
    reopenReason: text('reopen_reason'),
    source: text('source').notNull().default('user'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('recognition_records_unit_year_uq').on(table.unitId, table.year),
    index('recognition_records_province_year_idx').on(table.provinceCode, table.year, table.status),
  ],
);

export const recognitionAnswers = pgTable(
  'recognition_answers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer('record_id')
      .notNull()
      .references(() => recognitionRecords.id),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => criteria.id),
    met: boolean('met'),
    value: numeric('value', { mode: 'number' }),
    occurredEvents: jsonb('occurred_events').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    note: text('note'),
    /** The reviewer's comment; `returned` while the unit must still fix it. */
    reviewerComment: text('reviewer_comment'),
    returned: boolean('returned').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('recognition_answers_uq').on(table.recordId, table.criterionId)],
);

/**
 * Evidence for a criterion: a link to a registry record (a team, a model), a file (attachments.id of a file attached
 * to this record through the attachments module; removing the file removes the evidence), or a described document.
 */
export const recognitionEvidence = pgTable(
  'recognition_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer('record_id')
      .notNull()
      .references(() => recognitionRecords.id),
    criterionId: integer('criterion_id').references(() => criteria.id),
    kind: text('kind').notNull(),
    teamId: integer('team_id'),
    modelId: integer('model_id'),
    attachmentId: integer('attachment_id'),
    description: text('description').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('recognition_evidence_record_idx').on(table.recordId)],
);

// ---- movement classification -------------------------------------------------------------------------------------

/** A 100-point scoring sheet for one kind of unit, versioned and frozen once used, like the criteria sets. */
export const classificationSheets = pgTable(
  'classification_sheets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    version: smallint('version').notNull(),
    target: text('target').notNull(),
    legalBasis: text('legal_basis').notNull(),
    title: text('title').notNull(),
    provinceCode: text('province_code'),
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year'),
    status: text('status').notNull(),
    frozen: boolean('frozen').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('classification_sheets_code_version_uq').on(table.code, table.version)],
);

export const classificationItems = pgTable(
  'classification_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => classificationSheets.id),
    position: smallint('position').notNull(),
    code: text('code').notNull(),
    text: text('text').notNull(),
    maxPoints: numeric('max_points', { mode: 'number' }).notNull(),
  },
  (table) => [index('classification_items_sheet_idx').on(table.sheetId, table.position)],
);

/** Levels and thresholds: a row per level, national (province null) or a province's own. */
export const classificationLevels = pgTable(
  'classification_levels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    provinceCode: text('province_code').notNull().default(''),
    code: text('code').notNull(),
    label: text('label').notNull(),
    minPoints: numeric('min_points', { mode: 'number' }).notNull(),
    enabled: boolean('enabled').notNull(),
  },
  (table) => [uniqueIndex('classification_levels_uq').on(table.provinceCode, table.code)],
);

export const classificationRecords = pgTable(
  'classification_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    year: smallint('year').notNull(),
    target: text('target').notNull(),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => classificationSheets.id),
    status: text('status').notNull(),
    totalPoints: numeric('total_points', { mode: 'number' }).notNull().default(0),
    proposedLevel: text('proposed_level'),
    approvedLevel: text('approved_level'),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: integer('approved_by'),
    source: text('source').notNull().default('user'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('classification_records_unit_year_uq').on(table.unitId, table.year),
    index('classification_records_province_year_idx').on(table.provinceCode, table.year),
  ],
);

export const classificationScores = pgTable(
  'classification_scores',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer('record_id')
      .notNull()
      .references(() => classificationRecords.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => classificationItems.id),
    points: numeric('points', { mode: 'number' }).notNull(),
    evidence: text('evidence'),
    teamId: integer('team_id'),
    modelId: integer('model_id'),
    attachmentId: integer('attachment_id'),
  },
  (table) => [uniqueIndex('classification_scores_uq').on(table.recordId, table.itemId)],
);
