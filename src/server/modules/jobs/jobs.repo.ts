import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';

export interface JobRow {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  params: Record<string, unknown>;
  phase: string | null;
  progressDone: number;
  progressTotal: number;
  percent: number;
  result: unknown;
  error: { code: string; message: string } | null;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const JOB_COLUMNS = sql`id, kind, status, params, phase, progress_done as "progressDone",
  progress_total as "progressTotal", percent, result, error, created_by as "createdBy",
  ${utc('created_at')} as "createdAt", ${utc('started_at')} as "startedAt", ${utc('finished_at')} as "finishedAt"`;

export async function insertJob(
  db: Database,
  job: {
    kind: string;
    params: Record<string, unknown>;
    input: Uint8Array | null;
    createdBy: number | null;
    unitId: number | null;
    provinceCode: string | null;
  },
): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into jobs (kind, params, input, created_by, unit_id, province_code)
        values (${job.kind}, ${JSON.stringify(job.params)}::jsonb, ${job.input}, ${job.createdBy}, ${job.unitId}, ${job.provinceCode})
        returning id`,
  );
  return rows[0]!.id;
}

/** Claims the oldest queued job of the given kinds; another process claiming at once skips it. */
export async function claimNext(
  db: Database,
  kinds: readonly string[],
): Promise<(JobRow & { input: Uint8Array | null }) | undefined> {
  if (kinds.length === 0) return undefined;
  const rows = await queryRows<JobRow & { input: Uint8Array | null }>(
    db,
    sql`update jobs set status = 'running', started_at = now(), heartbeat_at = now()
        where id = (select id from jobs where status = 'queued'
                      and kind = any(${`{${kinds.map((kind) => `"${kind}"`).join(',')}}`}::text[])
                    order by id for update skip locked limit 1)
        returning ${JOB_COLUMNS}, input`,
  );
  return rows[0];
}

export async function saveProgress(
  db: Database,
  id: number,
  progress: { phase: string; done: number; total: number; percent: number },
): Promise<void> {
  await db.execute(
    sql`update jobs set phase = ${progress.phase}, progress_done = ${progress.done}, progress_total = ${progress.total},
          percent = greatest(percent, ${progress.percent}), heartbeat_at = now()
        where id = ${id} and status = 'running'`,
  );
}

export async function finishJob(
  db: Database,
  id: number,
  outcome:
    | { status: 'succeeded'; result: unknown; phase: string; done: number; total: number }
    | { status: 'failed'; error: { code: string; message: string } },
): Promise<void> {
  if (outcome.status === 'succeeded') {
    await db.execute(
      sql`update jobs set status = 'succeeded', result = ${JSON.stringify(outcome.result ?? null)}::jsonb,
            phase = ${outcome.phase}, progress_done = ${outcome.done}, progress_total = ${outcome.total},
            percent = 100, input = null, finished_at = now(), heartbeat_at = now()
          where id = ${id}`,
    );
  } else {
    await db.execute(
      sql`update jobs set status = 'failed', error = ${JSON.stringify(outcome.error)}::jsonb, input = null,
            finished_at = now(), heartbeat_at = now()
          where id = ${id}`,
    );
  }
}

export async function findJobOfUser(
  db: Database,
  id: number,
  userId: number | null,
): Promise<JobRow | undefined> {
  const rows = await queryRows<JobRow>(
    db,
    sql`select ${JOB_COLUMNS} from jobs where id = ${id} and created_by is not distinct from ${userId}`,
  );
  return rows[0];
}

/** Jobs whose process stopped without finishing them (no heartbeat for a while) end as failed. */
export async function failStaleJobs(db: Database, staleMinutes: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update jobs set status = 'failed', input = null, finished_at = now(),
          error = ${JSON.stringify({ code: 'jobs.interrupted', message: 'Công việc bị gián đoạn do máy chủ khởi động lại; hãy thực hiện lại' })}::jsonb
        where status = 'running' and heartbeat_at < now() - make_interval(mins => ${staleMinutes})
        returning id`,
  );
  return rows.length;
}

/** Finished jobs are kept a while for their results (import errors quote cell values), then removed. */
export async function purgeFinishedJobs(db: Database, keepDays: number): Promise<void> {
  await db.execute(
    sql`delete from jobs where status in ('succeeded', 'failed') and finished_at < now() - make_interval(days => ${keepDays})`,
  );
}

/** Keeps the file a job made; it is sent to the job's user only (see findOutputOfUser). */
export async function saveOutput(db: Database, id: number, output: Uint8Array): Promise<void> {
  await db.execute(sql`update jobs set output = ${output} where id = ${id}`);
}

export async function findOutputOfUser(
  db: Database,
  id: number,
  userId: number | null,
  kind: string,
): Promise<{ result: unknown; output: Uint8Array } | undefined> {
  const rows = await queryRows<{ result: unknown; output: Uint8Array | null }>(
    db,
    sql`select result, output from jobs
        where id = ${id} and kind = ${kind} and status = 'succeeded' and created_by is not distinct from ${userId}`,
  );
  const row = rows[0];
  return row?.output ? { result: row.result, output: row.output } : undefined;
}
