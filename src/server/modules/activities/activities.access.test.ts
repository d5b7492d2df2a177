/**
 * The access matrix of activities: every role × every action × an activity inside and outside the actor's scope.
 * Outside scope answers 404, a missing permission 403; a unit outside scope in a body is a bad value of that field.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { ActivityList } from '../../../contracts/activities.js';
import type { RoleId } from '../../../domain/roles.js';
import { systemActor } from '../../context.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import * as repo from './activities.repo.js';
import { createActivity } from './activities.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let outreach = 0;

type Where = 'inside' | 'outside';
const actors: Array<{ role: RoleId; unit: string; label: string }> = [
  { role: 'admin', unit: 'VN', label: 'quản trị toàn quốc' },
  { role: 'province_staff', unit: '48', label: 'cán bộ tỉnh' },
  { role: 'commune_officer', unit: '48', label: 'công an (cấp tỉnh)' },
  { role: 'front_officer', unit: '48', label: 'MTTQ' },
  { role: 'unit_head', unit: '48', label: 'trưởng đơn vị' },
  { role: 'viewer', unit: '48', label: 'người xem' },
];
const readers = new Set<RoleId>(['province_staff', 'commune_officer', 'front_officer', 'unit_head']);
const writers = new Set<RoleId>(['province_staff', 'commune_officer', 'front_officer', 'unit_head']);
const places: Record<Where, { commune: number; village: number }> = {
  inside: { commune: 0, village: 0 },
  outside: { commune: 0, village: 0 },
};
const signedIn = new Map<string, SignedIn>();

function expected(role: RoleId, where: Where, needs: 'read' | 'write', success: number): number {
  if (!(needs === 'read' ? readers : writers).has(role)) return 403;
  return where === 'outside' ? 404 : success;
}

async function freshActivity(where: Where): Promise<number> {
  const activity = await createActivity(database.db, systemActor(), {
    kindId: outreach,
    title: `Tuyên truyền ${where}`,
    unitId: places[where].village,
    startsOn: '2025-08-01',
    participants: 40,
  });
  return activity.id;
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  outreach = (await repo.listKinds(database.db)).find((kind) => kind.code === 'outreach')!.id;
  for (const [where, province] of [
    ['inside', '48'],
    ['outside', '01'],
  ] as const) {
    const commune = await findMergedCommune(database.db, province);
    places[where] = {
      commune: commune.id,
      village: (await createVillage(database.db, commune.id, { validFrom: '2025-07-01' })).id,
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
  const wheres = ['inside', 'outside'] as const;

  it.each(wheres)('reads an activity %s scope', async (where) => {
    const id = await freshActivity(where);
    expect((await as().request('GET', `/api/activities/${id}`)).statusCode).toBe(
      expected(actor.role, where, 'read', 200),
    );
  });

  it.each(wheres)('lists: an activity %s scope appears only when in scope', async (where) => {
    const id = await freshActivity(where);
    const response = await as().request('GET', '/api/activities?pageSize=500&sort=-updatedAt');
    if (!readers.has(actor.role)) return expect(response.statusCode).toBe(403);
    expect((response.json() as ActivityList).items.some((item) => item.id === id)).toBe(where === 'inside');
  });

  it.each(wheres)('creates an activity at a unit %s scope', async (where) => {
    const response = await as().request('POST', '/api/activities', {
      kindId: outreach,
      title: `Hoạt động của ${actor.label}`,
      unitId: places[where].village,
      startsOn: '2025-09-01',
    });
    if (!writers.has(actor.role)) return expect(response.statusCode).toBe(403);
    if (where === 'outside') {
      expect(response.statusCode).toBe(400);
      return expect(response.json().field).toBe('unitId');
    }
    expect(response.statusCode, response.body).toBe(201);
  });

  it.each(wheres)('updates an activity %s scope', async (where) => {
    const id = await freshActivity(where);
    expect((await as().request('PATCH', `/api/activities/${id}`, { notes: 'Ghi chú' })).statusCode).toBe(
      expected(actor.role, where, 'write', 200),
    );
  });

  it.each(wheres)('exports, summarises and shows the calendar of a unit %s scope', async (where) => {
    expect(
      (await as().request('GET', `/api/activities/export?unit=${places[where].village}`)).statusCode,
    ).toBe(expected(actor.role, where, 'read', 200));
    expect(
      (await as().request('GET', `/api/activities/summary?unit=${places[where].commune}`)).statusCode,
    ).toBe(expected(actor.role, where, 'read', 200));
    expect(
      (await as().request('GET', `/api/activities/calendar?year=2025&unit=${places[where].commune}`))
        .statusCode,
    ).toBe(expected(actor.role, where, 'read', 200));
  });

  it.each(wheres)('deletes an activity entered by mistake %s scope', async (where) => {
    const id = await freshActivity(where);
    expect((await as().request('DELETE', `/api/activities/${id}`, { reason: 'Ghi trùng' })).statusCode).toBe(
      expected(actor.role, where, 'write', 204),
    );
  });

  it('reads the list of kinds, which is not protected data', async () => {
    expect((await as().request('GET', '/api/activities/kinds')).statusCode).toBe(200);
  });
});

describe('deletion', () => {
  it('is refused while feedback heard at the activity rests on it, and audited with its reason', async () => {
    const officer = signedIn.get('cán bộ tỉnh')!;
    const id = await freshActivity('inside');
    const heard = await officer.request('POST', '/api/feedback', {
      unitId: places.inside.village,
      receivedOn: '2025-08-01',
      channel: 'hearing',
      activityId: id,
      topic: 'Đường tối',
    });
    expect(heard.statusCode, heard.body).toBe(201);
    const refused = await officer.request('DELETE', `/api/activities/${id}`, { reason: 'Ghi trùng' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('activities.has_feedback');
    const feedbackId = (heard.json() as { id: number }).id;
    expect(
      (await officer.request('DELETE', `/api/feedback/${feedbackId}`, { reason: 'Ghi trùng' })).statusCode,
    ).toBe(204);
    expect(
      (await officer.request('DELETE', `/api/activities/${id}`, { reason: 'Ghi trùng' })).statusCode,
    ).toBe(204);
    const [event] = await queryRows<{ action: string; changes: string }>(
      database.db,
      sql`select action, changes::text as changes from audit_events where entity_type = 'activity' and entity_id = ${String(id)} order by id desc limit 1`,
    );
    expect(event).toMatchObject({ action: 'activity.deleted' });
    expect(event!.changes).toContain('Ghi trùng');
  });
});
