/**
 * Scope of the hierarchy browser: roles × actions × inside/outside scope. Every role may read units; what it
 * sees is its unit's subtree today plus everything merged into it, and nothing else (404, not 403).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage, officialUnitId } from '../../../../test/helpers/factories.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { UnitList } from '../../../contracts/units.js';
import type { RoleId } from '../../../domain/roles.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

const BEFORE = '2025-06-30';
const TODAY_HIERARCHY = '2025-07-01';

/** Units of the scenario: Đà Nẵng today (merged from Đà Nẵng and Quảng Nam), one of its merged communes, etc. */
const units = {
  province: 0,
  oldProvinces: [] as number[],
  commune: 0,
  communeCode: '',
  predecessorOfCommune: 0,
  siblingCommune: 0,
  village: 0,
  hanoi: 0,
  hanoiCommune: 0,
};
const users = new Map<string, SignedIn>();

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.db;
  units.province = await officialUnitId(db, 'province', '48', TODAY_HIERARCHY);
  units.oldProvinces = [
    await officialUnitId(db, 'province', '48', BEFORE),
    await officialUnitId(db, 'province', '49', BEFORE),
  ];
  units.hanoi = await officialUnitId(db, 'province', '01', TODAY_HIERARCHY);
  // A commune of Đà Nẵng formed from several old communes, and another commune of the same province.
  const merged = await queryRows<{ id: number; code: string; predecessor: number }>(
    db,
    sql`select u.id, u.code, min(l.predecessor_id) as predecessor from units u join unit_lineage l on l.successor_id = u.id
        where u.kind = 'commune' and u.province_code = '48' and u.valid_from = '2025-07-01'
        group by u.id, u.code having count(*) >= 2 order by u.code limit 2`,
  );
  units.commune = merged[0]!.id;
  units.communeCode = merged[0]!.code;
  units.predecessorOfCommune = merged[0]!.predecessor;
  units.siblingCommune = merged[1]!.id;
  units.village = (await createVillage(db, units.commune, { validFrom: '2025-07-01' })).id;
  const [hanoiCommune] = await queryRows<{ id: number }>(
    db,
    sql`select unit_id as id from unit_versions where parent_id = ${units.hanoi} and valid_from = '2025-07-01' limit 1`,
  );
  units.hanoiCommune = hanoiCommune!.id;

  const actors: Array<[string, RoleId, string | number]> = [
    ['national', 'viewer', 'VN'],
    ['province', 'province_staff', '48'],
    ['commune', 'commune_officer', units.communeCode],
    ['front', 'front_officer', units.communeCode],
    ['village', 'unit_head', units.village],
  ];
  for (const [label, role, unit] of actors) {
    const user = typeof unit === 'string' ? await makeUser(db, role, unit) : await makeUserAtUnit(role, unit);
    users.set(label, await signIn(app, user.username));
  }
});
afterAll(() => close());

async function makeUserAtUnit(role: RoleId, unitId: number) {
  const { createUser } = await import('../accounts/accounts.service.js');
  const { systemActor } = await import('../../context.js');
  const { user } = await createUser(database.db, systemActor(), {
    username: `unit-${role}-${unitId}`,
    fullName: 'Trưởng thôn thử',
    role,
    unitId,
    password: 'Kiem-thu-2025!',
  });
  return user;
}

const as = (label: string) => users.get(label)!;
const ids = (body: UnitList) => body.items.map((item) => item.id);

async function roots(label: string, asOf?: string): Promise<number[]> {
  const response = await as(label).request('GET', `/api/units/roots${asOf ? `?asOf=${asOf}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return ids(response.json());
}

async function status(label: string, url: string): Promise<number> {
  return (await as(label).request('GET', url)).statusCode;
}

describe('tree roots: the top of each scope', () => {
  it('a national user starts from the 34 provinces, and from the 63 before the reform', async () => {
    expect(await roots('national')).toHaveLength(34);
    expect(await roots('national', BEFORE)).toHaveLength(63);
  });

  it('province staff see only their province, and before the reform the two provinces merged into it', async () => {
    expect(await roots('province')).toEqual([units.province]);
    expect((await roots('province', BEFORE)).sort()).toEqual([...units.oldProvinces].sort());
  });

  it('commune users start at their commune, and before the reform at the communes it was formed from', async () => {
    expect(await roots('commune')).toEqual([units.commune]);
    expect(await roots('commune', BEFORE)).toContain(units.predecessorOfCommune);
    expect(await roots('front')).toEqual([units.commune]);
  });

  it('a unit head starts and ends at their village', async () => {
    expect(await roots('village')).toEqual([units.village]);
  });
});

describe.each([
  {
    label: 'national',
    sees: { province: true, commune: true, predecessor: true, sibling: true, village: true, hanoi: true },
  },
  {
    label: 'province',
    sees: { province: true, commune: true, predecessor: true, sibling: true, village: true, hanoi: false },
  },
  {
    label: 'commune',
    sees: { province: false, commune: true, predecessor: true, sibling: false, village: true, hanoi: false },
  },
  {
    label: 'front',
    sees: { province: false, commune: true, predecessor: true, sibling: false, village: true, hanoi: false },
  },
  {
    label: 'village',
    sees: {
      province: false,
      commune: false,
      predecessor: false,
      sibling: false,
      village: true,
      hanoi: false,
    },
  },
])('$label user', ({ label, sees }) => {
  const target = (name: keyof typeof sees) =>
    ({
      province: units.province,
      commune: units.commune,
      predecessor: units.predecessorOfCommune,
      sibling: units.siblingCommune,
      village: units.village,
      hanoi: units.hanoiCommune,
    })[name];

  it.each(Object.keys(sees) as Array<keyof typeof sees>)(
    'opens the %s unit only when in scope (else 404)',
    async (name) => {
      const asOf = name === 'predecessor' ? `?asOf=${BEFORE}` : '';
      expect(await status(label, `/api/units/${target(name)}${asOf}`)).toBe(sees[name] ? 200 : 404);
    },
  );

  it.each(Object.keys(sees) as Array<keyof typeof sees>)(
    'lists the children of the %s unit only when in scope',
    async (name) => {
      const asOf = name === 'predecessor' ? `?asOf=${BEFORE}` : '';
      expect(await status(label, `/api/units/${target(name)}/children${asOf}`)).toBe(sees[name] ? 200 : 404);
    },
  );

  it('finds by search only what is in scope', async () => {
    const response = await as(label).request('GET', '/api/units?q=ha%20noi&kind=province');
    expect(response.statusCode).toBe(200);
    expect(ids(response.json()).includes(units.hanoi)).toBe(sees.hanoi);
  });
});

describe('without a session', () => {
  it('answers 401 with a Vietnamese message', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/units/roots' });
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toBe('Vui lòng đăng nhập');
  });
});
