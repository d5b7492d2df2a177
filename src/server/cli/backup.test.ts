import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { seedDemo } from '../bootstrap/demo.js';
import { loadConfig, loadTestConfig } from '../config.js';
import { type Database, type DatabaseHandle, openPglite, queryRows } from '../db/client.js';
import { migrateDatabase, readJournal } from '../db/migrate.js';
import { importOfficialUnits } from '../modules/units/units.service.js';
import { backupDatabase, orderByDependencies, readBackupHeader, restoreDatabase } from './backup.js';

/**
 * A table as a later module would add it, with every kind of value that is easy to get wrong between drivers:
 * exact numerics beyond a double, NaN, infinite dates, timestamps, jsonb, bytea, arrays, a self-reference, an
 * identity column and a generated column.
 */
async function createProbeTable(db: Database): Promise<void> {
  await db.execute(sql`create table backup_probe (
    id integer primary key generated always as identity,
    unit_id integer references units(id),
    parent_id integer references backup_probe(id),
    amount numeric(24, 6),
    big bigint,
    ratio double precision,
    flag boolean,
    day date,
    at timestamptz,
    local_at timestamp,
    payload jsonb,
    blob bytea,
    tags text[],
    note text,
    doubled integer generated always as (id * 2) stored
  )`);
}

async function fillProbeTable(db: Database): Promise<void> {
  await db.execute(sql`insert into backup_probe
      (unit_id, parent_id, amount, big, ratio, flag, day, at, local_at, payload, blob, tags, note)
    values
      ((select min(id) from units), null, 123456789012345678.123456, 9007199254740993, 0.1, true, '2025-07-01',
       '2025-06-30T17:00:00.123456Z', '2025-07-01 00:00:00', '{"tên": "Nhơn Lộc", "n": [1, 2.5, null]}',
       '\\x00ff10', array['a', 'b c', 'Đà Nẵng'], e'dòng 1\\n"dòng 2"'),
      (null, 1, -0.000001, -9223372036854775808, 'NaN', false, 'infinity', '-infinity', null, '"chỉ một chuỗi"',
       '\\x', array[]::text[], null),
      (null, 2, null, null, 'Infinity', null, '0099-12-31', '2026-01-01T00:00:00Z', null, 'null', null, null, '')`);
}

/** Every value of the probe table in a form that is the same text on every driver and every time zone. */
function readProbe(db: Database) {
  return queryRows(
    db,
    sql`select id, unit_id, parent_id, amount::text, big::text, ratio::text, flag, day::text,
          case when isfinite(at) then extract(epoch from at)::text else at::text end as at,
          local_at::text, payload::text, encode(blob, 'hex') as blob, tags::text, note, doubled
        from backup_probe order by id`,
  );
}

async function rowCounts(db: Database, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ count: number }>(
      db,
      sql.raw(`select count(*)::int as count from "${table}"`),
    );
    counts[table] = row!.count;
  }
  return counts;
}

/** The row lines of a backup file, without the header (which carries the time and the driver). */
function rowLines(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').slice(1);
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'antq-backup-test-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('orderByDependencies', () => {
  it('puts every table after the tables it references, ties alphabetically', () => {
    const order = orderByDependencies(
      ['unit_versions', 'units', 'audit_events', 'users', 'sessions'],
      [
        { child: 'unit_versions', parent: 'units' },
        { child: 'sessions', parent: 'users' },
        { child: 'users', parent: 'units' },
        { child: 'units', parent: 'units' },
      ],
    );
    expect(order).toEqual(['audit_events', 'units', 'unit_versions', 'users', 'sessions']);
  });

  it('still lists every table when references form a cycle', () => {
    expect(
      orderByDependencies(
        ['b', 'a'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toEqual(['a', 'b']);
  });
});

describe('db backup and restore', () => {
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let file: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seedDemo(source.db);
    await createProbeTable(source.db);
    await fillProbeTable(source.db);
    await createProbeTable(target.db);
    // Rows the restore must remove: a probe row the source does not have.
    await target.db.execute(sql`insert into backup_probe (note) values ('phải bị xóa khi khôi phục')`);
    file = path.join(folder, 'same-driver.jsonl.gz');
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
  });

  it('restores every row of every table into another database, types intact', async () => {
    const progress: number[] = [];
    const backup = await backupDatabase(source, file, {
      onProgress: (done) => progress.push(done),
    });
    const header = await readBackupHeader(file);
    expect(header.format).toBe('antq-backup');
    expect(header.schemaVersion).toBe(readJournal().at(-1)!.tag);
    const names = header.tables.map((table) => table.name);
    expect(names).toContain('backup_probe');
    expect(names.indexOf('units')).toBeLessThan(names.indexOf('unit_versions'));
    expect(names.indexOf('units')).toBeLessThan(names.indexOf('backup_probe'));
    expect(progress.at(-1)).toBe(backup.rows);

    await expect(restoreDatabase(target, file)).rejects.toThrow(/--yes/);

    const restored = await restoreDatabase(target, file, { confirmed: true });
    expect(restored.rows).toBe(backup.rows);
    expect(await rowCounts(target.db, names)).toEqual(await rowCounts(source.db, names));
    expect(await readProbe(target.db)).toEqual(await readProbe(source.db));

    const someUnits = sql`select u.id, u.code, u.kind, u.valid_from, u.valid_to, v.full_name, v.path, v.search_name
      from units u join unit_versions v on v.unit_id = u.id where u.source = 'demo' or u.code in ('48', '20333')
      order by u.id, v.id`;
    const expectedUnits = await queryRows(source.db, someUnits);
    expect(expectedUnits.length).toBeGreaterThan(10);
    expect(await queryRows(target.db, someUnits)).toEqual(expectedUnits);

    // Identity sequences continue after the restored rows.
    const [next] = await queryRows<{ id: number }>(
      target.db,
      sql`insert into backup_probe (note) values ('mới') returning id`,
    );
    expect(next!.id).toBe(4);
    const [unit] = await queryRows<{ id: number; max: number }>(
      target.db,
      sql`with added as (insert into units (code, kind, province_code) values ('probe', 'agency', '48') returning id)
          select added.id, (select max(id) from units where code <> 'probe') as max from added`,
    );
    expect(unit!.id).toBe(unit!.max + 1);
  }, 120_000);

  it('gives back the same file when the restored database is backed up again', async () => {
    const again = path.join(folder, 'again.jsonl.gz');
    await target.db.execute(sql`delete from backup_probe where id = 4`);
    await target.db.execute(sql`delete from units where code = 'probe'`);
    await backupDatabase(target, again);
    expect(rowLines(again)).toEqual(rowLines(file));
  });

  it('refuses a backup of a newer schema and changes nothing', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    lines[0] = JSON.stringify({ ...header, schemaVersion: '9999_from_the_future' });
    const future = path.join(folder, 'future.jsonl.gz');
    writeFileSync(future, gzipSync(lines.join('\n')));
    const before = await rowCounts(target.db, ['units', 'backup_probe']);
    await expect(restoreDatabase(target, future, { confirmed: true })).rejects.toThrow(
      /9999_from_the_future, mới hơn phiên bản mà ANTQ này biết/,
    );
    expect(await rowCounts(target.db, ['units', 'backup_probe'])).toEqual(before);
  });

  it('refuses a file cut short and leaves the target as it was', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = path.join(folder, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, 2000).join('\n')));
    const before = await rowCounts(target.db, ['units', 'unit_versions', 'backup_probe']);
    await expect(restoreDatabase(target, cut, { confirmed: true })).rejects.toThrow(/không đầy đủ/);
    expect(await rowCounts(target.db, ['units', 'unit_versions', 'backup_probe'])).toEqual(before);
  });

  it('refuses a file that is not an ANTQ backup', async () => {
    const other = path.join(folder, 'other.jsonl.gz');
    writeFileSync(other, gzipSync('{"hello": "world"}\n'));
    await expect(restoreDatabase(target, other, { confirmed: true })).rejects.toThrow(
      /không phải bản sao lưu của ANTQ/,
    );
    const plain = path.join(folder, 'plain.txt');
    writeFileSync(plain, 'không nén');
    await expect(readBackupHeader(plain)).rejects.toThrow();
  });
});

const { testDatabaseUrl } = loadTestConfig();

describe('db backup and restore across drivers', () => {
  it.skipIf(!testDatabaseUrl)(
    'moves a PGlite database to PostgreSQL and back (needs TEST_DATABASE_URL; on PGlite-only runs this is skipped)',
    async () => {
      const embedded = await openPglite();
      const server = await createTestDatabase();
      const back = await openPglite();
      try {
        await migrateDatabase(embedded);
        await importOfficialUnits(embedded.db, loadConfig().sharedDataDir);
        await seedDemo(embedded.db);
        for (const handle of [embedded, server, back]) {
          if (handle !== embedded) await migrateDatabase(handle);
          await createProbeTable(handle.db);
        }
        await fillProbeTable(embedded.db);
        expect(server.driver).toBe('postgres');

        const fromPglite = path.join(folder, 'from-pglite.jsonl.gz');
        await backupDatabase(embedded, fromPglite);
        await restoreDatabase(server, fromPglite, { confirmed: true });
        const tables = (await readBackupHeader(fromPglite)).tables.map((table) => table.name);
        expect(await rowCounts(server.db, tables)).toEqual(await rowCounts(embedded.db, tables));
        expect(await readProbe(server.db)).toEqual(await readProbe(embedded.db));

        const fromServer = path.join(folder, 'from-postgres.jsonl.gz');
        await backupDatabase(server, fromServer);
        expect(rowLines(fromServer)).toEqual(rowLines(fromPglite));
        await restoreDatabase(back, fromServer);
        expect(await readProbe(back.db)).toEqual(await readProbe(embedded.db));
        expect(await rowCounts(back.db, tables)).toEqual(await rowCounts(embedded.db, tables));
      } finally {
        await Promise.all([embedded.close(), server.close(), back.close()]);
      }
    },
    180_000,
  );
});
