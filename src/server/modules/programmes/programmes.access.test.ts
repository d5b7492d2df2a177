/**
 * Coordination programmes and steering committees: programme 09 installed with its phases, a commune's plan and
 * tasks in the yearly progress view (done / late / not started), committee meetings whose conclusions are tracked
 * like tasks, the counts, and who may do what (another commune, the Front officer, a viewer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { CommitteeDetail, CommitteeList } from '../../../contracts/committees.js';
import type {
  PlanDetail,
  ProgrammeDetail,
  ProgrammeList,
  ProgressView,
  TaskItem,
} from '../../../contracts/programmes.js';
import type { SummaryResponse } from '../../../contracts/registry.js';
import { addDays, todayInVietnam } from '../../../domain/dates.js';
import { systemActor } from '../../context.js';
import type { DatabaseHandle } from '../../db/client.js';
import { createTeam } from '../teams/teams.service.js';
import { ensureReferenceProgrammes } from './programmes.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const users: Record<string, SignedIn> = {};
let commune: { id: number; code: string };
let programme09: ProgrammeList['items'][number];
let committeeId: number;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  expect(await ensureReferenceProgrammes(database.db, systemActor())).toBe(true);
  expect(await ensureReferenceProgrammes(database.db, systemActor())).toBe(false);
  const a = await findMergedCommune(database.db, '48', 0);
  const b = await findMergedCommune(database.db, '48', 1);
  commune = { id: a.id, code: a.code };
  for (const [key, role, unit] of [
    ['police', 'commune_officer', a.code],
    ['policeB', 'commune_officer', b.code],
    ['front', 'front_officer', a.code],
    ['province', 'province_staff', '48'],
    ['viewer', 'viewer', '48'],
  ] as const) {
    const user = await makeUser(database.db, role, unit);
    users[key] = await signIn(app, user.username);
  }
  const team = await createTeam(database.db, systemActor(), {
    kind: 'steering_committee',
    name: 'Ban Chỉ đạo kiểm thử',
    unitId: a.id,
    establishedOn: '2025-07-01',
  });
  committeeId = team.id;
});
afterAll(() => close());

describe('programmes', () => {
  it('programme 09 is installed with both phases and visible to every reader of programmes', async () => {
    const list = (await users.police!.request('GET', '/api/programmes')).json() as ProgrammeList;
    programme09 = list.items.find((item) => item.number === '09')!;
    expect(programme09).toMatchObject({ level: 'national', reference: true });
    expect(programme09.phases.map((phase) => phase.name)).toEqual([
      'Giai đoạn 2013–2023',
      'Giai đoạn 2023–2033',
    ]);
    expect(programme09.parties).toHaveLength(2);
    expect((await users.viewer!.request('GET', '/api/programmes')).statusCode).toBe(403);
  });

  it('a commune plans, tracks tasks, and the yearly view says done, late and not started', async () => {
    const created = await users.police!.request('POST', `/api/programmes/${programme09.id}/plans`, {
      unitId: commune.id,
      phaseId: programme09.phases[1]!.id,
      number: '15/KH-CAX',
      title: 'Kế hoạch thực hiện Chương trình 09',
      issuedOn: '2025-08-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json() as PlanDetail;
    const again = await users.police!.request('POST', `/api/programmes/${programme09.id}/plans`, {
      unitId: commune.id,
      phaseId: programme09.phases[1]!.id,
      title: 'Trùng',
      issuedOn: '2025-08-02',
    });
    expect(again.statusCode).toBe(409);

    let detail = plan;
    for (const [title, dueOn] of [
      ['Nhiệm vụ đã xong', `${year}-01-15`],
      ['Nhiệm vụ quá hạn', `${year}-01-10`],
      ['Nhiệm vụ chưa đến hạn', `${year}-12-31`],
    ] as const) {
      const response = await users.police!.request('POST', `/api/programmes/plans/${plan.id}/tasks`, {
        title,
        ownerOrganisation: 'Công an xã',
        dueOn,
      });
      expect(response.statusCode, response.body).toBe(200);
      detail = response.json() as PlanDetail;
    }
    const [done] = detail.tasks.filter((task) => task.title === 'Nhiệm vụ đã xong');
    const updated = await users.front!.request('PATCH', `/api/programmes/tasks/${done!.id}`, {
      status: 'done',
      statusDate: `${year}-01-14`,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ state: 'done', doneOn: `${year}-01-14` });
    const noted = await users.police!.request('POST', `/api/programmes/tasks/${done!.id}/notes`, {
      notedOn: today,
      note: 'Đã tổ chức 3 buổi tuyên truyền',
    });
    expect((noted.json() as TaskItem).notes[0]?.note).toBe('Đã tổ chức 3 buổi tuyên truyền');

    const progress = (
      await users.province!.request('GET', `/api/programmes/${programme09.id}/progress?year=${year}`)
    ).json() as ProgressView;
    const row = progress.rows.find((entry) => entry.unit.id === commune.id)!;
    expect(row.planId).toBe(plan.id);
    expect(row.counts).toMatchObject({ total: 3, done: 1, late: 1 });
    // Every commune of the province is listed, with or without a plan.
    expect(progress.rows.length).toBeGreaterThan(10);
    expect(progress.rows.filter((entry) => entry.planId === null).length).toBeGreaterThan(0);

    const page = (
      await users.province!.request('GET', `/api/programmes/${programme09.id}`)
    ).json() as ProgrammeDetail;
    expect(page.plans.map((entry) => entry.id)).toContain(plan.id);
  });

  it('another commune does not see the plan; a bad date names its field', async () => {
    const other = (
      await users.policeB!.request('GET', `/api/programmes/${programme09.id}`)
    ).json() as ProgrammeDetail;
    expect(other.plans.some((entry) => entry.unit.id === commune.id)).toBe(false);
    const bad = await users.police!.request('POST', `/api/programmes/${programme09.id}/plans`, {
      unitId: commune.id,
      title: 'Kế hoạch tương lai',
      issuedOn: addDays(today, 3),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'issuedOn' });
  });
});

describe('steering committees', () => {
  it('records a meeting whose conclusions are tracked like tasks and counted', async () => {
    const before = (
      await users.province!.request('GET', `/api/committees/summary?unit=${commune.id}`)
    ).json() as SummaryResponse;
    const response = await users.police!.request('POST', `/api/committees/${committeeId}/meetings`, {
      heldOn: addDays(today, -1),
      title: 'Họp định kỳ quý',
      agenda: 'Đánh giá tình hình',
      minutes: 'Biên bản cuộc họp',
      conclusions: [
        { title: 'Rà soát đối tượng', ownerOrganisation: 'Công an xã', dueOn: addDays(today, 30) },
        { title: 'Tổ chức ngày hội', ownerOrganisation: 'Ủy ban MTTQ xã', dueOn: addDays(today, 60) },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json() as CommitteeDetail;
    expect(detail.meetings[0]!.conclusions).toHaveLength(2);
    const conclusion = detail.meetings[0]!.conclusions[0]!;
    const done = await users.police!.request('PATCH', `/api/committees/conclusions/${conclusion.id}`, {
      status: 'done',
    });
    expect(done.json()).toMatchObject({ state: 'done' });

    const list = (await users.police!.request('GET', '/api/committees')).json() as CommitteeList;
    expect(list.items.find((item) => item.id === committeeId)).toMatchObject({
      meetingCount: 1,
      conclusions: { total: 2, done: 1 },
    });
    const after = (
      await users.province!.request('GET', `/api/committees/summary?unit=${commune.id}`)
    ).json() as SummaryResponse;
    expect((after.total.committee_meetings ?? 0) - (before.total.committee_meetings ?? 0)).toBe(1);
    expect(
      (after.total['committee_conclusions:done'] ?? 0) - (before.total['committee_conclusions:done'] ?? 0),
    ).toBe(1);
  });

  it('another commune gets 404, a viewer 403, a meeting in the future 400', async () => {
    expect((await users.policeB!.request('GET', `/api/committees/${committeeId}`)).statusCode).toBe(404);
    expect((await users.viewer!.request('GET', `/api/committees/${committeeId}`)).statusCode).toBe(403);
    const future = await users.police!.request('POST', `/api/committees/${committeeId}/meetings`, {
      heldOn: addDays(today, 2),
      title: 'Họp',
      agenda: 'Nội dung',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ field: 'heldOn' });
  });
});
