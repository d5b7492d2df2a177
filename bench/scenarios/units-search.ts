/**
 * units-search: GET /api/units?q=… against a server started like `npm start` (its own process, loopback), on the
 * whole official hierarchy. Latency: sequential requests over ≥ 50 fixed queries (one client, no queueing).
 * Throughput: autocannon, 10 connections cycling through the same queries.
 */
import autocannon from 'autocannon';
import type { DriverName } from '../../src/server/db/client.js';
import { importOfficialUnits } from '../../src/server/modules/units/units.service.js';
import { freshDatabase } from '../lib/databases.js';
import type { BenchContext, Measurement, Scenario } from '../lib/harness.js';
import { summarise } from '../lib/harness.js';
import { searchQueries } from '../lib/queries.js';
import { startServer } from '../lib/server.js';
import { createBenchAccount, signIn } from '../lib/session.js';

async function timedGet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, 'accept-encoding': 'gzip' } });
  const body = (await response.json()) as { total?: number };
  const ms = performance.now() - started;
  if (response.status !== 200 || typeof body.total !== 'number') {
    throw new Error(`GET ${new URL(url).pathname} trả lời HTTP ${response.status}`);
  }
  return ms;
}

async function measure(context: BenchContext, driver: DriverName, queries: string[]): Promise<Measurement> {
  const fresh = await freshDatabase(context, driver);
  let stop = async () => {};
  try {
    const handle = await fresh.open();
    let account: Awaited<ReturnType<typeof createBenchAccount>>;
    try {
      await importOfficialUnits(handle.db, context.sharedDataDir);
      account = await createBenchAccount(handle);
    } finally {
      await handle.close();
    }
    const server = await startServer({
      port: await context.nextPort(),
      dataDir: fresh.dataDir,
      databaseUrl: fresh.databaseUrl,
    });
    stop = server.stop;
    const cookie = await signIn(server.url, account);
    const paths = queries.map((query) => `/api/units?q=${encodeURIComponent(query)}`);

    for (const path of paths) await timedGet(server.url + path, cookie);
    const rounds = Math.max(1, Math.round(3 * context.scale));
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const path of paths) samples.push(await timedGet(server.url + path, cookie));
    }

    const load = await autocannon({
      url: server.url,
      connections: 10,
      duration: Math.max(3, Math.round(10 * context.scale)),
      headers: { cookie, 'accept-encoding': 'gzip' },
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    if (load.non2xx > 0 || load.errors > 0) {
      throw new Error(`autocannon: ${load.non2xx} câu trả lời không phải 2xx, ${load.errors} lỗi`);
    }
    context.log(
      `units-search ${driver}: ${samples.length} sequential requests, ${load.requests.total} under load (${load.requests.average} req/s)`,
    );
    return summarise(
      'units-search',
      driver,
      `ms per GET /api/units?q=, ${queries.length} queries, sequential`,
      samples,
      {
        throughput: { value: load.requests.average, unit: 'req/s' },
        note: `throughput: 10 connections, p50 under load ${load.latency.p50} ms`,
      },
    );
  } finally {
    await stop();
    await fresh.drop();
  }
}

export const unitsSearch: Scenario = {
  name: 'units-search',
  description:
    'GET /api/units?q= over the whole hierarchy with ≥50 fixed diacritic-free queries from the real names: p50/p95/p99 sequential, req/s with autocannon (10 connections); each driver',
  async run(context) {
    const queries = searchQueries(context.sharedDataDir);
    context.log(`units-search: ${queries.length} queries, e.g. ${queries.slice(0, 3).join(' | ')}`);
    const results: Measurement[] = [];
    for (const driver of context.drivers) results.push(await measure(context, driver, queries));
    return results;
  },
};
