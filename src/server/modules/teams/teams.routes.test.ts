/**
 * The teams registry through its API, as a commune officer uses it: set up a team, add members (with the entry
 * rules), rate them (with the 20% and 9-month rules), dissolve; list, search, filter, history.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune, type MergedCommune } from '../../../../test/helpers/registries.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type {
  MemberDetail,
  MemberList,
  RatingSheet,
  TeamDetail,
  TeamList,
} from '../../../contracts/teams.js';
import type { DatabaseHandle } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let officer: SignedIn;
let commune: MergedCommune;
let village: { id: number; fullName: string };

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  commune = await findMergedCommune(database.db, '48');
  village = await createVillage(database.db, commune.id, { validFrom: '2025-07-01', name: 'Phú Sơn Tây' });
  officer = await makeSignedInUser(app, database.db, 'commune_officer', commune.code);
});
afterAll(() => close());

function ok<T>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

function refused(response: LightMyRequestResponse, status: number, field: string): string {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { message: string; field?: string; code: string };
  expect(body.field).toBe(field);
  return body.message;
}

async function newTeam(overrides: Record<string, unknown> = {}): Promise<TeamDetail> {
  return ok<TeamDetail>(
    await officer.request('POST', '/api/teams', {
      kind: 'grassroots_security_team',
      name: `Tổ bảo vệ an ninh, trật tự ${village.fullName}`,
      unitId: village.id,
      establishedOn: '2025-07-15',
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2025-07-10',
      decisionSigner: 'Chủ tịch UBND xã',
      ...overrides,
    }),
    201,
  );
}

const person = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Văn Bình',
  birthYear: 1985,
  gender: 'male',
  phone: '0905 123 456',
  role: 'member',
  joinedOn: '2025-08-01',
  residenceSince: '2010-05-01',
  ...overrides,
});

describe('a grassroots security team', () => {
  let team: TeamDetail;

  it('is set up for a village, with its decision, and shows in the list and its history', async () => {
    team = await newTeam();
    expect(team).toMatchObject({
      kind: 'grassroots_security_team',
      kindLabel: 'Tổ bảo vệ an ninh, trật tự ở cơ sở',
      historical: false,
      status: 'active',
      memberCount: 0,
      unit: { id: village.id, kind: 'residential_area', current: true },
      allowedRoles: ['team_leader', 'deputy_leader', 'member'],
    });
    expect(team.history.map((event) => event.action)).toEqual(['team.created']);
    const found = ok<TeamList>(await officer.request('GET', '/api/teams?q=phu%20son%20tay'));
    expect(found.items.map((item) => item.id)).toEqual([team.id]);
  });

  it('is one per village: a second one is a conflict on the unit', async () => {
    const message = refused(
      await officer.request('POST', '/api/teams', {
        kind: 'grassroots_security_team',
        name: 'Tổ thứ hai',
        unitId: village.id,
        establishedOn: '2025-09-01',
      }),
      409,
      'unitId',
    );
    expect(message).toContain('mỗi đơn vị chỉ có một');
  });

  it('is refused at a commune, and an old kind is refused after 01/07/2024', async () => {
    refused(
      await officer.request('POST', '/api/teams', {
        kind: 'grassroots_security_team',
        name: 'Sai cấp',
        unitId: commune.id,
        establishedOn: '2025-09-01',
      }),
      400,
      'unitId',
    );
    refused(
      await officer.request('POST', '/api/teams', {
        kind: 'civil_defence_team',
        name: 'Đội dân phòng',
        unitId: commune.id,
        establishedOn: '2025-09-01',
      }),
      400,
      'kind',
    );
  });

  it('takes a leader, a deputy and members; a second leader is a conflict', async () => {
    const leader = ok<MemberDetail>(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({ fullName: 'Trần Văn Trưởng', role: 'team_leader' }),
      ),
      201,
    );
    expect(leader).toMatchObject({ roleLabel: 'Tổ trưởng', active: true, phone: '0905123456' });
    expect(leader.history[0]?.action).toBe('team_member.created');
    ok(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({ fullName: 'Lê Thị Phó', role: 'deputy_leader', gender: 'female' }),
      ),
      201,
    );
    ok(
      await officer.request('POST', `/api/teams/${team.id}/members`, person({ fullName: 'Phạm Văn Viên' })),
      201,
    );
    const message = refused(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({ fullName: 'Hai Trưởng', role: 'team_leader' }),
      ),
      409,
      'role',
    );
    expect(message).toContain('Tổ trưởng');
    refused(
      await officer.request('POST', `/api/teams/${team.id}/members`, person({ role: 'chairman' })),
      400,
      'role',
    );
  });

  it('checks eligibility on entry: 17 and 71 refused, 71 with an approved exception admitted, residence < 1 year refused', async () => {
    const young = refused(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({ fullName: 'Trẻ Quá', birthYear: 2008 }),
      ),
      400,
      'birthYear',
    );
    expect(young).toContain('17 tuổi');
    const old = refused(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({ fullName: 'Già Quá', birthYear: 1954 }),
      ),
      400,
      'birthYear',
    );
    expect(old).toContain('71 tuổi');
    const excepted = ok<MemberDetail>(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({
          fullName: 'Ngoại Lệ',
          birthYear: 1954,
          eligibilityException: 'UBND xã chấp thuận, Công văn 12/UBND',
        }),
      ),
      201,
    );
    expect(excepted.eligibilityException).toContain('Công văn 12');
    const residence = refused(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({ fullName: 'Mới Đến', residenceSince: '2025-01-01' }),
      ),
      400,
      'residenceSince',
    );
    expect(residence).toContain('chưa đủ 1 năm');
  });

  it('lists members by role, leader first, and finds them without diacritics across teams', async () => {
    const members = ok<MemberList>(await officer.request('GET', `/api/teams/${team.id}/members`));
    expect(members.items[0]?.role).toBe('team_leader');
    expect(members.items.map((item) => item.role)).toContain('deputy_leader');
    const found = ok<MemberList>(await officer.request('GET', '/api/teams/members?q=tran%20van%20truong'));
    expect(found.items.map((item) => item.fullName)).toEqual(['Trần Văn Trưởng']);
    expect(found.items[0]?.team).toMatchObject({ id: team.id, kind: 'grassroots_security_team' });
    const detail = ok<TeamDetail>(await officer.request('GET', `/api/teams/${team.id}`));
    expect(detail.memberCount).toBe(4);
    expect(detail.leaderName).toBe('Trần Văn Trưởng');
    expect(detail.membersByRole.find((entry) => entry.role === 'member')).toMatchObject({
      label: 'Tổ viên',
      count: 2,
    });
  });

  it('edits a member, re-checking entry facts, records trainings and a leave', async () => {
    const members = ok<MemberList>(await officer.request('GET', `/api/teams/${team.id}/members?q=pham`));
    const member = members.items[0]!;
    refused(
      await officer.request('PATCH', `/api/teams/${team.id}/members/${member.id}`, { birthYear: 2010 }),
      400,
      'birthYear',
    );
    const edited = ok<MemberDetail>(
      await officer.request('PATCH', `/api/teams/${team.id}/members/${member.id}`, {
        certificateNumber: 'TV-0001',
        recognitionDecisionNumber: '20/QĐ-UBND',
        recognitionDecisionDate: '2025-08-05',
      }),
    );
    expect(edited.certificateNumber).toBe('TV-0001');
    const trained = ok<MemberDetail>(
      await officer.request('POST', `/api/teams/${team.id}/members/${member.id}/trainings`, {
        course: 'Tập huấn nghiệp vụ bảo vệ an ninh, trật tự',
        fromDate: '2025-09-10',
        toDate: '2025-09-12',
        result: 'Đạt',
      }),
      201,
    );
    expect(trained.trainings).toHaveLength(1);
    expect(trained.trainingCount).toBe(1);
    const left = ok<MemberDetail>(
      await officer.request('POST', `/api/teams/${team.id}/members/${member.id}/leave`, {
        leftOn: '2026-01-10',
        reason: 'Chuyển nơi ở',
      }),
    );
    expect(left).toMatchObject({ active: false, leftOn: '2026-01-10' });
    expect(left.history.map((event) => event.action)).toEqual([
      'team_member.left',
      'team_member.training_added',
      'team_member.updated',
      'team_member.created',
    ]);
    const onDate = ok<MemberList>(
      await officer.request('GET', `/api/teams/${team.id}/members?asOf=2025-12-01&q=pham`),
    );
    expect(onDate.items).toHaveLength(1);
    const active = ok<MemberList>(
      await officer.request('GET', `/api/teams/${team.id}/members?status=active&q=pham`),
    );
    expect(active.items).toHaveLength(0);
  });

  it('filters the list by kind, status, unit and date, and sorts by whitelisted fields only', async () => {
    const byKind = ok<TeamList>(
      await officer.request('GET', '/api/teams?kind=grassroots_security_team&kind=mediation_group'),
    );
    expect(byKind.items.map((item) => item.id)).toContain(team.id);
    const otherKind = ok<TeamList>(await officer.request('GET', '/api/teams?kind=mediation_group'));
    expect(otherKind.items.map((item) => item.id)).not.toContain(team.id);
    const beforeIt = ok<TeamList>(await officer.request('GET', '/api/teams?asOf=2025-07-14'));
    expect(beforeIt.items.map((item) => item.id)).not.toContain(team.id);
    const inVillage = ok<TeamList>(
      await officer.request('GET', `/api/teams?unit=${village.id}&sort=-memberCount`),
    );
    expect(inVillage.items.map((item) => item.id)).toEqual([team.id]);
    expect((await officer.request('GET', '/api/teams?sort=password')).statusCode).toBe(400);
    expect((await officer.request('GET', `/api/teams?unit=${commune.provinceId}`)).statusCode).toBe(404);
  });
});

describe('yearly ratings', () => {
  let team: TeamDetail;
  const ids: number[] = [];

  beforeAll(async () => {
    const other = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
    team = ok<TeamDetail>(
      await officer.request('POST', '/api/teams', {
        kind: 'people_security_group',
        name: 'Tổ an ninh nhân dân số 2',
        unitId: other.id,
        establishedOn: '2025-07-01',
      }),
      201,
    );
    for (let index = 0; index < 14; index++) {
      const member = ok<MemberDetail>(
        await officer.request(
          'POST',
          `/api/teams/${team.id}/members`,
          person({
            fullName: `Thành viên số ${index + 1}`,
            role: index === 0 ? 'team_leader' : 'member',
            joinedOn: '2025-07-05',
          }),
        ),
        201,
      );
      ids.push(member.id);
    }
  });

  it('rates ten "tốt" and two "xuất sắc" (exactly 20%) in one sheet', async () => {
    const sheet = ok<RatingSheet>(
      await officer.request('PUT', `/api/teams/${team.id}/ratings/2026`, {
        items: [
          ...ids.slice(0, 10).map((memberId) => ({ memberId, rating: 'good' })),
          ...ids.slice(10, 12).map((memberId) => ({ memberId, rating: 'excellent' })),
        ],
      }),
    );
    expect(sheet.counts).toEqual({ excellent: 2, good: 10, completed: 0, not_completed: 0 });
    expect(sheet.maxExcellent).toBe(2);
    expect(sheet.period).toEqual({ from: '2025-11-15', to: '2026-11-14' });
  });

  it('refuses a third "xuất sắc", saying the numbers', async () => {
    const message = refused(
      await officer.request('PUT', `/api/teams/${team.id}/members/${ids[12]}/ratings/2026`, {
        rating: 'excellent',
      }),
      400,
      'rating',
    );
    expect(message).toContain('Đã có 3 thành viên xuất sắc trên 10 thành viên tốt: tối đa 20% (2)');
  });

  it('refuses turning a "tốt" into "xuất sắc" when that leaves too few "tốt"', async () => {
    const message = refused(
      await officer.request('PUT', `/api/teams/${team.id}/members/${ids[0]}/ratings/2026`, {
        rating: 'excellent',
      }),
      400,
      'rating',
    );
    expect(message).toContain('Đã có 3 thành viên xuất sắc trên 9 thành viên tốt: tối đa 20% (1)');
    const sheet = ok<RatingSheet>(await officer.request('GET', `/api/teams/${team.id}/ratings/2026`));
    expect(sheet.counts.excellent).toBe(2);
  });

  it('does not rate a member with under 9 months of service in the period, and says why', async () => {
    const late = ok<MemberDetail>(
      await officer.request(
        'POST',
        `/api/teams/${team.id}/members`,
        person({ fullName: 'Vào Muộn', joinedOn: '2026-03-01' }),
      ),
      201,
    );
    const message = refused(
      await officer.request('PUT', `/api/teams/${team.id}/members/${late.id}/ratings/2026`, {
        rating: 'good',
      }),
      400,
      'rating',
    );
    expect(message).toContain('8 tháng');
    expect(message).toContain('cần ít nhất 9 tháng');
    const sheet = ok<RatingSheet>(await officer.request('GET', `/api/teams/${team.id}/ratings/2026`));
    const row = sheet.members.find((member) => member.memberId === late.id)!;
    expect(row).toMatchObject({ ratable: false, serviceMonths: 8, rating: null });
  });

  it('removing a "tốt" that the quota rests on is refused too', async () => {
    refused(
      await officer.request('DELETE', `/api/teams/${team.id}/members/${ids[0]}/ratings/2026`),
      400,
      'rating',
    );
  });
});

describe('dissolving a team', () => {
  it('ends the team and every open membership on that day', async () => {
    const other = await createVillage(database.db, commune.id, { validFrom: '2025-07-01' });
    const team = ok<TeamDetail>(
      await officer.request('POST', '/api/teams', {
        kind: 'mediation_group',
        name: 'Tổ hòa giải',
        unitId: other.id,
        establishedOn: '2025-07-01',
      }),
      201,
    );
    ok(await officer.request('POST', `/api/teams/${team.id}/members`, person({ residenceSince: null })), 201);
    refused(
      await officer.request('POST', `/api/teams/${team.id}/dissolve`, { dissolvedOn: '2025-06-01' }),
      400,
      'dissolvedOn',
    );
    const dissolved = ok<TeamDetail>(
      await officer.request('POST', `/api/teams/${team.id}/dissolve`, {
        dissolvedOn: '2026-02-01',
        reason: 'QĐ 30/QĐ-UBND',
      }),
    );
    expect(dissolved).toMatchObject({ status: 'dissolved', dissolvedOn: '2026-02-01', memberCount: 0 });
    const members = ok<MemberList>(await officer.request('GET', `/api/teams/${team.id}/members`));
    expect(members.items[0]).toMatchObject({ leftOn: '2026-02-01', active: false });
    const list = ok<TeamList>(await officer.request('GET', '/api/teams?status=dissolved'));
    expect(list.items.map((item) => item.id)).toContain(team.id);
    refused(
      await officer.request('POST', `/api/teams/${team.id}/dissolve`, { dissolvedOn: '2026-03-01' }),
      409,
      'dissolvedOn',
    );
  });
});
