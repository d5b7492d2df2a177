import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { units } from '../units/units.table.js';

/** The configurable list of model kinds, seeded by migration; `is_camera` kinds carry camera counts. */
export const modelKinds = pgTable(
  'model_kinds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    isCamera: boolean('is_camera').notNull().default(false),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('model_kinds_code_uq').on(table.code)],
);

/**
 * Self-management models. `lead_unit_id` (one of the running units) decides scope and `province_code`; every
 * running unit is listed in model_units. The status is derived from model_status_changes; `ended_on` repeats the
 * date of the final change so that "existing on D" needs no subquery.
 */
export const models = pgTable(
  'models',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    searchName: text('search_name').notNull(),
    kindId: integer('kind_id')
      .notNull()
      .references(() => modelKinds.id),
    leadUnitId: integer('lead_unit_id')
      .notNull()
      .references(() => units.id),
    provinceCode: text('province_code').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    exemplary: boolean('exemplary').notNull().default(false),
    exemplaryYear: smallint('exemplary_year'),
    exemplaryDecision: text('exemplary_decision'),
    cameraPoints: integer('camera_points'),
    cameras: integer('cameras'),
    replicatedFromId: integer('replicated_from_id').references((): AnyPgColumn => models.id),
    notes: text('notes'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('models_lead_unit_idx').on(table.leadUnitId),
    index('models_province_idx').on(table.provinceCode),
    index('models_kind_idx').on(table.kindId, table.startedOn),
    index('models_replicated_from_idx').on(table.replicatedFromId),
    index('models_search_trgm_idx').using('gin', sql`${table.searchName} gin_trgm_ops`),
  ],
);

/** The units that run a model jointly; exactly one row per model has `lead` true. */
export const modelUnits = pgTable(
  'model_units',
  {
    modelId: integer('model_id')
      .notNull()
      .references(() => models.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    lead: boolean('lead').notNull().default(false),
    provinceCode: text('province_code').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.modelId, table.unitId] }),
    index('model_units_unit_idx').on(table.unitId),
  ],
);

export const modelStatusChanges = pgTable(
  'model_status_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => models.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    status: text('status').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('model_status_changes_model_idx').on(table.modelId, table.effectiveOn)],
);

export const modelRatings = pgTable(
  'model_ratings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => models.id),
    unitId: integer('unit_id').notNull(),
    provinceCode: text('province_code').notNull(),
    year: smallint('year').notNull(),
    rating: text('rating').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('model_ratings_model_year_uq').on(table.modelId, table.year)],
);
