import { date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { committeeMeetings } from '../committees/committees.table.js';
import { documents } from '../documents/documents.table.js';
import { units } from '../units/units.table.js';

/**
 * Coordination programmes (e.g. Chương trình phối hợp số 09 between the police and the Fatherland Front). A
 * programme of a unit (`unit_id`) is read within that unit's subtree and by the units above it; a national
 * programme (`unit_id` null) is read by everyone who reads programmes.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    /** The parties that signed it, in the order the programme names them. */
    parties: text('parties').array().notNull(),
    level: text('level').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    provinceCode: text('province_code'),
    signedOn: date('signed_on', { mode: 'string' }),
    notes: text('notes'),
    /** Set for the reference programmes the system installs itself (e.g. "programme-09"). */
    referenceKey: text('reference_key'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('programmes_reference_key_uq').on(table.referenceKey),
    index('programmes_unit_idx').on(table.unitId),
  ],
);

export const programmePhases = pgTable(
  'programme_phases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note'),
    sortOrder: smallint('sort_order').notNull().default(0),
  },
  (table) => [index('programme_phases_programme_idx').on(table.programmeId)],
);

/**
 * The directive documents a programme implements. `document_id` points into the directive documents registry when
 * the document is there; `reference` names it ("Chỉ thị 09-CT/TW": a copy taken when linked, or free text for a
 * document not in the registry).
 */
export const programmeDocuments = pgTable(
  'programme_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    documentId: integer('document_id').references(() => documents.id),
    reference: text('reference').notNull(),
  },
  (table) => [index('programme_documents_programme_idx').on(table.programmeId)],
);

/** A unit's plan implementing a programme (kế hoạch thực hiện), at most one per unit and phase. */
export const programmePlans = pgTable(
  'programme_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    phaseId: integer('phase_id').references(() => programmePhases.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    number: text('number'),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    notes: text('notes'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('programme_plans_programme_idx').on(table.programmeId),
    index('programme_plans_unit_idx').on(table.unitId),
  ],
);

/**
 * Tasks with an owner organisation, a due date, a status and progress notes: the tasks of a unit's plan, and the
 * conclusions of a steering committee meeting (exactly one of `plan_id`, `meeting_id` is set).
 */
export const coordinationTasks = pgTable(
  'coordination_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id').references(() => programmePlans.id),
    meetingId: integer('meeting_id').references(() => committeeMeetings.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    title: text('title').notNull(),
    ownerOrganisation: text('owner_organisation').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('coordination_tasks_plan_idx').on(table.planId),
    index('coordination_tasks_meeting_idx').on(table.meetingId),
    index('coordination_tasks_unit_idx').on(table.unitId, table.dueOn),
  ],
);

export const coordinationTaskNotes = pgTable(
  'coordination_task_notes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => coordinationTasks.id),
    notedOn: date('noted_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    recordedBy: integer('recorded_by'),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('coordination_task_notes_task_idx').on(table.taskId)],
);
