/**
 * Counts across the 01/07/2025 merger. Two old communes (predecessors, through unit_lineage, of one new commune of
 * Đà Nẵng) had their steering committees and a village team recorded before the reform. On the hierarchy of
 * 30/06/2025 they count under their old communes; re-mapped onto today's hierarchy they count under the new commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune, type MergedCommune } from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { SummaryResponse } from '../../../contracts/registry.js';
import type { TeamDetail } from '../../../contracts/teams.js';
import type { DatabaseHandle } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let staff: SignedIn;
let commune: MergedCommune;
let first: { id: number; code: string };
let second: { id: number; code: string };

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await staff.request('POST', url, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as T;
}

async function summary(query: string, as: SignedIn = staff): Promise<SummaryResponse> {
  const response = await as.request('GET', `/api/teams/summary?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SummaryResponse;
}

const row = (result: SummaryResponse, unitId: number) =>
  result.rows.find((entry) => entry.unit?.id === unitId && !entry.self);

function expectTotalsAreSums(result: SummaryResponse) {
  for (const column of result.columns) {
    const sum = result.rows.reduce((total, entry) => total + (entry.values[column.key] ?? 0), 0);
    expect(result.total[column.key], column.key).toBe(sum);
  }
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48');
  [first, second] = commune.predecessors as [typeof first, typeof second];
  staff = await makeSignedInUser(app, database.db, 'province_staff', '48');
  // Recorded on the old communes themselves, years before the reform.
  for (const old of [first, second]) {
    await post<TeamDetail>('/api/teams', {
      kind: 'steering_committee',
      name: `Ban Chỉ đạo xã cũ ${old.code}`,
      unitId: old.id,
      establishedOn: '2020-03-01',
    });
  }
  // And a village team of the first old commune, with three members, after Law 30/2023 took effect.
  const village = await createVillage(database.db, first.id, { validFrom: '2020-01-01' });
  const team = await post<TeamDetail>('/api/teams', {
    kind: 'grassroots_security_team',
    name: 'Tổ bảo vệ thôn cũ',
    unitId: village.id,
    establishedOn: '2024-08-01',
  });
  for (const [index, role] of (['team_leader', 'deputy_leader', 'member'] as const).entries()) {
    await post(`/api/teams/${team.id}/members`, {
      fullName: `Người thứ ${index + 1}`,
      birthYear: 1980,
      role,
      joinedOn: '2024-08-01',
      residenceSince: '2000-01-01',
    });
  }
});
afterAll(() => close());

describe('as of 30/06/2025 on the hierarchy of that day', () => {
  it('counts the records under their old communes, in the old district', async () => {
    const result = await summary(`unit=${commune.oldDistrictId}&asOf=2025-06-30&basis=as_of`);
    expect(result.unit?.id).toBe(commune.oldDistrictId);
    expect(row(result, first.id)?.values).toMatchObject({
      teams: 2,
      'teams:steering_committee': 1,
      'teams:grassroots_security_team': 1,
      team_members: 3,
      'team_members:team_leader': 1,
    });
    expect(row(result, second.id)?.values).toMatchObject({
      teams: 1,
      'teams:steering_committee': 1,
      team_members: 0,
    });
    expect(row(result, commune.id)).toBeUndefined();
    expect(result.total.teams).toBe(3);
    expectTotalsAreSums(result);
  });

  it('does not know the new commune on that day', async () => {
    const response = await staff.request(
      'GET',
      `/api/teams/summary?unit=${commune.id}&asOf=2025-06-30&basis=as_of`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'summary.unit_not_on_date', field: 'unit' });
  });

  it('after the reform, counts records that outlived their old units under the units those became', async () => {
    const result = await summary(`unit=${commune.provinceId}&asOf=2025-08-01&basis=as_of`);
    expect(row(result, commune.id)?.values).toMatchObject({ teams: 3, team_members: 3 });
    expectTotalsAreSums(result);
  });

  it('counts nothing before the records began', async () => {
    const result = await summary(`unit=${commune.oldDistrictId}&asOf=2019-12-31&basis=as_of`);
    expect(result.total.teams).toBe(0);
  });
});

describe('re-mapped onto today’s hierarchy', () => {
  it('counts both old communes’ records under the new commune of the province', async () => {
    const result = await summary(`unit=${commune.provinceId}&asOf=2025-06-30&basis=current`);
    const merged = row(result, commune.id);
    expect(merged?.values).toMatchObject({ teams: 3, 'teams:steering_committee': 2, team_members: 3 });
    expect(merged?.partial).toBe(false);
    expect(
      result.rows.filter((entry) => (entry.values.teams ?? 0) > 0).map((entry) => entry.unit?.id),
    ).toEqual([commune.id]);
    expectTotalsAreSums(result);
  });

  it('puts them on the new commune’s own row when the commune itself is chosen', async () => {
    const result = await summary(`unit=${commune.id}&asOf=2025-06-30&basis=current`);
    expect(result.rows[0]).toMatchObject({ self: true, values: { teams: 3, team_members: 3 } });
  });

  it('is what a commune officer of the new commune sees by default', async () => {
    const officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
    const result = await summary('asOf=2025-06-30&basis=current', officer);
    expect(result.unit?.id).toBe(commune.id);
    expect(result.total.teams).toBe(3);
    // The old district lies outside that officer's scope.
    const outside = await officer.request(
      'GET',
      `/api/teams/summary?unit=${commune.oldDistrictId}&asOf=2025-06-30`,
    );
    expect(outside.statusCode).toBe(404);
  });

  it('refuses an old unit as the place to re-map onto', async () => {
    const response = await staff.request('GET', `/api/teams/summary?unit=${first.id}&basis=current`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'summary.unit_not_on_date', field: 'unit' });
  });
});

describe('an old commune split between several new communes', () => {
  it('counts its records once, under one successor, and flags that row as partial', async () => {
    const { queryRows } = await import('../../db/client.js');
    const { sql } = await import('drizzle-orm');
    const [split] = await queryRows<{ id: number; successors: number[]; province: number }>(
      database.db,
      sql`select u.id, array_agg(l.successor_id order by l.successor_id) as successors,
            min(pv.parent_id) as province
          from units u join unit_lineage l on l.predecessor_id = u.id
          join unit_versions pv on pv.unit_id = l.successor_id and pv.valid_to is null
          where u.kind = 'commune' and u.valid_to = '2025-06-30' and u.province_code = '48'
          group by u.id having count(*) >= 2 and bool_and(l.relation = 'partial')
          order by u.code limit 1`,
    );
    expect(split, 'a split commune in Đà Nẵng').toBeDefined();
    const query = `unit=${split!.province}&asOf=2025-06-30&basis=current`;
    const before = await summary(query);
    await post('/api/teams', {
      kind: 'steering_committee',
      name: 'Ban Chỉ đạo xã bị chia tách',
      unitId: split!.id,
      establishedOn: '2021-01-01',
    });
    const after = await summary(query);
    expect(after.total.teams).toBe(before.total.teams! + 1);
    const grew = after.rows.filter(
      (entry) => entry.values.teams !== before.rows.find((old) => old.key === entry.key)?.values.teams,
    );
    expect(grew).toHaveLength(1);
    expect(split!.successors).toContain(grew[0]!.unit!.id);
    expect(grew[0]).toMatchObject({ partial: true, partialUnits: 1 });
    expectTotalsAreSums(after);
    expect(after.notes.join(' ')).toContain('một phần');
  });
});
