import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { defaultBackupName, registerDbCommands } from './commands/db.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerRetentionCommands } from './commands/retention.js';
import { registerSeedCommands } from './commands/seed.js';
import { registerUnitsCommands } from './commands/units.js';
import type { CliContext } from './context.js';
import { CliError } from './errors.js';
import { createOutput, formatCount, formatDuration } from './output.js';
import { type CommandGroup, runCli, translateCommanderMessage } from './run.js';

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

/** A context on a database the test owns; the CLI must not close it. */
function testContext(database: DatabaseHandle | undefined, out = captured()) {
  const context: CliContext = {
    output: createOutput(out.stream),
    config: () => ({ ...loadConfig(), dataDir: folder }),
    withDatabase: async (work) => {
      if (!database) throw new Error('no database in this test');
      return work(database);
    },
  };
  return { context, out };
}

async function run(args: string[], groups: CommandGroup[], database?: DatabaseHandle) {
  const { context, out } = testContext(database);
  const err = captured();
  const code = await runCli(['node', 'antq', ...args], groups, context, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

const failing: CommandGroup = (program: Command) => {
  program.command('boom').action(() => {
    throw new Error('kaput');
  });
  program.command('explained').action(() => {
    throw new CliError('Tệp sao lưu bị hỏng.');
  });
};

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'antq-cli-test-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('antq errors', () => {
  it('answers an unknown command in Vietnamese with exit code 1', async () => {
    const result = await run(['frob'], [registerMigrateCommand]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Lỗi: không có lệnh "frob".');
  });

  it('shows no stack trace unless --debug is given', async () => {
    const quiet = await run(['boom'], [failing]);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain('Lỗi: Lỗi không mong đợi: kaput');
    expect(quiet.stderr).toContain('--debug');
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const loud = await run(['boom', '--debug'], [failing]);
    expect(loud.code).toBe(1);
    expect(loud.stderr).toMatch(/\n\s+at /);
  });

  it('prints an explained failure as it is, without the --debug hint', async () => {
    const result = await run(['explained'], [failing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Lỗi: Tệp sao lưu bị hỏng.\n');
  });

  it('translates the messages of the argument parser', () => {
    expect(translateCommanderMessage("error: missing required argument 'file'")).toBe(
      'Lỗi: thiếu tham số <file>.\n',
    );
    expect(translateCommanderMessage("error: unknown option '--fast'")).toBe(
      'Lỗi: không có tùy chọn "--fast".\n',
    );
  });
});

describe('antq output', () => {
  it('prints a plain line at each tenth when stdout is not a terminal', () => {
    const out = captured();
    const progress = createOutput(out.stream).progress('Nạp', 1000);
    for (let done = 0; done <= 1000; done += 7) progress.update(done, 'đơn vị');
    progress.stop();
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('Nạp: 0% — 0/1.000 (đơn vị)');
    expect(lines.at(-1)).toBe('Nạp: 100% — 1.000/1.000 (đơn vị)');
  });

  it('formats counts and durations the Vietnamese way', () => {
    expect(formatCount(14006)).toBe('14.006');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(3600)).toBe('3,6 giây');
    expect(defaultBackupName(new Date('2025-07-01T02:03:04.567Z'))).toBe('antq-20250701-020304.jsonl.gz');
  });
});

describe('antq commands on a database', () => {
  let database: DatabaseHandle;
  const groups = [registerMigrateCommand, registerUnitsCommands, registerSeedCommands, registerDbCommands];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('migrate, units import, seed demo: each says what it did, and a second run changes nothing', async () => {
    const migrate = await run(['migrate'], groups, database);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/Lược đồ đã ở phiên bản mới nhất: \d{4}_/);

    const units = await run(['units', 'import'], groups, database);
    expect(units.code).toBe(0);
    expect(units.stdout).toContain('không có gì thay đổi');

    const seed = await run(['seed', 'demo'], groups, database);
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain('Đã tạo dữ liệu mẫu');
    const again = await run(['seed', 'demo'], groups, database);
    expect(again.stdout).toContain('Dữ liệu mẫu đã có sẵn');
    // The demo covers every registry now (reintegration files, plans, meetings): on a loaded machine it needs time.
  }, 120_000);

  it('retention run removes nothing that is not yet due and says so', async () => {
    const result = await run(
      ['retention', 'run', '--years', '5'],
      [...groups, registerRetentionCommands],
      database,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /Đã xóa thông tin cá nhân của 0 hồ sơ kết thúc đến ngày \d{2}\/\d{2}\/\d{4} \(lưu 5 năm\)/,
    );
    const refused = await run(
      ['retention', 'run', '--years', 'x'],
      [...groups, registerRetentionCommands],
      database,
    );
    expect(refused.code).toBe(1);
  });

  it('db backup writes the file; db restore wants --yes on a database that has data', async () => {
    const file = path.join(folder, 'cli.jsonl.gz');
    const backup = await run(['db', 'backup', '--out', file], groups, database);
    expect(backup.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(backup.stdout).toMatch(/Đã sao lưu [\d.]+ dòng của \d+ bảng/);
    expect(backup.stdout).toContain('Sao lưu: 100%');

    const again = await run(['db', 'backup', '--out', file], groups, database);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã tồn tại');

    const refused = await run(['db', 'restore', file], groups, database);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes');

    const restore = await run(['db', 'restore', file, '--yes'], groups, database);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/Đã khôi phục [\d.]+ dòng/);
  }, 120_000);
});
