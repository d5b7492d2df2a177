/**
 * The aggregate tables (aggregates.table.ts) that serve reports and dashboards: kept current from a change log,
 * rebuilt from the records on demand, read by rollup.ts for every indicator that has an interval definition.
 *
 * Writes stay cheap (DESIGN.md: no per-row upserts on hot counters inside the user's transaction): a statement
 * trigger on each source table appends the ids it touched to `fact_dirty`, in the writer's transaction, whatever
 * wrote (services, bulk imports, seeders, restores). Readers drain that log in batches before they read, under one
 * advisory lock: for each touched record the facts are recomputed from its interval definition, the difference with
 * its previous facts is applied to the daily and monthly deltas, and its facts are replaced. Draining is idempotent
 * (it compares with the stored facts), so a record drained twice, or a log replayed after a restore, is harmless.
 */
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Database, queryRows } from '../db/client.js';
import { toIntArray } from '../registry/units.js';
import { allIndicatorIntervals, type IndicatorIntervals, type IntervalSource } from './intervals.js';

const LOCK_AGGREGATES = 727_801;
/** Records drained per statement. */
const DRAIN_BATCH = 20_000;
/**
 * A backlog of at least this many records of one table, and at least a quarter of the table (a bulk import, a
 * generator, a restore), is cheaper to recompute from the records than record by record.
 */
const REBUILD_BACKLOG = 20_000;

const lock = (db: Database) => db.execute(sql`select pg_advisory_xact_lock(${LOCK_AGGREGATES})`);

/** The statement that replaces the facts of the records `records` selects and applies the difference. */
function applyFacts(code: string, interval: IntervalSource, records: (idExpression: SQL) => SQL): SQL {
  const ends = interval.kind === 'state';
  return sql`with old as (
      delete from record_facts where indicator = ${code} and ${records(sql`record_id`)}
      returning unit_id, dimension_value, measure, start_day, end_day),
    new as (
      insert into record_facts (indicator, record_id, unit_id, dimension_value, measure, start_day, end_day)
      select ${code}, f.record_id, f.unit_id, f.dimension_value, coalesce(f.measure, 0)::numeric, f.start_day,
        ${ends ? sql`f.end_day` : sql`null::date`}
      from (${interval.facts(records)}) f
      returning unit_id, dimension_value, measure, start_day, end_day),
    deltas as (
      select unit_id, dimension_value, start_day as day, -measure as s, -1 as n from old
      union all select unit_id, dimension_value, end_day, measure, 1 from old where end_day is not null
      union all select unit_id, dimension_value, start_day, measure, 1 from new
      union all select unit_id, dimension_value, end_day, -measure, -1 from new where end_day is not null),
    summed as (
      select unit_id, dimension_value, day, sum(s) as s, sum(n)::int as n from deltas
      group by unit_id, dimension_value, day having sum(s) <> 0 or sum(n) <> 0),
    daily as (
      insert into indicator_daily as d (indicator, unit_id, dimension_value, day, delta_sum, delta_count)
      select ${code}, unit_id, dimension_value, day, s, n from summed
      on conflict (indicator, unit_id, dimension_value, day) do update
        set delta_sum = d.delta_sum + excluded.delta_sum, delta_count = d.delta_count + excluded.delta_count)
    insert into indicator_monthly as m (indicator, unit_id, dimension_value, month, delta_sum, delta_count)
    select ${code}, unit_id, dimension_value, date_trunc('month', day)::date, sum(s), sum(n)::int from summed
    group by unit_id, dimension_value, date_trunc('month', day)::date
    on conflict (indicator, unit_id, dimension_value, month) do update
      set delta_sum = m.delta_sum + excluded.delta_sum, delta_count = m.delta_count + excluded.delta_count`;
}

/**
 * Applies the change log to the aggregates, in batches, until it is empty. Cheap when there is nothing to do (one
 * read, no lock), so readers call it before every read.
 */
export async function drainFacts(
  db: Database,
  intervals: IndicatorIntervals = allIndicatorIntervals(),
  options: { rebuildBacklog?: number } = {},
): Promise<number> {
  const [pending] = await queryRows<{ pending: boolean }>(
    db,
    sql`select exists (select 1 from fact_dirty) as pending`,
  );
  if (!pending?.pending) return 0;
  const threshold = options.rebuildBacklog ?? REBUILD_BACKLOG;
  let drained = await rebuildForBacklog(db, intervals, threshold);
  for (;;) {
    const count = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      await lock(tx);
      const claimed = await queryRows<{ tableName: string; recordId: number }>(
        tx,
        sql`delete from fact_dirty where ctid = any(array(select ctid from fact_dirty limit ${DRAIN_BATCH}))
            returning table_name as "tableName", record_id as "recordId"`,
      );
      if (claimed.length === 0) return 0;
      const touched = new Map<string, Set<number>>();
      for (const row of claimed) {
        const set = touched.get(row.tableName) ?? new Set<number>();
        set.add(Number(row.recordId));
        touched.set(row.tableName, set);
      }
      for (const [code, interval] of Object.entries(intervals)) {
        const ids = new Set(touched.get(interval.table) ?? []);
        for (const [table, select] of Object.entries(interval.dependsOn ?? {})) {
          const changed = touched.get(table);
          if (!changed) continue;
          const rows = await queryRows<{ id: number }>(
            tx,
            sql`select x.id from (${select(sql`${toIntArray([...changed])}::int[]`)}) x(id)`,
          );
          for (const row of rows) ids.add(Number(row.id));
        }
        if (ids.size === 0) continue;
        // A change that reaches very many records (an activity kind renamed) is cheaper to recompute.
        if (ids.size >= threshold && ids.size * 4 >= (await estimatedRows(tx, interval.table))) {
          await rebuildIndicator(tx, code, interval);
          continue;
        }
        const list = toIntArray([...ids]);
        await tx.execute(applyFacts(code, interval, (id) => sql`${id} = any(${list}::int[])`));
      }
      return claimed.length;
    });
    drained += count;
    if (count < DRAIN_BATCH) return drained;
  }
}

/** Replaces one indicator's aggregates with those computed from all its records; answers the number of facts. */
async function rebuildIndicator(tx: Database, code: string, interval: IntervalSource): Promise<number> {
  for (const table of ['record_facts', 'indicator_daily', 'indicator_monthly']) {
    await tx.execute(sql`delete from ${sql.identifier(table)} where indicator = ${code}`);
  }
  const [inserted] = await queryRows<{ count: number }>(
    tx,
    sql`with new as (
          insert into record_facts (indicator, record_id, unit_id, dimension_value, measure, start_day, end_day)
          select ${code}, f.record_id, f.unit_id, f.dimension_value, coalesce(f.measure, 0)::numeric, f.start_day,
            ${interval.kind === 'state' ? sql`f.end_day` : sql`null::date`}
          from (${interval.facts(() => sql`true`)}) f
          returning 1)
        select count(*)::int as count from new`,
  );
  await tx.execute(
    sql`insert into indicator_daily (indicator, unit_id, dimension_value, day, delta_sum, delta_count)
        select ${code}, unit_id, dimension_value, day, sum(s), sum(n)::int from (
          select unit_id, dimension_value, start_day as day, measure as s, 1 as n
          from record_facts where indicator = ${code}
          union all
          select unit_id, dimension_value, end_day, -measure, -1
          from record_facts where indicator = ${code} and end_day is not null) d
        group by unit_id, dimension_value, day having sum(s) <> 0 or sum(n) <> 0`,
  );
  await tx.execute(
    sql`insert into indicator_monthly (indicator, unit_id, dimension_value, month, delta_sum, delta_count)
        select indicator, unit_id, dimension_value, date_trunc('month', day)::date, sum(delta_sum), sum(delta_count)::int
        from indicator_daily where indicator = ${code}
        group by indicator, unit_id, dimension_value, date_trunc('month', day)::date`,
  );
  await tx.execute(
    sql`insert into aggregate_definitions (indicator, fingerprint) values (${code}, ${intervalFingerprint(interval)})
        on conflict (indicator) do update set fingerprint = excluded.fingerprint, built_at = now()`,
  );
  return Number(inserted?.count ?? 0);
}

/** The planner's estimate of a table's rows (0 before it was first analysed). */
async function estimatedRows(db: Database, table: string): Promise<number> {
  const [row] = await queryRows<{ rows: number }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as rows from pg_class where relname = ${table} and relkind = 'r'`,
  );
  return Number(row?.rows ?? 0);
}

/**
 * Rebuilds the indicators that read a table with a large backlog (see REBUILD_BACKLOG) and spends that table's log
 * entries; answers the number of entries spent.
 */
async function rebuildForBacklog(
  db: Database,
  intervals: IndicatorIntervals,
  threshold: number,
): Promise<number> {
  const backlog = await queryRows<{ tableName: string; count: number; rows: number }>(
    db,
    sql`select d.table_name as "tableName", d.count, greatest(coalesce(c.reltuples, 0), 0)::float8 as rows
        from (select table_name, count(*)::int as count from fact_dirty group by table_name) d
        left join pg_class c on c.relname = d.table_name and c.relkind = 'r'
        where d.count >= ${threshold}`,
  );
  const large = backlog.filter((row) => row.count * 4 >= Number(row.rows)).map((row) => row.tableName);
  if (large.length === 0) return 0;
  // The indicators that read a table's log entries: those of its own records, and those depending on it (child
  // rows are logged under their record's table).
  const readers = (table: string) =>
    Object.entries(intervals)
      .filter(
        ([, interval]) => interval.table === table || Object.keys(interval.dependsOn ?? {}).includes(table),
      )
      .map(([code]) => code);
  const codes = [...new Set(large.flatMap(readers))];
  // Entries of other tables that only these indicators read are spent by their rebuild too (a kind inserted with
  // the activities of an import).
  const queued = await queryRows<{ tableName: string }>(
    db,
    sql`select distinct table_name as "tableName" from fact_dirty`,
  );
  const spentTables = queued
    .map((row) => row.tableName)
    .filter((table) => large.includes(table) || readers(table).every((code) => codes.includes(code)));
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await lock(tx);
    const [spent] = await queryRows<{ count: number }>(
      tx,
      sql`with spent as (delete from fact_dirty where table_name = any(${`{${spentTables.join(',')}}`}::text[]) returning 1)
          select count(*)::int as count from spent`,
    );
    for (const code of codes) await rebuildIndicator(tx, code, intervals[code]!);
    return Number(spent?.count ?? 0);
  });
}

const dialect = new PgDialect({ casing: 'snake_case' });

/** What an indicator's aggregates depend on: its kind and the SQL of its facts. */
export function intervalFingerprint(interval: IntervalSource): string {
  const query = dialect.sqlToQuery(interval.facts((id) => sql`${id} = any(${'{}'}::int[])`));
  return createHash('sha256')
    .update(JSON.stringify([interval.kind, query.sql, query.params]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Recomputes the aggregates of `codes` (default: every indicator with an interval definition) from the records,
 * in one transaction; other indicators' aggregates are left as they are. Gives the same numbers as the log.
 */
export async function rebuildAggregates(
  db: Database,
  options: {
    codes?: readonly string[];
    intervals?: IndicatorIntervals;
    onProgress?: (done: number, total: number, indicator: string) => void;
  } = {},
): Promise<{ indicators: number; facts: number }> {
  const intervals = options.intervals ?? allIndicatorIntervals();
  const codes = options.codes ?? Object.keys(intervals);
  let facts = 0;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await lock(tx);
    if (options.codes === undefined) {
      // Everything is recomputed from the records as they are now: the log is spent (entries committed later
      // stay, and draining them again is harmless). Indicators that lost their definition lose their aggregates.
      await tx.execute(sql`delete from fact_dirty`);
      for (const table of ['record_facts', 'indicator_daily', 'indicator_monthly', 'aggregate_definitions']) {
        await tx.execute(sql`delete from ${sql.identifier(table)}`);
      }
    }
    let done = 0;
    for (const code of codes) {
      const interval = intervals[code];
      if (!interval) continue;
      options.onProgress?.(done, codes.length, code);
      if (options.codes !== undefined) {
        for (const table of [
          'record_facts',
          'indicator_daily',
          'indicator_monthly',
          'aggregate_definitions',
        ]) {
          await tx.execute(sql`delete from ${sql.identifier(table)} where indicator = ${code}`);
        }
      }
      facts += await rebuildIndicator(tx, code, interval);
      done += 1;
      options.onProgress?.(done, codes.length, code);
    }
  });
  return { indicators: codes.filter((code) => intervals[code]).length, facts };
}

/**
 * At start-up: rebuilds the indicators whose aggregates were not built with their current definition (a new
 * version, a database migrated or restored from before the aggregates) and drops those of retired indicators.
 * Returns the codes rebuilt.
 */
export async function ensureAggregates(
  db: Database,
  intervals: IndicatorIntervals = allIndicatorIntervals(),
): Promise<string[]> {
  const built = await queryRows<{ indicator: string; fingerprint: string }>(
    db,
    sql`select indicator, fingerprint from aggregate_definitions`,
  );
  const fingerprintOf = new Map(built.map((row) => [row.indicator, row.fingerprint]));
  const stale = Object.entries(intervals)
    .filter(([code, interval]) => fingerprintOf.get(code) !== intervalFingerprint(interval))
    .map(([code]) => code);
  const retired = built.map((row) => row.indicator).filter((code) => !intervals[code]);
  if (retired.length > 0) {
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      await lock(tx);
      for (const table of ['record_facts', 'indicator_daily', 'indicator_monthly', 'aggregate_definitions']) {
        await tx.execute(
          sql`delete from ${sql.identifier(table)} where indicator = any(${`{${retired.join(',')}}`}::text[])`,
        );
      }
    });
  }
  if (stale.length > 0) await rebuildAggregates(db, { codes: stale, intervals });
  return stale;
}

/** First day of the month of an ISO date. */
function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** First day of the next month. */
function nextMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The values of one indicator per unit and dimension value, from the aggregates: the same rows as the raw source
 * grouped by unit and dimension value (a group exists when at least one fact counts).
 */
export async function readAggregateFacts(
  db: Database,
  code: string,
  interval: IntervalSource,
  context: { from: string; asOf: string; unitCondition: (unitIdExpression: SQL) => SQL },
  aggregation: 'sum' | 'distinct',
): Promise<Array<{ unitId: number; dimensionValue: string | null; value: number }>> {
  const { asOf, unitCondition } = context;
  // Whole months from the monthly table, the days around them from the daily one.
  let months: { from: string | null; to: string } | null;
  const days: Array<{ from: string; to: string }> = [];
  if (interval.kind === 'state') {
    months = { from: null, to: monthOf(asOf) };
    days.push({ from: monthOf(asOf), to: asOf });
  } else {
    const from = context.from;
    const firstWhole = from.slice(8) === '01' ? from : nextMonth(from);
    const afterLastWhole = monthOf(dayAfter(asOf));
    if (firstWhole < afterLastWhole) {
      months = { from: firstWhole, to: afterLastWhole };
      if (from < firstWhole) days.push({ from, to: dayBefore(firstWhole) });
      if (afterLastWhole <= asOf) days.push({ from: afterLastWhole, to: asOf });
    } else {
      months = null;
      days.push({ from, to: asOf });
    }
  }
  const parts: SQL[] = [];
  if (months !== null) {
    parts.push(
      sql`select unit_id, dimension_value, delta_sum, delta_count from indicator_monthly
          where indicator = ${code} ${months.from === null ? sql`` : sql`and month >= ${months.from}::date`}
            and month < ${months.to}::date and ${unitCondition(sql`unit_id`)}`,
    );
  }
  for (const range of days) {
    parts.push(
      sql`select unit_id, dimension_value, delta_sum, delta_count from indicator_daily
          where indicator = ${code} and day >= ${range.from}::date and day <= ${range.to}::date
            and ${unitCondition(sql`unit_id`)}`,
    );
  }
  const value = aggregation === 'distinct' ? sql`sum(x.delta_count)` : sql`sum(x.delta_sum)`;
  const rows = await queryRows<{ unitId: number; dimensionValue: string | null; value: number }>(
    db,
    sql`select x.unit_id as "unitId", x.dimension_value as "dimensionValue", (${value})::float8 as value
        from (${sql.join(parts, sql` union all `)}) x
        group by x.unit_id, x.dimension_value having sum(x.delta_count) > 0`,
  );
  return rows.map((row) => ({ ...row, value: Number(row.value) }));
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
