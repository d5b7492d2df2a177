/**
 * The officers' inbox on a real database: legal statuses with reasons, the notice and extension rules, overdue and
 * due-soon lists, assignment, duplicates, the intake register, and notifications (in the app, and by e-mail
 * through a local SMTP test double — no real mail leaves the machine).
 */
import { once } from 'node:events';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { currentCommunes, reportBody, sendReport } from '../../../../test/helpers/reports.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { ReportDetail, ReportList } from '../../../contracts/crime-reports.js';
import type { NotificationList } from '../../../contracts/notifications.js';
import { addDays, todayInVietnam } from '../../../domain/dates.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';

/** A minimal SMTP server that accepts every message and keeps it in memory. */
function smtpDouble() {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let inData = false;
    let data = '';
    let buffer = '';
    socket.write('220 kiem-thu ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let index = buffer.indexOf('\r\n');
      while (index >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(data);
            data = '';
            socket.write('250 OK\r\n');
          } else data += `${line}\n`;
        } else if (/^EHLO/i.test(line)) socket.write('250-kiem-thu\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (/^AUTH PLAIN/i.test(line)) socket.write('235 OK\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go\r\n');
        } else if (/^QUIT/i.test(line)) {
          socket.write('221 bye\r\n');
          socket.end();
        } else socket.write('250 OK\r\n');
        index = buffer.indexOf('\r\n');
      }
    });
  });
  return { server, received };
}

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let communes: Array<{ id: number; code: string }>;
let officer: SignedIn;
const mail = smtpDouble();

beforeAll(async () => {
  mail.server.listen(0, '127.0.0.1');
  await once(mail.server, 'listening');
  const port = (mail.server.address() as net.AddressInfo).port;
  ({ app, database, close } = await createTestApp({
    powDifficulty: 0,
    publicSubmitsPerHour: 10_000,
    smtpUrl: `smtp://thu:mat-khau@127.0.0.1:${port}`,
  }));
  communes = await currentCommunes(database.db, '48', 2);
  officer = await makeSignedInUser(app, database.db, 'commune_officer', communes[0]!.code);
});
afterAll(async () => {
  await close();
  mail.server.close();
});

const post = (id: number, path: string, body: unknown) =>
  officer.request('POST', `/api/reports/${id}/${path}`, body);

describe('statuses', () => {
  it('move as the law says, a closure needs a reason, and the history shows each step', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const skip = await post(report.id, 'status', { status: 'case_opened' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json()).toMatchObject({ code: 'reports.status_not_allowed', field: 'status' });
    expect((await post(report.id, 'status', { status: 'verifying' })).statusCode).toBe(200);
    const noReason = await post(report.id, 'status', { status: 'closed_unfounded' });
    expect(noReason.json()).toMatchObject({ code: 'reports.reason_required', field: 'reason' });
    const closed = await post(report.id, 'status', {
      status: 'closed_unfounded',
      reason: 'Xác minh tại chỗ không có sự việc',
    });
    expect(closed.statusCode).toBe(200);
    const detail = closed.json() as ReportDetail;
    expect(detail.status).toBe('closed_unfounded');
    expect(detail.statusReason).toBe('Xác minh tại chỗ không có sự việc');
    expect(detail.decisionClock.state).toBe('done');
    expect(detail.events.map((event) => event.kind)).toEqual(['status', 'status']);
    const stored = await queryRows<{ s: string }>(
      database.db,
      sql`select status_reason_enc as s from crime_reports where id = ${report.id}`,
    );
    expect(stored[0]!.s).not.toContain('Xác minh');
  });

  it('records the written notice and extensions within the legal limits', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const today = todayInVietnam();
    expect((await post(report.id, 'notice', { sentOn: addDays(today, 1) })).json()).toMatchObject({
      field: 'sentOn',
    });
    const notice = await post(report.id, 'notice', { sentOn: today });
    expect((notice.json() as ReportDetail).noticeClock.state).toBe('done');
    const tooLong = await post(report.id, 'extensions', {
      until: addDays(today, 70),
      reason: 'Vụ việc phức tạp, cần giám định',
    });
    expect(tooLong.json()).toMatchObject({ code: 'reports.extension_too_long', field: 'until' });
    const first = await post(report.id, 'extensions', {
      until: addDays(today, 50),
      reason: 'Vụ việc phức tạp, cần giám định',
    });
    expect(first.statusCode).toBe(200);
    expect((first.json() as ReportDetail).decisionClock.dueOn).toBe(addDays(today, 50));
    const second = await post(report.id, 'extensions', {
      until: addDays(today, 100),
      reason: 'Chờ kết quả giám định',
    });
    expect(second.statusCode).toBe(200);
    const third = await post(report.id, 'extensions', { until: addDays(today, 110), reason: 'Thêm lần nữa' });
    expect(third.json()).toMatchObject({ code: 'reports.extension_exhausted' });
  });
});

describe('the inbox', () => {
  it('lists overdue and due-soon reports', async () => {
    const overdue = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const soon = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const today = todayInVietnam();
    await database.db.execute(
      sql`update crime_reports set notice_due_on = ${addDays(today, -1)}::date where id = ${overdue.id}`,
    );
    await database.db.execute(
      sql`update crime_reports set notice_due_on = ${addDays(today, 1)}::date, decision_due_on = ${addDays(today, 30)}::date where id = ${soon.id}`,
    );
    const overdueList = (
      await officer.request('GET', '/api/reports?clock=overdue&pageSize=500')
    ).json() as ReportList;
    const soonList = (
      await officer.request('GET', '/api/reports?clock=due_soon&pageSize=500')
    ).json() as ReportList;
    expect(overdueList.items.map((item) => item.id)).toContain(overdue.id);
    expect(overdueList.items.map((item) => item.id)).not.toContain(soon.id);
    expect(soonList.items.map((item) => item.id)).toContain(soon.id);
    expect(overdueList.items.find((item) => item.id === overdue.id)!.noticeClock.state).toBe('overdue');
    const summary = (await officer.request('GET', '/api/reports/summary')).json() as {
      overdue: number;
      dueSoon: number;
    };
    expect(summary.overdue).toBeGreaterThanOrEqual(1);
    expect(summary.dueSoon).toBeGreaterThanOrEqual(1);
  });

  it('assigns to an officer of the area only', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const colleague = await makeSignedInUser(app, database.db, 'commune_officer', communes[0]!.code);
    const stranger = await makeSignedInUser(app, database.db, 'commune_officer', communes[1]!.code);
    const assignees = (await officer.request('GET', `/api/reports/${report.id}/assignees`)).json() as Array<{
      id: number;
    }>;
    expect(assignees.map((assignee) => assignee.id)).toContain(colleague.userId);
    expect(assignees.map((assignee) => assignee.id)).not.toContain(stranger.userId);
    expect((await post(report.id, 'assign', { assigneeId: stranger.userId })).json()).toMatchObject({
      field: 'assigneeId',
    });
    const assigned = await post(report.id, 'assign', { assigneeId: colleague.userId });
    expect((assigned.json() as ReportDetail).assignee?.id).toBe(colleague.userId);
    const mine = (await colleague.request('GET', '/api/reports?assigned=me')).json() as ReportList;
    expect(mine.items.map((item) => item.id)).toEqual([report.id]);
  });

  it('links a duplicate and closes it', async () => {
    const first = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const again = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const linked = await post(again.id, 'duplicate', { duplicateOfCode: first.code.toLowerCase() });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'closed_duplicate', duplicateOf: { id: first.id } });
    const original = (await officer.request('GET', `/api/reports/${first.id}`)).json() as ReportDetail;
    expect(original.duplicates).toEqual([{ id: again.id, code: again.code }]);
  });

  it('records the valuable flag and outcomes, counted in the summary', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const before = (await officer.request('GET', '/api/reports/summary')).json() as {
      valuable: number;
      personsArrested: number;
    };
    const saved = await post(report.id, 'outcome', {
      valuable: true,
      casesSolved: 1,
      personsArrested: 3,
      propertyRecoveredVnd: 25_000_000,
    });
    expect(saved.json()).toMatchObject({
      valuable: true,
      personsArrested: 3,
      propertyRecoveredVnd: 25_000_000,
    });
    const after = (await officer.request('GET', '/api/reports/summary')).json() as {
      valuable: number;
      personsArrested: number;
    };
    expect(after.valuable).toBe(before.valuable + 1);
    expect(after.personsArrested).toBe(before.personsArrested + 3);
  });

  it('prints the intake register with a numbered line per report', async () => {
    const report = await sendReport(
      app,
      database.db,
      reportBody(communes[0]!.code, { description: 'Nhóm thanh niên mang hung khí tụ tập trước trường học' }),
    );
    const year = todayInVietnam().slice(0, 4);
    const response = await officer.request(
      'GET',
      `/api/reports/register?from=${year}-01-01&to=${year}-12-31`,
    );
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A4').value).toBe('SỔ TIẾP NHẬN NGUỒN TIN VỀ TỘI PHẠM');
    expect(String(sheet.getCell('F1').value)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(6).value)));
    expect(texts.some((text) => text.includes('hung khí'))).toBe(true);
    const word = await officer.request(
      'GET',
      `/api/reports/register?from=${year}-01-01&to=${year}-12-31&format=docx`,
    );
    expect(word.statusCode).toBe(200);
    expect(word.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const reads = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'crime_report.read' and entity_id = ${String(report.id)}`,
    );
    expect(reads[0]!.n).toBeGreaterThanOrEqual(2);
  });
});

describe('notifications', () => {
  it('tell the officers of the area in the app and by e-mail, without the report’s content', async () => {
    expect(
      (await officer.request('PUT', '/api/notifications/settings', { email: 'canbo.xa@example.vn' }))
        .statusCode,
    ).toBe(200);
    const before = mail.received.length;
    const report = await sendReport(
      app,
      database.db,
      reportBody(communes[0]!.code, { description: 'Nội dung bí mật không được gửi qua thư' }),
    );
    await app.notifier.drain();
    const list = (await officer.request('GET', '/api/notifications')).json() as NotificationList;
    expect(list.items.some((item) => item.title.includes(report.code))).toBe(true);
    expect(list.unread).toBeGreaterThanOrEqual(1);
    expect(mail.received.length).toBeGreaterThan(before);
    const message = mail.received.at(-1)!;
    expect(message).toContain('To: canbo.xa@example.vn');
    const decoded = Buffer.from(
      message.split('\n\n').slice(1).join('').replace(/\s/g, ''),
      'base64',
    ).toString('utf8');
    expect(decoded).toContain('tin báo');
    expect(decoded).not.toContain('bí mật');
    const stranger = await makeSignedInUser(app, database.db, 'commune_officer', communes[1]!.code);
    const theirs = (await stranger.request('GET', '/api/notifications')).json() as NotificationList;
    expect(theirs.items.some((item) => item.title.includes(report.code))).toBe(false);
    const front = await makeSignedInUser(app, database.db, 'front_officer', communes[0]!.code);
    expect(((await front.request('GET', '/api/notifications')).json() as NotificationList).items).toEqual([]);
  });
});
