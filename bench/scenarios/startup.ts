/**
 * startup-empty: `tsx src/server/main.ts` on a new data folder (migrations, ~14,000 official units, demo data)
 * until /api/health answers 200. startup-loaded: the same on a folder that already holds all of it.
 */
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, Scenario } from '../lib/harness.js';
import { summarise } from '../lib/harness.js';
import { startServer } from '../lib/server.js';

const LOADED_FOLDER = 'startup.loadedFolder';

async function firstStart(context: BenchContext): Promise<{ folder: string; ms: number }> {
  const folder = mkdtempSync(path.join(context.workDir, 'startup-'));
  const server = await startServer({ port: await context.nextPort(), dataDir: folder });
  await server.stop();
  context.shared.set(LOADED_FOLDER, folder);
  return { folder, ms: server.startupMs };
}

export const startupEmpty: Scenario = {
  name: 'startup-empty',
  description:
    'ms from spawning `tsx src/server/main.ts` on an empty PGlite data folder to the first 200 of GET /api/health (migrations, all units, demo data)',
  async run(context) {
    const runs = Math.max(1, Math.round(3 * context.scale));
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { ms } = await firstStart(context);
      samples.push(ms);
      context.log(`startup-empty #${run + 1}: ${ms.toFixed(0)} ms`);
    }
    return [summarise('startup-empty', 'pglite', 'ms, spawn to health 200, empty folder', samples)];
  },
};

export const startupLoaded: Scenario = {
  name: 'startup-loaded',
  description:
    'ms from spawning `tsx src/server/main.ts` on a loaded PGlite data folder to the first 200 of GET /api/health',
  async run(context) {
    let folder = context.shared.get(LOADED_FOLDER) as string | undefined;
    if (!folder) {
      context.log('startup-loaded: a first start fills a new folder (not counted)');
      folder = (await firstStart(context)).folder;
    }
    const runs = Math.max(1, Math.round(5 * context.scale));
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const server = await startServer({ port: await context.nextPort(), dataDir: folder });
      await server.stop();
      samples.push(server.startupMs);
      context.log(`startup-loaded #${run + 1}: ${server.startupMs.toFixed(0)} ms`);
    }
    return [summarise('startup-loaded', 'pglite', 'ms, spawn to health 200, loaded folder', samples)];
  },
};
