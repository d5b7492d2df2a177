/**
 * Reports against the records: every indicator of the catalogue run through a template equals a direct count of
 * the records (demo data of a province, plus crime reports), the built-in templates run, and a phase review
 * 2014–2023 re-mapped onto today's units gives the same province totals as the hierarchy as it was.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { uniqueTag } from '../../../../test/helpers/factories.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type {
  DrillDownResponse,
  IndicatorCatalogue,
  ReportRun,
  ReportTemplate,
  ReportTemplateList,
} from '../../../contracts/reports.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { seedDemo } from '../../bootstrap/demo.js';
import { type Database, type DatabaseHandle, queryRows } from '../../db/client.js';
import type { FieldCipher } from '../../lib/crypto.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let cipher: FieldCipher;
let province: SignedIn;
let provinceId: number;
const today = todayInVietnam();
const year = today.slice(0, 4);
const from = `${year}-01-01`;
/** The catalogue test counts events since 2020, so that the demo data (dated around its seeding) is inside. */
const since = '2020-01-01';

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const rows = await queryRows<{ value: number | string | null }>(db, query);
  return Number(rows[0]?.value ?? 0);
}

/** A crime report row as the portal stores it (content encrypted: here a placeholder), with outcomes. */
async function insertCrimeReport(
  db: Database,
  unitId: number,
  receivedOn: string,
  outcome: { valuable?: boolean; solved?: number; arrested?: number; recovered?: number } = {},
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into crime_reports (code, secret_hash, category, unit_id, intake_unit_id, province_code, received_on,
          description_enc, notice_due_on, decision_due_on, valuable, cases_solved, persons_arrested, property_recovered_vnd)
        values (${`T${uniqueTag()}`}, 'x', 'theft', ${unitId}, ${unitId}, '48', ${receivedOn}::date, 'x',
          ${receivedOn}::date, ${receivedOn}::date, ${outcome.valuable ?? false}, ${outcome.solved ?? 0},
          ${outcome.arrested ?? 0}, ${outcome.recovered ?? 0})
        returning id`,
  );
  return row!.id;
}

beforeAll(async () => {
  ({ app, database, close, cipher } = await createTestApp());
  await seedDemo(database.db, cipher);
  province = await makeSignedInUser(app, database.db, 'province_staff', '48');
  provinceId = await count(
    database.db,
    sql`select u.id as value from units u where u.kind = 'province' and u.code = '48' and u.valid_to is null`,
  );
  const communes = await queryRows<{ id: number }>(
    database.db,
    sql`select u.id from units u where u.kind = 'commune' and u.province_code = '48' and u.valid_to is null
        order by u.code limit 2`,
  );
  await insertCrimeReport(database.db, communes[0]!.id, from, { valuable: true, solved: 1, arrested: 2 });
  await insertCrimeReport(database.db, communes[0]!.id, today, { valuable: true, recovered: 15_000_000 });
  await insertCrimeReport(database.db, communes[1]!.id, today);
  await insertCrimeReport(database.db, communes[1]!.id, `${Number(year) - 1}-06-01`, { solved: 3 });
});
afterAll(() => close());

/** The direct counts, written against the tables (not the fact sources), for the province on `today`. */
function expectedSql(indicator: string): ReturnType<typeof sql> | undefined {
  const inside = (column: string) =>
    sql.raw(`${column} in (select unit_id from unit_versions where path like '/${provinceId}/%')`);
  const live = (start: string, end: string) =>
    sql.raw(`${start} <= '${today}'::date and (${end} is null or ${end} > '${today}'::date)`);
  const between = (column: string) => sql.raw(`${column} between '${since}'::date and '${today}'::date`);
  const model = sql`mo.started_on <= ${today}::date and (mo.ended_on is null or mo.ended_on > ${today}::date)`;
  const map: Record<string, ReturnType<typeof sql>> = {
    teams: sql`select count(*) as value from teams t where ${live('t.established_on', 't.dissolved_on')} and ${inside('t.unit_id')}`,
    steering_committees: sql`select count(*) as value from teams t where t.kind = 'steering_committee'
      and ${live('t.established_on', 't.dissolved_on')} and ${inside('t.unit_id')}`,
    team_members: sql`select count(*) as value from team_members m join teams t on t.id = m.team_id
      where ${live('m.joined_on', 'm.left_on')} and ${live('t.established_on', 't.dissolved_on')} and ${inside('m.unit_id')}`,
    models: sql`select count(*) as value from models mo where ${model} and ${inside('mo.lead_unit_id')}`,
    models_new: sql`select count(*) as value from models mo where ${between('mo.started_on')} and ${inside('mo.lead_unit_id')}`,
    model_units: sql`select count(distinct mu.unit_id) as value from model_units mu join models mo on mo.id = mu.model_id
      where ${model} and ${inside('mu.unit_id')}`,
    exemplary_models: sql`select count(*) as value from models mo where ${model} and mo.exemplary
      and (mo.exemplary_year is null or mo.exemplary_year <= ${Number(year)}) and ${inside('mo.lead_unit_id')}`,
    camera_points: sql`select coalesce(sum(mo.camera_points), 0) as value from models mo join model_kinds k on k.id = mo.kind_id
      where ${model} and k.is_camera and ${inside('mo.lead_unit_id')}`,
    cameras: sql`select coalesce(sum(mo.cameras), 0) as value from models mo join model_kinds k on k.id = mo.kind_id
      where ${model} and k.is_camera and ${inside('mo.lead_unit_id')}`,
    activities: sql`select count(*) as value from activities a where ${between('a.starts_on')} and ${inside('a.unit_id')}`,
    activity_participants: sql`select coalesce(sum(a.participants), 0) as value from activities a
      where ${between('a.starts_on')} and ${inside('a.unit_id')}`,
    festival_sites: sql`select count(distinct a.unit_id) as value from activities a join activity_kinds k on k.id = a.kind_id
      where k.trait = 'festival' and ${between('a.starts_on')} and ${inside('a.unit_id')}`,
    learners: sql`select coalesce(sum((l.value->>'count')::int), 0) as value from activities a
      cross join lateral jsonb_array_elements(a.learners) l where ${between('a.starts_on')} and ${inside('a.unit_id')}`,
    awards_by_form: sql`select count(*) as value from awards w where w.status = 'approved' and ${between('w.decision_date')} and ${inside('w.unit_id')}`,
    awards_collective: sql`select count(*) as value from awards w where w.status = 'approved' and w.recipient_class = 'collective'
      and ${between('w.decision_date')} and ${inside('w.unit_id')}`,
    awards_individual: sql`select count(*) as value from awards w where w.status = 'approved' and w.recipient_class = 'individual'
      and ${between('w.decision_date')} and ${inside('w.unit_id')}`,
    feedback_received: sql`select count(*) as value from feedback f where ${between('f.received_on')} and ${inside('f.unit_id')}`,
    feedback_answered: sql`select count(*) as value from feedback f where ${between('f.answered_on')} and ${inside('f.unit_id')}`,
    crime_reports_received: sql`select count(*) as value from crime_reports r where ${between('r.received_on')} and ${inside('r.unit_id')}`,
    crime_reports_valuable: sql`select count(*) as value from crime_reports r where r.valuable and ${between('r.received_on')} and ${inside('r.unit_id')}`,
    crime_cases_solved: sql`select coalesce(sum(r.cases_solved), 0) as value from crime_reports r where ${between('r.received_on')} and ${inside('r.unit_id')}`,
    crime_persons_arrested: sql`select coalesce(sum(r.persons_arrested), 0) as value from crime_reports r where ${between('r.received_on')} and ${inside('r.unit_id')}`,
    crime_property_recovered: sql`select coalesce(sum(r.property_recovered_vnd), 0) as value from crime_reports r where ${between('r.received_on')} and ${inside('r.unit_id')}`,
    reintegration_cases: sql`select count(*) as value from reintegration_cases c where ${live('c.opened_on', 'c.ended_on')} and ${inside('c.unit_id')}`,
    reintegration_opened: sql`select count(*) as value from reintegration_cases c where ${between('c.opened_on')} and ${inside('c.unit_id')}`,
    committee_meetings: sql`select count(*) as value from committee_meetings m where ${between('m.held_on')} and ${inside('m.unit_id')}`,
    programme_tasks: sql`select count(*) as value from coordination_tasks t where t.plan_id is not null and ${between('t.due_on')} and ${inside('t.unit_id')}`,
    standard_units: sql`select count(*) as value from units u where u.kind in ('residential_area', 'commune', 'agency', 'enterprise', 'school')
      and exists (select 1 from unit_versions v where v.unit_id = u.id and (v.valid_from is null or v.valid_from <= ${today}::date)
        and (v.valid_to is null or v.valid_to >= ${today}::date)) and ${inside('u.id')}`,
    standard_records: sql`select count(*) as value from recognition_records r where r.year = ${Number(year)} and ${inside('r.unit_id')}`,
    classification_levels: sql`select count(*) as value from classification_records c where c.year = ${Number(year)}
      and c.status = 'approved' and ${inside('c.unit_id')}`,
  };
  return map[indicator];
}

describe('indicators', () => {
  it('lists the catalogue with dimensions and their values', async () => {
    const response = await province.request('GET', '/api/indicators');
    expect(response.statusCode, response.body).toBe(200);
    const catalogue = response.json() as IndicatorCatalogue;
    const activities = catalogue.items.find((item) => item.code === 'activities')!;
    expect(activities.dimension?.values.map((value) => value.key)).toContain('movement_launch');
    expect(
      catalogue.items.find((item) => item.code === 'crime_reports_received')?.dimension?.values.length,
    ).toBeGreaterThan(5);
    expect(catalogue.items.find((item) => item.code === 'standard_recognised_share')).toMatchObject({
      aggregation: 'share',
      unitOfMeasure: '%',
      drillable: false,
    });
  });

  it('every indicator of a report equals a direct count of the records', async () => {
    const catalogue = (await province.request('GET', '/api/indicators')).json() as IndicatorCatalogue;
    const created = await province.request('POST', '/api/reports/templates', {
      title: 'Mọi chỉ tiêu',
      periodKind: 'year',
      comparison: 'none',
      sections: [
        {
          title: 'Tất cả',
          layout: 'indicators',
          rows: catalogue.items.map((item) => ({ indicator: item.code })),
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json() as ReportTemplate;
    const response = await province.request('POST', '/api/reports/run', {
      template: template.id,
      from: since,
      to: today,
    });
    expect(response.statusCode, response.body).toBe(200);
    const run = response.json() as ReportRun;
    const lines = run.sections[0]!.lines;
    expect(lines).toHaveLength(catalogue.items.length);
    let checked = 0;
    let nonZero = 0;
    for (const line of lines) {
      const query = expectedSql(line.indicator);
      if (!query) continue;
      const expected = await count(database.db, query);
      expect(line.current, line.indicator).toBe(expected);
      checked += 1;
      if (expected > 0) nonZero += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
    // The demo data and the crime reports give most indicators something to count.
    expect(nonZero).toBeGreaterThanOrEqual(26);
    const byCode = new Map(lines.map((line) => [line.indicator, line.current]));
    expect(byCode.get('crime_reports_received')).toBe(4);
    expect(byCode.get('crime_property_recovered')).toBe(15_000_000);
    const share = byCode.get('standard_recognised_share')!;
    const units = byCode.get('standard_units')!;
    expect(share).toBeGreaterThan(0);
    expect(units).toBeGreaterThan(0);
  });
});

describe('built-in templates', () => {
  it('seeds four read-only templates and runs the yearly review with comparison, units and narrative', async () => {
    const list = (await province.request('GET', '/api/reports/templates')).json() as ReportTemplateList;
    const codes = list.items.filter((item) => item.builtIn).map((item) => item.code);
    expect(codes).toEqual(['interim_review', 'yearly_review', 'phase_review', 'festival_day']);
    const yearly = list.items.find((item) => item.code === 'yearly_review')!;
    const response = await province.request('POST', '/api/reports/run', {
      template: yearly.id,
      from,
      to: `${year}-12-31`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const run = response.json() as ReportRun;
    expect(run.period.label).toBe(`năm ${year}`);
    expect(run.comparisonPeriod?.label).toBe(`năm ${Number(year) - 1}`);
    expect(run.issuingBody).toMatch(/^CÔNG AN THÀNH PHỐ ĐÀ NẴNG$/);
    const crime = run.sections.find((section) => section.title.startsWith('V.'))!;
    const received = crime.lines.find((line) => line.indicator === 'crime_reports_received')!;
    expect(received).toMatchObject({
      current: 3,
      previous: 1,
      change: 2,
      changePercent: 200,
      drillable: true,
    });
    const byUnit = run.sections.find((section) => section.layout === 'by_unit')!;
    expect(byUnit.unitRows.length).toBeGreaterThan(10);
    for (const line of byUnit.lines) {
      const sum = byUnit.unitRows.reduce((total, row) => total + (row.values[line.key] ?? 0), 0);
      expect(byUnit.total[line.key], line.key).toBe(sum);
    }
    expect(run.narrative[0]).toContain(`năm ${year}`);
    expect(run.narrative.join(' ')).toMatch(
      /tin báo, tố giác tội phạm tiếp nhận: 3 tin \(tăng 2 tin so với cùng kỳ năm \d{4}\)/,
    );
  });

  it('drills down from a number to the records behind it', async () => {
    const response = await province.request(
      'GET',
      `/api/reports/drill-down?indicator=crime_reports_received&from=${from}&to=${today}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const drill = response.json() as DrillDownResponse;
    expect(drill.total).toBe(3);
    expect(drill.items[0]).toMatchObject({ module: 'crime_reports', measure: 1 });
    expect(drill.items[0]!.label).toMatch(/^Tin báo T[0-9a-f]{6} – /);
    expect(drill.items[0]!.href).toMatch(/^\/to-giac\/\d+$/);
    const activities = (
      await province.request(
        'GET',
        `/api/reports/drill-down?indicator=activity_participants&from=${since}&to=${today}`,
      )
    ).json() as DrillDownResponse;
    const sum = await count(
      database.db,
      sql`select coalesce(sum(participants), 0) as value from activities a where a.starts_on between ${since}::date and ${today}::date
          and a.unit_id in (select unit_id from unit_versions where path like ${`/${provinceId}/%`})`,
    );
    const listed = (
      await province.request(
        'GET',
        `/api/reports/drill-down?indicator=activity_participants&from=${since}&to=${today}&pageSize=200`,
      )
    ).json() as DrillDownResponse;
    expect(listed.items.reduce((total, item) => total + item.measure, 0)).toBe(sum);
    expect(sum).toBeGreaterThan(0);
    expect(activities.total).toBe(listed.total);
  });
});

describe('phase review 2014–2023', () => {
  it('re-mapped onto today’s communes gives the province totals of the hierarchy as it was', async () => {
    const db = database.db;
    const merged = await findMergedCommune(db, '48');
    const [kind] = await queryRows<{ id: number }>(
      db,
      sql`select id from activity_kinds where code = 'movement_launch'`,
    );
    for (const [index, old] of merged.predecessors.entries()) {
      for (const day of ['2014-03-02', '2019-08-19', '2023-12-30']) {
        await queryRows(
          db,
          sql`insert into activities (kind_id, title, search_title, unit_id, province_code, starts_on, participants)
              values (${kind!.id}, 'Phát động phong trào', 'phat dong phong trao', ${old.id}, '48', ${day}::date, ${100 + index})`,
        );
      }
      await queryRows(
        db,
        sql`insert into teams (kind, name, search_name, unit_id, province_code, established_on)
            values ('mediation_group', ${`Tổ hòa giải ${uniqueTag()}`}, 'to hoa giai', ${old.id}, '48', '2016-05-01'::date)`,
      );
      await insertCrimeReport(db, old.id, '2020-02-02', { valuable: true, solved: 1 });
    }
    const list = (await province.request('GET', '/api/reports/templates')).json() as ReportTemplateList;
    const phase = list.items.find((item) => item.code === 'phase_review')!;
    const run = async (basis: 'as_of' | 'current', unit?: number) => {
      const response = await province.request('POST', '/api/reports/run', {
        template: phase.id,
        ...(unit === undefined ? {} : { unit }),
        from: '2014-01-01',
        to: '2023-12-31',
        basis,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as ReportRun;
    };
    // Today's province was formed from old provinces: the as-it-was total is the sum of theirs.
    const oldProvinces = await queryRows<{ id: number }>(
      db,
      sql`select distinct u.id from units u join unit_versions v on v.unit_id = u.id
          where u.kind = 'province' and (v.valid_from is null or v.valid_from <= '2023-12-31'::date)
            and (v.valid_to is null or v.valid_to >= '2023-12-31'::date)
            and (u.id = ${provinceId} or u.id in (select predecessor_id from unit_lineage where successor_id = ${provinceId}))`,
    );
    expect(oldProvinces.length).toBeGreaterThanOrEqual(1);
    const asItWasRuns = await Promise.all(oldProvinces.map((old) => run('as_of', old.id)));
    const remapped = await run('current');
    const asItWas = asItWasRuns[0]!;
    expect(asItWas.period.label).toBe('giai đoạn 2014–2023');
    expect(asItWas.comparisonPeriod).toBeNull();
    const values = (reports: ReportRun[]) => {
      const sums = new Map<string, number>();
      for (const report of reports)
        for (const section of report.sections)
          for (const line of section.lines) {
            if (line.unitOfMeasure === '%') continue;
            const key = `${section.title}/${line.key}`;
            sums.set(key, (sums.get(key) ?? 0) + line.current);
          }
      return [...sums.entries()];
    };
    expect(values([remapped])).toEqual(values(asItWasRuns));
    const launches = remapped.sections[2]!.lines.find((line) => line.key === 'activities:movement_launch')!;
    expect(launches.current).toBe(3 * merged.predecessors.length);
    const byUnit = remapped.sections.find((section) => section.layout === 'by_unit')!;
    const row = byUnit.unitRows.find((unitRow) => unitRow.unit?.id === merged.id)!;
    expect(row.values.activities).toBe(3 * merged.predecessors.length);
    // The as-it-was table lists the old districts; the re-mapped one today's communes.
    expect(asItWas.sections.at(-1)!.unitRows.some((unitRow) => unitRow.unit?.kind === 'district')).toBe(true);
  });
});
