/**
 * Coordination programmes and steering committees: programme 09 installed with its phases and directive, a
 * programme recorded and edited with documents of the registry, a commune's plan and tasks in the yearly progress
 * view (done / late / not started), committee meetings whose conclusions are tracked like tasks, their minutes as
 * attachments, a cancelled meeting leaving the counts, and who may do what (another commune, the Front officer,
 * a viewer).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { AttachmentList } from '../../../contracts/attachments.js';
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
import { queryRows } from '../../db/client.js';
import { addMember, createTeam } from '../teams/teams.service.js';
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
let provinceDocumentId: number;
let provinceUnitId: number;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

function upload(user: SignedIn, url: string, file: Buffer, fileName: string, contentType: string) {
  const boundary = '----antqprogrammes';
  return app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: user.cookie,
      'x-csrf-token': user.csrfToken,
    },
  });
}

async function auditActions(entityType: string, entityId: number): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    database.db,
    sql`select action from audit_events where entity_type = ${entityType} and entity_id = ${String(entityId)} order by id`,
  );
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  expect(await ensureReferenceProgrammes(database.db, systemActor())).toBe(true);
  expect(await ensureReferenceProgrammes(database.db, systemActor())).toBe(false);
  const a = await findMergedCommune(database.db, '48', 0);
  const b = await findMergedCommune(database.db, '48', 1);
  commune = { id: a.id, code: a.code };
  provinceUnitId = a.provinceId;
  for (const [key, role, unit] of [
    ['police', 'commune_officer', a.code],
    ['policeB', 'commune_officer', b.code],
    ['front', 'front_officer', a.code],
    ['province', 'province_staff', '48'],
    ['otherProvince', 'province_staff', '01'],
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
    // It implements Chỉ thị 09-CT/TW, linked to the document installed in the registry.
    expect(programme09.documents).toEqual([
      expect.objectContaining({ reference: 'Chỉ thị 09-CT/TW', documentId: expect.any(Number) }),
    ]);
    expect(programme09.documents[0]!.title).toContain('Phong trào Toàn dân bảo vệ an ninh Tổ quốc');
    expect((await users.viewer!.request('GET', '/api/programmes')).statusCode).toBe(403);
  });

  describe('a province records its own programme and edits it', () => {
    let created: ProgrammeDetail;
    beforeAll(async () => {
      const document = await users.province!.request('POST', '/api/documents', {
        kind: 'plan',
        number: '88/KH-UBND',
        issuer: 'Ủy ban nhân dân tỉnh',
        issuedOn: '2025-09-01',
        title: 'Kế hoạch kiểm thử thực hiện Chỉ thị 09',
        unitId: provinceUnitId,
      });
      expect(document.statusCode, document.body).toBe(201);
      provinceDocumentId = (document.json() as { id: number }).id;
    });

    it('with a document of the registry and one named by free text', async () => {
      const response = await users.province!.request('POST', '/api/programmes', {
        number: '05/CTPH',
        title: 'Chương trình phối hợp kiểm thử của tỉnh',
        parties: ['Công an tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh'],
        level: 'province',
        unitId: provinceUnitId,
        signedOn: '2025-09-10',
        phases: [{ name: 'Giai đoạn 2025–2030', startsOn: '2025-09-10', endsOn: '2030-12-31' }],
        documents: [{ documentId: provinceDocumentId }, { reference: 'Công văn 12/CV-MTTQ' }],
      });
      expect(response.statusCode, response.body).toBe(201);
      created = response.json() as ProgrammeDetail;
      expect(created.documents).toEqual([
        expect.objectContaining({
          documentId: provinceDocumentId,
          reference: 'Kế hoạch 88/KH-UBND',
          title: 'Kế hoạch kiểm thử thực hiện Chỉ thị 09',
        }),
        expect.objectContaining({ documentId: null, reference: 'Công văn 12/CV-MTTQ', title: null }),
      ]);
      expect(created.canEdit).toBe(true);
      expect(await auditActions('programme', created.id)).toEqual(['programme.created']);
    });

    it('refuses a document outside the writer’s scope, an empty reference, a phase ending before it starts', async () => {
      const base = {
        number: '06',
        title: 'Sai',
        parties: ['A', 'B'],
        level: 'commune',
        unitId: commune.id,
        phases: [{ name: 'Giai đoạn', startsOn: '2025-09-10' }],
      };
      // A document of the province is not in the commune officer's scope.
      for (const [body, field] of [
        [{ ...base, documents: [{ documentId: provinceDocumentId }] }, 'documents.0.documentId'],
        [{ ...base, documents: [{}] }, 'documents.0.reference'],
        [
          { ...base, phases: [{ name: 'G', startsOn: '2025-09-10', endsOn: '2025-01-01' }] },
          'phases.0.endsOn',
        ],
      ] as const) {
        const response = await users.police!.request('POST', '/api/programmes', body);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({ field });
      }
      const national = await users.police!.request('POST', '/api/programmes', { ...base, level: 'national' });
      expect(national.json()).toMatchObject({ field: 'level' });
    });

    it.each([
      ['province', 200],
      ['otherProvince', 404],
      ['police', 403],
      ['front', 403],
      ['viewer', 403],
    ])('%s editing the province programme answers %i', async (who, status) => {
      const response = await users[who]!.request('PATCH', `/api/programmes/${created.id}`, {
        title: `Chương trình phối hợp kiểm thử của tỉnh (sửa bởi ${who})`,
      });
      expect(response.statusCode, response.body).toBe(status);
    });

    it('edits phases and documents; a phase with a plan stays', async () => {
      const phase = created.phases[0]!;
      const plan = await users.police!.request('POST', `/api/programmes/${created.id}/plans`, {
        unitId: commune.id,
        phaseId: phase.id,
        title: 'Kế hoạch của xã thực hiện chương trình của tỉnh',
        issuedOn: today,
      });
      expect(plan.statusCode, plan.body).toBe(201);
      const response = await users.province!.request('PATCH', `/api/programmes/${created.id}`, {
        parties: ['Công an tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'Hội Cựu chiến binh tỉnh'],
        phases: [
          { id: phase.id, name: 'Giai đoạn 2025–2030', startsOn: '2025-09-10', endsOn: '2030-12-31' },
          { name: 'Giai đoạn 2031–2035', startsOn: '2031-01-01', endsOn: '2035-12-31' },
        ],
        documents: [{ reference: 'Công văn 12/CV-MTTQ' }],
      });
      expect(response.statusCode, response.body).toBe(200);
      const edited = response.json() as ProgrammeDetail;
      expect(edited.parties).toHaveLength(3);
      expect(edited.phases.map((entry) => entry.name)).toEqual([
        'Giai đoạn 2025–2030',
        'Giai đoạn 2031–2035',
      ]);
      expect(edited.documents.map((entry) => entry.reference)).toEqual(['Công văn 12/CV-MTTQ']);
      const removing = await users.province!.request('PATCH', `/api/programmes/${created.id}`, {
        phases: [{ name: 'Giai đoạn mới', startsOn: '2031-01-01' }],
      });
      expect(removing.statusCode).toBe(409);
      expect(removing.json()).toMatchObject({ field: 'phases' });
      expect(await auditActions('programme', created.id)).toContain('programme.updated');
    });

    it('programme 09 is national: only a national writer edits it', async () => {
      const response = await users.province!.request('PATCH', `/api/programmes/${programme09.id}`, {
        signedOn: '2013-05-20',
      });
      expect(response.statusCode).toBe(403);
    });
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
  it('lists members with their role, position and organisation', async () => {
    await addMember(database.db, systemActor(), committeeId, {
      fullName: 'Nguyễn Văn Trưởng Ban',
      birthYear: 1975,
      role: 'chairman',
      position: 'Chủ tịch',
      organisation: 'Ủy ban nhân dân xã',
      joinedOn: '2025-07-01',
    });
    const detail = (
      await users.police!.request('GET', `/api/committees/${committeeId}`)
    ).json() as CommitteeDetail;
    expect(detail.members).toEqual([
      expect.objectContaining({
        fullName: 'Nguyễn Văn Trưởng Ban',
        roleLabel: 'Trưởng ban',
        position: 'Chủ tịch',
        organisation: 'Ủy ban nhân dân xã',
      }),
    ]);
    expect(detail.leaderName).toBe('Nguyễn Văn Trưởng Ban');
  });

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

  describe('minutes as attachments, edits, cancellation', () => {
    let meetingId: number;
    beforeAll(async () => {
      const response = await users.police!.request('POST', `/api/committees/${committeeId}/meetings`, {
        heldOn: addDays(today, -2),
        title: 'Họp ghi nhầm',
        agenda: 'Nội dung',
        minutes: 'Tóm tắt biên bản',
        conclusions: [{ title: 'Kết luận của cuộc họp ghi nhầm', ownerOrganisation: 'Công an xã' }],
      });
      expect(response.statusCode, response.body).toBe(200);
      meetingId = (response.json() as CommitteeDetail).meetings.find((m) => m.title === 'Họp ghi nhầm')!.id;
    });

    it.each([
      ['police', 201],
      ['front', 201],
      ['province', 201],
      ['policeB', 404],
      ['viewer', 403],
    ])('%s attaching the scanned minutes answers %i', async (who, status) => {
      const response = await upload(
        users[who]!,
        `/api/attachments?entityType=committee_meeting&entityId=${meetingId}&caption=Bi%C3%AAn%20b%E1%BA%A3n`,
        PDF,
        'bien-ban-hop.pdf',
        'application/pdf',
      );
      expect(response.statusCode, response.body).toBe(status);
    });

    it.each([
      ['police', 200],
      ['policeB', 404],
      ['otherProvince', 404],
      ['viewer', 403],
    ])('%s listing the meeting files answers %i', async (who, status) => {
      const response = await users[who]!.request(
        'GET',
        `/api/attachments?entityType=committee_meeting&entityId=${meetingId}`,
      );
      expect(response.statusCode).toBe(status);
    });

    it('the meeting lists its files, which download for the committee’s readers only', async () => {
      const detail = (
        await users.front!.request('GET', `/api/committees/${committeeId}`)
      ).json() as CommitteeDetail;
      const meeting = detail.meetings.find((entry) => entry.id === meetingId)!;
      expect(meeting.attachments).toHaveLength(3);
      expect(meeting.minutes).toBe('Tóm tắt biên bản');
      const file = meeting.attachments[0]!;
      const download = await users.police!.request('GET', file.url);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await users.policeB!.request('GET', file.url)).statusCode).toBe(404);
      const listed = (
        await users.police!.request(
          'GET',
          `/api/attachments?entityType=committee_meeting&entityId=${meetingId}`,
        )
      ).json() as AttachmentList;
      expect(listed.items.map((item) => item.id)).toContain(file.id);
    });

    it.each([
      ['police', 200],
      ['front', 200],
      ['policeB', 404],
      ['viewer', 403],
    ])('%s editing the meeting answers %i', async (who, status) => {
      const response = await users[who]!.request('PATCH', `/api/committees/meetings/${meetingId}`, {
        chairedBy: `Chủ trì (${who})`,
      });
      expect(response.statusCode, response.body).toBe(status);
    });

    it('an edit naming a bad date says which field', async () => {
      const response = await users.police!.request('PATCH', `/api/committees/meetings/${meetingId}`, {
        heldOn: '2020-01-01',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ field: 'heldOn' });
    });

    it('a cancelled meeting stays with its reason, leaves the counts, and its conclusions freeze', async () => {
      const before = (await users.police!.request('GET', '/api/committees')).json() as CommitteeList;
      const counted = before.items.find((item) => item.id === committeeId)!;
      for (const [who, status] of [
        ['policeB', 404],
        ['viewer', 403],
      ] as const) {
        const response = await users[who]!.request('POST', `/api/committees/meetings/${meetingId}/cancel`, {
          reason: 'Ghi nhầm',
        });
        expect(response.statusCode).toBe(status);
      }
      const empty = await users.police!.request('POST', `/api/committees/meetings/${meetingId}/cancel`, {
        reason: '   ',
      });
      expect(empty.json()).toMatchObject({ field: 'reason' });
      const response = await users.police!.request('POST', `/api/committees/meetings/${meetingId}/cancel`, {
        reason: 'Ghi nhầm, cuộc họp không diễn ra',
      });
      expect(response.statusCode, response.body).toBe(200);
      const meeting = (response.json() as CommitteeDetail).meetings.find((entry) => entry.id === meetingId)!;
      expect(meeting).toMatchObject({
        cancelledOn: today,
        cancelReason: 'Ghi nhầm, cuộc họp không diễn ra',
        canEdit: false,
      });
      expect(meeting.conclusions[0]!.canEdit).toBe(false);
      const after = (await users.police!.request('GET', '/api/committees')).json() as CommitteeList;
      expect(after.items.find((item) => item.id === committeeId)).toMatchObject({
        meetingCount: counted.meetingCount - 1,
        conclusions: { total: counted.conclusions.total - 1 },
      });
      for (const [method, url, body] of [
        ['PATCH', `/api/committees/meetings/${meetingId}`, { title: 'Sửa' }],
        ['POST', `/api/committees/meetings/${meetingId}/cancel`, { reason: 'Lần nữa' }],
        ['POST', `/api/committees/meetings/${meetingId}/conclusions`, { title: 'K', ownerOrganisation: 'X' }],
        ['PATCH', `/api/committees/conclusions/${meeting.conclusions[0]!.id}`, { status: 'done' }],
      ] as const) {
        expect((await users.police!.request(method, url, body)).statusCode).toBe(409);
      }
      expect(await auditActions('committee_meeting', meetingId)).toEqual([
        'committee_meeting.created',
        'attachment.added',
        'attachment.added',
        'attachment.added',
        'committee_meeting.updated',
        'committee_meeting.updated',
        'committee_meeting.cancelled',
      ]);
    });
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
