/**
 * Excel in and out for teams: the template, an import of mixed good and bad rows (nothing written, every bad row
 * named by row and column), a dry run then a real import, the export of the current filter, and 50,000 members
 * imported through a background job whose progress reaches 100%.
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
import type { JobState } from '../../../contracts/jobs.js';
import type { ImportResult } from '../../../contracts/registry.js';
import type { TeamList } from '../../../contracts/teams.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import { templateHeader } from '../../registry/xlsx.js';
import { MEMBER_COLUMNS, MEMBER_SHEET, TEAM_COLUMNS, TEAM_SHEET } from './teams.import.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let officer: SignedIn;
let commune: MergedCommune;
const villages: Array<{ id: number; fullName: string }> = [];

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48', 1);
  for (let index = 0; index < 4; index++) {
    villages.push(await createVillage(database.db, commune.id, { validFrom: '2025-07-01' }));
  }
  officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
});
afterAll(() => close());

type Cells = Record<string, string | number | Date | null>;

/** A workbook laid out like the template (headers with "(*)"), written with the streaming writer. */
async function workbook(teams: Cells[], members: Cells[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
  for (const [name, columns, rows] of [
    [TEAM_SHEET, TEAM_COLUMNS, teams],
    [MEMBER_SHEET, MEMBER_COLUMNS, members],
  ] as const) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(columns.map(templateHeader)).commit();
    for (const row of rows) sheet.addRow(columns.map((column) => row[column.key] ?? null)).commit();
    sheet.commit();
  }
  await book.commit();
  return Buffer.concat(chunks);
}

const unitCell = (unit: { id: number; fullName: string }) => `${unit.fullName} [#${unit.id}]`;

async function counts() {
  const [row] = await queryRows<{ teams: number; members: number }>(
    database.db,
    sql`select (select count(*)::int from teams) as teams, (select count(*)::int from team_members) as members`,
  );
  return row!;
}

async function runImport(file: Buffer, dryRun = false): Promise<JobState> {
  const response = await upload(app, officer, `/api/teams/import?dryRun=${dryRun}`, file);
  expect([200, 202], response.body).toContain(response.statusCode);
  const states = await waitForJob(officer, response.json() as JobState);
  return states.at(-1)!;
}

describe('the template', () => {
  it('is an .xlsx with instructions, a hidden list sheet, drop-downs and Vietnamese headers', async () => {
    const response = await officer.request('GET', '/api/teams/import/template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain("filename*=UTF-8''M%E1%BA%ABu");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Hướng dẫn',
      'Danh mục',
      TEAM_SHEET,
      MEMBER_SHEET,
    ]);
    expect(book.getWorksheet('Danh mục')!.state).toBe('hidden');
    const teams = book.getWorksheet(TEAM_SHEET)!;
    expect(teams.getRow(1).getCell(2).value).toBe('Loại (*)');
    const units = book.getWorksheet('Danh mục')!.getColumn(2).values.map(String);
    expect(units.some((value) => value.includes(`[#${villages[0]!.id}]`))).toBe(true);
    const validation = (teams as unknown as { dataValidations: { model: Record<string, { type: string }> } })
      .dataValidations.model;
    expect(Object.values(validation).some((rule) => rule.type === 'list')).toBe(true);
  });
});

describe('an import of good and bad rows', () => {
  it('writes nothing and names every bad row with its row number and column', async () => {
    const before = await counts();
    const file = await workbook(
      [
        {
          key: 'T1',
          kind: 'Tổ bảo vệ an ninh, trật tự ở cơ sở',
          name: 'Tổ 1',
          unitId: unitCell(villages[0]!),
          establishedOn: '15/07/2025',
        },
        // Row 3: a grassroots team cannot be set up at a commune.
        {
          key: 'T2',
          kind: 'Tổ bảo vệ an ninh, trật tự ở cơ sở',
          name: 'Tổ 2',
          unitId: `Xã [#${commune.id}]`,
          establishedOn: '15/07/2025',
        },
        // Row 4: a unit outside the officer's scope and an impossible date.
        { key: 'T3', kind: 'Tổ hòa giải', name: 'Tổ 3', unitId: '#1', establishedOn: '31/02/2025' },
        // Row 5: fine, typed without diacritics.
        {
          key: 'T4',
          kind: 'to an ninh nhan dan',
          name: 'Tổ 4',
          unitId: unitCell(villages[1]!),
          establishedOn: new Date(Date.UTC(2025, 7, 1)),
        },
      ],
      [
        {
          teamKey: 'T1',
          fullName: 'Nguyễn Văn An',
          birthYear: 1980,
          role: 'Tổ trưởng',
          joinedOn: '01/08/2025',
          residenceSince: '01/01/2000',
        },
        // Row 3: 17 years old.
        {
          teamKey: 'T1',
          fullName: 'Trần Văn Nhỏ',
          birthYear: 2008,
          role: 'Tổ viên',
          joinedOn: '01/08/2025',
          residenceSince: '01/01/2010',
        },
        // Row 4: no name, no role.
        { teamKey: 'T1', birthYear: 1980, joinedOn: '01/08/2025', residenceSince: '01/01/2000' },
        // Row 5: a team key that is not in the file.
        {
          teamKey: 'T9',
          fullName: 'Lê Thị Lạc',
          birthYear: 1990,
          role: 'Tổ viên',
          joinedOn: '01/08/2025',
          residenceSince: '01/01/2000',
        },
        // Row 6: a second leader of T1.
        {
          teamKey: 'T1',
          fullName: 'Phạm Văn Hai',
          birthYear: 1975,
          role: 'Tổ trưởng',
          joinedOn: '01/09/2025',
          residenceSince: '01/01/2000',
        },
        // Row 7: resident for less than a year.
        {
          teamKey: 'T4',
          fullName: 'Đỗ Thị Mới',
          birthYear: 1995,
          role: 'Tổ viên',
          joinedOn: '01/09/2025',
          residenceSince: '01/03/2025',
        },
        // Row 8: fine.
        {
          teamKey: 'T4',
          fullName: 'Hoàng Văn Tốt',
          birthYear: 1970,
          gender: 'Nam',
          phone: '0912 345 678',
          role: 'Tổ trưởng',
          joinedOn: '01/09/2025',
          residenceSince: '01/01/1990',
        },
      ],
    );
    const job = await runImport(file);
    expect(job.status).toBe('succeeded');
    const result = job.result as ImportResult;
    expect(result.committed).toBe(false);
    const named = result.errors.map((error) => `${error.sheet}|${error.row}|${error.field}`);
    expect(named).toEqual(
      expect.arrayContaining([
        `${TEAM_SHEET}|3|Đơn vị`,
        `${TEAM_SHEET}|4|Ngày thành lập`,
        `${MEMBER_SHEET}|3|Năm sinh`,
        `${MEMBER_SHEET}|4|Họ và tên`,
        `${MEMBER_SHEET}|4|Chức danh`,
        `${MEMBER_SHEET}|5|Mã tổ trong tệp`,
        `${MEMBER_SHEET}|6|Chức danh`,
        `${MEMBER_SHEET}|7|Cư trú tại địa bàn từ ngày`,
      ]),
    );
    const badRows = new Set(result.errors.map((error) => `${error.sheet}|${error.row}`));
    expect(badRows.has(`${TEAM_SHEET}|2`)).toBe(false);
    expect(badRows.has(`${TEAM_SHEET}|5`)).toBe(false);
    expect(badRows.has(`${MEMBER_SHEET}|2`)).toBe(false);
    expect(badRows.has(`${MEMBER_SHEET}|8`)).toBe(false);
    expect(result.errors.find((error) => error.row === 3 && error.sheet === MEMBER_SHEET)?.message).toContain(
      '17 tuổi',
    );
    expect(result.sheets).toEqual([
      { sheet: TEAM_SHEET, rows: 4, valid: 2, created: 0 },
      { sheet: MEMBER_SHEET, rows: 7, valid: 2, created: 0 },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not Excel', async () => {
    const response = await upload(app, officer, '/api/teams/import', Buffer.from('họ tên,năm sinh\n'));
    expect([200, 202], response.body).toContain(response.statusCode);
    const job = (await waitForJob(officer, response.json() as JobState)).at(-1)!;
    expect(job).toMatchObject({ status: 'failed', error: { code: 'import.not_xlsx' } });
  });
});

describe('a dry run, then the import', () => {
  const file = () =>
    workbook(
      [
        {
          key: 'A',
          kind: 'Tổ bảo vệ an ninh, trật tự ở cơ sở',
          name: 'Tổ bảo vệ Nhập Khẩu',
          unitId: unitCell(villages[2]!),
          establishedOn: '01/08/2025',
          decisionNumber: '7/QĐ-UBND',
        },
      ],
      [
        {
          teamKey: 'A',
          fullName: 'Vũ Văn Nhập',
          birthYear: 1982,
          role: 'Tổ trưởng',
          joinedOn: '01/08/2025',
          residenceSince: '01/01/2001',
        },
        {
          teamKey: 'A',
          fullName: 'Vũ Thị Khẩu',
          birthYear: 1990,
          role: 'Tổ viên',
          joinedOn: '01/08/2025',
          residenceSince: '01/01/2001',
        },
      ],
    );

  it('checks without writing, then writes everything with its audit events', async () => {
    const before = await counts();
    const dry = (await runImport(await file(), true)).result as ImportResult;
    expect(dry).toMatchObject({ dryRun: true, committed: false, errorCount: 0 });
    expect(await counts()).toEqual(before);
    const done = (await runImport(await file())).result as ImportResult;
    expect(done).toMatchObject({ dryRun: false, committed: true, errorCount: 0 });
    expect(done.sheets.map((sheet) => sheet.created)).toEqual([1, 2]);
    expect(await counts()).toEqual({ teams: before.teams + 1, members: before.members + 2 });
    const list = (await officer.request('GET', '/api/teams?q=nhap%20khau')).json() as TeamList;
    expect(list.items[0]).toMatchObject({
      memberCount: 2,
      leaderName: 'Vũ Văn Nhập',
      decisionNumber: '7/QĐ-UBND',
    });
    const detail = (await officer.request('GET', `/api/teams/${list.items[0]!.id}`)).json() as {
      history: Array<{ action: string }>;
    };
    expect(detail.history.map((event) => event.action)).toEqual(['team.imported']);
    // The same file again: the village already has its grassroots team.
    const again = (await runImport(await file())).result as ImportResult;
    expect(again.committed).toBe(false);
    expect(again.errors[0]).toMatchObject({ sheet: TEAM_SHEET, row: 2, field: 'Đơn vị' });
  });
});

describe('members for a team already registered', () => {
  it('are named by the team’s id, checked against that team, and added', async () => {
    const list = (await officer.request('GET', '/api/teams?q=nhap%20khau')).json() as TeamList;
    const team = list.items[0]!;
    const rows = (leaderName: string) => [
      {
        teamId: team.id,
        fullName: 'Ngô Văn Thêm',
        birthYear: 1988,
        role: 'Tổ viên',
        joinedOn: '01/10/2025',
        residenceSince: '01/01/2005',
      },
      {
        teamId: team.id,
        fullName: leaderName,
        birthYear: 1979,
        role: 'Tổ trưởng',
        joinedOn: '01/10/2025',
        residenceSince: '01/01/2005',
      },
      {
        teamId: 999_999,
        fullName: 'Không Có Tổ',
        birthYear: 1980,
        role: 'Tổ viên',
        joinedOn: '01/10/2025',
        residenceSince: '01/01/2005',
      },
    ];
    const refused = (await runImport(await workbook([], rows('Ngô Văn Trưởng')))).result as ImportResult;
    expect(refused.committed).toBe(false);
    // The team already has its leader (Vũ Văn Nhập), and team 999999 is nowhere in scope.
    expect(refused.errors.map((error) => [error.row, error.field])).toEqual([
      [3, 'Chức danh'],
      [4, 'Số định danh tổ đã có'],
    ]);
    const done = (await runImport(await workbook([], rows('Ngô Văn Trưởng').slice(0, 1))))
      .result as ImportResult;
    expect(done).toMatchObject({
      committed: true,
      sheets: [expect.anything(), expect.objectContaining({ created: 1 })],
    });
    const members = (await officer.request('GET', `/api/teams/${team.id}/members`)).json() as {
      total: number;
    };
    expect(members.total).toBe(3);
  });
});

describe('the export', () => {
  it('answers the current filter as .xlsx: title, filter line, time, frozen header, dd/mm/yyyy dates', async () => {
    const response = await officer.request(
      'GET',
      '/api/teams/export?q=nhap%20khau&kind=grassroots_security_team',
    );
    expect(response.statusCode, response.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tổ, đội, ban')!;
    expect(String(sheet.getCell('A1').value)).toContain('DANH SÁCH TỔ, ĐỘI, BAN');
    const filter = String(sheet.getCell('A2').value);
    expect(filter).toContain('Loại: Tổ bảo vệ an ninh, trật tự ở cơ sở');
    expect(filter).toContain('Tìm: "nhap khau"');
    expect(String(sheet.getCell('A3').value)).toMatch(/Thời gian xuất: \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
    expect(sheet.getRow(4).getCell(2).value).toBe('Tên tổ, đội, ban');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getRow(5).getCell(2).value).toBe('Tổ bảo vệ Nhập Khẩu');
    expect(sheet.getRow(5).getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.rowCount).toBe(5);
    const members = book.getWorksheet('Thành viên')!;
    // Title, filter, time and header, then the two imported members and the one added to the team afterwards.
    expect(members.rowCount).toBe(7);
  });
});

describe('the export of a member search', () => {
  it('lists the people found, with the search in the filter line', async () => {
    const response = await officer.request('GET', '/api/teams/members/export?q=vu%20thi%20khau');
    expect(response.statusCode, response.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Thành viên')!;
    expect(String(sheet.getCell('A1').value)).toBe('DANH SÁCH THÀNH VIÊN TỔ, ĐỘI, BAN');
    expect(String(sheet.getCell('A2').value)).toContain('Tìm: "vu thi khau"');
    expect(sheet.getRow(5).getCell(2).value).toBe('Vũ Thị Khẩu');
    expect(sheet.getRow(5).getCell(6).value).toBe('Tổ viên');
    expect(sheet.rowCount).toBe(5);
  });
});

describe('an upload over the size limit', () => {
  it('is refused with 413 and a Vietnamese message', async () => {
    const small = await createTestApp({ uploadMaxMegabytes: 1 });
    try {
      const user = await makeSignedInUser(small.app, small.database.db, 'commune_officer', commune.code);
      const response = await upload(small.app, user, '/api/teams/import', Buffer.alloc(1_200_000, 1));
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large' });
    } finally {
      await small.close();
    }
  });
});

describe('50,000 members', () => {
  it('are imported through a background job whose progress reaches 100%', async () => {
    const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi'];
    const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc'];
    const given = [
      'An',
      'Bình',
      'Cường',
      'Dũng',
      'Hà',
      'Hải',
      'Hùng',
      'Lan',
      'Long',
      'Mai',
      'Nam',
      'Phúc',
      'Sơn',
      'Tâm',
      'Thảo',
      'Trung',
    ];
    const teams: Cells[] = [];
    const members: Cells[] = [];
    for (let team = 0; team < 2000; team++) {
      const village = villages[team % villages.length]!;
      teams.push({
        key: `B${team}`,
        kind: 'Tổ an ninh nhân dân',
        name: `Tổ an ninh nhân dân số ${team + 1}`,
        unitId: unitCell(village),
        establishedOn: new Date(Date.UTC(2025, 6, 15)),
      });
      for (let index = 0; index < 25; index++) {
        const n = team * 25 + index;
        members.push({
          teamKey: `B${team}`,
          fullName: `${surnames[n % 10]} ${middles[(n >> 3) % 8]} ${given[(n >> 5) % 16]}`,
          birthYear: 1960 + (n % 40),
          gender: n % 3 === 0 ? 'Nữ' : 'Nam',
          phone: `09${String(10_000_000 + n).slice(-8)}`,
          role: index === 0 ? 'Tổ trưởng' : index === 1 ? 'Tổ phó' : 'Tổ viên',
          joinedOn: new Date(Date.UTC(2025, 7, 1 + (n % 28))),
          residenceSince: new Date(Date.UTC(2000, n % 12, 1)),
        });
      }
    }
    const file = await workbook(teams, members);
    const before = await counts();
    const response = await upload(app, officer, '/api/teams/import', file);
    expect([200, 202], response.body).toContain(response.statusCode);
    const states = await waitForJob(officer, response.json() as JobState, { intervalMs: 100 });
    const last = states.at(-1)!;
    expect(last.status, JSON.stringify(last.error)).toBe('succeeded');
    expect(last.progress.percent).toBe(100);
    expect(last.progress.done).toBe(last.progress.total);
    const percents = states.map((state) => state.progress.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.some((percent) => percent > 0 && percent < 100)).toBe(true);
    const result = last.result as ImportResult;
    expect(result.errorCount).toBe(0);
    expect(result.sheets.map((sheet) => sheet.created)).toEqual([2000, 50_000]);
    expect(await counts()).toEqual({ teams: before.teams + 2000, members: before.members + 50_000 });
    const search = await officer.request('GET', '/api/teams/members?q=nguyen%20van%20an&pageSize=20');
    expect(search.statusCode).toBe(200);
    expect((search.json() as { total: number }).total).toBeGreaterThan(0);
  }, 180_000);
});
