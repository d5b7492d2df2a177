import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { DatabaseHandle } from '../../src/server/db/client.js';
import { FieldCipher } from '../../src/server/lib/crypto.js';
import { createTestDatabase } from './database.js';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/** The app built exactly as main.ts builds it, on a fresh test database, with a throw-away encryption key. */
export async function createTestApp(
  overrides: Partial<ReturnType<typeof loadConfig>> = {},
): Promise<{ app: TestApp; database: DatabaseHandle; cipher: FieldCipher; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  // Many logins come from one test address: the per-address limit has its own test.
  // Attachments go to a folder of this test file, removed at the end, never into the project's data folder.
  const filesDir = mkdtempSync(path.join(tmpdir(), 'antq-test-files-'));
  const config = {
    ...loadConfig(),
    logLevel: 'silent' as const,
    loginRatePerMinute: 10_000,
    filesDir,
    ...overrides,
  };
  const cipher = new FieldCipher(randomBytes(32));
  const app = await buildApp({ config, database, cipher });
  await app.ready();
  return {
    app,
    database,
    cipher,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
