/**
 * Signed-in test users: create a user of any role at any unit, log in through the real endpoint, and send
 * requests with the session cookie and the CSRF token the way the web app does.
 */
import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RoleId } from '../../src/domain/roles.js';
import { systemActor } from '../../src/server/context.js';
import type { Database } from '../../src/server/db/client.js';
import { createUser, resolveUnitCode } from '../../src/server/modules/accounts/accounts.service.js';
import type { TestApp } from './app.js';

export const TEST_PASSWORD = 'Kiem-thu-2025!';

export interface SignedIn {
  userId: number;
  username: string;
  cookie: string;
  csrfToken: string;
  request(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** A user of `role` whose scope is the unit with official code `unitCode` today ("VN" for national). */
export async function makeUser(
  db: Database,
  role: RoleId,
  unitCode: string,
  username = `${role}-${randomBytes(4).toString('hex')}`,
) {
  const unitId = await resolveUnitCode(db, unitCode);
  const { user } = await createUser(db, systemActor('kiểm thử'), {
    username,
    fullName: `Người kiểm thử ${role}`,
    role,
    unitId,
    password: TEST_PASSWORD,
  });
  return user;
}

export async function signIn(
  app: TestApp,
  username: string,
  password = TEST_PASSWORD,
  totp?: string,
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((cookie) => cookie.name === 'antq_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = response.json() as { csrfToken: string; user: { id: number } };
  const cookie = `antq_session=${setCookie.value}`;
  return {
    userId: body.user.id,
    username,
    cookie,
    csrfToken: body.csrfToken,
    request: (method, url, payload) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': body.csrfToken },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
  };
}

export async function makeSignedInUser(
  app: TestApp,
  db: Database,
  role: RoleId,
  unitCode: string,
): Promise<SignedIn> {
  const user = await makeUser(db, role, unitCode);
  return signIn(app, user.username);
}
