/** Fresh databases for a scenario: a PGlite folder, or a throw-away database on the configured server. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import {
  type DatabaseHandle,
  type DriverName,
  openPglite,
  openPostgres,
} from '../../src/server/db/client.js';
import { migrateDatabase } from '../../src/server/db/migrate.js';
import type { BenchContext } from './harness.js';

export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface FreshDatabase {
  driver: DriverName;
  /** For a server started on it: its ANTQ_DATA_DIR, and DATABASE_URL on PostgreSQL. */
  dataDir: string;
  databaseUrl: string | undefined;
  open(): Promise<DatabaseHandle>;
  /** Drops the server database (the PGlite folder goes with the run's work folder). */
  drop(): Promise<void>;
}

/** An empty, migrated database of `driver`. */
export async function freshDatabase(context: BenchContext, driver: DriverName): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(path.join(context.workDir, `${driver}-`));
  if (driver === 'pglite') {
    const fresh: FreshDatabase = {
      driver,
      dataDir,
      databaseUrl: undefined,
      open: () => openPglite({ dataDir: path.join(dataDir, 'pglite') }),
      drop: async () => {},
    };
    const handle = await fresh.open();
    await migrateDatabase(handle);
    await handle.close();
    return fresh;
  }
  const serverUrl = context.serverUrl!;
  const name = `antq_bench_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(serverUrl, { poolSize: 1 });
  await admin.pool!.query(`create database ${name}`);
  await admin.close();
  const databaseUrl = databaseUrlFor(serverUrl, name);
  const fresh: FreshDatabase = {
    driver,
    dataDir,
    databaseUrl,
    open: () => openPostgres(databaseUrl),
    drop: async () => {
      const again = await openPostgres(serverUrl, { poolSize: 1 });
      await again.pool!.query(`drop database if exists ${name} with (force)`);
      await again.close();
    },
  };
  const handle = await fresh.open();
  await migrateDatabase(handle);
  await handle.close();
  return fresh;
}
