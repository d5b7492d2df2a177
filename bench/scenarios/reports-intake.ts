/**
 * reports-intake: POST /api/public/reports against a server started like `npm start` (its own process, loopback),
 * proof of work off (ANTQ_POW_DIFFICULTY=0) and the per-address limit lifted, over the whole official hierarchy.
 * autocannon sends a fixed number of anonymous reports to random current communes, each with its own Idempotency-Key; afterwards the
 * database must hold exactly the accepted reports (every 201's code once, nothing else), and re-sending a sample
 * with the same keys must answer the same codes and add nothing.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { type DriverName, queryRows } from '../../src/server/db/client.js';
import { importOfficialUnits } from '../../src/server/modules/units/units.service.js';
import { freshDatabase } from '../lib/databases.js';
import type { BenchContext, Measurement, Scenario } from '../lib/harness.js';
import { summarise } from '../lib/harness.js';
import { startServer } from '../lib/server.js';

const CATEGORIES = ['drugs', 'theft', 'fraud', 'gambling', 'violence', 'traffic', 'environment', 'other'];

function reportBody(communes: string[], index: number): string {
  return JSON.stringify({
    category: CATEGORIES[index % CATEGORIES.length],
    description: `Tin báo đo hiệu năng số ${index}: nhóm người tụ tập gây mất trật tự, nghi mua bán trái phép chất ma túy.`,
    communeCode: communes[index % communes.length],
    place: `Hẻm ${index % 97}, tổ dân phố ${index % 13}`,
    ...(index % 3 === 0
      ? { contact: { phone: `0905${String(index % 1_000_000).padStart(6, '0')}` }, consentContact: true }
      : {}),
  });
}

async function measure(context: BenchContext, driver: DriverName): Promise<Measurement> {
  const fresh = await freshDatabase(context, driver);
  let stop = async () => {};
  try {
    let communes: string[];
    {
      const handle = await fresh.open();
      try {
        await importOfficialUnits(handle.db, context.sharedDataDir);
        communes = (
          await queryRows<{ code: string }>(
            handle.db,
            sql`select code from units where kind = 'commune' and valid_to is null`,
          )
        ).map((row) => row.code);
      } finally {
        await handle.close();
      }
    }
    const server = await startServer({
      port: await context.nextPort(),
      dataDir: fresh.dataDir,
      databaseUrl: fresh.databaseUrl,
      demo: false,
      env: { ANTQ_POW_DIFFICULTY: '0', ANTQ_PUBLIC_SUBMITS_PER_HOUR: '100000000' },
    });
    stop = server.stop;

    let sent = 0;
    const accepted = new Set<string>();
    let refused = 0;
    const load = await autocannon({
      url: server.url,
      connections: 10,
      // A fixed number of requests, not a duration: every answer arrives, so every 201 is counted.
      amount: Math.max(300, Math.round(2000 * context.scale)),
      requests: [
        {
          method: 'POST',
          path: '/api/public/reports',
          setupRequest: (request) => {
            const index = sent++;
            return {
              ...request,
              headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}` },
              body: reportBody(communes, index),
            };
          },
          onResponse: (status, body) => {
            if (status === 201) accepted.add((JSON.parse(body) as { code: string }).code);
            else refused += 1;
          },
        },
      ],
    });

    // Retries of a sample with their first keys: same code back, nothing new stored.
    const retried: Array<{ key: string; body: string; code: string }> = [];
    for (let index = 0; index < 50; index++) {
      const key = `retry-${randomUUID()}`;
      const body = reportBody(communes, 1_000_000 + index);
      const first = await fetch(`${server.url}/api/public/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body,
      });
      const code = ((await first.json()) as { code: string }).code;
      accepted.add(code);
      retried.push({ key, body, code });
    }
    for (const { key, body, code } of retried) {
      const again = await fetch(`${server.url}/api/public/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body,
      });
      const answer = (await again.json()) as { code: string };
      if (again.status !== 201 || answer.code !== code)
        throw new Error(`a retry answered ${again.status} ${answer.code}, expected ${code}`);
    }
    await server.stop();
    stop = async () => {};

    const handle = await fresh.open();
    try {
      const rows = await queryRows<{ code: string }>(handle.db, sql`select code from crime_reports`);
      const stored = new Set(rows.map((row) => row.code));
      const missing = [...accepted].filter((code) => !stored.has(code));
      const extra = [...stored].filter((code) => !accepted.has(code));
      if (
        rows.length !== stored.size ||
        missing.length > 0 ||
        extra.length > 0 ||
        rows.length !== accepted.size
      ) {
        throw new Error(
          `stored ${rows.length} rows (${stored.size} codes) for ${accepted.size} accepted reports: ${missing.length} missing, ${extra.length} not accepted`,
        );
      }
      const plain = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from crime_reports where description_enc like '%Tin báo%'`,
      );
      if (plain[0]!.n > 0) throw new Error('report text stored readable');
    } finally {
      await handle.close();
    }
    if (load.errors > 0 || refused > 0)
      throw new Error(`autocannon: ${refused} refused, ${load.errors} errors`);
    context.log(
      `reports-intake ${driver}: ${accepted.size} reports accepted and stored exactly once (${load['2xx']} under load + 50 retried twice), ${load.requests.average} req/s`,
    );
    return summarise(
      'reports-intake',
      driver,
      'ms per POST /api/public/reports under load (10 connections)',
      [load.latency.p50],
      {
        throughput: { value: load.requests.average, unit: 'reports/s' },
        note: `p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms; ${accepted.size} stored exactly once`,
      },
    );
  } finally {
    await stop();
    await fresh.drop();
  }
}

export const reportsIntake: Scenario = {
  name: 'reports-intake',
  description:
    'POST /api/public/reports (proof of work off, rate limit lifted) with autocannon, 10 connections, unique Idempotency-Keys; then checks every accepted report is stored exactly once and retries add nothing; each driver',
  async run(context) {
    const results: Measurement[] = [];
    for (const driver of context.drivers) results.push(await measure(context, driver));
    return results;
  },
};
