/**
 * The safety standard through its API: who may do what (unit head only their unit, the approving level only,
 * viewers read only, another commune sees nothing), the commune's 70% rule, a "none of these events" criterion that
 * occurred, frozen criteria versions, the certificate, returning and reopening.
 */

import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage, officialUnitId } from '../../../../test/helpers/factories.js';
import {
  allMet,
  DECISION,
  expectOk,
  fillAndSubmit,
  registerAndSubmit,
  uploadPdf,
  userAt,
} from '../../../../test/helpers/recognition.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import type { SignedIn } from '../../../../test/helpers/users.js';
import type {
  CriteriaSetDetail,
  DashboardResponse,
  RecordDetail,
  UnitStatusList,
} from '../../../contracts/recognition.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

const YEAR = Number(todayInVietnam().slice(0, 4));
const today = todayInVietnam();
const decision = { ...DECISION, decisionDate: today };

let commune: number;
let villageA: { id: number; fullName: string };
let villageB: { id: number; fullName: string };
let villageC: { id: number; fullName: string };
let headA: SignedIn;
let officer: SignedIn;
let otherOfficer: SignedIn;
let provinceStaff: SignedIn;
let nationalStaff: SignedIn;
let viewer: SignedIn;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.db;
  const first = await findMergedCommune(db, '48');
  const other = await findMergedCommune(db, '48', 1);
  const province = await officialUnitId(db, 'province', '48', today);
  commune = first.id;
  villageA = await createVillage(db, commune, { validFrom: '2025-07-01' });
  villageB = await createVillage(db, commune, { validFrom: '2025-07-01' });
  villageC = await createVillage(db, commune, { validFrom: '2025-07-01' });
  headA = await userAt(app, db, 'unit_head', villageA.id);
  officer = await userAt(app, db, 'commune_officer', commune);
  otherOfficer = await userAt(app, db, 'commune_officer', other.id);
  provinceStaff = await userAt(app, db, 'province_staff', province);
  nationalStaff = await userAt(app, db, 'province_staff', null);
  viewer = await userAt(app, db, 'viewer', province);
});
afterAll(() => close());

describe('access', () => {
  let record: RecordDetail;

  it('a unit head registers and self-assesses their own unit only', async () => {
    record = await registerAndSubmit(headA, villageA.id, YEAR);
    expect(record.status).toBe('submitted');
    expect(record.setLabel).toContain('Thông tư 124/2021/TT-BCA');
    const elsewhere = await headA.request('POST', '/api/recognition/records', {
      unitId: villageB.id,
      year: YEAR,
      registeredOn: `${YEAR}-02-01`,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ field: 'unitId', code: 'recognition.unit_invalid' });

    const ofB = await expectOk(
      await officer.request('POST', '/api/recognition/records', {
        unitId: villageC.id,
        year: YEAR,
        registeredOn: `${YEAR}-02-01`,
      }),
      201,
    );
    expect((await headA.request('GET', `/api/recognition/records/${ofB.id}`)).statusCode).toBe(404);
  });

  it('a unit head cannot review, and nobody edits a submitted record', async () => {
    const comment = { criteria: [{ criterionId: record.criteria[0]!.id, comment: 'Bổ sung nghị quyết' }] };
    expect(
      (await headA.request('POST', `/api/recognition/records/${record.id}/return`, comment)).statusCode,
    ).toBe(403);
    const edit = await headA.request('PUT', `/api/recognition/records/${record.id}/answers`, {
      answers: [{ criterionId: record.criteria[1]!.id, met: false }],
    });
    expect(edit.statusCode).toBe(409);
  });

  it('a viewer reads but changes nothing', async () => {
    expect((await viewer.request('GET', `/api/recognition/records/${record.id}`)).statusCode).toBe(200);
    expect(
      (
        await viewer.request('POST', '/api/recognition/records', {
          unitId: villageB.id,
          year: YEAR,
          registeredOn: today,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await viewer.request('POST', `/api/recognition/records/${record.id}/decide`, {
          outcome: 'recognised',
          ...decision,
        })
      ).statusCode,
    ).toBe(403);
    expect((await viewer.request('GET', `/api/recognition/dashboard?year=${YEAR}`)).statusCode).toBe(200);
  });

  it('another commune sees nothing of it', async () => {
    expect((await otherOfficer.request('GET', `/api/recognition/records/${record.id}`)).statusCode).toBe(404);
    const decide = await otherOfficer.request('POST', `/api/recognition/records/${record.id}/decide`, {
      outcome: 'recognised',
      ...decision,
    });
    expect(decide.statusCode).toBe(404);
  });

  it('a village is decided by its commune, not by the province', async () => {
    const byProvince = await provinceStaff.request('POST', `/api/recognition/records/${record.id}/decide`, {
      outcome: 'recognised',
      ...decision,
    });
    expect(byProvince.statusCode).toBe(403);
    expect(byProvince.json().code).toBe('recognition.not_approving_level');
    const detail = await expectOk(await officer.request('GET', `/api/recognition/records/${record.id}`));
    expect(detail.can).toMatchObject({ review: true, decide: true, edit: false });
    const decided = await expectOk(
      await officer.request('POST', `/api/recognition/records/${record.id}/decide`, {
        outcome: 'recognised',
        ...decision,
      }),
    );
    expect(decided.status).toBe('recognised');
    expect(decided.can.certificate).toBe(true);
  });

  it('a commune is decided by the province, not by its own commune officer', async () => {
    const own = await registerAndSubmit(officer, commune, YEAR);
    const byCommune = await officer.request('POST', `/api/recognition/records/${own.id}/decide`, {
      outcome: 'not_recognised',
      comment: 'Tự xét',
      ...decision,
    });
    expect(byCommune.statusCode).toBe(403);
    expect(byCommune.json().message).toContain('cấp tỉnh');
  });

  it('the certificate opens and carries the header lines and the unit name', async () => {
    const response = await headA.request('GET', `/api/recognition/records/${record.id}/certificate`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('GIẤY CÔNG NHẬN');
    expect(text).toContain(villageA.fullName);
    expect(text).toContain('125/QĐ-UBND');
  });

  it('a decided result is locked; reopening needs a reason and is audited', async () => {
    const short = await officer.request('POST', `/api/recognition/records/${record.id}/reopen`, {
      reason: 'sai',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('reason');
    const reopened = await expectOk(
      await officer.request('POST', `/api/recognition/records/${record.id}/reopen`, {
        reason: 'Phát hiện vụ việc chưa được báo cáo trong kỳ',
      }),
    );
    expect(reopened.status).toBe('submitted');
    expect(reopened.reopenReason).toBe('Phát hiện vụ việc chưa được báo cáo trong kỳ');
    const events = await queryRows<{ action: string; changes: { _details?: { reason?: string } } }>(
      database.db,
      sql`select action, changes from audit_events where entity_type = 'recognition_record' and entity_id = ${String(record.id)} order by id`,
    );
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'recognition.register',
        'recognition.submit',
        'recognition.recognise',
        'recognition.reopen',
      ]),
    );
    expect(events.at(-1)?.changes._details?.reason).toContain('Phát hiện vụ việc');
  });
});

describe('returning with comments per criterion', () => {
  it('the commune returns one criterion, the village fixes it and sends it again', async () => {
    const record = await registerAndSubmit(officer, villageB.id, YEAR);
    const target = record.criteria.find((criterion) => criterion.kind === 'yes_no')!;
    const missing = await officer.request('POST', `/api/recognition/records/${record.id}/return`, {
      criteria: [],
    });
    expect(missing.statusCode).toBe(400);
    const returned = await expectOk(
      await officer.request('POST', `/api/recognition/records/${record.id}/return`, {
        comment: 'Bổ sung hồ sơ',
        criteria: [{ criterionId: target.id, comment: 'Chưa có hương ước được phê duyệt' }],
      }),
    );
    expect(returned.status).toBe('returned');
    const answer = returned.answers.find((entry) => entry.criterionId === target.id)!;
    expect(answer).toMatchObject({ returned: true, reviewerComment: 'Chưa có hương ước được phê duyệt' });
    await expectOk(
      await officer.request('PUT', `/api/recognition/records/${record.id}/answers`, {
        answers: [{ criterionId: target.id, met: true, note: 'Hương ước được phê duyệt ngày 10/3' }],
      }),
    );
    const again = await expectOk(
      await officer.request('POST', `/api/recognition/records/${record.id}/submit`),
    );
    expect(again.status).toBe('submitted');
    expect(again.answers.find((entry) => entry.criterionId === target.id)?.returned).toBe(false);
  });

  it('a record cannot be sent without its meeting record (400 naming the field)', async () => {
    const village = await createVillage(database.db, commune, { validFrom: '2025-07-01' });
    const record = await expectOk(
      await officer.request('POST', '/api/recognition/records', {
        unitId: village.id,
        year: YEAR,
        registeredOn: today,
      }),
      201,
    );
    const response = await officer.request('POST', `/api/recognition/records/${record.id}/submit`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/Chưa tự đánh giá tiêu chí/);
  });
});

describe('"none of these events" criterion', () => {
  it('an event that occurred makes the unit not recognised whatever else holds', async () => {
    const village = await createVillage(database.db, commune, { validFrom: '2025-07-01' });
    const record = await registerAndSubmit(officer, village.id, YEAR, (criterion) =>
      criterion.kind === 'no_events' ? { met: true, occurredEvents: [2] } : undefined,
    );
    expect(record.judgement).toMatchObject({ eligible: false, disqualified: true });
    const attempt = await officer.request('POST', `/api/recognition/records/${record.id}/decide`, {
      outcome: 'recognised',
      ...decision,
    });
    expect(attempt.statusCode).toBe(400);
    expect(attempt.json().code).toBe('recognition.disqualified');
    const refused = await expectOk(
      await officer.request('POST', `/api/recognition/records/${record.id}/decide`, {
        outcome: 'not_recognised',
        comment: 'Để xảy ra khiếu kiện đông người',
        ...decision,
      }),
    );
    expect(refused.status).toBe('not_recognised');
    expect(
      (await officer.request('GET', `/api/recognition/records/${record.id}/certificate`)).statusCode,
    ).toBe(409);
  });
});

describe('the commune criterion: 100% registered and at least 70% recognised', () => {
  it('fails at 17/25, blocks while a child is pending, passes at 18/25', async () => {
    const db = database.db;
    const { id: communeId } = await findMergedCommune(db, '48', 2);
    const villages: number[] = [];
    for (let index = 0; index < 25; index++) {
      villages.push((await createVillage(db, communeId, { validFrom: '2025-07-01' })).id);
    }
    const [set] = await queryRows<{ id: number }>(
      db,
      sql`select id from criteria_sets where code = 'tt124-residential_area' and status = 'active'`,
    );
    const setStatus = async (unitId: number, status: string) =>
      db.execute(sql`insert into recognition_records (unit_id, province_code, year, target, set_id, status, registered_on)
        values (${unitId}, '48', ${YEAR}, 'residential_area', ${set!.id}, ${status}, ${`${YEAR}-02-01`})
        on conflict (unit_id, year) do update set status = excluded.status`);
    for (const [index, unitId] of villages.entries())
      await setStatus(unitId, index < 17 ? 'recognised' : 'not_recognised');

    const communeOfficer = await userAt(app, db, 'commune_officer', communeId);
    const record = await registerAndSubmit(communeOfficer, communeId, YEAR);
    const computed = record.criteria.find((criterion) => criterion.kind === 'computed')!;
    expect(record.children).toMatchObject({
      total: 25,
      registered: 25,
      recognised: 17,
      label: '17/25 = 68%',
      met: false,
    });
    expect(record.answers.find((answer) => answer.criterionId === computed.id)?.state).toBe('not_met');
    const failing = await provinceStaff.request('POST', `/api/recognition/records/${record.id}/decide`, {
      outcome: 'recognised',
      ...decision,
    });
    expect(failing.statusCode).toBe(400);
    expect(failing.json().code).toBe('recognition.criteria_not_met');

    await setStatus(villages[17]!, 'submitted');
    const pending = await provinceStaff.request('POST', `/api/recognition/records/${record.id}/decide`, {
      outcome: 'recognised',
      ...decision,
    });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('recognition.children_pending');

    await setStatus(villages[17]!, 'recognised');
    const passing = await expectOk(
      await provinceStaff.request('POST', `/api/recognition/records/${record.id}/decide`, {
        outcome: 'recognised',
        ...decision,
      }),
    );
    expect(passing.status).toBe('recognised');
    expect(passing.children?.label).toBe('18/25 = 72%');

    const list = (
      await communeOfficer.request(
        'GET',
        `/api/recognition/units?year=${YEAR}&unit=${communeId}&state=recognised`,
      )
    ).json() as UnitStatusList;
    expect(list.total).toBe(19);
  });
});

describe('criteria sets', () => {
  it('a used version is frozen; edits go into a new version', async () => {
    const [used] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from criteria_sets where code = 'tt124-residential_area' and version = 1`,
    );
    const set = (
      await nationalStaff.request('GET', `/api/recognition/criteria-sets/${used!.id}`)
    ).json() as CriteriaSetDetail;
    expect(set.frozen).toBe(true);
    const criterion = set.criteria[1]!;
    const body = {
      code: criterion.code,
      text: `${criterion.text} (sửa)`,
      kind: criterion.kind,
      evidenceRequired: true,
    };
    const edit = await nationalStaff.request(
      'PUT',
      `/api/recognition/criteria-sets/${set.id}/criteria/${criterion.id}`,
      body,
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('criteria.frozen');

    const draft = (
      await nationalStaff.request('POST', `/api/recognition/criteria-sets/${set.id}/drafts`, {})
    ).json() as CriteriaSetDetail;
    expect(draft).toMatchObject({ version: 2, status: 'draft', frozen: false });
    const copy = draft.criteria[1]!;
    const edited = await nationalStaff.request(
      'PUT',
      `/api/recognition/criteria-sets/${draft.id}/criteria/${copy.id}`,
      {
        ...body,
      },
    );
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as CriteriaSetDetail).criteria[1]!.text).toContain('(sửa)');
    expect(
      (
        await provinceStaff.request(
          'PUT',
          `/api/recognition/criteria-sets/${draft.id}/criteria/${copy.id}`,
          body,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('a province adds its own criterion to its copy and its units are judged by it', async () => {
    const [school] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from criteria_sets where code = 'tt124-school' and version = 1`,
    );
    const copy = (
      await provinceStaff.request('POST', `/api/recognition/criteria-sets/${school!.id}/drafts`, {
        forProvince: true,
      })
    ).json() as CriteriaSetDetail;
    expect(copy).toMatchObject({ provinceCode: '48', code: 'tt124-school-48' });
    const nationalCriterion = copy.criteria[0]!;
    const locked = await provinceStaff.request(
      'DELETE',
      `/api/recognition/criteria-sets/${copy.id}/criteria/${nationalCriterion.id}`,
    );
    expect(locked.statusCode).toBe(400);
    const bad = await provinceStaff.request('POST', `/api/recognition/criteria-sets/${copy.id}/criteria`, {
      code: '7',
      text: 'Có camera an ninh ở cổng trường',
      kind: 'number_threshold',
      evidenceRequired: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'threshold' });
    const added = await provinceStaff.request('POST', `/api/recognition/criteria-sets/${copy.id}/criteria`, {
      code: '7',
      text: 'Có camera an ninh ở cổng trường',
      kind: 'yes_no',
      evidenceRequired: true,
    });
    expect(added.statusCode).toBe(201);
    expect((added.json() as CriteriaSetDetail).criteria.at(-1)?.addedByProvince).toBe('48');
    expect(
      (await provinceStaff.request('POST', `/api/recognition/criteria-sets/${copy.id}/activate`)).statusCode,
    ).toBe(200);

    const { addLocalUnit } = await import('../units/units.service.js');
    const schoolId = await addLocalUnit(database.db, {
      kind: 'school',
      name: 'Thử nghiệm',
      typeName: 'Trường Trung học cơ sở',
      parentId: commune,
      validFrom: '2025-07-01',
      source: 'user',
    });
    const record = await expectOk(
      await officer.request('POST', '/api/recognition/records', {
        unitId: schoolId,
        year: YEAR,
        registeredOn: today,
      }),
      201,
    );
    expect(record.setId).toBe(copy.id);
    expect(record.criteria).toHaveLength(7);
    await fillAndSubmit(officer, record);
  });
});

describe('a year that straddles the 2025 reform', () => {
  it('is counted on the hierarchy the reader chooses: as it was, or re-mapped onto today', async () => {
    const db = database.db;
    const merged = await findMergedCommune(db, '48', 3);
    const old = merged.predecessors[0]!;
    const [set] = await queryRows<{ id: number }>(
      db,
      sql`select id from criteria_sets where code = 'tt124-commune' and version = 1`,
    );
    await db.execute(sql`insert into recognition_records (unit_id, province_code, year, target, set_id, status, registered_on)
      values (${old.id}, '48', 2025, 'commune', ${set!.id}, 'recognised', '2025-02-01')`);

    const asItWas = (
      await provinceStaff.request(
        'GET',
        `/api/recognition/dashboard?year=2025&basis=as_of&asOf=2025-06-30&unit=${merged.oldDistrictId}`,
      )
    ).json() as DashboardResponse;
    const oldRow = asItWas.summary.rows.find((row) => row.unit?.id === old.id)!;
    expect(oldRow.values['standard_records:recognised']).toBe(1);
    expect(asItWas.shares[oldRow.key]?.label).toBe('1/1 = 100%');

    const remapped = (
      await provinceStaff.request('GET', '/api/recognition/dashboard?year=2025&basis=current')
    ).json() as DashboardResponse;
    const newRow = remapped.summary.rows.find((row) => row.unit?.id === merged.id)!;
    expect(newRow.values['standard_records:recognised']).toBeGreaterThanOrEqual(1);
    expect(remapped.summary.rows.some((row) => row.unit?.id === old.id)).toBe(false);
  });
});

describe('files of a record: evidence and the scanned minutes (attachments module)', () => {
  let record: RecordDetail;
  let head: SignedIn;
  const upload = (user: SignedIn, recordId: number, fileName?: string) =>
    uploadPdf(app, user, 'recognition_record', recordId, fileName);

  beforeAll(async () => {
    const village = await createVillage(database.db, commune, { validFrom: '2025-07-01' });
    head = await userAt(app, database.db, 'unit_head', village.id);
    record = await expectOk(
      await head.request('POST', '/api/recognition/records', {
        unitId: village.id,
        year: YEAR,
        registeredOn: today,
      }),
      201,
    );
  });

  it('the unit uploads a file and links it as evidence; readers in scope download it, others get 404', async () => {
    const created = await upload(head, record.id);
    expect(created.statusCode, created.body).toBe(201);
    const file = created.json() as { id: string; url: string };
    expect((await upload(headA, record.id)).statusCode).toBe(404);
    expect((await upload(otherOfficer, record.id)).statusCode).toBe(404);
    expect((await upload(viewer, record.id)).statusCode).toBe(403);
    expect((await viewer.request('GET', file.url)).statusCode).toBe(200);
    expect((await otherOfficer.request('GET', file.url)).statusCode).toBe(404);
    expect((await headA.request('GET', file.url)).statusCode).toBe(404);

    const criterion = record.criteria.find((entry) => entry.evidenceRequired)!;
    const linked = await expectOk(
      await head.request('POST', `/api/recognition/records/${record.id}/evidence`, {
        criterionId: criterion.id,
        kind: 'attachment',
        attachmentId: file.id,
        description: 'Biên bản kiểm tra',
      }),
      201,
    );
    expect(linked.evidence[0]?.attachment).toMatchObject({ id: file.id, fileName: 'bien-ban-kiem-tra.pdf' });
    expect(linked.attachments).toHaveLength(1);

    // A file of another record cannot be linked.
    const other = await expectOk(
      await officer.request('POST', '/api/recognition/records', {
        unitId: (await createVillage(database.db, commune, { validFrom: '2025-07-01' })).id,
        year: YEAR,
        registeredOn: today,
      }),
      201,
    );
    const foreign = (await upload(officer, other.id)).json() as { id: string };
    const refused = await head.request('POST', `/api/recognition/records/${record.id}/evidence`, {
      criterionId: criterion.id,
      kind: 'attachment',
      attachmentId: foreign.id,
      description: 'Tệp của hồ sơ khác',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'attachmentId', code: 'recognition.attachment_invalid' });

    // Removing the file removes the evidence that pointed to it.
    const second = (await upload(head, record.id, 'anh-hop.pdf')).json() as { id: string; url: string };
    const withSecond = await expectOk(
      await head.request('POST', `/api/recognition/records/${record.id}/evidence`, {
        criterionId: criterion.id,
        kind: 'attachment',
        attachmentId: second.id,
        description: 'Ảnh buổi họp',
      }),
      201,
    );
    expect(withSecond.evidence).toHaveLength(2);
    expect((await head.request('DELETE', second.url)).statusCode).toBe(204);
    const after = await expectOk(await head.request('GET', `/api/recognition/records/${record.id}`));
    expect(after.evidence.map((entry) => entry.attachment?.id)).toEqual([file.id]);
  });

  it('submitting names the criterion that lacks required evidence; the minutes may be the scanned file', async () => {
    await expectOk(
      await head.request('PUT', `/api/recognition/records/${record.id}/answers`, allMet(record)),
    );
    const noMinutes = await head.request('PUT', `/api/recognition/records/${record.id}/meeting`, {
      meetingDate: today,
      meetingChair: 'Nguyễn Văn Chủ Trì',
      meetingAttendees: 30,
    });
    expect(noMinutes.statusCode).toBe(400);
    expect(noMinutes.json()).toMatchObject({ field: 'meetingMinutes', code: 'recognition.minutes_required' });
    const minutes = (await upload(head, record.id, 'bien-ban-hop.pdf')).json() as { id: string };
    const met = await expectOk(
      await head.request('PUT', `/api/recognition/records/${record.id}/meeting`, {
        meetingDate: today,
        meetingChair: 'Nguyễn Văn Chủ Trì',
        meetingAttendees: 30,
        minutesAttachmentId: minutes.id,
      }),
    );
    expect(met.minutesFile?.fileName).toBe('bien-ban-hop.pdf');
    expect(met.meetingMinutes).toBeNull();

    const lacking = met.criteria.find(
      (entry) => entry.evidenceRequired && !met.evidence.some((row) => row.criterionId === entry.id),
    )!;
    const refused = await head.request('POST', `/api/recognition/records/${record.id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('recognition.evidence_required');
    expect(refused.json().message).toContain(`Tiêu chí ${lacking.code} (`);
    expect(refused.json().message).toContain('bắt buộc có minh chứng');

    await fillAndSubmit(head, met);
    const sent = await expectOk(await head.request('GET', `/api/recognition/records/${record.id}`));
    expect(sent.status).toBe('submitted');
    // Once sent, the files are locked with the record.
    expect((await upload(head, record.id)).statusCode).toBe(409);
    expect((await head.request('DELETE', sent.attachments[0]!.url)).statusCode).toBe(409);
  });
});

describe('cycles (configuration) and the overdue count', () => {
  const settings = {
    windowFrom: `${YEAR - 1}-11-01`,
    windowTo: `${YEAR}-10-31`,
    registrationDeadline: `${YEAR}-12-31`,
    decisionDeadline: `${YEAR}-12-31`,
    classificationDeadline: `${YEAR}-12-31`,
    approvingLevel: 'commune',
  };
  const overdueCounts = async () => {
    const summary = (
      await provinceStaff.request('GET', `/api/recognition/dashboard?year=${YEAR}&unit=${commune}`)
    ).json() as DashboardResponse;
    const list = (
      await provinceStaff.request(
        'GET',
        `/api/recognition/units?year=${YEAR}&unit=${commune}&state=overdue&pageSize=200`,
      )
    ).json() as UnitStatusList;
    return { summary: summary.summary.total.standard_overdue ?? 0, list };
  };

  it('the overdue count of the summary (SQL) matches the list, before and after the province moves its deadlines', async () => {
    const before = await overdueCounts();
    expect(before.summary).toBe(before.list.total);
    // The circular's deadlines: registration 31/03, decision 15/11 (commune level) or 20/11 (province level).
    for (const item of before.list.items) {
      expect([`${YEAR}-03-31`, `${YEAR}-11-15`, `${YEAR}-11-20`]).toContain(item.overdue?.deadline);
      expect(item.overdue?.kind).toBe(item.status === null ? 'registration' : 'decision');
    }
    const pastEnd = await provinceStaff.request(
      'GET',
      `/api/recognition/units?year=${YEAR}&unit=${commune}&state=overdue&page=999`,
    );
    expect(pastEnd.json()).toMatchObject({ code: 'page.out_of_range', field: 'page' });

    expect(
      (await officer.request('PUT', `/api/recognition/cycles/${YEAR}/residential_area`, settings)).statusCode,
    ).toBe(403);
    const wrong = await provinceStaff.request('PUT', `/api/recognition/cycles/${YEAR}/residential_area`, {
      ...settings,
      decisionDeadline: `${YEAR}-10-01`,
      registrationDeadline: `${YEAR}-03-31`,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('decisionDeadline');
    const outOfYear = await provinceStaff.request('PUT', `/api/recognition/cycles/${YEAR}/residential_area`, {
      ...settings,
      classificationDeadline: `${YEAR + 1}-01-15`,
    });
    expect(outOfYear.json()).toMatchObject({ field: 'classificationDeadline', code: 'cycle.year_range' });
    expect(
      (await provinceStaff.request('GET', `/api/recognition/cycles?year=${YEAR}&province=01`)).statusCode,
    ).toBe(404);
    expect(
      (
        await nationalStaff.request('PUT', `/api/recognition/cycles/${YEAR}/residential_area`, {
          ...settings,
          provinceCode: '99',
        })
      ).statusCode,
    ).toBe(404);

    const saved = await provinceStaff.request(
      'PUT',
      `/api/recognition/cycles/${YEAR}/residential_area`,
      settings,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const village = saved.json().items.find((item: { target: string }) => item.target === 'residential_area');
    expect(village).toMatchObject({ custom: true, settings });
    const events = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where entity_type = 'recognition_cycle' and entity_id = ${`48:${YEAR}:residential_area`}`,
    );
    expect(events.map((event) => event.action)).toContain('recognition_cycle.update');

    const after = await overdueCounts();
    expect(after.summary).toBe(after.list.total);
    expect(
      after.list.items.filter((item) => item.target === 'residential_area' && item.status === null),
    ).toEqual([]);
  });
});
