/**
 * Helpers for registry tests: a commune formed on 01/07/2025 from old communes of one district (found through
 * unit_lineage), multipart uploads with the session cookie and CSRF token, and polling a background job.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { JobState } from '../../src/contracts/jobs.js';
import type { ImportResult } from '../../src/contracts/registry.js';
import { type Database, queryRows } from '../../src/server/db/client.js';
import { type TemplateColumn, templateHeader } from '../../src/server/registry/xlsx.js';
import type { TestApp } from './app.js';
import type { SignedIn } from './users.js';

export interface MergedCommune {
  id: number;
  code: string;
  provinceId: number;
  /** Old communes that went whole into it, all of one old district. */
  predecessors: Array<{ id: number; code: string }>;
  oldDistrictId: number;
}

/** A commune of the province formed from at least two old communes of the same district, each merged whole. */
export async function findMergedCommune(
  db: Database,
  provinceCode: string,
  skip = 0,
): Promise<MergedCommune> {
  const rows = await queryRows<{ id: number; code: string; district: number; predecessors: number[] }>(
    db,
    sql`select u.id, u.code, pv.parent_id as district, array_agg(l.predecessor_id order by l.predecessor_id) as predecessors
        from units u
        join unit_lineage l on l.successor_id = u.id and l.relation = 'whole'
        join unit_versions pv on pv.unit_id = l.predecessor_id and pv.valid_to = '2025-06-30'
        where u.kind = 'commune' and u.province_code = ${provinceCode} and u.valid_from = '2025-07-01'
          and not exists (select 1 from unit_lineage o where o.predecessor_id = l.predecessor_id and o.successor_id <> u.id)
        group by u.id, u.code, pv.parent_id having count(*) >= 2
        order by u.code offset ${skip} limit 1`,
  );
  const row = rows[0];
  if (!row) throw new Error(`no merged commune in province ${provinceCode}`);
  const predecessors = await queryRows<{ id: number; code: string }>(
    db,
    sql`select id, code from units where id = any(${`{${row.predecessors.join(',')}}`}::int[]) order by code`,
  );
  const [province] = await queryRows<{ id: number }>(
    db,
    sql`select parent_id as id from unit_versions where unit_id = ${row.id} and valid_to is null`,
  );
  return { id: row.id, code: row.code, provinceId: province!.id, predecessors, oldDistrictId: row.district };
}

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipart(file: Buffer, fileName = 'nhap.xlsx', field = 'file') {
  const boundary = `----antq${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(
  app: TestApp,
  user: SignedIn,
  url: string,
  file: Buffer,
): Promise<LightMyRequestResponse> {
  const body = multipart(file);
  return app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: user.cookie, 'x-csrf-token': user.csrfToken },
  });
}

/** Polls a job until it ends; answers every state seen, the last one finished. */
export async function waitForJob(
  user: SignedIn,
  first: JobState,
  options: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<JobState[]> {
  const seen: JobState[] = [first];
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let state = first;
  while (state.status === 'queued' || state.status === 'running') {
    if (Date.now() > deadline) throw new Error(`job ${state.id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
    const response = await user.request('GET', `/api/jobs/${state.id}`);
    if (response.statusCode !== 200) throw new Error(`job poll: ${response.statusCode} ${response.body}`);
    state = response.json() as JobState;
    seen.push(state);
  }
  return seen;
}

/** An .xlsx with one sheet laid out like a template: the header row, then one row per object (by column key). */
export async function sheetFile(
  sheetName: string,
  columns: ReadonlyArray<TemplateColumn>,
  rows: ReadonlyArray<Record<string, string | number | Date | null | undefined>>,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(columns.map(templateHeader));
  for (const row of rows) sheet.addRow(columns.map((column) => row[column.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Uploads an import file and waits for its job: the import's result. */
export async function importFile(
  app: TestApp,
  user: SignedIn,
  url: string,
  file: Buffer,
): Promise<ImportResult> {
  const response = await upload(app, user, url, file);
  if (response.statusCode !== 200 && response.statusCode !== 202) {
    throw new Error(`import: ${response.statusCode} ${response.body}`);
  }
  const last = (await waitForJob(user, response.json() as JobState)).at(-1)!;
  if (!last.result) throw new Error(`import failed: ${JSON.stringify(last.error)}`);
  return last.result as ImportResult;
}
