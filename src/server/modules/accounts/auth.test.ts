import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser, signIn, TEST_PASSWORD } from '../../../../test/helpers/users.js';
import type { DatabaseHandle } from '../../db/client.js';
import { sealAll } from '../audit/audit.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp({ loginMaxFailures: 3, loginLockMinutes: 15 }));
});
afterAll(() => close());

const login = (username: string, password: string, totp?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });

async function auditActions(entityId: number): Promise<string[]> {
  await sealAll(database.db);
  const admin = await signIn(app, (await makeUser(database.db, 'admin', 'VN')).username);
  const response = await admin.request('GET', `/api/audit?entityType=user&entityId=${entityId}&pageSize=100`);
  return (response.json() as { items: Array<{ action: string }> }).items.map((item) => item.action);
}

describe('login', () => {
  it('opens a session with an httpOnly, SameSite=Strict cookie and answers the user with a CSRF token', async () => {
    const user = await makeUser(database.db, 'commune_officer', '48');
    const response = await login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === 'antq_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = response.json();
    expect(body.user.username).toBe(user.username);
    expect(body.user.roleLabel).toBe('Cán bộ Công an xã, phường');
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `antq_session=${cookie!.value}` },
    });
    expect(session.json().user.id).toBe(user.id);
  });

  it('gives the same answer for an unknown user and a wrong password, in similar time', async () => {
    const time = async (username: string) => {
      const started = performance.now();
      const response = await login(username, 'sai-mat-khau-123');
      return { ms: performance.now() - started, status: response.statusCode, body: response.json() };
    };
    // One sample of each is at the mercy of whatever else the machine runs; interleaved rounds and medians are
    // not. A fresh user per round keeps the lock-out (after 3 failures) from changing the path measured.
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const wrongPasswordMs: number[] = [];
    const unknownUserMs: number[] = [];
    for (let round = 0; round < 5; round++) {
      const user = await makeUser(database.db, 'viewer', '01');
      const wrongPassword = await time(user.username);
      const unknownUser = await time(`khong-ton-tai-${round}`);
      expect(wrongPassword.status).toBe(401);
      expect(unknownUser.status).toBe(401);
      expect(unknownUser.body.code).toBe(wrongPassword.body.code);
      expect(unknownUser.body.message).toBe(wrongPassword.body.message);
      wrongPasswordMs.push(wrongPassword.ms);
      unknownUserMs.push(unknownUser.ms);
    }
    // Both check a password hash: neither answers in a fraction of the other's time.
    const ratio = median(unknownUserMs) / median(wrongPasswordMs);
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });

  it('locks a username after repeated failures, refuses even the right password, and unlocks by an admin with an audit event', async () => {
    const user = await makeUser(database.db, 'commune_officer', '48');
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await login(user.username, 'sai-mat-khau-123')).statusCode).toBe(401);
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('auth.locked');

    const admin = await signIn(app, (await makeUser(database.db, 'admin', 'VN')).username);
    const list = await admin.request('GET', `/api/users/${user.id}`);
    expect(list.json().locked).toBe(true);
    const unlock = await admin.request('POST', `/api/users/${user.id}/unlock`, {});
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().locked).toBe(false);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const actions = await auditActions(user.id);
    expect(actions).toContain('auth.locked');
    expect(actions).toContain('auth.unlocked');
    expect(actions.filter((action) => action === 'auth.login_failed')).toHaveLength(3);
  });

  it('locks an unknown username the same way, so the lock reveals nothing', async () => {
    for (let attempt = 0; attempt < 3; attempt++) await login('nguoi-la-khong-co', 'sai-mat-khau-123');
    const response = await login('nguoi-la-khong-co', 'sai-mat-khau-123');
    expect(response.json().code).toBe('auth.locked');
  });

  it('rate-limits login attempts from one address', async () => {
    const limited = await createTestApp({ loginRatePerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'x', password: 'y' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 3).every((status) => status === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a mutating request without the token, and with a wrong one', async () => {
    const admin = await signIn(app, (await makeUser(database.db, 'admin', 'VN')).username);
    const payload = { username: 'moi-tao-1', fullName: 'Người mới', role: 'viewer', unitId: null };
    const withoutToken = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('auth.csrf');
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'gia-mao' },
      payload,
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await admin.request('POST', '/api/users', payload)).statusCode).toBe(201);
  });
});

describe('first password', () => {
  it('forces a change of a one-time password before anything else, then ends the other sessions', async () => {
    const admin = await signIn(app, (await makeUser(database.db, 'admin', 'VN')).username);
    const created = await admin.request('POST', '/api/users', {
      username: 'lan-dau',
      fullName: 'Lần Đầu',
      role: 'viewer',
      unitId: null,
    });
    expect(created.statusCode).toBe(201);
    const { oneTimePassword } = created.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const user = await signIn(app, 'lan-dau', oneTimePassword);
    const other = await signIn(app, 'lan-dau', oneTimePassword);
    const blocked = await user.request('GET', '/api/units?kind=province');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');
    const weak = await user.request('POST', '/api/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'abc',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('newPassword');
    const changed = await user.request('POST', '/api/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'Mat-khau-moi-2025',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect((await user.request('GET', '/api/units?kind=province')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });
});

describe('second factor', () => {
  it('enrols with a QR code, then asks for the code at login, and accepts each recovery code once', async () => {
    const created = await makeUser(database.db, 'province_staff', '48');
    const user = await signIn(app, created.username);
    const enrol = await user.request('POST', '/api/auth/totp/enrol', {});
    expect(enrol.statusCode).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = enrol.json();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toContain('otpauth://totp/');
    expect((await user.request('POST', '/api/auth/totp/confirm', { code: '000000' })).statusCode).toBe(400);
    const confirm = await user.request('POST', '/api/auth/totp/confirm', { code: generateSync({ secret }) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);

    const withoutCode = await login(created.username, TEST_PASSWORD);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().code).toBe('auth.totp_required');
    const wrongCode = await login(created.username, TEST_PASSWORD, '123456');
    expect(wrongCode.json().code).toBe('auth.totp_invalid');
    expect((await login(created.username, TEST_PASSWORD, generateSync({ secret }))).statusCode).toBe(200);
    expect((await login(created.username, TEST_PASSWORD, recoveryCodes[0])).statusCode).toBe(200);
    expect((await login(created.username, TEST_PASSWORD, recoveryCodes[0])).json().code).toBe(
      'auth.totp_invalid',
    );

    const [row] =
      (
        await database.pglite?.query<{ totp_secret: string }>('select totp_secret from users where id = $1', [
          created.id,
        ])
      )?.rows ??
      (await database.pool!.query('select totp_secret from users where id = $1', [created.id])).rows;
    expect(row.totp_secret).not.toContain(secret);
  });
});

describe('sessions', () => {
  it('lists my sessions, revokes one, and logout ends the current one', async () => {
    const created = await makeUser(database.db, 'viewer', '48');
    const first = await signIn(app, created.username);
    const second = await signIn(app, created.username);
    const list = await first.request('GET', '/api/auth/sessions');
    expect(list.json().total).toBe(2);
    const other = list.json().items.find((item: { current: boolean }) => !item.current);
    expect((await first.request('DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await second.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await first.request('POST', '/api/auth/logout', {})).statusCode).toBe(200);
    expect((await first.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });
});
