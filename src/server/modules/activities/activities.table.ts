import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { documents } from '../documents/documents.table.js';
import { units } from '../units/units.table.js';

/** The configurable list of activity kinds; `trait` says which extra facts a kind carries. */
export const activityKinds = pgTable(
  'activity_kinds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    trait: text('trait').notNull().default('general'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('activity_kinds_code_uq').on(table.code)],
);

/**
 * Activities, attached to the unit where they happened. Festival-day columns are null for other kinds; `learners`
 * is [{group, count}] for classes. A participant figure that looked implausible keeps the warnings shown and the
 * reason given when it was confirmed.
 */
export const activities = pgTable(
  'activities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kindId: integer('kind_id')
      .notNull()
      .references(() => activityKinds.id),
    title: text('title').notNull(),
    searchTitle: text('search_title').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    organisers: text('organisers').array().notNull().default(sql`'{}'::text[]`),
    organiserOther: text('organiser_other'),
    participants: integer('participants'),
    learners: jsonb('learners').$type<Array<{ group: string; count: number }>>().notNull().default([]),
    ceremonyHeld: boolean('ceremony_held'),
    festivalHeld: boolean('festival_held'),
    pilot: boolean('pilot'),
    pilotChosenBy: text('pilot_chosen_by'),
    giftsCount: integer('gifts_count'),
    giftsValueVnd: bigint('gifts_value_vnd', { mode: 'number' }),
    planDocumentId: integer('plan_document_id').references(() => documents.id),
    planText: text('plan_text'),
    notes: text('notes'),
    plausibilityWarnings: jsonb('plausibility_warnings').$type<Array<{ code: string; message: string }>>(),
    plausibilityReason: text('plausibility_reason'),
    plausibilityConfirmedBy: integer('plausibility_confirmed_by'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('activities_unit_idx').on(table.unitId, table.startsOn),
    index('activities_province_idx').on(table.provinceCode, table.startsOn),
    index('activities_kind_idx').on(table.kindId, table.startsOn),
    index('activities_plan_idx').on(table.planDocumentId),
    index('activities_search_trgm_idx').using('gin', sql`${table.searchTitle} gin_trgm_ops`),
  ],
);

/** The population of a unit in a year, where known: what the plausibility check compares participants with. */
export const unitPopulations = pgTable(
  'unit_populations',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    population: integer('population').notNull(),
    provinceCode: text('province_code').notNull(),
    source: text('source'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.unitId, table.year] })],
);
