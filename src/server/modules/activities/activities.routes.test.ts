/**
 * Activities through the API: a festival day recorded with its parts and gifts and seen on the calendar, the
 * plausibility warning and its confirmation (the reason is kept), the rules of kinds, the timeline, the summary, and
 * an import of 1,000 activities whose one bad date is named by its row while nothing is written.
 */
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import {
  findMergedCommune,
  type MergedCommune,
  upload,
  waitForJob,
} from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type {
  ActivityDetail,
  ActivityKind,
  ActivityList,
  Calendar,
  Timeline,
} from '../../../contracts/activities.js';
import type { JobState } from '../../../contracts/jobs.js';
import type { ImportResult, SummaryResponse } from '../../../contracts/registry.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import { templateHeader } from '../../registry/xlsx.js';
import { ACTIVITY_COLUMNS, ACTIVITY_SHEET } from './activities.import.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let officer: SignedIn;
let commune: MergedCommune;
let village: { id: number; fullName: string };
const kinds = new Map<string, ActivityKind>();

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48', 2);
  village = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
  officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
  const response = await officer.request('GET', '/api/activities/kinds');
  for (const kind of (response.json() as { items: ActivityKind[] }).items) kinds.set(kind.code, kind);
});
afterAll(() => close());

const kindId = (code: string) => kinds.get(code)!.id;

describe('activities', () => {
  it('records a festival day with its parts, pilot level and gifts, and shows it on the calendar', async () => {
    const response = await officer.request('POST', '/api/activities', {
      kindId: kindId('festival_day'),
      title: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025',
      unitId: village.id,
      startsOn: '2025-08-15',
      organisers: ['police', 'fatherland_front', 'youth_union'],
      participants: 420,
      festival: {
        ceremonyHeld: true,
        festivalHeld: true,
        pilot: true,
        pilotChosenBy: 'commune',
        giftsCount: 25,
        giftsValueVnd: 12_500_000,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as ActivityDetail;
    expect(created.festival).toMatchObject({
      pilot: true,
      pilotChosenBy: 'commune',
      giftsValueVnd: 12_500_000,
    });
    expect(created.organiserLabels).toEqual(['Công an', 'Ủy ban MTTQ', 'Đoàn Thanh niên']);
    expect(created.history[0]?.action).toBe('activity.created');

    const calendar = (
      await officer.request('GET', `/api/activities/calendar?year=2025&month=8&unit=${commune.id}`)
    ).json() as Calendar;
    expect(calendar.items.map((item) => item.id)).toContain(created.id);
    expect(calendar.days.find((day) => day.date === '2025-08-15')?.count).toBeGreaterThanOrEqual(1);
    const year = (await officer.request('GET', '/api/activities/calendar?year=2025')).json() as Calendar;
    expect(year.months.find((month) => month.month === 8)?.count).toBeGreaterThanOrEqual(1);

    const timeline = (
      await officer.request('GET', `/api/activities/timeline?unit=${village.id}&from=2025-01-01`)
    ).json() as Timeline;
    expect(timeline.items.some((item) => item.type === 'activity' && item.id === created.id)).toBe(true);

    const summary = (
      await officer.request(
        'GET',
        `/api/activities/summary?unit=${commune.id}&asOf=2025-12-31&from=2025-01-01`,
      )
    ).json() as SummaryResponse;
    expect(summary.total['festival_sites:pilot']).toBeGreaterThanOrEqual(1);
    expect(summary.total['festival_gifts:pilot']).toBeGreaterThanOrEqual(1);
    expect(summary.total.festival_gifts_value).toBeGreaterThan(0);
    expect(summary.total['activity_participants:festival_day']).toBeGreaterThanOrEqual(420);
  });

  it('refuses festival facts on another kind, naming the field', async () => {
    const response = await officer.request('POST', '/api/activities', {
      kindId: kindId('outreach'),
      title: 'Tuyên truyền phòng chống ma túy',
      unitId: village.id,
      startsOn: '2025-09-01',
      festival: { pilot: true, pilotChosenBy: 'province' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'activities.festival_fields_not_festival',
      field: 'festival',
    });
    expect(response.json().message).toContain('Ngày hội');
  });

  it('warns when participants exceed the population, and keeps the reason the officer confirms with', async () => {
    const populated = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
    const population = await officer.request('PUT', `/api/activities/populations/${populated.id}/2025`, {
      population: 800,
    });
    expect(population.statusCode, population.body).toBe(200);
    const body = {
      kindId: kindId('conference'),
      title: 'Hội nghị sơ kết phong trào',
      unitId: populated.id,
      startsOn: '2025-10-02',
      participants: 1500,
    };
    const check = await officer.request('POST', '/api/activities/plausibility', {
      kindId: body.kindId,
      unitId: body.unitId,
      startsOn: body.startsOn,
      participants: body.participants,
    });
    expect(check.json().warnings.map((warning: { code: string }) => warning.code)).toEqual([
      'exceeds_population',
    ]);

    const refused = await officer.request('POST', '/api/activities', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'activities.figure_unconfirmed', field: 'participants' });
    expect(refused.json().message).toContain('lớn hơn dân số');

    const reason = 'Hội nghị liên xã, có đại biểu các xã lân cận tham dự';
    const confirmed = await officer.request('POST', '/api/activities', { ...body, confirmation: { reason } });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const activity = confirmed.json() as ActivityDetail;
    expect(activity.plausibility?.reason).toBe(reason);
    expect(activity.plausibility?.warnings[0]?.code).toBe('exceeds_population');
    expect(activity.history[0]?.changes?._details).toMatchObject({ reason });

    // Editing the notes keeps the confirmed figure; a new, larger figure needs a new confirmation.
    expect(
      (await officer.request('PATCH', `/api/activities/${activity.id}`, { notes: 'Bổ sung' })).statusCode,
    ).toBe(200);
    expect(
      (await officer.request('PATCH', `/api/activities/${activity.id}`, { participants: 2000 })).statusCode,
    ).toBe(409);
  });

  it('warns about an unusual multiple of the unit previous figures', async () => {
    const place = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
    for (const [day, participants] of [
      ['2025-07-10', 40],
      ['2025-08-10', 60],
      ['2025-09-10', 50],
    ] as const) {
      const response = await officer.request('POST', '/api/activities', {
        kindId: kindId('outreach'),
        title: `Tuyên truyền ${day}`,
        unitId: place.id,
        startsOn: day,
        participants,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const unusual = await officer.request('POST', '/api/activities', {
      kindId: kindId('outreach'),
      title: 'Tuyên truyền lớn',
      unitId: place.id,
      startsOn: '2025-10-10',
      participants: 5000,
    });
    expect(unusual.statusCode).toBe(409);
    expect(unusual.json().message).toContain('gấp');
  });

  it('lists with a diacritic-insensitive search and filters', async () => {
    const response = await officer.request(
      'GET',
      `/api/activities?q=ngay hoi toan dan&unit=${commune.id}&pilot=true`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json() as ActivityList;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((item) => item.festival?.pilot === true)).toBe(true);
  });
});

type Cells = Record<string, string | number | Date | null>;

async function workbook(rows: Cells[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
  const sheet = book.addWorksheet(ACTIVITY_SHEET);
  sheet.addRow(ACTIVITY_COLUMNS.map(templateHeader)).commit();
  for (const row of rows) sheet.addRow(ACTIVITY_COLUMNS.map((column) => row[column.key] ?? null)).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

describe('activities import', () => {
  it('imports 1,000 activities with a bad date on row 517: names row 517 and writes nothing', async () => {
    const place = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
    const rows: Cells[] = [];
    for (let index = 0; index < 1000; index++) {
      const day = String((index % 28) + 1).padStart(2, '0');
      rows.push({
        title: `Tuyên truyền pháp luật số ${index + 1}`,
        kindId: 'Tuyên truyền, vận động',
        unitId: `${place.fullName} [#${place.id}]`,
        startsOn: `${day}/09/2025`,
        participants: 30 + (index % 20),
      });
    }
    // Row 1 is the header: the 516th activity sits on row 517.
    rows[515]!.startsOn = '31/02/2025';
    const file = await workbook(rows);
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from activities where unit_id = ${place.id}`,
        )
      )[0]!.n;

    const response = await upload(app, officer, '/api/activities/import', file);
    expect([200, 202]).toContain(response.statusCode);
    const states = await waitForJob(officer, response.json() as JobState);
    const result = states.at(-1)!.result as ImportResult;
    expect(result.committed).toBe(false);
    expect(result.errorCount).toBe(1);
    expect(result.errors[0]).toMatchObject({ sheet: ACTIVITY_SHEET, row: 517, field: 'Ngày bắt đầu' });
    expect(result.errors[0]!.message).toContain('31/02/2025');
    expect(await count()).toBe(0);

    rows[515]!.startsOn = '30/09/2025';
    const again = await upload(app, officer, '/api/activities/import', await workbook(rows));
    const done = (await waitForJob(officer, again.json() as JobState)).at(-1)!.result as ImportResult;
    expect(done.errorCount, JSON.stringify(done.errors.slice(0, 3))).toBe(0);
    expect(done.committed).toBe(true);
    expect(await count()).toBe(1000);
  });

  it('serves the template and the export', async () => {
    const template = await officer.request('GET', '/api/activities/import/template');
    expect(template.statusCode).toBe(200);
    const exported = await officer.request('GET', `/api/activities/export?unit=${commune.id}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});
