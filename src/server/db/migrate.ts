import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { PROJECT_ROOT } from '../config.js';
import { type DatabaseHandle, queryRows } from './client.js';

export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'db/migrations');

/** Applies every pending migration of db/migrations: the same files, the same order, on both drivers. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: 'drizzle' };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, options);
  } else {
    // Two processes starting at once against one server must not both migrate.
    await handle.pool!.query('select pg_advisory_lock(727001)');
    try {
      await migrateNodePg(handle.db as unknown as NodePgDatabase, options);
    } finally {
      await handle.pool!.query('select pg_advisory_unlock(727001)');
    }
  }
}

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export function readJournal(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** The tag of the newest applied migration, e.g. "0001_units", and how many are applied. */
export async function schemaVersion(
  handle: DatabaseHandle,
): Promise<{ version: string | null; applied: number }> {
  const rows = await queryRows<{ created_at: number; applied: number }>(
    handle.db,
    sql`select max(created_at) as created_at, count(*)::int as applied from drizzle.__drizzle_migrations`,
  );
  const newest = rows[0];
  if (!newest || newest.applied === 0) return { version: null, applied: 0 };
  const entry = readJournal().find((candidate) => candidate.when === Number(newest.created_at));
  return { version: entry?.tag ?? null, applied: newest.applied };
}
