/**
 * Prepares one data folder per browser-test run the way `npm start` does on first start (migrations, the official
 * units, the seeds, the demo data); every test file then starts its server on a copy of it. Loading the units takes
 * most of a first start, and paying it once instead of once per file keeps CI well inside its time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../../src/server/bootstrap/first-start.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { migrateDatabase } from '../../src/server/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDataTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'antq-e2e-template-'));
  const config = loadConfig({ ANTQ_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', ANTQ_DEMO: '1' });
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    await prepareDatabase(database, config, { info: () => {} });
  } finally {
    await database.close();
  }
  project.provide('e2eDataTemplate', dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}
