/**
 * Crime-report helpers for tests: a current commune of a province, and sending a report through the public API
 * the way the portal does (challenge, solution, Idempotency-Key).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CreatedReport, CreatePublicReportBody } from '../../src/contracts/portal.js';
import { type Database, queryRows } from '../../src/server/db/client.js';
import { solveChallenge } from '../../src/server/modules/crime-reports/pow.js';
import type { TestApp } from './app.js';

/** Current communes of a province (code and id), in code order. */
export async function currentCommunes(
  db: Database,
  provinceCode: string,
  count = 2,
): Promise<Array<{ id: number; code: string }>> {
  return queryRows(
    db,
    sql`select u.id, u.code from units u where u.kind = 'commune' and u.province_code = ${provinceCode} and u.valid_to is null
        order by u.code limit ${count}`,
  );
}

export function reportBody(
  communeCode: string,
  overrides: Partial<CreatePublicReportBody> = {},
): CreatePublicReportBody {
  return {
    category: 'drugs',
    description: 'Có nhóm người tụ tập sử dụng ma túy tại nhà hoang cuối hẻm 12 vào ban đêm.',
    communeCode,
    place: 'Nhà hoang cuối hẻm 12, tổ 5',
    ...overrides,
  };
}

export async function solvedChallenge(app: TestApp): Promise<{ token: string; nonce: number } | undefined> {
  const response = await app.inject({ method: 'GET', url: '/api/public/challenge' });
  const challenge = response.json() as { token: string; difficulty: number };
  return challenge.difficulty === 0 ? undefined : solveChallenge(challenge.token);
}

export async function postReport(
  app: TestApp,
  body: CreatePublicReportBody,
  options: { key?: string; challenge?: boolean } = {},
) {
  const challenge = options.challenge === false ? undefined : await solvedChallenge(app);
  return app.inject({
    method: 'POST',
    url: '/api/public/reports',
    headers: { 'idempotency-key': options.key ?? randomUUID() },
    payload: { ...body, ...(challenge ? { challenge } : {}) },
  });
}

export async function sendReport(
  app: TestApp,
  db: Database,
  body: CreatePublicReportBody,
): Promise<CreatedReport & { id: number }> {
  const response = await postReport(app, body);
  if (response.statusCode !== 201) throw new Error(`report refused: ${response.statusCode} ${response.body}`);
  const created = response.json() as CreatedReport;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from crime_reports where code = ${created.code}`,
  );
  return { ...created, id: rows[0]!.id };
}
