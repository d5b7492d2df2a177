import { date, index, integer, numeric, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * The aggregate tables behind reports and dashboards (see aggregates.ts). They hold nothing that is not derived from
 * the registries: `antq reports rebuild` recomputes them from the records and gives the same numbers.
 */

/**
 * What each record contributes to each indicator served from aggregates: a `state` fact counts on every day d with
 * start_day <= d < end_day (end_day null = still counting), an `event` fact counts on start_day.
 */
export const recordFacts = pgTable(
  'record_facts',
  {
    indicator: text('indicator').notNull(),
    recordId: integer('record_id').notNull(),
    unitId: integer('unit_id').notNull(),
    dimensionValue: text('dimension_value'),
    measure: numeric('measure').notNull(),
    startDay: date('start_day', { mode: 'string' }).notNull(),
    endDay: date('end_day', { mode: 'string' }),
  },
  (table) => [index('record_facts_record_idx').on(table.indicator, table.recordId)],
);

/**
 * Changes of each indicator per unit, dimension value and day: a state fact adds its measure on its first day and
 * takes it away on its end day, an event adds it on its day. A value on a date is the sum of the deltas up to it;
 * a count of events in a period the sum of the deltas within it. `delta_count` counts facts (a value exists for a
 * unit when its facts number more than zero; distinct counts of records read it).
 */
export const indicatorDaily = pgTable(
  'indicator_daily',
  {
    indicator: text('indicator').notNull(),
    unitId: integer('unit_id').notNull(),
    dimensionValue: text('dimension_value'),
    day: date('day', { mode: 'string' }).notNull(),
    deltaSum: numeric('delta_sum').notNull(),
    deltaCount: integer('delta_count').notNull(),
  },
  (table) => [
    unique('indicator_daily_key')
      .on(table.indicator, table.unitId, table.dimensionValue, table.day)
      .nullsNotDistinct(),
    index('indicator_daily_day_idx').on(table.indicator, table.day),
  ],
);

/** The same deltas summed by calendar month, so that a year or a phase reads months and only the edges read days. */
export const indicatorMonthly = pgTable(
  'indicator_monthly',
  {
    indicator: text('indicator').notNull(),
    unitId: integer('unit_id').notNull(),
    dimensionValue: text('dimension_value'),
    month: date('month', { mode: 'string' }).notNull(),
    deltaSum: numeric('delta_sum').notNull(),
    deltaCount: integer('delta_count').notNull(),
  },
  (table) => [
    unique('indicator_monthly_key')
      .on(table.indicator, table.unitId, table.dimensionValue, table.month)
      .nullsNotDistinct(),
    index('indicator_monthly_month_idx').on(table.indicator, table.month),
  ],
);

/**
 * The change log: triggers on every source table (migration 0013_aggregates) append the ids of the records a statement
 * touched; readers drain it in batches before reading the aggregates (aggregates.ts).
 */
export const factDirty = pgTable('fact_dirty', {
  tableName: text('table_name').notNull(),
  recordId: integer('record_id').notNull(),
});

/** Which fact definition each indicator's aggregates were built with, so that a changed definition is rebuilt. */
export const aggregateDefinitions = pgTable('aggregate_definitions', {
  indicator: text('indicator').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});
