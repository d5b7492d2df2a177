/**
 * The aggregate tables give the same numbers as the raw fact sources: for every indicator served from them, on
 * several dates and periods, on both hierarchy bases, after changes (demo seeding through the services, edits,
 * ends, unit moves, deletions), after a rolled-back transaction, and after a rebuild.
 */
import { randomBytes } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { findMergedCommune, type MergedCommune } from '../../../test/helpers/registries.js';
import { addDays, todayInVietnam } from '../../domain/dates.js';
import { INDICATORS, type IndicatorDefinition } from '../../domain/indicators.js';
import { DEMO_PROVINCE_CODE, seedDemo } from '../bootstrap/demo.js';
import { registerReportsCommands } from '../cli/commands/reports.js';
import type { CliContext } from '../cli/context.js';
import { createOutput } from '../cli/output.js';
import { runCli } from '../cli/run.js';
import { loadConfig } from '../config.js';
import { systemActor } from '../context.js';
import { type Database, type DatabaseHandle, queryRows } from '../db/client.js';
import { NATIONAL_SCOPE, resolveScope, unitInScope } from '../db/scope.js';
import { inTransaction } from '../db/transaction.js';
import { FieldCipher } from '../lib/crypto.js';
import { updateActivity } from '../modules/activities/activities.service.js';
import { insertDefaults } from '../modules/crime-reports/crime-reports.repo.js';
import { DEFAULT_PUBLIC_HOLIDAYS, DEFAULT_REPORT_CATEGORIES } from '../modules/crime-reports/defaults.js';
import { dissolveTeam, endMembership } from '../modules/teams/teams.service.js';
import { toIntArray } from '../registry/units.js';
import { drainFacts, ensureAggregates, readAggregateFacts } from './aggregates.js';
import { allIndicatorIntervals, factTriggerSpec } from './intervals.js';
import { rollupVia } from './rollup.js';
import { ALL_INDICATOR_SOURCES } from './sources.js';

let database: DatabaseHandle;
let db: Database;
let provinceId: number;
let merged: MergedCommune;

const today = todayInVietnam();
const definitions = (Object.values(INDICATORS) as IndicatorDefinition[]).filter(
  (definition) => ALL_INDICATOR_SOURCES[definition.code] && allIndicatorIntervals()[definition.code],
);
/** Periods: whole years, a phase, ranges cut inside months, a single day; state indicators read `asOf`. */
const periods: Array<{ from: string; asOf: string }> = [
  { from: `${today.slice(0, 4)}-01-01`, asOf: today },
  { from: addDays(today, -400), asOf: addDays(today, -35) },
  { from: '2014-01-01', asOf: '2023-12-31' },
  { from: '2025-06-15', asOf: '2025-07-01' },
  { from: addDays(today, -10), asOf: addDays(today, -10) },
  { from: `${today.slice(0, 4)}-01-01`, asOf: addDays(today, 800) },
  // Where the demo's activities, awards and new models fall.
  { from: '2024-05-20', asOf: addDays(today, -20) },
];

/** Per unit and dimension value, from the raw source, grouped the way rollup groups it. */
async function rawGroups(
  definition: IndicatorDefinition,
  from: string,
  asOf: string,
  unitCondition: (e: SQL) => SQL,
) {
  const source = ALL_INDICATOR_SOURCES[definition.code]!;
  const aggregate =
    definition.aggregation === 'distinct' ? sql`count(distinct f.measure)` : sql`sum(f.measure::numeric)`;
  const rows = await queryRows<{ unitId: number; dimensionValue: string | null; value: number }>(
    db,
    sql`select f.unit_id as "unitId", f.dimension_value as "dimensionValue", (${aggregate})::float8 as value
        from (${source({ asOf, from, unitCondition })}) f group by f.unit_id, f.dimension_value`,
  );
  return sortGroups(rows.map((row) => ({ ...row, value: Number(row.value) })));
}

function sortGroups<T extends { unitId: number; dimensionValue: string | null }>(rows: T[]): T[] {
  const key = (row: T) => `${row.unitId}|${row.dimensionValue ?? ''}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Every served indicator on every period: the same groups and values per unit, then the same roll-ups. */
async function expectSameNumbers(label: string, everyIndicator = true) {
  await drainFacts(db);
  const provinceScope = await resolveScope(db, provinceId);
  const conditions = [() => sql`true`, (e: SQL) => unitInScope(provinceScope, e)];
  let compared = 0;
  const empty: string[] = [];
  for (const definition of definitions) {
    const interval = allIndicatorIntervals()[definition.code]!;
    const before = compared;
    for (const { from, asOf } of periods) {
      for (const unitCondition of conditions) {
        const raw = await rawGroups(definition, from, asOf, unitCondition);
        const aggregated = sortGroups(
          await readAggregateFacts(
            db,
            definition.code,
            interval,
            { from, asOf, unitCondition },
            definition.aggregation === 'distinct' ? 'distinct' : 'sum',
          ),
        );
        expect(aggregated, `${label}: ${definition.code} ${from}..${asOf}`).toEqual(raw);
        compared += raw.length;
      }
    }
    if (compared === before) empty.push(definition.code);
  }
  expect(compared, 'the dataset gives something to compare').toBeGreaterThan(50);
  // The demo has no individual awards: the edits below make some.
  if (everyIndicator) expect(empty, 'every served indicator has records to compare').toEqual([]);
  for (const basis of ['as_of', 'current'] as const) {
    for (const { from, asOf } of [periods[0]!, periods[1]!, periods[3]!]) {
      for (const unitId of [null, provinceId]) {
        const request = {
          definitions,
          sources: ALL_INDICATOR_SOURCES,
          unitId,
          asOf,
          from,
          basis,
          scope: NATIONAL_SCOPE,
          today,
        };
        const failing = basis === 'as_of' && unitId !== null && asOf < '2025-07-01';
        if (failing) continue;
        const { generatedAt: _a, ...raw } = await rollupVia(db, request, 'raw');
        const { generatedAt: _b, ...aggregated } = await rollupVia(db, request, 'aggregates');
        expect(aggregated, `${label}: rollup ${basis} ${unitId} ${from}..${asOf}`).toEqual(raw);
      }
    }
  }
}

/** The aggregate tables' contents, in a stable order, for comparing two ways of building them. */
async function snapshot() {
  return {
    facts: await queryRows(
      db,
      sql`select indicator, record_id, unit_id, dimension_value, measure, start_day, end_day from record_facts
          order by indicator, record_id, start_day, unit_id, dimension_value nulls first, measure`,
    ),
    daily: await queryRows(
      db,
      sql`select indicator, unit_id, dimension_value, day, delta_sum, delta_count from indicator_daily
          where delta_sum <> 0 or delta_count <> 0 order by indicator, unit_id, dimension_value nulls first, day`,
    ),
    monthly: await queryRows(
      db,
      sql`select indicator, unit_id, dimension_value, month, delta_sum, delta_count from indicator_monthly
          where delta_sum <> 0 or delta_count <> 0 order by indicator, unit_id, dimension_value nulls first, month`,
    ),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  // Aggregates are built (empty) before any record exists; from then on only the change log keeps them current.
  await ensureAggregates(db);
  await seedDemo(db, new FieldCipher(randomBytes(32)));
  merged = await findMergedCommune(db, DEMO_PROVINCE_CODE);
  const [province] = await queryRows<{ id: number }>(
    db,
    sql`select id from units where kind = 'province' and code = ${DEMO_PROVINCE_CODE} and valid_to is null`,
  );
  provinceId = province!.id;
  // The demo has no crime reports: some, written directly (as an import would), over the compared periods, at
  // communes of the province including the predecessors of a merged one.
  const units = [merged.id, ...merged.predecessors.map((unit) => unit.id)];
  await insertDefaults(db, DEFAULT_REPORT_CATEGORIES, DEFAULT_PUBLIC_HOLIDAYS);
  await db.execute(
    sql`insert into crime_reports (code, secret_hash, category, unit_id, intake_unit_id, province_code, received_on,
          description_enc, notice_due_on, decision_due_on, valuable, cases_solved, persons_arrested,
          property_recovered_vnd)
        select 'AGG' || g, 'x', c.code, (${toIntArray(units)}::int[])[1 + g % ${units.length}],
          (${toIntArray(units)}::int[])[1 + g % ${units.length}], ${DEMO_PROVINCE_CODE}, d.day, 'x', d.day + 20,
          d.day + 60, g % 3 = 0, g % 4, (g % 5) * 2, case when g % 2 = 0 then g * 1000000 else 0 end
        from generate_series(1, 60) g
        cross join lateral (select (${today}::date - g * 17 + case when g > 45 then -3000 else 0 end) as day) d
        cross join lateral (select code from report_categories order by code offset g % 3 limit 1) c`,
  );
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe('aggregate tables', () => {
  it('have a trigger on every table the interval definitions read, with the right arguments', async () => {
    const rows = await queryRows<{ table: string; args: string }>(
      db,
      sql`select c.relname as "table", encode(t.tgargs, 'escape') as args
          from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where t.tgname like '%\\_facts\\_insert' and not t.tgisinternal order by c.relname`,
    );
    const actual = new Map(
      rows.map((row) => {
        const parts = row.args.split('\\000').filter((part) => part !== '');
        const pairs: string[] = [];
        for (let i = 0; i < parts.length; i += 2) pairs.push(`${parts[i]}:${parts[i + 1]}`);
        return [row.table, pairs.sort()];
      }),
    );
    expect(actual).toEqual(factTriggerSpec());
  });

  it('give the raw numbers after the services wrote the demo data', async () => {
    const [pending] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from fact_dirty`,
    );
    expect(pending!.count).toBeGreaterThan(0);
    await expectSameNumbers('seeded', false);
  }, 120_000);

  it('follow edits, ends, unit moves and deletions, and ignore a rolled-back transaction', async () => {
    const predecessor = merged.predecessors[0]!.id;
    // Through the services: a team dissolved, a membership ended, an activity moved to another unit and date.
    const actor = systemActor('kiểm thử số liệu tổng hợp');
    const [team] = await queryRows<{ id: number }>(
      db,
      sql`select id from teams where dissolved_on is null order by id desc limit 1`,
    );
    await dissolveTeam(db, actor, team!.id, { dissolvedOn: addDays(today, -8) });
    const [member] = await queryRows<{ id: number; teamId: number }>(
      db,
      sql`select m.id, m.team_id as "teamId" from team_members m join teams t on t.id = m.team_id
          where m.left_on is null and t.dissolved_on is null order by m.id limit 1`,
    );
    await endMembership(db, actor, member!.teamId, member!.id, { leftOn: addDays(today, -12) });
    const [activity] = await queryRows<{ id: number }>(
      db,
      sql`select id from activities order by id limit 1`,
    );
    await updateActivity(db, actor, activity!.id, { unitId: merged.id, startsOn: addDays(today, -40) });
    // Then the same kinds of change written directly (an import, a repair): the triggers log them all the same.
    // Edits: dates moved, kinds changed, a model's status history, a task done.
    await db.execute(sql`update activities set starts_on = starts_on - 200, participants = coalesce(participants, 0) + 7
                         where id in (select id from activities order by id limit 5)`);
    await db.execute(sql`update activities set unit_id = ${predecessor}, starts_on = '2024-03-10'
                         where id in (select id from activities order by id desc limit 3)`);
    await db.execute(
      sql`update teams set dissolved_on = ${addDays(today, -20)} where id in (select id from teams order by id limit 2)`,
    );
    await db.execute(
      sql`update teams set established_on = '2020-02-02' where id in (select id from teams order by id desc limit 2)`,
    );
    await db.execute(
      sql`update team_members set left_on = ${addDays(today, -50)} where id in (select id from team_members order by id limit 4)`,
    );
    await db.execute(
      sql`update team_members set unit_id = ${predecessor} where id in (select id from team_members order by id desc limit 2)`,
    );
    await db.execute(sql`update models set ended_on = ${addDays(today, -5)}, exemplary = true, exemplary_year = 2023
                         where id in (select id from models order by id limit 2)`);
    await db.execute(sql`insert into model_status_changes (model_id, unit_id, province_code, status, effective_on)
                         select id, lead_unit_id, ${DEMO_PROVINCE_CODE}, 'suspended', ${addDays(today, -60)} from models order by id limit 2`);
    await db.execute(
      sql`update awards set decision_date = decision_date - 365 where id in (select id from awards order by id limit 3)`,
    );
    await db.execute(
      sql`update feedback set answered_on = ${addDays(today, -3)} where answered_on is null and id in (select id from feedback order by id limit 3)`,
    );
    await db.execute(
      sql`update coordination_tasks set done_on = ${addDays(today, -15)} where id in (select id from coordination_tasks order by id limit 3)`,
    );
    await db.execute(
      sql`update committee_meetings set held_on = held_on - 30 where id in (select id from committee_meetings order by id limit 2)`,
    );
    await db.execute(
      sql`update reintegration_cases set ended_on = ${addDays(today, -7)}, end_reason = 'moved_away' where id in (select id from reintegration_cases order by id limit 1)`,
    );
    await db.execute(
      sql`update activity_kinds set code = code || '_x' where id in (select kind_id from activities order by id limit 1)`,
    );
    await db.execute(sql`update crime_reports set unit_id = ${provinceId}, valuable = not valuable, cases_solved = 0
                         where id in (select id from crime_reports order by id limit 4)`);
    await db.execute(sql`update crime_reports set received_on = received_on - 400, persons_arrested = persons_arrested + 1,
                           category = (select code from report_categories order by code limit 1)
                         where id in (select id from crime_reports order by id desc limit 4)`);
    await db.execute(sql`update activities set gifts_count = coalesce(gifts_count, 0) + 3, pilot = not coalesce(pilot, false)
                         where id in (select a.id from activities a join activity_kinds k on k.id = a.kind_id
                                      where k.trait = 'festival' order by a.id limit 3)`);
    await db.execute(sql`update awards set recipient_class = case when recipient_class = 'individual' then 'collective' else 'individual' end
                         where id in (select id from awards order by id desc limit 4 offset 2)`);
    await db.execute(
      sql`update teams set kind = 'steering_committee' where id in (select id from teams order by id desc limit 1)`,
    );
    await db.execute(
      sql`update models set started_on = started_on - 500 where id in (select id from models order by id desc limit 2)`,
    );
    await db.execute(sql`update recognition_records set year = year - 7, status = 'registered'
                         where id in (select id from recognition_records order by id limit 2)`);
    await db.execute(sql`update classification_records set approved_level = null, year = year + 3
                         where id in (select id from classification_records where status = 'approved' order by id limit 2)`);
    // Deletions.
    await db.execute(
      sql`delete from crime_reports where id in (select id from crime_reports order by id limit 2 offset 10)`,
    );
    await db.execute(
      sql`delete from feedback where id in (select id from feedback order by id desc limit 2)`,
    );
    await db.execute(sql`delete from awards where id in (select id from awards order by id desc limit 2)`);
    await expectSameNumbers('edited');

    // A large backlog is recomputed from the records instead (here: any backlog), with the same result.
    await db.execute(
      sql`update teams set established_on = established_on - 3 where id in (select id from teams order by id limit 3)`,
    );
    await db.execute(sql`update reintegration_supports set outcome = 'achieved', kind = 'job_placement'
                         where id in (select id from reintegration_supports order by id limit 2)`);
    await drainFacts(db, undefined, { rebuildBacklog: 1 });
    await expectSameNumbers('recomputed backlog');

    // A rolled-back transaction leaves the aggregates (and the log) as they were.
    const before = await snapshot();
    await expect(
      inTransaction(db, async (tx) => {
        await tx.execute(sql`update activities set starts_on = starts_on + 1000`);
        await tx.execute(sql`update teams set dissolved_on = established_on + 1`);
        await tx.execute(sql`delete from feedback`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await drainFacts(db);
    expect(await snapshot()).toEqual(before);
  }, 240_000);

  it('rebuild to the same contents as the change log maintained', async () => {
    await drainFacts(db);
    const incremental = await snapshot();
    // `antq reports rebuild`, as an administrator runs it.
    let text = '';
    const context: CliContext = {
      output: createOutput({
        write: (chunk: string) => {
          text += chunk;
          return true;
        },
      }),
      config: () => loadConfig(),
      withDatabase: (work) => work(database),
    };
    const code = await runCli(['node', 'antq', 'reports', 'rebuild'], [registerReportsCommands], context, {
      write: () => true,
    });
    expect(code, text).toBe(0);
    expect(text).toContain(`Đã tính lại ${Object.keys(allIndicatorIntervals()).length} chỉ tiêu`);
    expect(await snapshot()).toEqual(incremental);
    expect(await ensureAggregates(db)).toEqual([]);
    await expectSameNumbers('rebuilt');
  }, 120_000);
});
