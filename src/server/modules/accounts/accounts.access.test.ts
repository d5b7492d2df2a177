/**
 * The access matrix of user management: every role × every action × a target inside and outside the actor's
 * scope. Outside scope answers 404 (the record "does not exist" for them), a missing permission answers 403.
 * Later modules copy this pattern.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { RoleId } from '../../../domain/roles.js';
import type { DatabaseHandle } from '../../db/client.js';
import { resolveUnitCode } from './accounts.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

/** Đà Nẵng (48) is "inside" for every province-level actor below; Hà Nội (01) is "outside". */
const INSIDE_PROVINCE = '48';
const OUTSIDE_PROVINCE = '01';

type Where = 'inside' | 'outside';
const actors: Array<{ role: RoleId; unit: string; label: string }> = [
  { role: 'admin', unit: 'VN', label: 'quản trị toàn quốc' },
  { role: 'admin', unit: INSIDE_PROVINCE, label: 'quản trị tỉnh' },
  { role: 'province_staff', unit: INSIDE_PROVINCE, label: 'cán bộ tỉnh' },
  { role: 'commune_officer', unit: INSIDE_PROVINCE, label: 'công an xã (cấp tỉnh)' },
  { role: 'front_officer', unit: INSIDE_PROVINCE, label: 'MTTQ' },
  { role: 'unit_head', unit: INSIDE_PROVINCE, label: 'trưởng đơn vị' },
  { role: 'viewer', unit: INSIDE_PROVINCE, label: 'người xem' },
];

const managers = new Set<RoleId>(['admin', 'province_staff']);
const isNational = (actor: (typeof actors)[number]) => actor.unit === 'VN';

/** The status each action must answer: 403 without the permission, 404 outside scope, else success. */
function expected(actor: (typeof actors)[number], where: Where, success: number): number {
  if (!managers.has(actor.role)) return 403;
  if (where === 'outside' && !isNational(actor)) return 404;
  return success;
}

const targets: Record<Where, { id: number; unitId: number | null }> = {
  inside: { id: 0, unitId: null },
  outside: { id: 0, unitId: null },
};
const signedIn = new Map<string, SignedIn>();

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  for (const where of ['inside', 'outside'] as const) {
    const user = await makeUser(
      database.db,
      'viewer',
      where === 'inside' ? INSIDE_PROVINCE : OUTSIDE_PROVINCE,
    );
    targets[where] = {
      id: user.id,
      unitId: await resolveUnitCode(database.db, where === 'inside' ? INSIDE_PROVINCE : OUTSIDE_PROVINCE),
    };
  }
  for (const actor of actors) {
    const user = await makeUser(database.db, actor.role, actor.unit);
    signedIn.set(actor.label, await signIn(app, user.username));
  }
});
afterAll(() => close());

describe.each(actors)('$label ($role)', (actor) => {
  const as = () => signedIn.get(actor.label)!;

  it.each(['inside', 'outside'] as const)('reads a user %s scope', async (where) => {
    const response = await as().request('GET', `/api/users/${targets[where].id}`);
    expect(response.statusCode).toBe(expected(actor, where, 200));
  });

  it.each(['inside', 'outside'] as const)(
    'lists users: a user %s scope appears only when in scope',
    async (where) => {
      const response = await as().request('GET', '/api/users?pageSize=500');
      if (!managers.has(actor.role)) {
        expect(response.statusCode).toBe(403);
        return;
      }
      const ids = (response.json() as { items: Array<{ id: number }> }).items.map((item) => item.id);
      expect(ids.includes(targets[where].id)).toBe(expected(actor, where, 200) === 200);
    },
  );

  it.each(['inside', 'outside'] as const)('updates a user %s scope', async (where) => {
    const response = await as().request('PATCH', `/api/users/${targets[where].id}`, {
      position: `Chức vụ ${actor.label}`,
    });
    expect(response.statusCode).toBe(expected(actor, where, 200));
  });

  it.each(['inside', 'outside'] as const)('resets the password of a user %s scope', async (where) => {
    const response = await as().request('POST', `/api/users/${targets[where].id}/reset-password`, {});
    expect(response.statusCode).toBe(expected(actor, where, 200));
  });

  it.each(['inside', 'outside'] as const)('unlocks a user %s scope', async (where) => {
    const response = await as().request('POST', `/api/users/${targets[where].id}/unlock`, {});
    expect(response.statusCode).toBe(expected(actor, where, 200));
  });

  it.each(['inside', 'outside'] as const)('creates a user in a unit %s scope', async (where) => {
    const response = await as().request('POST', '/api/users', {
      username: `tao-${actor.role}-${actor.unit}-${where}`.toLowerCase(),
      fullName: 'Người được tạo',
      role: 'viewer',
      unitId: targets[where].unitId,
    });
    if (!managers.has(actor.role)) return expect(response.statusCode).toBe(403);
    // A unit outside one's scope is a bad value of the field, not a record that exists.
    if (where === 'outside' && !isNational(actor)) {
      expect(response.statusCode).toBe(400);
      return expect(response.json().field).toBe('unitId');
    }
    expect(response.statusCode).toBe(201);
  });
});

describe('role limits', () => {
  it('province staff cannot create an administrator nor touch one', async () => {
    const staff = signedIn.get('cán bộ tỉnh')!;
    const create = await staff.request('POST', '/api/users', {
      username: 'qt-moi',
      fullName: 'QT',
      role: 'admin',
      unitId: targets.inside.unitId,
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().field).toBe('role');
    const provinceAdmin = signedIn.get('quản trị tỉnh')!;
    const edit = await staff.request('PATCH', `/api/users/${provinceAdmin.userId}`, { fullName: 'Đổi tên' });
    expect(edit.statusCode).toBe(403);
  });

  it('only a national administrator creates national accounts', async () => {
    const provinceAdmin = signedIn.get('quản trị tỉnh')!;
    const response = await provinceAdmin.request('POST', '/api/users', {
      username: 'toan-quoc-2',
      fullName: 'X',
      role: 'viewer',
      unitId: null,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('unitId');
  });

  it('nobody disables themselves', async () => {
    const admin = signedIn.get('quản trị toàn quốc')!;
    const response = await admin.request('PATCH', `/api/users/${admin.userId}`, { active: false });
    expect(response.statusCode).toBe(400);
  });

  it('a disabled account loses its sessions at once', async () => {
    const admin = signedIn.get('quản trị toàn quốc')!;
    const victim = await makeUser(database.db, 'viewer', INSIDE_PROVINCE);
    const session = await signIn(app, victim.username);
    expect((await admin.request('PATCH', `/api/users/${victim.id}`, { active: false })).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('a taken username is a conflict on the field', async () => {
    const admin = signedIn.get('quản trị toàn quốc')!;
    const first = await admin.request('POST', '/api/users', {
      username: 'trung-ten',
      fullName: 'A',
      role: 'viewer',
      unitId: null,
    });
    expect(first.statusCode).toBe(201);
    const again = await admin.request('POST', '/api/users', {
      username: 'TRUNG-TEN'.toLowerCase(),
      fullName: 'B',
      role: 'viewer',
      unitId: null,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('username');
  });
});
