/**
 * Report exports through the API on the demo data of a province: the Excel and Word files of the yearly review
 * show the numbers of the run (same indicator, unit and period), the print view too; a phase review runs as a
 * job with progress and its file is downloaded by its user only; every export is audited; roles and scope.
 */

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { parseDocx } from '../../../../test/helpers/docx.js';
import { waitForJob } from '../../../../test/helpers/registries.js';
import { currentCommunes } from '../../../../test/helpers/reports.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { JobState } from '../../../contracts/jobs.js';
import type { ExportJobResult } from '../../../contracts/report-exports.js';
import type { ReportRun, ReportTemplateList } from '../../../contracts/reports.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { seedDemo } from '../../bootstrap/demo.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import {
  asciiFileName,
  documentSubject,
  formatCell,
  reportFileName,
  titleWithPeriod,
} from './reports.layout.js';
import { HEADER_ROW } from './reports.xlsx.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let province: SignedIn;
let commune: SignedIn;
let viewer: SignedIn;
let unitHead: SignedIn;
let otherCommuneId: number;
let ownCommuneId: number;
let templates: Record<string, number>;
const year = todayInVietnam().slice(0, 4);
const yearly = () => ({ template: templates.yearly_review!, from: `${year}-01-01`, to: `${year}-12-31` });

beforeAll(async () => {
  const created = await createTestApp();
  ({ app, database, close } = created);
  await seedDemo(database.db, created.cipher);
  const communes = await currentCommunes(database.db, '48', 2);
  ownCommuneId = communes[0]!.id;
  otherCommuneId = communes[1]!.id;
  province = await makeSignedInUser(app, database.db, 'province_staff', '48');
  commune = await makeSignedInUser(app, database.db, 'commune_officer', communes[0]!.code);
  viewer = await makeSignedInUser(app, database.db, 'viewer', '48');
  unitHead = await makeSignedInUser(app, database.db, 'unit_head', communes[0]!.code);
  const list = (await province.request('GET', '/api/reports/templates')).json() as ReportTemplateList;
  templates = Object.fromEntries(list.items.map((template) => [template.code, template.id]));
});
afterAll(() => close());

function printQuery(extra: Record<string, number> = {}): URLSearchParams {
  return new URLSearchParams(
    Object.entries({ ...yearly(), ...extra }).map(([key, value]): [string, string] => [key, String(value)]),
  );
}

async function runOf(user: SignedIn, body: object): Promise<ReportRun> {
  const response = await user.request('POST', '/api/reports/run', body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ReportRun;
}

async function workbookOf(payload: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

describe('exports of the yearly review', () => {
  it('the Excel file shows the values of the run, section by section, with the title lines', async () => {
    const run = await runOf(province, yearly());
    const response = await province.request('POST', '/api/reports/export', { format: 'xlsx', ...yearly() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const fileName = reportFileName(run, 'xlsx');
    expect(fileName).toMatch(new RegExp(`^Báo cáo tổng kết năm .* năm ${year}\\.xlsx$`));
    expect(String(response.headers['content-disposition'])).toBe(
      `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    expect(asciiFileName(fileName)).toMatch(
      new RegExp(`^Bao-cao-tong-ket-nam-[A-Za-z0-9-]+-${year}\\.xlsx$`),
    );
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets).toHaveLength(run.sections.length + 1);
    expect(String(workbook.worksheets[0]!.getCell('A1').value)).toBe(
      titleWithPeriod(run.template.title, run.period.label).toLocaleUpperCase('vi'),
    );
    expect(String(workbook.worksheets[0]!.getCell('A2').value)).toContain('Đơn vị: Thành phố Đà Nẵng');
    let compared = 0;
    run.sections.forEach((section, index) => {
      const sheet = workbook.worksheets[index + 1]!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      if (section.layout === 'indicators') {
        section.lines.forEach((line, row) => {
          const cells = sheet.getRow(HEADER_ROW + 1 + row);
          expect(cells.getCell(2).value).toBe(line.label);
          expect(cells.getCell(4).value).toBe(line.current);
          if (line.previous !== null) expect(cells.getCell(5).value).toBe(line.previous);
          compared += 1;
        });
      } else {
        const total = sheet.getRow(HEADER_ROW + 1 + section.unitRows.length);
        expect(total.getCell(2).value).toBe('Tổng cộng');
        section.lines.forEach((line, column) => {
          expect(total.getCell(3 + column).value).toBe(section.total[line.key] ?? null);
          compared += 1;
        });
      }
    });
    expect(compared).toBeGreaterThan(5);
  });

  it('the Word file has the administrative header and the values of the run in its tables', async () => {
    const run = await runOf(province, yearly());
    const response = await province.request('POST', '/api/reports/export', { format: 'docx', ...yearly() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(String(response.headers['content-disposition'])).toContain(
      `filename="${asciiFileName(reportFileName(run, 'docx'))}"`,
    );
    const docx = await parseDocx(response.rawPayload);
    expect(docx.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(docx.paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(docx.paragraphs).toContain('BÁO CÁO');
    expect(docx.paragraphs).toContain(documentSubject(run));
    expect(documentSubject(run)).toMatch(new RegExp(`^Tổng kết năm .* năm ${year}$`));
    expect(docx.paragraphs).toContain(run.issuingBody.toLocaleUpperCase('vi'));
    expect(docx.paragraphs.some((line) => /^Đà Nẵng, ngày \d{2} tháng \d{2} năm \d{4}$/.test(line))).toBe(
      true,
    );
    for (const sentence of run.narrative) expect(docx.paragraphs).toContain(sentence);
    const tables = docx.tables.filter((table) => table[0]?.[0] === 'STT');
    expect(tables).toHaveLength(run.sections.length);
    run.sections.forEach((section, index) => {
      const table = tables[index]!;
      if (section.layout === 'indicators') {
        section.lines.forEach((line, row) => {
          expect(table[row + 1]![1]).toBe(line.label);
          expect(table[row + 1]![3]).toBe(formatCell(line.current, 'number'));
        });
      } else {
        expect(table.at(-1)!.slice(2)).toEqual(
          section.lines.map((line) => formatCell(section.total[line.key] ?? null, 'number')),
        );
      }
    });
  });

  it('the print view is an A4 page with the same numbers', async () => {
    const run = await runOf(province, yearly());
    const query = printQuery();
    const response = await viewer.request('GET', `/api/reports/print?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('@page { size: A4;');
    expect(response.body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const first = run.sections.find((section) => section.layout === 'indicators')!.lines[0]!;
    expect(response.body).toContain(`<td class="number">${formatCell(first.current, 'number')}</td>`);
  });

  it('audits every export and print: who, which template, unit and period', async () => {
    const rows = await queryRows<{
      action: string;
      actor: string;
      changes: { _details: Record<string, unknown> };
    }>(
      database.db,
      sql`select action, actor_username as actor, changes from audit_events
          where action in ('report.export', 'report.print') order by id`,
    );
    expect(rows.map((row) => [row.action, row.changes._details.format])).toEqual(
      expect.arrayContaining([
        ['report.export', 'xlsx'],
        ['report.export', 'docx'],
        ['report.print', 'print'],
      ]),
    );
    expect(rows.find((row) => row.action === 'report.export')).toMatchObject({
      actor: province.username,
      changes: { _details: { template: 'yearly_review', from: `${year}-01-01`, to: `${year}-12-31` } },
    });
  });
});

describe('a large export runs as a job', () => {
  it('the phase review 2014–2023 answers 202, reports progress, and its file goes to its user only', async () => {
    const body = {
      format: 'xlsx',
      template: templates.phase_review!,
      from: '2014-01-01',
      to: '2023-12-31',
      basis: 'current',
    };
    const response = await province.request('POST', '/api/reports/export', body);
    expect(response.statusCode, response.body).toBe(202);
    const states = await waitForJob(province, response.json() as JobState);
    const last = states.at(-1)!;
    expect(last.status, JSON.stringify(last.error)).toBe('succeeded');
    expect(last.progress.percent).toBe(100);
    const result = last.result as ExportJobResult;
    expect(result.fileName).toMatch(/2014.2023\.xlsx$/);

    const file = await province.request('GET', `/api/reports/export/${last.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent(result.fileName));
    const run = await runOf(province, {
      template: body.template,
      from: body.from,
      to: body.to,
      basis: 'current',
    });
    const workbook = await workbookOf(file.rawPayload);
    const section = run.sections.findIndex((candidate) => candidate.layout === 'indicators');
    const line = run.sections[section]!.lines[0]!;
    expect(workbook.worksheets[section + 1]!.getRow(HEADER_ROW + 1).getCell(4).value).toBe(line.current);

    // Another user (even of the same province) cannot fetch it.
    const other = await makeSignedInUser(app, database.db, 'province_staff', '48');
    expect((await other.request('GET', `/api/reports/export/${last.id}/file`)).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('a commune officer exports their own commune, and another commune answers 404', async () => {
    const own = await commune.request('POST', '/api/reports/export', { format: 'docx', ...yearly() });
    expect(own.statusCode, own.body).toBe(200);
    const docx = await parseDocx(own.rawPayload);
    expect(docx.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const explicit = await commune.request('POST', '/api/reports/export', {
      format: 'xlsx',
      ...yearly(),
      unit: ownCommuneId,
    });
    expect(explicit.statusCode).toBe(200);
    for (const format of ['xlsx', 'docx']) {
      const response = await commune.request('POST', '/api/reports/export', {
        format,
        ...yearly(),
        unit: otherCommuneId,
      });
      expect(response.statusCode).toBe(404);
    }
    const phase = await commune.request('POST', '/api/reports/export', {
      format: 'docx',
      template: templates.phase_review!,
      from: '2014-01-01',
      to: '2023-12-31',
      unit: otherCommuneId,
    });
    expect(phase.statusCode).toBe(404);
    const query = new URLSearchParams({
      ...Object.fromEntries(Object.entries(yearly()).map(([k, v]) => [k, String(v)])),
      unit: String(otherCommuneId),
    });
    expect((await commune.request('GET', `/api/reports/print?${query}`)).statusCode).toBe(404);
  });

  it('roles: a viewer prints but does not export; a unit head does neither; bad input is 400', async () => {
    expect(
      (await viewer.request('POST', '/api/reports/export', { format: 'docx', ...yearly() })).statusCode,
    ).toBe(403);
    const query = printQuery();
    expect((await unitHead.request('GET', `/api/reports/print?${query}`)).statusCode).toBe(403);
    expect(
      (await unitHead.request('POST', '/api/reports/export', { format: 'docx', ...yearly() })).statusCode,
    ).toBe(403);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/reports/export',
      payload: { format: 'docx', ...yearly() },
    });
    expect(anonymous.statusCode).toBe(401);
    const badFormat = await province.request('POST', '/api/reports/export', { format: 'pdf', ...yearly() });
    expect(badFormat.statusCode).toBe(400);
    const reversed = await province.request('POST', '/api/reports/export', {
      format: 'docx',
      ...yearly(),
      from: `${year}-12-31`,
      to: `${year}-01-01`,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ field: 'to' });
  });
});
