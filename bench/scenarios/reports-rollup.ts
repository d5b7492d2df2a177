/**
 * reports-rollup: the activity indicators of one province (Hà Nội, rows = its communes) for a year, computed from
 * the raw rows (the reference) and read from the aggregate tables, on both hierarchy bases. The dataset: 200,000
 * activities over five years spread over the province's current communes, written by one INSERT … SELECT (the
 * change-log trigger fires as for any write), then drained into the aggregates (timed: the catch-up cost; a
 * backlog this large is recomputed from the records), then analysed.
 * Each sample checks that both paths give the same table.
 */
import { sql } from 'drizzle-orm';
import { INDICATORS } from '../../src/domain/indicators.js';
import { type DriverName, queryRows } from '../../src/server/db/client.js';
import { NATIONAL_SCOPE } from '../../src/server/db/scope.js';
import { importOfficialUnits } from '../../src/server/modules/units/units.service.js';
import { drainFacts } from '../../src/server/reporting/aggregates.js';
import { rollupVia } from '../../src/server/reporting/rollup.js';
import { ALL_INDICATOR_SOURCES } from '../../src/server/reporting/sources.js';
import { freshDatabase } from '../lib/databases.js';
import type { BenchContext, Measurement, Scenario } from '../lib/harness.js';
import { summarise } from '../lib/harness.js';

const PROVINCE_CODE = '01';
const ACTIVITIES = 200_000;
const KINDS = [
  'outreach',
  'movement_launch',
  'festival_day',
  'law_contest',
  'conference',
  'legal_class',
  'hearing',
];
const DEFINITIONS = [INDICATORS.activities, INDICATORS.activityParticipants, INDICATORS.learners];

/** JSON with the keys of every object sorted: the order in which a row's values were added does not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );
}

async function measure(context: BenchContext, driver: DriverName): Promise<Measurement[]> {
  const fresh = await freshDatabase(context, driver);
  const handle = await fresh.open();
  try {
    await importOfficialUnits(handle.db, context.sharedDataDir);
    const db = handle.db;
    await db.execute(
      sql.raw(
        `insert into activity_kinds (code, name) values ${KINDS.map((code) => `('${code}', '${code}')`).join(', ')}
         on conflict do nothing`,
      ),
    );
    const [province] = await queryRows<{ id: number }>(
      db,
      sql`select id from units where kind = 'province' and code = ${PROVINCE_CODE} and valid_to is null`,
    );
    const started = performance.now();
    // Skewed: the first communes (by code) are busier; dates over 2021–2025; a class in every seventh activity.
    await db.execute(sql`
      with communes as (
        select array_agg(id order by code) as ids from units
        where kind = 'commune' and province_code = ${PROVINCE_CODE} and valid_to is null),
      kinds as (select array_agg(id order by id) as ids from activity_kinds)
      insert into activities (kind_id, title, search_title, unit_id, province_code, starts_on, participants, learners)
      select k.ids[1 + g % array_length(k.ids, 1)], 'Hoạt động tuyên truyền ' || g, 'hoat dong tuyen truyen ' || g,
        c.ids[1 + (((g::bigint * 7919) % array_length(c.ids, 1)) * ((g % 3) + 1) / 3)::int],
        ${PROVINCE_CODE}, date '2021-01-01' + ((g::bigint * 104729) % 1826)::int, 20 + g % 180,
        case when g % 7 = 0 then jsonb_build_array(jsonb_build_object('group', 'youth', 'count', 10 + g % 40))
             else '[]'::jsonb end
      from generate_series(1, ${ACTIVITIES}) g, communes c, kinds k`);
    const inserted = performance.now() - started;
    const drainStart = performance.now();
    const drained = await drainFacts(db);
    const drainMs = performance.now() - drainStart;
    // Statistics as autovacuum keeps them on a live server.
    await db.execute(sql`analyze`);
    context.log(
      `reports-rollup ${driver}: ${ACTIVITIES} activities inserted in ${Math.round(inserted)} ms, ` +
        `${drained} logged records drained into the aggregates in ${Math.round(drainMs)} ms`,
    );

    const samples = Math.max(5, Math.round(20 * context.scale));
    const results: Measurement[] = [];
    for (const basis of ['as_of', 'current'] as const) {
      const request = {
        definitions: DEFINITIONS,
        sources: ALL_INDICATOR_SOURCES,
        unitId: province!.id,
        from: '2025-01-01',
        asOf: '2025-12-31',
        basis,
        scope: NATIONAL_SCOPE,
      };
      const times = { raw: [] as number[], aggregates: [] as number[] };
      let total = 0;
      for (let index = 0; index < samples + 1; index++) {
        const answers: Record<string, string> = {};
        for (const path of ['raw', 'aggregates'] as const) {
          const start = performance.now();
          const { generatedAt: _generated, ...result } = await rollupVia(db, request, path);
          const elapsed = performance.now() - start;
          if (index > 0) times[path].push(elapsed); // the first pass warms caches
          answers[path] = canonical(result);
          total = result.total.activities ?? 0;
        }
        if (answers.raw !== answers.aggregates)
          throw new Error(`raw and aggregate roll-ups differ (${basis})`);
      }
      for (const path of ['raw', 'aggregates'] as const) {
        results.push(
          summarise(
            `rollup-${basis}-${path}`,
            driver,
            `ms for 3 activity indicators of a province × its communes, 2025, basis ${basis}, from ${path === 'raw' ? 'raw rows' : 'aggregate tables'}`,
            times[path],
            {
              note: `${total} activities in 2025 of ${ACTIVITIES}; inserted in ${Math.round(inserted)} ms, drained into the aggregates in ${Math.round(drainMs)} ms`,
            },
          ),
        );
      }
    }
    return results;
  } finally {
    await handle.close();
    await fresh.drop();
  }
}

export const reportsRollup: Scenario = {
  name: 'reports-rollup',
  description:
    'roll-up of 3 activity indicators for Hà Nội × its communes over 2025 on 200,000 activities (2021–2025): raw rows vs aggregate tables, both bases, same table checked; each driver',
  async run(context) {
    const results: Measurement[] = [];
    for (const driver of context.drivers) results.push(...(await measure(context, driver)));
    return results;
  },
};
