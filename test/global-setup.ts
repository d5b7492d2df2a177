/**
 * Builds one template database per run (migrations, the official units of shared/data, the seed criteria sets);
 * every test file then gets a fresh copy of it: a PGlite data-dir snapshot, or CREATE DATABASE … TEMPLATE on a real
 * server.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig, loadTestConfig } from '../src/server/config.js';
import { openPglite, openPostgres } from '../src/server/db/client.js';
import { migrateDatabase } from '../src/server/db/migrate.js';
import { seedStandards } from '../src/server/modules/recognition/recognition.seed.js';
import { importOfficialUnits } from '../src/server/modules/units/units.service.js';
import { adminUrl, databaseUrlFor } from './helpers/postgres-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate:
      | { driver: 'pglite'; snapshot: string }
      | { driver: 'postgres'; url: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig();
  const { testDatabaseUrl } = loadTestConfig();
  if (testDatabaseUrl) {
    const template = `antq_template_${process.pid}`;
    const admin = await openPostgres(adminUrl(testDatabaseUrl), { poolSize: 1 });
    await admin.pool!.query(`drop database if exists ${template}`);
    await admin.pool!.query(`create database ${template}`);
    const handle = await openPostgres(databaseUrlFor(testDatabaseUrl, template), { poolSize: 2 });
    await migrateDatabase(handle);
    await importOfficialUnits(handle.db, config.sharedDataDir);
    await seedStandards(handle.db);
    await handle.close();
    project.provide('databaseTemplate', { driver: 'postgres', url: testDatabaseUrl, template });
    return async () => {
      await admin.pool!.query(`drop database if exists ${template}`);
      await admin.close();
    };
  }
  const handle = await openPglite();
  await migrateDatabase(handle);
  await importOfficialUnits(handle.db, config.sharedDataDir);
  await seedStandards(handle.db);
  const snapshot = path.join(tmpdir(), `antq-test-template-${process.pid}.tar`);
  const dump = await handle.pglite!.dumpDataDir('none');
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('databaseTemplate', { driver: 'pglite', snapshot });
  return () => rmSync(snapshot, { force: true });
}
