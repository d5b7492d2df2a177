/**
 * Background jobs, run in-process. A request enqueues a job (a row of `jobs`, with the uploaded file if any) and
 * the runner of the same process claims and runs it at once, one job at a time; progress goes to memory at every
 * step and to the table twice a second, so that GET /api/jobs/:id answers from either. A job runs for the user who
 * asked, with the scope that user has when it runs.
 */
import type { JobState } from '../../../contracts/jobs.js';
import { AppError, notFound } from '../../../domain/errors.js';
import type { RoleId } from '../../../domain/roles.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { resolveScope } from '../../db/scope.js';
import { safeErrorSummary } from '../../lib/safe-error.js';
import * as repo from './jobs.repo.js';

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  /** Overall 0–100; never goes back. */
  percent: number;
}

export interface JobContext {
  jobId: number;
  actor: Actor;
  params: Record<string, unknown>;
  input: Buffer | null;
  /** Cheap to call often: it only updates memory; the runner saves it on a timer. */
  progress(phase: string, done: number, total: number, percent: number): void;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

interface StoredActor {
  userId: number | null;
  username: string;
  role: RoleId;
  unitId: number | null;
  requestId: string | null;
  clientIp: string | null;
}

type Logger = { error: (payload: object, message: string) => void };

const FLUSH_MS = 500;
const STALE_MINUTES = 10;
const KEEP_FINISHED_DAYS = 30;

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly live = new Map<number, JobProgress>();
  private readonly waiters = new Map<number, Array<() => void>>();
  private readonly recentlyFinished = new Set<number>();
  private loop: Promise<void> | null = null;
  private stopped = false;
  private log: Logger = { error: () => {} };

  constructor(private readonly db: Database) {}

  attachLogger(log: Logger): void {
    this.log = log;
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(
    actor: Actor,
    kind: string,
    params: Record<string, unknown>,
    input: Buffer | null = null,
    where: { unitId?: number | null; provinceCode?: string | null } = {},
  ): Promise<number> {
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`);
    const stored: StoredActor = {
      userId: actor.userId,
      username: actor.username,
      role: actor.role,
      unitId: actor.unitId,
      requestId: actor.requestId,
      clientIp: actor.clientIp,
    };
    const id = await repo.insertJob(this.db, {
      kind,
      params: { ...params, actor: stored },
      input,
      createdBy: actor.userId,
      unitId: where.unitId ?? actor.unitId,
      provinceCode: where.provinceCode ?? null,
    });
    this.kick();
    return id;
  }

  /** Resolves when the job has finished, or after `ms`, whichever comes first. */
  waitFor(id: number, ms: number): Promise<void> {
    if (this.recentlyFinished.has(id)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const list = this.waiters.get(id) ?? [];
      list.push(done);
      this.waiters.set(id, list);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  /** Fails jobs left running by a process that stopped, drops old finished ones, runs whatever is queued. */
  async start(): Promise<void> {
    await repo.failStaleJobs(this.db, STALE_MINUTES);
    await repo.purgeFinishedJobs(this.db, KEEP_FINISHED_DAYS);
    this.kick();
  }

  /** Lets the running job finish and runs no other. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  liveProgress(id: number): JobProgress | undefined {
    return this.live.get(id);
  }

  kick(): void {
    if (this.loop || this.stopped) return;
    this.loop = this.drain().finally(() => {
      this.loop = null;
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const job = await repo.claimNext(this.db, [...this.handlers.keys()]);
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: repo.JobRow & { input: Uint8Array | null }): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const state: JobProgress = { phase: 'Bắt đầu', done: 0, total: 0, percent: 0 };
    this.live.set(job.id, state);
    let dirty = false;
    let flushing: Promise<void> | null = null;
    // While the job holds the embedded database in a transaction this update waits its turn; it is never awaited
    // from inside the job, so it cannot deadlock, and the last one is awaited before the final state is written.
    const timer = setInterval(() => {
      if (!dirty || flushing) return;
      dirty = false;
      flushing = repo
        .saveProgress(this.db, job.id, { ...state })
        .catch(() => {})
        .finally(() => {
          flushing = null;
        });
    }, FLUSH_MS);
    try {
      const stored = job.params.actor as StoredActor;
      const actor: Actor = { ...stored, scope: await resolveScope(this.db, stored.unitId) };
      const result = await handler({
        jobId: job.id,
        actor,
        params: job.params,
        input: job.input ? Buffer.from(job.input) : null,
        progress: (phase, done, total, percent) => {
          state.phase = phase;
          state.done = done;
          state.total = total;
          state.percent = Math.max(state.percent, Math.min(100, Math.floor(percent)));
          dirty = true;
        },
      });
      clearInterval(timer);
      await flushing;
      state.percent = 100;
      await repo.finishJob(this.db, job.id, {
        status: 'succeeded',
        result,
        phase: 'Hoàn thành',
        done: state.total,
        total: state.total,
      });
    } catch (error) {
      clearInterval(timer);
      await flushing;
      const known = error instanceof AppError && error.kind !== 'internal';
      if (!known) this.log.error({ ...safeErrorSummary(error), jobKind: job.kind }, 'công việc nền thất bại');
      await repo
        .finishJob(this.db, job.id, {
          status: 'failed',
          error: known
            ? { code: error.code, message: error.message }
            : { code: 'internal', message: 'Hệ thống gặp lỗi khi xử lý, vui lòng thử lại sau' },
        })
        .catch((failure: unknown) =>
          this.log.error(safeErrorSummary(failure), 'không ghi được lỗi công việc'),
        );
    } finally {
      this.live.delete(job.id);
      this.recentlyFinished.add(job.id);
      if (this.recentlyFinished.size > 1000) {
        this.recentlyFinished.delete(this.recentlyFinished.values().next().value!);
      }
      for (const done of this.waiters.get(job.id) ?? []) done();
      this.waiters.delete(job.id);
    }
  }
}

export function toJobState(row: repo.JobRow, live?: JobProgress): JobState {
  const running = row.status === 'running' && live !== undefined;
  const progress = running
    ? { done: live.done, total: live.total, percent: Math.max(row.percent, live.percent) }
    : { done: row.progressDone, total: row.progressTotal, percent: row.percent };
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    phase: running ? live.phase : row.phase,
    progress,
    result: row.result ?? null,
    error: row.error,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** A job is visible to the user who started it only. */
export async function getJob(db: Database, runner: JobRunner, actor: Actor, id: number): Promise<JobState> {
  const row = await repo.findJobOfUser(db, id, actor.userId);
  if (!row) throw notFound('jobs.not_found', 'Không tìm thấy công việc');
  return toJobState(row, runner.liveProgress(id));
}

/**
 * Starts a job and waits a little for it: a small import answers finished in the same request, a big one answers
 * while still running and the page follows it with GET /api/jobs/:id.
 */
export async function startJob(
  db: Database,
  runner: JobRunner,
  actor: Actor,
  kind: string,
  params: Record<string, unknown>,
  input: Buffer | null,
  waitMs = 2000,
): Promise<JobState> {
  const id = await runner.enqueue(actor, kind, params, input);
  await runner.waitFor(id, waitMs);
  return getJob(db, runner, actor, id);
}

/** A job's file (an export) is stored with the job; the handler calls this before it returns. */
export async function storeJobOutput(db: Database, id: number, output: Buffer): Promise<void> {
  await repo.saveOutput(db, id, output);
}

/** The file of a finished job of the given kind, for the user who started it only. */
export async function jobOutput(
  db: Database,
  actor: Actor,
  id: number,
  kind: string,
): Promise<{ result: unknown; output: Buffer }> {
  const found = await repo.findOutputOfUser(db, id, actor.userId, kind);
  if (!found) throw notFound('jobs.not_found', 'Không tìm thấy tệp kết quả của công việc');
  return { result: found.result, output: Buffer.from(found.output) };
}
