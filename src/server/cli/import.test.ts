/**
 * `antq import`: the console runs the same all-or-nothing Excel import as the web pages. A file with bad rows
 * prints every bad row in Vietnamese, exits 1 and writes nothing; --dry-run checks without writing; --unit limits
 * the rows to that unit's subtree.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { createVillage } from '../../../test/helpers/factories.js';
import { findMergedCommune } from '../../../test/helpers/registries.js';
import { loadConfig } from '../config.js';
import { type DatabaseHandle, queryRows } from '../db/client.js';
import { FEEDBACK_COLUMNS, FEEDBACK_SHEET } from '../modules/feedback/feedback.import.js';
import { MODEL_COLUMNS, MODEL_SHEET } from '../modules/models/models.import.js';
import { MEMBER_COLUMNS, MEMBER_SHEET, TEAM_COLUMNS, TEAM_SHEET } from '../modules/teams/teams.import.js';
import { templateHeader } from '../registry/xlsx.js';
import { registerImportCommands } from './commands/import.js';
import type { CliContext } from './context.js';
import { createOutput } from './output.js';
import { runCli } from './run.js';

type Cells = Record<string, string | number | null>;

let database: DatabaseHandle;
let folder: string;
let village: { id: number; fullName: string };
let otherCommuneCode: string;

function captured() {
  let text = '';
  return {
    stream: {
      write: (chunk: string) => {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
}

async function run(args: string[]) {
  const out = captured();
  const err = captured();
  const context: CliContext = {
    output: createOutput(out.stream),
    config: () => loadConfig(),
    withDatabase: (work) => work(database),
  };
  const code = await runCli(
    ['node', 'antq', 'import', ...args],
    [registerImportCommands],
    context,
    err.stream,
  );
  return { code, stdout: out.text(), stderr: err.text() };
}

async function writeBook(
  name: string,
  sheets: Array<[string, typeof TEAM_COLUMNS, Cells[]]>,
): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, columns, rows] of sheets) {
    const sheet = book.addWorksheet(sheetName);
    sheet.addRow(columns.map(templateHeader));
    for (const row of rows) sheet.addRow(columns.map((column) => row[column.key] ?? null));
  }
  const file = path.join(folder, name);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

async function counts() {
  const [row] = await queryRows<{ teams: number; members: number; models: number }>(
    database.db,
    sql`select (select count(*)::int from teams) as teams, (select count(*)::int from team_members) as members,
               (select count(*)::int from models) as models`,
  );
  return row!;
}

const unitCell = () => `${village.fullName} [#${village.id}]`;
const goodTeam = (key: string, name: string): Cells => ({
  key,
  kind: 'Tổ hòa giải',
  name,
  unitId: unitCell(),
  establishedOn: '01/08/2025',
});

beforeAll(async () => {
  database = await createTestDatabase();
  folder = mkdtempSync(path.join(tmpdir(), 'antq-cli-import-'));
  const commune = await findMergedCommune(database.db, '48', 0);
  village = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
  otherCommuneCode = (await findMergedCommune(database.db, '48', 1)).code;
});

afterAll(async () => {
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('antq import', () => {
  it('prints every bad row in Vietnamese, exits 1 and writes nothing', async () => {
    const file = await writeBook('co-loi.xlsx', [
      [
        TEAM_SHEET,
        TEAM_COLUMNS,
        [goodTeam('T1', 'Tổ hòa giải một'), { ...goodTeam('T2', 'Tổ sai'), kind: 'Không có' }],
      ],
      [
        MEMBER_SHEET,
        MEMBER_COLUMNS,
        [
          {
            teamKey: 'T1',
            fullName: 'Lê Văn Hải',
            birthYear: 1975,
            role: 'Tổ trưởng',
            joinedOn: '01/08/2025',
          },
          {
            teamKey: 'T1',
            fullName: 'Phạm Thị Hoa',
            birthYear: 'năm ngoái',
            role: 'Tổ viên',
            joinedOn: '01/08/2025',
          },
        ],
      ],
    ]);
    const before = await counts();
    const result = await run(['teams', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'Trang "Tổ, đội, ban", dòng 3, cột "Loại": "Không có" không có trong danh sách',
    );
    expect(result.stdout).toContain('Trang "Thành viên", dòng 3, cột "Năm sinh"');
    expect(result.stderr).toContain('Lỗi: Tệp có 2 lỗi: không ghi dòng nào.');
    expect(await counts()).toEqual(before);
  });

  it('checks without writing under --dry-run, then writes the whole file', async () => {
    const file = await writeBook('tot.xlsx', [
      [TEAM_SHEET, TEAM_COLUMNS, [goodTeam('T1', 'Tổ hòa giải nhập từ dòng lệnh')]],
      [
        MEMBER_SHEET,
        MEMBER_COLUMNS,
        [
          {
            teamKey: 'T1',
            fullName: 'Lê Văn Hải',
            birthYear: 1975,
            role: 'Tổ trưởng',
            joinedOn: '01/08/2025',
          },
          {
            teamKey: 'T1',
            fullName: 'Phạm Thị Hoa',
            birthYear: 1988,
            role: 'Tổ viên',
            joinedOn: '01/08/2025',
          },
        ],
      ],
    ]);
    const before = await counts();
    const dry = await run(['teams', file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('cả 3 dòng hợp lệ, chưa ghi gì');
    expect(await counts()).toEqual(before);

    const real = await run(['teams', file]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('Trang "Thành viên": 2 dòng, 2 hợp lệ, 2 đã ghi.');
    expect(real.stdout).toContain('Đã ghi toàn bộ 3 dòng');
    const after = await counts();
    expect(after.teams).toBe(before.teams + 1);
    expect(after.members).toBe(before.members + 2);
  });

  it('with --unit refuses rows naming a unit outside that unit', async () => {
    const file = await writeBook('ngoai-pham-vi.xlsx', [
      [
        MODEL_SHEET,
        MODEL_COLUMNS,
        [
          {
            name: 'Camera an ninh thử',
            kindId: 'Camera an ninh',
            leadUnitId: unitCell(),
            startedOn: '01/08/2025',
            cameraPoints: 2,
            cameras: 4,
          },
        ],
      ],
    ]);
    const before = await counts();
    const outside = await run(['models', file, '--unit', otherCommuneCode]);
    expect(outside.code).toBe(1);
    expect(outside.stdout, outside.stderr).toMatch(/Trang "Mô hình", dòng 2, cột "[^"]+"/);
    expect(await counts()).toEqual(before);

    const inside = await run(['models', file]);
    expect(inside.code, inside.stdout + inside.stderr).toBe(0);
    expect((await counts()).models).toBe(before.models + 1);
  });

  it('asks for a file with member rows when importing members, and names an unknown kind', async () => {
    const empty = await writeBook('khong-co-thanh-vien.xlsx', [
      [TEAM_SHEET, TEAM_COLUMNS, [goodTeam('T1', 'Tổ lẻ')]],
    ]);
    const members = await run(['members', empty, '--dry-run']);
    expect(members.code).toBe(1);
    expect(members.stderr).toContain('không có dòng dữ liệu nào ở trang "Thành viên"');
    const unknown = await run(['khen-thuong', empty]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có loại nhập "khen-thuong"');
  });

  it('imports the registries of movement work too: feedback, every row or none', async () => {
    const row = {
      unitId: unitCell(),
      receivedOn: '02/09/2025',
      channel: 'Cán bộ ghi nhận',
      topic: 'Dòng lệnh',
    };
    const feedbackCount = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from feedback where topic = 'Dòng lệnh'`,
        )
      )[0]!.n;
    const bad = await writeBook('y-kien-loi.xlsx', [
      [FEEDBACK_SHEET, FEEDBACK_COLUMNS, [row, { ...row, receivedOn: '31/02/2025' }]],
    ]);
    const refused = await run(['feedback', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Trang "Ý kiến", dòng 3, cột "Ngày tiếp nhận"');
    expect(await feedbackCount()).toBe(0);
    const good = await writeBook('y-kien.xlsx', [[FEEDBACK_SHEET, FEEDBACK_COLUMNS, [row]]]);
    const written = await run(['feedback', good]);
    expect(written.code, written.stdout + written.stderr).toBe(0);
    expect(await feedbackCount()).toBe(1);
  });
});
