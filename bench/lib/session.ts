/**
 * Most of the API needs a signed-in user. A bench run creates its own account (national administrator, random
 * password, never printed) before the server starts, then signs in over HTTP like the web app does.
 */
import { randomBytes } from 'node:crypto';
import { systemActor } from '../../src/server/context.js';
import type { DatabaseHandle } from '../../src/server/db/client.js';
import { createUser } from '../../src/server/modules/accounts/accounts.service.js';

export interface BenchAccount {
  username: string;
  password: string;
}

export async function createBenchAccount(database: DatabaseHandle): Promise<BenchAccount> {
  const account = { username: 'do-hieu-nang', password: `Qz-${randomBytes(18).toString('base64url')}-9x` };
  await createUser(database.db, systemActor('bench'), {
    username: account.username,
    fullName: 'Tài khoản đo hiệu năng',
    role: 'admin',
    unitId: null,
    password: account.password,
  });
  return account;
}

/** The Cookie header of a fresh session. */
export async function signIn(baseUrl: string, account: BenchAccount): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`Đăng nhập tài khoản đo hiệu năng thất bại (HTTP ${response.status})`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  return cookies.join('; ');
}
