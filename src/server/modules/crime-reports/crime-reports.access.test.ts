/**
 * Who may read and work crime reports: only roles with crime_reports.* (commune officers, province staff), and
 * only inside their scope. A Front officer, a unit head, a viewer or an administrator gets 403; an officer of
 * another commune or province gets 404 (the report does not exist for them). Every read is an audit event.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { currentCommunes, reportBody, sendReport } from '../../../../test/helpers/reports.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { ReportList } from '../../../contracts/crime-reports.js';
import type { RoleId } from '../../../domain/roles.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let communes: Array<{ id: number; code: string }>;

type Actor = { role: RoleId; unit: () => string; label: string; can: 'work' | 'none'; inside: boolean };
const actors: Actor[] = [
  {
    role: 'commune_officer',
    unit: () => communes[0]!.code,
    label: 'công an xã nơi nhận',
    can: 'work',
    inside: true,
  },
  {
    role: 'commune_officer',
    unit: () => communes[1]!.code,
    label: 'công an xã khác cùng tỉnh',
    can: 'work',
    inside: false,
  },
  { role: 'province_staff', unit: () => '48', label: 'cán bộ Công an tỉnh', can: 'work', inside: true },
  { role: 'province_staff', unit: () => '01', label: 'cán bộ tỉnh khác', can: 'work', inside: false },
  { role: 'front_officer', unit: () => communes[0]!.code, label: 'MTTQ cùng xã', can: 'none', inside: true },
  { role: 'front_officer', unit: () => '48', label: 'MTTQ tỉnh', can: 'none', inside: true },
  { role: 'unit_head', unit: () => communes[0]!.code, label: 'trưởng đơn vị', can: 'none', inside: true },
  { role: 'viewer', unit: () => '48', label: 'người xem', can: 'none', inside: true },
  { role: 'admin', unit: () => 'VN', label: 'quản trị toàn quốc', can: 'none', inside: true },
];
const signedIn = new Map<string, SignedIn>();

function expected(actor: Actor, success: number): number {
  if (actor.can === 'none') return 403;
  return actor.inside ? success : 404;
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp({ powDifficulty: 0, publicSubmitsPerHour: 10_000 }));
  communes = await currentCommunes(database.db, '48', 2);
  for (const actor of actors) {
    const user = await makeUser(database.db, actor.role, actor.unit());
    signedIn.set(actor.label, await signIn(app, user.username));
  }
});
afterAll(() => close());

describe.each(actors)('$label ($role)', (actor) => {
  const as = () => signedIn.get(actor.label)!;

  it('reads a report of the commune, and the read is audited', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const response = await as().request('GET', `/api/reports/${report.id}`);
    expect(response.statusCode).toBe(expected(actor, 200));
    const reads = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'crime_report.read' and entity_id = ${String(report.id)}`,
    );
    expect(reads[0]!.n).toBe(response.statusCode === 200 ? 1 : 0);
    if (response.statusCode === 200)
      expect(response.json()).toMatchObject({ description: reportBody('').description });
  });

  it('sees the report in the inbox only inside scope', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const response = await as().request('GET', '/api/reports?pageSize=500');
    if (actor.can === 'none') return expect(response.statusCode).toBe(403);
    expect(response.statusCode).toBe(200);
    const ids = (response.json() as ReportList).items.map((item) => item.id);
    expect(ids.includes(report.id)).toBe(actor.inside);
  });

  it('works a report (status, message, note, outcome) only inside scope', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    expect(
      (await as().request('POST', `/api/reports/${report.id}/status`, { status: 'verifying' })).statusCode,
    ).toBe(expected(actor, 200));
    expect(
      (await as().request('POST', `/api/reports/${report.id}/messages`, { body: 'Đã nhận tin' })).statusCode,
    ).toBe(expected(actor, 200));
    expect(
      (await as().request('POST', `/api/reports/${report.id}/notes`, { body: 'Ghi chú' })).statusCode,
    ).toBe(expected(actor, 200));
    expect(
      (await as().request('POST', `/api/reports/${report.id}/outcome`, { valuable: true })).statusCode,
    ).toBe(expected(actor, 200));
  });

  it('exports the intake register only with the permission', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const response = await as().request('GET', `/api/reports/register?from=${year}-01-01&to=${year}-12-31`);
    expect(response.statusCode).toBe(actor.can === 'none' ? 403 : 200);
  });
});

describe('after a transfer up to the province', () => {
  it('the commune officer no longer finds the report, the province staff does', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const commune = signedIn.get('công an xã nơi nhận')!;
    const transfer = await commune.request('POST', `/api/reports/${report.id}/transfer`, {
      to: 'province',
      reason: 'Vụ việc phức tạp, vượt thẩm quyền',
    });
    expect(transfer.statusCode).toBe(200);
    expect((await commune.request('GET', `/api/reports/${report.id}`)).statusCode).toBe(404);
    expect(
      (await signedIn.get('cán bộ Công an tỉnh')!.request('GET', `/api/reports/${report.id}`)).statusCode,
    ).toBe(200);
  });

  it('a transfer to another commune hands it to that commune', async () => {
    const report = await sendReport(app, database.db, reportBody(communes[0]!.code));
    const commune = signedIn.get('công an xã nơi nhận')!;
    const moved = await commune.request('POST', `/api/reports/${report.id}/transfer`, {
      to: 'commune',
      communeCode: communes[1]!.code,
      reason: 'Địa điểm thuộc xã bên cạnh',
    });
    expect(moved.statusCode).toBe(200);
    expect(
      (await signedIn.get('công an xã khác cùng tỉnh')!.request('GET', `/api/reports/${report.id}`))
        .statusCode,
    ).toBe(200);
    expect((await commune.request('GET', `/api/reports/${report.id}`)).statusCode).toBe(404);
  });
});
