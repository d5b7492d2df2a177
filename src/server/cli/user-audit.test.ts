import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { loadConfig } from '../config.js';
import { type DatabaseHandle, queryRows } from '../db/client.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerUserCommands } from './commands/user.js';
import type { CliContext } from './context.js';
import { createOutput } from './output.js';
import { runCli } from './run.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function antq(...args: string[]) {
  const out = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') => ({
    write: (chunk: string) => {
      out[key] += chunk;
      return true;
    },
  });
  const context: CliContext = {
    output: createOutput(sink('stdout')),
    config: () => loadConfig(),
    withDatabase: (work) => work(database),
  };
  const code = await runCli(
    ['node', 'antq', ...args],
    [registerUserCommands, registerAuditCommands],
    context,
    sink('stderr'),
  );
  return { code, ...out };
}

describe('antq user', () => {
  it('creates a user with a one-time password, resets it to a fixed one, and disables the account', async () => {
    const created = await antq(
      'user',
      'create',
      '--username',
      'canbo.cli',
      '--role',
      'province_staff',
      '--unit',
      '48',
      '--full-name',
      'Cán Bộ Dòng Lệnh',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Đã tạo người dùng canbo.cli');
    expect(created.stdout).toMatch(/Mật khẩu dùng một lần của canbo\.cli: [A-Za-z0-9]{16}/);
    const [user] = await queryRows<{ must_change_password: boolean }>(
      database.db,
      sql`select must_change_password from users where username = 'canbo.cli'`,
    );
    expect(user?.must_change_password).toBe(true);

    const reset = await antq(
      'user',
      'reset-password',
      '--username',
      'canbo.cli',
      '--password',
      'Mat-khau-co-dinh-1',
    );
    expect(reset.code).toBe(0);
    const [afterReset] = await queryRows<{ must_change_password: boolean }>(
      database.db,
      sql`select must_change_password from users where username = 'canbo.cli'`,
    );
    expect(afterReset?.must_change_password).toBe(false);

    expect((await antq('user', 'disable', '--username', 'canbo.cli')).code).toBe(0);
    const [disabled] = await queryRows<{ active: boolean }>(
      database.db,
      sql`select active from users where username = 'canbo.cli'`,
    );
    expect(disabled?.active).toBe(false);
  });

  it('refuses an unknown unit code and a weak fixed password in Vietnamese', async () => {
    const unknownUnit = await antq(
      'user',
      'create',
      '--username',
      'x1',
      '--role',
      'viewer',
      '--unit',
      '99999',
    );
    expect(unknownUnit.code).toBe(1);
    expect(unknownUnit.stderr).toContain('Không có đơn vị mã "99999"');
    const weak = await antq(
      'user',
      'create',
      '--username',
      'x2',
      '--role',
      'viewer',
      '--unit',
      'VN',
      '--password',
      '123',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Mật khẩu phải có ít nhất');
  });
});

describe('antq audit verify', () => {
  it('exits 0 on an intact chain and 1 naming the row after tampering', async () => {
    await antq(
      'user',
      'create',
      '--username',
      'nhat.ky',
      '--role',
      'viewer',
      '--unit',
      'VN',
      '--password',
      'Mat-khau-co-dinh-2',
    );
    const intact = await antq('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('Chuỗi nhật ký toàn vẹn');

    const [target] = await queryRows<{ id: number }>(
      database.db,
      sql`select id::int from audit_events where seq = 2`,
    );
    await database.db.execute(sql`alter table audit_events disable trigger user`);
    await database.db.execute(sql`update audit_events set actor_username = 'kẻ giả mạo' where seq = 2`);
    await database.db.execute(sql`alter table audit_events enable trigger user`);
    const broken = await antq('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Bản ghi nhật ký số ${target!.id}`);
  });
});
