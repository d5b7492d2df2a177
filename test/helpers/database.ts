import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/server/db/client.js';
import { migrateDatabase } from '../../src/server/db/migrate.js';
import { adminUrl, databaseUrlFor } from './postgres-url.js';

/**
 * A fresh database for one test file, already migrated and holding the official units: PGlite by default,
 * the server named by TEST_DATABASE_URL when set. Close it in afterAll.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate');
  if (template.driver === 'pglite') {
    const snapshot = new Blob([readFileSync(template.snapshot)]);
    const handle = await openPglite({ loadDataDir: snapshot });
    await migrateDatabase(handle);
    return handle;
  }
  const name = `antq_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl(template.url), { poolSize: 1 });
  await admin.pool!.query(`create database ${name} template ${template.template}`);
  const handle = await openPostgres(databaseUrlFor(template.url, name), { poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.pool!.query(`drop database if exists ${name}`);
      await admin.close();
    },
  };
}
