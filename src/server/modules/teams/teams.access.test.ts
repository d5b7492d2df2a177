/**
 * The access matrix of the teams registry: every role × every action × a record inside and outside the actor's
 * scope. Outside scope answers 404 (the record does not exist for them), a missing permission answers 403; a unit
 * outside scope in a body or a file is a bad value of that field. Front officers and unit heads only read; viewers
 * and administrators (who run the system, not the movement) have no access to registries.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune, upload, waitForJob } from '../../../../test/helpers/registries.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { JobState } from '../../../contracts/jobs.js';
import type { ImportResult } from '../../../contracts/registry.js';
import type { TeamList } from '../../../contracts/teams.js';
import type { RoleId } from '../../../domain/roles.js';
import { systemActor } from '../../context.js';
import type { DatabaseHandle } from '../../db/client.js';
import { templateHeader } from '../../registry/xlsx.js';
import { MEMBER_COLUMNS, MEMBER_SHEET, TEAM_COLUMNS, TEAM_SHEET } from './teams.import.js';
import { addMember, createTeam } from './teams.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

/** Đà Nẵng (48) is "inside" for every province-level actor below; Hà Nội (01) is "outside". */
const INSIDE_PROVINCE = '48';

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

const readers = new Set<RoleId>(['province_staff', 'commune_officer', 'front_officer', 'unit_head']);
const writers = new Set<RoleId>(['province_staff', 'commune_officer']);

/** The status an action must answer: 403 without the permission, 404 outside scope, else success. */
function expected(
  actor: (typeof actors)[number],
  where: Where,
  needs: 'read' | 'write',
  success: number,
): number {
  if (!(needs === 'read' ? readers : writers).has(actor.role)) return 403;
  if (where === 'outside') return 404;
  return success;
}

const places: Record<Where, { commune: number; village: { id: number; fullName: string } }> = {
  inside: { commune: 0, village: { id: 0, fullName: '' } },
  outside: { commune: 0, village: { id: 0, fullName: '' } },
};
const signedIn = new Map<string, SignedIn>();
const files: Partial<Record<Where, Buffer>> = {};

/** A fresh team (with one member) at the place, made by the system, so that no test depends on another. */
async function freshTeam(where: Where): Promise<{ id: number; memberId: number }> {
  const team = await createTeam(database.db, systemActor(), {
    kind: 'mediation_group',
    name: `Tổ hòa giải ${where}`,
    unitId: places[where].village.id,
    establishedOn: '2025-08-01',
  });
  const member = await addMember(database.db, systemActor(), team.id, {
    fullName: 'Nguyễn Thị Hòa',
    birthYear: 1970,
    role: 'member',
    joinedOn: '2025-08-01',
  });
  return { id: team.id, memberId: member.id };
}

async function importFile(village: { id: number; fullName: string }): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  const teams = book.addWorksheet(TEAM_SHEET);
  teams.addRow(TEAM_COLUMNS.map(templateHeader)).commit();
  teams
    .addRow(['T1', 'Tổ hòa giải', 'Tổ hòa giải nhập', `${village.fullName} [#${village.id}]`, '01/08/2025'])
    .commit();
  teams.commit();
  const members = book.addWorksheet(MEMBER_SHEET);
  members.addRow(MEMBER_COLUMNS.map(templateHeader)).commit();
  members.addRow(['T1', null, 'Trần Văn Nhập', 1980, 'Nam', null, 'Tổ viên', '01/08/2025']).commit();
  members.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  for (const [where, province] of [
    ['inside', INSIDE_PROVINCE],
    ['outside', '01'],
  ] as const) {
    const commune = await findMergedCommune(database.db, province);
    places[where] = {
      commune: commune.id,
      village: await createVillage(database.db, commune.id, { validFrom: '2025-07-01' }),
    };
    files[where] = await importFile(places[where].village);
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

  it.each(wheres)('reads a team %s scope, its members and one member', async (where) => {
    const team = await freshTeam(where);
    expect((await as().request('GET', `/api/teams/${team.id}`)).statusCode).toBe(
      expected(actor, where, 'read', 200),
    );
    expect((await as().request('GET', `/api/teams/${team.id}/members`)).statusCode).toBe(
      expected(actor, where, 'read', 200),
    );
    expect((await as().request('GET', `/api/teams/${team.id}/members/${team.memberId}`)).statusCode).toBe(
      expected(actor, where, 'read', 200),
    );
    expect((await as().request('GET', `/api/teams/${team.id}/ratings/2026`)).statusCode).toBe(
      expected(actor, where, 'read', 200),
    );
  });

  it.each(wheres)('lists teams: a team %s scope appears only when in scope', async (where) => {
    const team = await freshTeam(where);
    const response = await as().request('GET', '/api/teams?pageSize=500&sort=-updatedAt');
    if (!readers.has(actor.role)) return expect(response.statusCode).toBe(403);
    const ids = (response.json() as TeamList).items.map((item) => item.id);
    expect(ids.includes(team.id)).toBe(where === 'inside');
    const members = await as().request('GET', '/api/teams/members?q=nguyen%20thi%20hoa&pageSize=500');
    expect(members.statusCode).toBe(200);
  });

  it.each(wheres)('creates a team in a unit %s scope', async (where) => {
    const response = await as().request('POST', '/api/teams', {
      kind: 'mediation_group',
      name: `Tổ hòa giải của ${actor.label}`,
      unitId: places[where].village.id,
      establishedOn: '2025-09-01',
    });
    if (!writers.has(actor.role)) return expect(response.statusCode).toBe(403);
    if (where === 'outside') {
      expect(response.statusCode).toBe(400);
      return expect(response.json().field).toBe('unitId');
    }
    expect(response.statusCode, response.body).toBe(201);
  });

  it.each(wheres)('updates a team %s scope, and adds and edits its members', async (where) => {
    const team = await freshTeam(where);
    expect((await as().request('PATCH', `/api/teams/${team.id}`, { notes: 'Ghi chú' })).statusCode).toBe(
      expected(actor, where, 'write', 200),
    );
    const added = await as().request('POST', `/api/teams/${team.id}/members`, {
      fullName: 'Lê Văn Thêm',
      birthYear: 1980,
      role: 'member',
      joinedOn: '2025-09-01',
    });
    expect(added.statusCode).toBe(expected(actor, where, 'write', 201));
    expect(
      (
        await as().request('PATCH', `/api/teams/${team.id}/members/${team.memberId}`, {
          certificateNumber: 'A-1',
        })
      ).statusCode,
    ).toBe(expected(actor, where, 'write', 200));
  });

  it.each(wheres)('ends (dissolves) a team %s scope', async (where) => {
    const team = await freshTeam(where);
    const response = await as().request('POST', `/api/teams/${team.id}/dissolve`, {
      dissolvedOn: '2026-01-01',
    });
    expect(response.statusCode).toBe(expected(actor, where, 'write', 200));
  });

  it.each(wheres)('imports a file naming a unit %s scope', async (where) => {
    const response = await upload(app, as(), '/api/teams/import?dryRun=true', files[where]!);
    if (!writers.has(actor.role)) return expect(response.statusCode).toBe(403);
    // 200 when the job ended within the route's wait, 202 when the machine is busy: either way the job decides.
    expect([200, 202], response.body).toContain(response.statusCode);
    const result = (await waitForJob(as(), response.json() as JobState)).at(-1)!.result as ImportResult;
    if (where === 'inside') return expect(result.errorCount).toBe(0);
    expect(result.errors[0]).toMatchObject({ sheet: TEAM_SHEET, row: 2, field: 'Đơn vị' });
  });

  it.each(wheres)('exports and summarises a unit %s scope', async (where) => {
    const exported = await as().request('GET', `/api/teams/export?unit=${places[where].village.id}`);
    expect(exported.statusCode).toBe(expected(actor, where, 'read', 200));
    const summary = await as().request('GET', `/api/teams/summary?unit=${places[where].commune}`);
    expect(summary.statusCode).toBe(expected(actor, where, 'read', 200));
  });

  it('downloads the import template only with the right to write', async () => {
    const response = await as().request('GET', '/api/teams/import/template');
    expect(response.statusCode).toBe(writers.has(actor.role) ? 200 : 403);
  });
});

describe('jobs', () => {
  it('are visible to the user who started them only', async () => {
    const staff = signedIn.get('cán bộ tỉnh')!;
    const other = signedIn.get('công an xã (cấp tỉnh)')!;
    const response = await upload(app, staff, '/api/teams/import?dryRun=true', files.inside!);
    const job = response.json() as JobState;
    expect((await staff.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(200);
    expect((await other.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(404);
  });
});

describe('without a session', () => {
  it('answers 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/teams' })).statusCode).toBe(401);
  });
});
