/** `antq migrate`: applies the pending migrations of db/migrations and says which schema version the database is at. */
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, queryRows } from '../../db/client.js';
import { migrateDatabase, schemaVersion } from '../../db/migrate.js';
import { type CliContext, elapsedSince } from '../context.js';
import { formatDuration } from '../output.js';

async function appliedMigrations(database: DatabaseHandle): Promise<number> {
  const [table] = await queryRows<{ exists: boolean }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
  );
  return table?.exists ? (await schemaVersion(database)).applied : 0;
}

/** Migrates and reports; the other commands call it first so that they never run on an old schema. */
export async function migrateAndReport(context: CliContext, database: DatabaseHandle): Promise<void> {
  const started = performance.now();
  const before = await appliedMigrations(database);
  await migrateDatabase(database);
  const { version, applied } = await schemaVersion(database);
  const fresh = applied - before;
  context.output.line(
    fresh > 0
      ? `Đã áp dụng ${fresh} bản chuyển đổi lược đồ sau ${formatDuration(elapsedSince(started))}; lược đồ hiện tại: ${version}.`
      : `Lược đồ đã ở phiên bản mới nhất: ${version} (${applied} bản chuyển đổi).`,
  );
}

export function registerMigrateCommand(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('áp dụng các bản chuyển đổi lược đồ cơ sở dữ liệu còn thiếu (db/migrations)')
    .action(async () => {
      await context.withDatabase((database) => migrateAndReport(context, database));
    });
}
