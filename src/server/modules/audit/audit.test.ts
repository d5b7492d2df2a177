import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser, signIn } from '../../../../test/helpers/users.js';
import { systemActor } from '../../context.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { diffFields, recordAudit, recordSensitiveRead, sealAll, verifyChain } from './audit.service.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
});
afterAll(() => close());

async function writeEvents(count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await inTransaction(database.db, (tx) =>
      recordAudit(tx, systemActor('kiểm thử'), {
        action: 'test.changed',
        entityType: 'test',
        entityId: index,
        before: { name: `trước ${index}` },
        after: { name: `sau ${index}` },
      }),
    );
  }
  await sealAll(database.db);
}

/** Tampering as someone with owner rights would: switch the append-only trigger off first. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.execute(sql`alter table audit_events disable trigger user`);
  try {
    await database.db.execute(statement);
  } finally {
    await database.db.execute(sql`alter table audit_events enable trigger user`);
  }
}

async function restoreChain(): Promise<void> {
  // Each test gets an intact chain of its own: clear the table (truncate fires no row trigger) and the head.
  await database.db.execute(sql`truncate audit_events restart identity`);
  await database.db.execute(sql`delete from system_settings where key = 'audit.head'`);
}

describe('audit chain', () => {
  beforeEach(restoreChain);

  it('verifies an untouched chain', async () => {
    await writeEvents(12);
    const result = await verifyChain(database.db);
    expect(result).toMatchObject({ ok: true, checked: 12 });
  });

  it('refuses UPDATE and DELETE on the table while the trigger is on', async () => {
    await writeEvents(2);
    await expect(
      database.db.execute(sql`update audit_events set action = 'x' where id = 1`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events where id = 1`)).rejects.toThrow();
  });

  it('names the edited row', async () => {
    await writeEvents(10);
    const [target] = await queryRows<{ id: number }>(
      database.db,
      sql`select id::int from audit_events where seq = 6`,
    );
    await tamper(sql`update audit_events set changes = '{"name":{"after":"giả mạo"}}'::jsonb where seq = 6`);
    const result = await verifyChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'edited', id: target!.id, seq: 6 });
  });

  it('names the row after a deleted one', async () => {
    await writeEvents(10);
    const [after] = await queryRows<{ id: number }>(
      database.db,
      sql`select id::int from audit_events where seq = 5`,
    );
    await tamper(sql`delete from audit_events where seq = 4`);
    const result = await verifyChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'missing', id: after!.id, seq: 5, expectedSeq: 4 });
  });

  it('notices when the newest rows are deleted', async () => {
    await writeEvents(5);
    await tamper(sql`delete from audit_events where seq = 5`);
    const result = await verifyChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'truncated', lastSeq: 4, expectedSeq: 5 });
  });

  it('a rolled-back change leaves no audit event', async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await recordAudit(tx, systemActor(), { action: 'test.rolled_back', entityType: 'test' });
        throw new Error('thất bại giữa chừng');
      }),
    ).rejects.toThrow();
    const rows = await queryRows(
      database.db,
      sql`select 1 from audit_events where action = 'test.rolled_back'`,
    );
    expect(rows).toHaveLength(0);
  });
});

describe('recordSensitiveRead', () => {
  beforeEach(restoreChain);

  it('writes who read which record, and the read is part of the verified chain', async () => {
    const reader = { ...systemActor('cán bộ đọc'), userId: 42, requestId: 'req-1', clientIp: '10.0.0.9' };
    await inTransaction(database.db, (tx) =>
      recordSensitiveRead(tx, reader, {
        entityType: 'crime_report',
        entityId: 7,
        unitId: null,
        purpose: 'xác minh',
      }),
    );
    await sealAll(database.db);
    const [row] = await queryRows<{
      action: string;
      actor_user_id: number;
      client_ip: string;
      changes: unknown;
    }>(database.db, sql`select action, actor_user_id, client_ip, changes from audit_events`);
    expect(row).toMatchObject({ action: 'crime_report.read', actor_user_id: 42, client_ip: '10.0.0.9' });
    expect(row!.changes).toEqual({ _details: { purpose: 'xác minh' } });
    expect((await verifyChain(database.db)).ok).toBe(true);
  });
});

describe('diffFields', () => {
  it('keeps only changed fields and masks secrets', () => {
    expect(diffFields({ a: 1, b: 2, passwordHash: 'x' }, { a: 1, b: 3, passwordHash: 'y' })).toEqual({
      b: { before: 2, after: 3 },
      passwordHash: { before: '••••', after: '••••' },
    });
  });

  it('keeps a yes/no about a secret readable: whether a password must change is not the password', () => {
    expect(
      diffFields(
        { mustChangePassword: true, totpEnabled: false, totpSecret: null },
        { mustChangePassword: false, totpEnabled: true, totpSecret: 'JBSWY3DP' },
      ),
    ).toEqual({
      mustChangePassword: { before: true, after: false },
      totpEnabled: { before: false, after: true },
      totpSecret: { before: null, after: '••••' },
    });
  });
});

describe('GET /api/audit', () => {
  it('is for administrators, and a province administrator sees only events of their province', async () => {
    const national = await signIn(app, (await makeUser(database.db, 'admin', 'VN')).username);
    const provinceAdmin = await signIn(app, (await makeUser(database.db, 'admin', '48')).username);
    const officer = await signIn(app, (await makeUser(database.db, 'commune_officer', '48')).username);
    const inside = await makeUser(database.db, 'viewer', '48');
    const outside = await makeUser(database.db, 'viewer', '01');
    await sealAll(database.db);

    expect((await officer.request('GET', '/api/audit')).statusCode).toBe(403);
    const all = (
      await national.request('GET', '/api/audit?entityType=user&action=user.created&pageSize=500')
    ).json();
    const ids = (body: { items: Array<{ entityId: string }> }) => body.items.map((item) => item.entityId);
    expect(ids(all)).toEqual(expect.arrayContaining([String(inside.id), String(outside.id)]));
    const mine = (
      await provinceAdmin.request('GET', '/api/audit?entityType=user&action=user.created&pageSize=500')
    ).json();
    expect(ids(mine)).toContain(String(inside.id));
    expect(ids(mine)).not.toContain(String(outside.id));
    const bad = await national.request('GET', '/api/audit?from=2025-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('from');
  });
});
