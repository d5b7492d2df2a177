/**
 * The dashboard through the API: its cards equal the roll-up the reports use and a direct count of the records,
 * the previous period is the one of equal length before, the map gives each commune of a province its value, a
 * commune user sees only their commune, the Front officer sees no crime-report figure, and bad input is named.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { currentCommunes, reportBody, sendReport } from '../../../../test/helpers/reports.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { ActivityKind } from '../../../contracts/activities.js';
import type { DashboardResponse } from '../../../contracts/dashboard.js';
import type { DashboardResponse as RecognitionDashboard } from '../../../contracts/recognition.js';
import { DASHBOARD_KPIS } from '../../../domain/dashboard.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import { resolveScope } from '../../db/scope.js';
import { rollup } from '../../reporting/rollup.js';
import { ALL_INDICATOR_SOURCES } from '../../reporting/sources.js';
import { resolveUnitCode } from '../accounts/accounts.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let province: SignedIn;
let officer: SignedIn;
let front: SignedIn;
let communeA: { id: number; code: string };
let communeB: { id: number; code: string };

const QUARTER = 'from=2025-10-01&to=2025-12-31';
const kpi = (body: DashboardResponse, key: string) => body.kpis.find((card) => card.key === key);

async function directCount(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await queryRows<{ n: number }>(database.db, query);
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp({ powDifficulty: 0, publicSubmitsPerHour: 10_000 }));
  [communeA, communeB] = (await currentCommunes(database.db, '48', 2)) as [
    { id: number; code: string },
    { id: number; code: string },
  ];
  province = await makeSignedInUser(app, database.db, 'province_staff', '48');
  officer = await makeSignedInUser(app, database.db, 'commune_officer', communeA.code);
  front = await makeSignedInUser(app, database.db, 'front_officer', communeA.code);

  const kinds = (await officer.request('GET', '/api/activities/kinds')).json() as { items: ActivityKind[] };
  const outreach = kinds.items.find((kind) => kind.code === 'outreach')!.id;
  const activity = async (unitId: number, startsOn: string, participants: number) => {
    const author = unitId === communeA.id ? officer : province;
    const response = await author.request('POST', '/api/activities', {
      kindId: outreach,
      title: 'Tuyên truyền phòng chống tội phạm',
      unitId,
      startsOn,
      participants,
    });
    expect(response.statusCode, response.body).toBe(201);
  };
  // This quarter: two in A, one in B; the quarter before: one in A.
  await activity(communeA.id, '2025-10-05', 120);
  await activity(communeA.id, '2025-11-20', 80);
  await activity(communeB.id, '2025-12-02', 50);
  await activity(communeA.id, '2025-08-15', 40);
  for (let index = 0; index < 2; index++) await sendReport(app, database.db, reportBody(communeA.code));
}, 120_000);
afterAll(() => close());

describe('GET /api/dashboard', () => {
  it("equals the reports' roll-up and a direct count, with the quarter before as the previous period", async () => {
    const response = await officer.request('GET', `/api/dashboard?${QUARTER}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as DashboardResponse;
    expect(body.unit?.id).toBe(communeA.id);
    expect(body.period).toMatchObject({ from: '2025-10-01', to: '2025-12-31', label: 'quý IV/2025' });
    expect(body.previousPeriod).toMatchObject({
      from: '2025-07-01',
      to: '2025-09-30',
      label: 'quý III/2025',
    });

    expect(kpi(body, 'activities')).toMatchObject({ value: 2, previous: 1, delta: 1, percent: 100 });
    expect(kpi(body, 'activity_participants')).toMatchObject({ value: 200, previous: 40, delta: 160 });
    const counted = await directCount(
      sql`select count(*) as n from activities where unit_id = ${communeA.id}
          and starts_on between '2025-10-01' and '2025-12-31'`,
    );
    expect(kpi(body, 'activities')?.value).toBe(counted);

    // Every card of the roll-up, for the same unit, period and basis, equals the roll-up the reports run.
    const scope = await resolveScope(database.db, communeA.id);
    const summary = await rollup(database.db, {
      definitions: DASHBOARD_KPIS.map((card) => card.indicator),
      sources: ALL_INDICATOR_SOURCES,
      unitId: communeA.id,
      from: '2025-10-01',
      asOf: '2025-12-31',
      basis: 'current',
      scope,
    });
    for (const card of DASHBOARD_KPIS)
      expect(kpi(body, card.key)?.value, card.key).toBe(summary.total[card.key]);

    // The safety-standard cards are the recognition module's own figures.
    const recognition = (
      await officer.request('GET', `/api/recognition/dashboard?year=2025&unit=${communeA.id}&basis=current`)
    ).json() as RecognitionDashboard;
    expect(kpi(body, 'standard_recognised')?.value).toBe(
      recognition.summary.total['standard_records:recognised'],
    );

    // Trend by month over the quarter, the months summing to the card.
    expect(body.trend.granularity).toBe('month');
    expect(body.trend.buckets.map((bucket) => bucket.label)).toEqual(['10/2025', '11/2025', '12/2025']);
    const activities = body.trend.series.find((series) => series.indicator === 'activities')!;
    expect(activities.values).toEqual([1, 1, 0]);
    expect(body.map.level).toBe('none');
  });

  it('counts crime reports received in the period at the commune that holds them, with their clocks', async () => {
    const body = (await officer.request('GET', '/api/dashboard')).json() as DashboardResponse;
    const year = todayInVietnam().slice(0, 4);
    const received = await directCount(
      sql`select count(*) as n from crime_reports where unit_id = ${communeA.id}
          and received_on between ${`${year}-01-01`}::date and ${todayInVietnam()}::date`,
    );
    expect(received).toBe(2);
    expect(kpi(body, 'crime_reports_received')?.value).toBe(received);
    expect(body.overdue.crimeReports).toMatchObject({ overdueLink: '/to-giac?xem=overdue' });
    expect(body.trend.series.map((series) => series.indicator)).toContain('crime_reports_received');
  });

  it("gives a province officer the province's communes on the map, keyed by commune code", async () => {
    const response = await province.request(
      'GET',
      `/api/dashboard?${QUARTER}&indicator=activity_participants`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as DashboardResponse;
    expect(body.unit?.code).toBe('48');
    expect(body.map).toMatchObject({
      level: 'commune',
      provinceCode: '48',
      indicator: 'activity_participants',
    });
    const value = (code: string) => body.map.regions.find((region) => region.code === code)?.value;
    expect(value(communeA.code)).toBe(200);
    expect(value(communeB.code)).toBe(50);
    expect(kpi(body, 'activities')?.value).toBe(3);

    // Clicking a commune opens its dashboard, with the way back up to the province.
    const down = (
      await province.request('GET', `/api/dashboard?${QUARTER}&unit=${communeB.id}`)
    ).json() as DashboardResponse;
    expect(down.unit?.id).toBe(communeB.id);
    expect(down.parent?.code).toBe('48');
    expect(kpi(down, 'activities')?.value).toBe(1);
  });

  it("keeps a commune user to their commune: another commune's dashboard is not found", async () => {
    const response = await officer.request('GET', `/api/dashboard?unit=${communeB.id}`);
    expect(response.statusCode).toBe(404);
    const body = (await officer.request('GET', `/api/dashboard?${QUARTER}`)).json() as DashboardResponse;
    expect(body.parent).toBeNull();
    expect(body.canSeeNation).toBe(false);
  });

  it('shows the Front officer no crime-report figure anywhere', async () => {
    const response = await front.request('GET', '/api/dashboard');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as DashboardResponse;
    expect(body.kpis.map((card) => card.indicator)).not.toContain('crime_reports_received');
    expect(body.kpis.map((card) => card.indicator)).not.toContain('crime_reports_valuable');
    expect(body.trend.series.map((series) => series.indicator)).not.toContain('crime_reports_received');
    expect(body.mapIndicators.map((item) => item.code)).not.toContain('crime_reports_received');
    expect(body.overdue.crimeReports).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/tin báo/i);
    const asked = await front.request('GET', '/api/dashboard?indicator=crime_reports_received');
    expect(asked.statusCode).toBe(400);
    expect(asked.json()).toMatchObject({ field: 'indicator' });
  });

  it('refuses a period that ends before it starts and an unknown indicator, in Vietnamese, naming the field', async () => {
    const backwards = await province.request('GET', '/api/dashboard?from=2025-12-31&to=2025-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({
      code: 'dashboard.period_invalid',
      field: 'from',
      message: 'Ngày đầu kỳ phải trước hoặc bằng ngày cuối kỳ',
    });
    const unknown = await province.request('GET', '/api/dashboard?indicator=khong_co');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'dashboard.indicator_unknown', field: 'indicator' });
    expect(unknown.json().message).toContain('Không có chỉ tiêu');
  });

  it('answers by role and scope: national roles see the provinces, others their subtree, a unit head nothing', async () => {
    const admin = await makeSignedInUser(app, database.db, 'admin', 'VN');
    const national = (await admin.request('GET', `/api/dashboard?${QUARTER}`)).json() as DashboardResponse;
    expect(national.unit).toBeNull();
    expect(national.canSeeNation).toBe(true);
    expect(national.map.level).toBe('province');
    expect(national.map.regions).toHaveLength(34);
    expect(national.map.regions.find((region) => region.code === '48')?.value).toBe(3);
    // The administrator runs the system, not the casework: no crime-report figure either.
    expect(national.overdue.crimeReports).toBeNull();

    const viewer = await makeSignedInUser(app, database.db, 'viewer', '48');
    const hanoi = await resolveUnitCode(database.db, '01');
    expect((await viewer.request('GET', `/api/dashboard?unit=${hanoi}`)).statusCode).toBe(404);
    expect((await viewer.request('GET', `/api/dashboard?unit=${communeB.id}`)).statusCode).toBe(200);

    const head = await makeSignedInUser(app, database.db, 'unit_head', communeA.code);
    expect((await head.request('GET', '/api/dashboard')).statusCode).toBe(403);
  });
});
