/**
 * Reintegration files: who sees what (commune police, another commune, the Front officer helping or not, a viewer,
 * the province), the move of a file to another commune, the retention run, encryption at rest and the audit of
 * every read.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { SummaryResponse } from '../../../contracts/registry.js';
import type { CaseDetail, CaseList } from '../../../contracts/reintegration.js';
import { addDays, todayInVietnam } from '../../../domain/dates.js';
import type { DatabaseHandle } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { runRetention } from './reintegration.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
const today = todayInVietnam();
const ID_NUMBER = '048090001234';
const SENTENCE = 'Tội trộm cắp tài sản, 2 năm tù (dữ liệu kiểm thử)';

const users: Record<string, SignedIn> = {};
let communeA: { id: number; code: string };
let communeB: { id: number; code: string };
let villageA: { id: number };
let frontUserId: number;

async function newCase(name = 'Người Thử Nghiệm A'): Promise<CaseDetail> {
  const response = await users.police!.request('POST', '/api/reintegration/cases', {
    unitId: communeA.id,
    fullName: name,
    birthYear: 1990,
    residenceUnitId: villageA.id,
    residenceAddress: 'Số 1 đường Thử Nghiệm',
    idNumber: ID_NUMBER,
    releasedOn: addDays(today, -60),
    releasingFacility: 'Trại giam Thử Nghiệm',
    sentenceSummary: SENTENCE,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as CaseDetail;
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const a = await findMergedCommune(database.db, '48', 0);
  const b = await findMergedCommune(database.db, '48', 1);
  communeA = { id: a.id, code: a.code };
  communeB = { id: b.id, code: b.code };
  villageA = await createVillage(database.db, communeA.id, { validFrom: '2025-07-01' });
  const make = async (key: string, role: Parameters<typeof makeUser>[1], unit: string) => {
    const user = await makeUser(database.db, role, unit);
    users[key] = await signIn(app, user.username);
    return user;
  };
  await make('police', 'commune_officer', communeA.code);
  await make('policeB', 'commune_officer', communeB.code);
  await make('province', 'province_staff', '48');
  await make('otherProvince', 'province_staff', '01');
  await make('viewer', 'viewer', '48');
  await make('admin', 'admin', '48');
  frontUserId = (await make('front', 'front_officer', communeA.code)).id;
  await make('frontOther', 'front_officer', communeA.code);
});
afterAll(() => close());

describe('access matrix', () => {
  let file: CaseDetail;
  beforeAll(async () => {
    file = await newCase();
    const assigned = await users.police!.request('POST', `/api/reintegration/cases/${file.id}/helpers`, {
      organisation: 'Hội Cựu chiến binh thôn',
      personName: 'Người Giúp Đỡ Thử',
      helperUserId: frontUserId,
      decisionNumber: '12/QĐ-UBND',
      decisionDate: addDays(today, -50),
      assignedOn: addDays(today, -50),
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
  });

  it.each([
    ['police', 200],
    ['province', 200],
    ['front', 200],
    ['policeB', 404],
    ['otherProvince', 404],
    ['frontOther', 404],
    ['viewer', 403],
    ['admin', 403],
  ])('%s opening the file answers %i', async (who, status) => {
    const response = await users[who]!.request('GET', `/api/reintegration/cases/${file.id}`);
    expect(response.statusCode, response.body).toBe(status);
  });

  it.each([
    ['police', true],
    ['province', true],
    ['front', true],
    ['policeB', false],
    ['frontOther', false],
  ])('%s finds the file in the list: %s', async (who, found) => {
    const response = await users[who]!.request('GET', '/api/reintegration/cases?pageSize=500');
    expect(response.statusCode).toBe(200);
    const ids = (response.json() as CaseList).items.map((item) => item.id);
    expect(ids.includes(file.id)).toBe(found);
  });

  it('police read the ID number and the sentence summary; the Front officer never the sentence', async () => {
    const police = (
      await users.police!.request('GET', `/api/reintegration/cases/${file.id}`)
    ).json() as CaseDetail;
    expect(police.idNumber).toBe(ID_NUMBER);
    expect(police.sentenceSummary).toBe(SENTENCE);
    expect(police.sentenceSummaryHidden).toBe(false);
    const front = await users.front!.request('GET', `/api/reintegration/cases/${file.id}`);
    expect(front.body).not.toContain('trộm cắp');
    const detail = front.json() as CaseDetail;
    expect(detail.sentenceSummary).toBeNull();
    expect(detail.sentenceSummaryHidden).toBe(true);
    expect(detail.canManage).toBe(false);
    expect(detail.canHelp).toBe(true);
  });

  it('the Front officer helping records a check-in and support but cannot change the status', async () => {
    const checkIn = await users.front!.request('POST', `/api/reintegration/cases/${file.id}/check-ins`, {
      checkedOn: today,
      note: 'Đã gặp, ổn định',
    });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    const support = await users.front!.request('POST', `/api/reintegration/cases/${file.id}/supports`, {
      kind: 'vocational_training',
      givenOn: today,
      outcome: 'in_progress',
    });
    expect(support.statusCode, support.body).toBe(200);
    const status = await users.front!.request('POST', `/api/reintegration/cases/${file.id}/status`, {
      status: 'reintegrated',
      date: today,
    });
    expect(status.statusCode).toBe(403);
    const other = await users.frontOther!.request('POST', `/api/reintegration/cases/${file.id}/check-ins`, {
      checkedOn: today,
      note: 'Không được phân công',
    });
    expect(other.statusCode).toBe(404);
  });

  it('the viewer sees counts only', async () => {
    const list = await users.viewer!.request('GET', '/api/reintegration/cases');
    expect(list.statusCode).toBe(403);
    const summary = await users.viewer!.request('GET', '/api/reintegration/summary');
    expect(summary.statusCode, summary.body).toBe(200);
  });

  it('another commune cannot write to the file', async () => {
    const response = await users.policeB!.request('POST', `/api/reintegration/cases/${file.id}/status`, {
      status: 'reintegrated',
      date: today,
    });
    expect(response.statusCode).toBe(404);
  });

  it('every read of a file is in the audit trail', async () => {
    await users.province!.request('GET', `/api/reintegration/cases/${file.id}`);
    const reads = await queryRows<{ actor: string }>(
      database.db,
      sql`select actor_username as actor from audit_events where action = 'reintegration_case.read' and entity_id = ${String(file.id)}`,
    );
    expect(reads.map((row) => row.actor)).toContain(users.province!.username);
    const trail = await queryRows<{ changes: string }>(
      database.db,
      sql`select coalesce(changes::text, '') as changes from audit_events where entity_type = 'reintegration_case'`,
    );
    for (const row of trail) {
      expect(row.changes).not.toContain(ID_NUMBER);
      expect(row.changes).not.toContain('Người Thử Nghiệm');
    }
  });
});

describe('editing the personal fields and ending a helper assignment', () => {
  let file: CaseDetail;
  let helperId: number;
  beforeAll(async () => {
    file = await newCase('Người Sửa Thông Tin');
    const assigned = await users.police!.request('POST', `/api/reintegration/cases/${file.id}/helpers`, {
      organisation: 'Ủy ban MTTQ xã',
      helperUserId: frontUserId,
      assignedOn: addDays(today, -30),
    });
    helperId = (assigned.json() as CaseDetail).helpersDetail[0]!.id;
  });

  it.each([
    ['front', 403],
    ['viewer', 403],
    ['admin', 403],
    ['policeB', 404],
    ['otherProvince', 404],
    ['frontOther', 403],
    ['province', 200],
    ['police', 200],
  ])('%s editing the file answers %i', async (who, status) => {
    const response = await users[who]!.request('PATCH', `/api/reintegration/cases/${file.id}`, {
      residenceAddress: `Số 2 đường Thử Nghiệm (${who})`,
    });
    expect(response.statusCode, response.body).toBe(status);
  });

  it('the new ID number and sentence are stored encrypted and the trail names the fields, not the values', async () => {
    const response = await users.police!.request('PATCH', `/api/reintegration/cases/${file.id}`, {
      fullName: 'Người Đã Sửa Tên',
      idNumber: '048090009999',
      sentenceSummary: 'Tóm tắt đã sửa (dữ liệu kiểm thử)',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      fullName: 'Người Đã Sửa Tên',
      idNumber: '048090009999',
      sentenceSummary: 'Tóm tắt đã sửa (dữ liệu kiểm thử)',
    });
    const [row] = await queryRows<{ all: string }>(
      database.db,
      sql`select row_to_json(c)::text as all from reintegration_cases c where id = ${file.id}`,
    );
    expect(row!.all).not.toContain('048090009999');
    expect(row!.all).not.toContain('Tóm tắt đã sửa');
    const trail = await queryRows<{ text: string }>(
      database.db,
      sql`select coalesce(changes::text, '') as text from audit_events
          where action = 'reintegration_case.updated' and entity_id = ${String(file.id)}`,
    );
    const all = trail.map((entry) => entry.text).join(' ');
    expect(all).toContain('idNumber');
    expect(all).not.toContain('048090009999');
    expect(all).not.toContain('Tóm tắt đã sửa');
    const bad = await users.police!.request('PATCH', `/api/reintegration/cases/${file.id}`, {
      releasedOn: addDays(today, 3),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'releasedOn' });
    const blank = await users.police!.request('PATCH', `/api/reintegration/cases/${file.id}`, {
      fullName: '  ',
    });
    expect(blank.json()).toMatchObject({ field: 'fullName' });
  });

  it('ending the assignment takes the file away from the Front officer', async () => {
    const url = `/api/reintegration/cases/${file.id}/helpers/${helperId}/end`;
    expect((await users.front!.request('POST', url, { endedOn: today })).statusCode).toBe(403);
    expect((await users.policeB!.request('POST', url, { endedOn: today })).statusCode).toBe(404);
    const early = await users.police!.request('POST', url, { endedOn: addDays(today, -40) });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ field: 'endedOn' });
    expect((await users.front!.request('GET', `/api/reintegration/cases/${file.id}`)).statusCode).toBe(200);
    const ended = await users.police!.request('POST', url, { endedOn: today });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((ended.json() as CaseDetail).helpersDetail[0]!.endedOn).toBe(today);
    expect((await users.police!.request('POST', url, { endedOn: today })).statusCode).toBe(409);
    expect((await users.front!.request('GET', `/api/reintegration/cases/${file.id}`)).statusCode).toBe(404);
  });
});

it('stores the ID number and the sentence summary encrypted', async () => {
  const file = await newCase('Người Mã Hóa');
  const [row] = await queryRows<{ idNumber: string; sentence: string; all: string }>(
    database.db,
    sql`select id_number_encrypted as "idNumber", sentence_summary_encrypted as sentence, row_to_json(c)::text as all
        from reintegration_cases c where id = ${file.id}`,
  );
  expect(row!.idNumber).toMatch(/^v1:/);
  expect(row!.sentence).toMatch(/^v1:/);
  expect(row!.all).not.toContain(ID_NUMBER);
  expect(row!.all).not.toContain('trộm cắp');
});

it('answers 400 naming the field in Vietnamese', async () => {
  const response = await users.police!.request('POST', '/api/reintegration/cases', {
    unitId: communeA.id,
    fullName: 'Người Sai Ngày',
    birthYear: 1990,
    releasedOn: addDays(today, 5),
  });
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({ field: 'releasedOn' });
  expect((response.json() as { message: string }).message).toContain('không được sau ngày hôm nay');
});

describe('a person moves to another commune', () => {
  it('the file appears in the new commune and leaves the old one’s active list, which keeps the history', async () => {
    const file = await newCase('Người Chuyển Đi');
    await users.police!.request('POST', `/api/reintegration/cases/${file.id}/supports`, {
      kind: 'job_placement',
      givenOn: today,
      outcome: 'achieved',
      note: 'Làm công nhân xưởng mộc',
    });
    const moved = await users.police!.request('POST', `/api/reintegration/cases/${file.id}/transfer`, {
      toUnitId: communeB.id,
      date: today,
      note: 'Chuyển về sống cùng gia đình',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'moved', endReason: 'moved', endedOn: today });

    const oldActive = (
      await users.police!.request('GET', '/api/reintegration/cases?pageSize=500')
    ).json() as CaseList;
    expect(oldActive.items.map((item) => item.id)).not.toContain(file.id);
    const oldEnded = (
      await users.police!.request('GET', '/api/reintegration/cases?state=ended&pageSize=500')
    ).json() as CaseList;
    const kept = oldEnded.items.find((item) => item.id === file.id);
    expect(kept?.transferredTo).toBeTruthy();
    const history = (
      await users.police!.request('GET', `/api/reintegration/cases/${file.id}`)
    ).json() as CaseDetail;
    expect(history.supports.map((support) => support.kind)).toEqual(['job_placement']);
    expect(history.canManage).toBe(false);

    const newList = (
      await users.policeB!.request('GET', '/api/reintegration/cases?pageSize=500')
    ).json() as CaseList;
    const arrived = newList.items.find((item) => item.fullName === 'Người Chuyển Đi');
    expect(arrived).toMatchObject({ origin: 'transferred_in', status: 'being_helped' });
    const detail = (
      await users.policeB!.request('GET', `/api/reintegration/cases/${arrived!.id}`)
    ).json() as CaseDetail;
    expect(detail.idNumber).toBe(ID_NUMBER);
    expect(detail.previousFiles[0]?.supports[0]?.kind).toBe('job_placement');
    expect(detail.canManage).toBe(true);
  });
});

describe('retention', () => {
  it('removes personal fields years after the end and leaves every count as it was', async () => {
    const file = await newCase('Người Hết Hạn Lưu');
    await users.police!.request('POST', `/api/reintegration/cases/${file.id}/supports`, {
      kind: 'job_placement',
      givenOn: today,
      outcome: 'achieved',
    });
    const ended = await users.police!.request('POST', `/api/reintegration/cases/${file.id}/status`, {
      status: 'record_expunged',
      date: today,
      note: 'Đã có quyết định xóa án tích',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const summaryUrl = `/api/reintegration/summary?unit=${communeA.id}&from=${today.slice(0, 4)}-01-01&asOf=${today}`;
    const before = (await users.province!.request('GET', summaryUrl)).json() as SummaryResponse;
    expect(before.total['reintegration_ended:record_expunged']).toBeGreaterThanOrEqual(1);

    // Four years on nothing happens; five years on (the default) the personal fields go.
    const early = await runRetention(database.db, { years: 5, today: addDays(today, 4 * 365) });
    expect(early.cases).toBe(0);
    const run = await runRetention(database.db, { years: 5, today: addDays(today, 5 * 366) });
    expect(run.cases).toBeGreaterThanOrEqual(1);

    const [row] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select full_name, search_name, birth_year, id_number_encrypted, sentence_summary_encrypted, residence_address,
            end_note, personal_data_removed_on, ended_on, end_reason
          from reintegration_cases where id = ${file.id}`,
    );
    expect(row).toMatchObject({
      full_name: null,
      search_name: null,
      birth_year: null,
      id_number_encrypted: null,
      sentence_summary_encrypted: null,
      residence_address: null,
      end_note: null,
      ended_on: today,
      end_reason: 'record_expunged',
    });
    expect(row!.personal_data_removed_on).not.toBeNull();
    const helpersLeft = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from reintegration_helpers where case_id = ${file.id} and person_name is not null`,
    );
    expect(helpersLeft[0]!.n).toBe(0);

    const after = (await users.province!.request('GET', summaryUrl)).json() as SummaryResponse;
    expect(after.total).toEqual(before.total);
    const detail = (
      await users.police!.request('GET', `/api/reintegration/cases/${file.id}`)
    ).json() as CaseDetail;
    expect(detail).toMatchObject({ fullName: null, idNumber: null, personalDataRemoved: true });
  });
});

describe('summary', () => {
  it('counts a job placement and a reintegration, with their shares', async () => {
    const url = `/api/reintegration/summary?unit=${communeA.id}`;
    const before = (await users.police!.request('GET', url)).json() as SummaryResponse;
    const file = await newCase('Người Có Việc Làm');
    await users.police!.request('POST', `/api/reintegration/cases/${file.id}/supports`, {
      kind: 'job_placement',
      givenOn: today,
      outcome: 'achieved',
    });
    await users.police!.request('POST', `/api/reintegration/cases/${file.id}/status`, {
      status: 'reintegrated',
      date: today,
    });
    const after = (await users.police!.request('GET', url)).json() as SummaryResponse;
    const key = (name: string) => (after.total[name] ?? 0) - (before.total[name] ?? 0);
    expect(key('reintegration_cases')).toBe(1);
    expect(key('reintegration_with_job')).toBe(1);
    expect(key('reintegration_cases:reintegrated')).toBe(1);
    expect(key('reintegration_opened:released')).toBe(1);
    expect(after.columns.map((column) => column.key)).toContain('reintegration_share_with_job');
    const share = after.total.reintegration_share_with_job!;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThanOrEqual(100);
  });
});
