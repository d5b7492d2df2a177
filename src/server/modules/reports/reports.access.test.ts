/**
 * The access matrix of reports: who lists, reads, creates, edits and copies templates (built-in ones are
 * read-only, a unit's templates are seen within scope), whose report a user may run (a commune user: only their
 * commune), and the drill-down (never a record outside the reader's scope; crime reports only for roles that may
 * read them — not the Front). Template errors are Vietnamese and name the field.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { uniqueTag } from '../../../../test/helpers/factories.js';
import { findMergedCommune, type MergedCommune } from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type {
  DrillDownResponse,
  ReportRun,
  ReportTemplate,
  ReportTemplateList,
} from '../../../contracts/reports.js';
import { todayInVietnam } from '../../../domain/dates.js';
import type { RoleId } from '../../../domain/roles.js';
import { type Database, type DatabaseHandle, queryRows } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let commune: MergedCommune;
let otherCommune: MergedCommune;
let yearly: ReportTemplate;
let provinceTemplate: ReportTemplate;
const today = todayInVietnam();
const from = `${today.slice(0, 4)}-01-01`;
const users = new Map<string, SignedIn>();
const user = (label: string) => users.get(label)!;
const reportIds: Record<'inside' | 'outside', number[]> = { inside: [], outside: [] };

const body = (title: string, rows: unknown[] = [{ indicator: 'teams' }]) => ({
  title,
  periodKind: 'year',
  comparison: 'same_period_last_year',
  sections: [{ title: 'Phần một', layout: 'indicators', rows }],
});

async function insertCrimeReport(db: Database, unitId: number): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into crime_reports (code, secret_hash, category, unit_id, intake_unit_id, province_code, received_on,
          description_enc, notice_due_on, decision_due_on)
        values (${`T${uniqueTag()}`}, 'x', 'drugs', ${unitId}, ${unitId}, '48', ${today}::date, 'x', ${today}::date, ${today}::date)
        returning id`,
  );
  return row!.id;
}

const actors: Array<{ label: string; role: RoleId; unit: () => string }> = [
  { label: 'admin', role: 'admin', unit: () => 'VN' },
  { label: 'province', role: 'province_staff', unit: () => '48' },
  { label: 'otherProvince', role: 'province_staff', unit: () => '01' },
  { label: 'commune', role: 'commune_officer', unit: () => commune.code },
  { label: 'front', role: 'front_officer', unit: () => '48' },
  { label: 'viewer', role: 'viewer', unit: () => '48' },
];

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48');
  otherCommune = await findMergedCommune(database.db, '48', 1);
  for (const actor of actors)
    users.set(actor.label, await makeSignedInUser(app, database.db, actor.role, actor.unit()));
  reportIds.inside.push(await insertCrimeReport(database.db, commune.id));
  reportIds.inside.push(await insertCrimeReport(database.db, commune.predecessors[0]!.id));
  reportIds.outside.push(await insertCrimeReport(database.db, otherCommune.id));
  const list = (await user('province').request('GET', '/api/reports/templates')).json() as ReportTemplateList;
  yearly = list.items.find((item) => item.code === 'yearly_review')!;
  const created = await user('province').request('POST', '/api/reports/templates', body('Mẫu của tỉnh'));
  expect(created.statusCode, created.body).toBe(201);
  provinceTemplate = created.json() as ReportTemplate;
});
afterAll(() => close());

describe('templates', () => {
  it('built-in templates are visible to every reader; a unit’s template within its scope only', async () => {
    const expectations: Record<string, { builtIn: number; province: boolean }> = {
      admin: { builtIn: 4, province: true },
      province: { builtIn: 4, province: true },
      otherProvince: { builtIn: 4, province: false },
      commune: { builtIn: 4, province: false },
      front: { builtIn: 4, province: true },
      viewer: { builtIn: 4, province: true },
    };
    for (const [label, expected] of Object.entries(expectations)) {
      const response = await user(label).request('GET', '/api/reports/templates');
      expect(response.statusCode, label).toBe(200);
      const items = (response.json() as ReportTemplateList).items;
      expect(
        items.filter((item) => item.builtIn),
        label,
      ).toHaveLength(expected.builtIn);
      expect(
        items.some((item) => item.id === provinceTemplate.id),
        label,
      ).toBe(expected.province);
      const one = await user(label).request('GET', `/api/reports/templates/${provinceTemplate.id}`);
      expect(one.statusCode, label).toBe(expected.province ? 200 : 404);
    }
  });

  it('only template managers create and copy; nobody edits a built-in template', async () => {
    const managers = new Set(['admin', 'province', 'otherProvince']);
    for (const { label } of actors) {
      const created = await user(label).request('POST', '/api/reports/templates', body(`Mẫu ${label}`));
      expect(created.statusCode, label).toBe(managers.has(label) ? 201 : 403);
      const copied = await user(label).request('POST', `/api/reports/templates/${yearly.id}/copy`, {});
      expect(copied.statusCode, label).toBe(managers.has(label) ? 201 : 403);
      if (managers.has(label)) {
        expect(copied.json()).toMatchObject({ builtIn: false, title: `${yearly.title} (bản sao)` });
        const edit = await user(label).request(
          'PUT',
          `/api/reports/templates/${yearly.id}`,
          body('Sửa mẫu có sẵn'),
        );
        expect(edit.statusCode, label).toBe(403);
        expect(edit.json()).toMatchObject({ code: 'reports.template_built_in' });
      }
    }
    // Another province's template does not exist for the reader.
    const foreign = await user('otherProvince').request(
      'PUT',
      `/api/reports/templates/${provinceTemplate.id}`,
      body('Sửa mẫu tỉnh khác'),
    );
    expect(foreign.statusCode).toBe(404);
    const own = await user('province').request(
      'PUT',
      `/api/reports/templates/${provinceTemplate.id}`,
      body('Mẫu của tỉnh, đã đổi tên', [{ indicator: 'activities', dimensionValue: 'law_contest' }]),
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ title: 'Mẫu của tỉnh, đã đổi tên', ownerUnit: { code: '48' } });
    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where entity_type = 'report_template' and entity_id = ${String(provinceTemplate.id)}
          order by id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['report_template.created', 'report_template.updated']);
  });

  it('refuses a bad template with a Vietnamese message naming the field', async () => {
    const cases: Array<[unknown[], string, RegExp]> = [
      [
        [{ indicator: 'teams' }, { indicator: 'khong_co' }],
        'sections[0].rows[1].indicator',
        /không có trong danh mục/,
      ],
      [
        [{ indicator: 'teams', dimensionValue: 'xyz' }],
        'sections[0].rows[0].dimensionValue',
        /không phải là một giá trị/,
      ],
      [
        [{ indicator: 'cameras', dimensionValue: 'a' }],
        'sections[0].rows[0].dimensionValue',
        /không chia theo nhóm/,
      ],
    ];
    for (const [rows, field, message] of cases) {
      const response = await user('province').request(
        'POST',
        '/api/reports/templates',
        body('Mẫu lỗi', rows),
      );
      expect(response.statusCode, field).toBe(400);
      expect(response.json()).toMatchObject({ field });
      expect((response.json() as { message: string }).message).toMatch(message);
    }
    const blank = await user('province').request('POST', '/api/reports/templates', body('   '));
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ field: 'title', message: 'Nhập tên mẫu báo cáo' });
  });
});

describe('running a report and drilling down', () => {
  it('a commune user’s report covers only their commune; another unit answers 404', async () => {
    const own = await user('commune').request('POST', '/api/reports/run', {
      template: yearly.id,
      from,
      to: today,
    });
    expect(own.statusCode, own.body).toBe(200);
    const run = own.json() as ReportRun;
    expect(run.unit?.id).toBe(commune.id);
    expect(run.issuingBody).toMatch(/^CÔNG AN (XÃ|PHƯỜNG) /);
    const crime = run.sections
      .flatMap((section) => section.lines)
      .find((line) => line.indicator === 'crime_reports_received')!;
    expect(crime.current).toBe(reportIds.inside.length);
    for (const unit of [commune.provinceId, otherCommune.id]) {
      const response = await user('commune').request('POST', '/api/reports/run', {
        template: yearly.id,
        unit,
        from,
        to: today,
      });
      expect(response.statusCode).toBe(404);
    }
  });

  it('a drill-down never lists a record outside the reader’s scope', async () => {
    const url = (unit?: number) =>
      `/api/reports/drill-down?indicator=crime_reports_received&from=${from}&to=${today}${unit ? `&unit=${unit}` : ''}`;
    const own = (await user('commune').request('GET', url())).json() as DrillDownResponse;
    expect(own.items.map((item) => item.id).sort()).toEqual([...reportIds.inside].sort());
    expect((await user('commune').request('GET', url(commune.provinceId))).statusCode).toBe(404);
    expect((await user('commune').request('GET', url(otherCommune.id))).statusCode).toBe(404);
    expect((await user('otherProvince').request('GET', url(commune.id))).statusCode).toBe(404);
    const province = (await user('province').request('GET', url())).json() as DrillDownResponse;
    expect(province.items.map((item) => item.id).sort()).toEqual(
      [...reportIds.inside, ...reportIds.outside].sort(),
    );
    const child = (await user('province').request('GET', url(otherCommune.id))).json() as DrillDownResponse;
    expect(child.items.map((item) => item.id)).toEqual(reportIds.outside);
    expect(JSON.stringify(province)).not.toMatch(/description|contact|place/);
  });

  it('the Front sees the counts but never the crime reports behind them', async () => {
    const run = await user('front').request('POST', '/api/reports/run', {
      template: yearly.id,
      from,
      to: today,
    });
    expect(run.statusCode).toBe(200);
    const drill = await user('front').request(
      'GET',
      `/api/reports/drill-down?indicator=crime_reports_received&from=${from}&to=${today}`,
    );
    expect(drill.statusCode).toBe(403);
    expect(drill.json()).not.toHaveProperty('items');
    const activities = await user('front').request(
      'GET',
      `/api/reports/drill-down?indicator=activities&from=${from}&to=${today}`,
    );
    expect(activities.statusCode).toBe(200);
    // The administrator runs the system, not the casework: no crime reports either.
    expect(
      (
        await user('admin').request(
          'GET',
          `/api/reports/drill-down?indicator=crime_reports_received&from=${from}&to=${today}`,
        )
      ).statusCode,
    ).toBe(403);
  });
});
