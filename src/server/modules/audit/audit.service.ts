/**
 * The audit trail: written in the caller's transaction, sealed into a hash chain afterwards, verifiable end to end.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AuditEvent, AuditQuery } from '../../../contracts/audit.js';
import type { ListResult } from '../../../contracts/common.js';
import { invalid } from '../../../domain/errors.js';
import type { Actor } from '../../context.js';
import { bulkInsert } from '../../db/bulk.js';
import { type Database, queryRows } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { safeErrorSummary } from '../../lib/safe-error.js';
import * as repo from './audit.repo.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  unitId?: number | null;
  provinceCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra facts that are not field changes (e.g. the reason for a reopening). */
  details?: Record<string, unknown>;
}

/** Field names whose values never enter the trail, only the fact that they changed. */
const MASKED = /password|secret|hash|token|totp|recovery/i;

/** Secrets are hidden; a yes/no about them (mustChangePassword, totpEnabled) is not a secret and stays readable. */
function mask(key: string, value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  return MASKED.test(key) ? '••••' : value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields that changed, each as {before, after}; a creation lists every field as after. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, { before?: unknown; after?: unknown }> {
  const changes: Record<string, { before?: unknown; after?: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const oldValue = before?.[key] ?? null;
    const newValue = after?.[key] ?? null;
    if (before && after && same(oldValue, newValue)) continue;
    changes[key] = {
      ...(before ? { before: mask(key, toJsonValue(oldValue)) } : {}),
      ...(after ? { after: mask(key, toJsonValue(newValue)) } : {}),
    };
  }
  return changes;
}

function toJsonValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Writes one audit event in the transaction of the change it describes. */
export async function recordAudit(db: Database, actor: Actor, input: AuditInput): Promise<void> {
  const fieldChanges = input.before || input.after ? diffFields(input.before, input.after) : {};
  const changes = { ...fieldChanges, ...(input.details ? { _details: input.details } : {}) };
  await repo.insertEvent(db, {
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
    unitId: input.unitId ?? null,
    provinceCode: input.provinceCode ?? null,
    changes: Object.keys(changes).length > 0 ? changes : null,
    requestId: actor.requestId,
    clientIp: actor.clientIp,
  });
}

/**
 * Reading a sensitive record (a crime report, a reintegration file) is itself an event of the trail: who opened
 * which record, when and from where. Modules call this in the same transaction as the read.
 */
export async function recordSensitiveRead(
  db: Database,
  actor: Actor,
  record: {
    entityType: string;
    entityId: string | number;
    unitId: number | null;
    provinceCode?: string | null;
    purpose?: string;
  },
): Promise<void> {
  await recordAudit(db, actor, {
    action: `${record.entityType}.read`,
    entityType: record.entityType,
    entityId: record.entityId,
    unitId: record.unitId,
    provinceCode: record.provinceCode ?? null,
    ...(record.purpose ? { details: { purpose: record.purpose } } : {}),
  });
}

// ---- the hash chain -------------------------------------------------------------------------------------------

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
}

export function hashEvent(row: repo.ChainRow, seq: number, prevHash: string): string {
  const content = canonical([
    seq,
    row.id,
    row.atUtc,
    row.actorUserId,
    row.actorUsername,
    row.action,
    row.entityType,
    row.entityId,
    row.unitId,
    row.provinceCode,
    row.changes,
    row.requestId,
    row.clientIp,
    prevHash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Chains the events written since the last run, in the order they committed. Several processes may call it:
 * one advisory lock lets exactly one of them seal at a time, the others return at once.
 */
export async function sealPending(db: Database, batchSize = 5000): Promise<number> {
  return inTransaction(db, async (tx) => {
    if (!(await repo.tryLockSealer(tx))) return 0;
    const pending = await repo.listUnsealed(tx, batchSize);
    if (pending.length === 0) return 0;
    const last = await repo.lastSealed(tx);
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const sealed: Array<{ id: number; seq: number; prevHash: string; hash: string }> = [];
    for (const row of pending) {
      seq += 1;
      const hash = hashEvent(row, seq, prevHash);
      sealed.push({ id: row.id, seq, prevHash, hash });
      prevHash = hash;
    }
    await repo.writeSeals(tx, sealed);
    return sealed.length;
  });
}

export async function sealAll(db: Database): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sealPending(db);
    total += sealed;
    if (sealed === 0) return total;
  }
}

/** Seals new audit events every few seconds in the background of the server process. */
export function startAuditSealer(
  db: Database,
  log: { error: (payload: object, message: string) => void },
  everyMs = 2000,
) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAll(db)
      .catch((error: unknown) => log.error(safeErrorSummary(error), 'niêm phong nhật ký thất bại'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export type ChainProblem =
  | { kind: 'edited'; id: number; seq: number }
  | { kind: 'missing'; id: number; seq: number; expectedSeq: number }
  | { kind: 'broken_link'; id: number; seq: number }
  | { kind: 'truncated'; lastSeq: number; expectedSeq: number };

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  problem?: ChainProblem;
}

/** Walks the whole chain in order; the first row that does not fit is named. */
export async function verifyChain(
  db: Database,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyResult> {
  await sealAll(db);
  const total = await repo.countSealed(db);
  let checked = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  for (;;) {
    const rows = await repo.listSealedAfter(db, afterSeq, 2000);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          unsealed: 0,
          problem: { kind: 'missing', id: row.id, seq: row.seq, expectedSeq },
        };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          unsealed: 0,
          problem: { kind: 'broken_link', id: row.id, seq: row.seq },
        };
      }
      if (hashEvent(row, row.seq, row.prevHash) !== row.hash) {
        return { ok: false, checked, unsealed: 0, problem: { kind: 'edited', id: row.id, seq: row.seq } };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    afterSeq = rows.at(-1)!.seq;
    onProgress?.(checked, total);
  }
  const head = await repo.readHead(db);
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
    // The newest sealed rows were removed: the chain is intact up to there, but shorter than recorded.
    return {
      ok: false,
      checked,
      unsealed: 0,
      problem: { kind: 'truncated', lastSeq: expectedSeq - 1, expectedSeq: head.seq },
    };
  }
  return { ok: true, checked, unsealed: await repo.countUnsealed(db) };
}

export function describeProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'edited':
      return `Bản ghi nhật ký số ${problem.id} (thứ tự ${problem.seq}) đã bị sửa sau khi ghi`;
    case 'missing':
      return `Thiếu bản ghi nhật ký trước bản ghi số ${problem.id}: mong đợi thứ tự ${problem.expectedSeq}, gặp ${problem.seq} (bản ghi đã bị xóa)`;
    case 'truncated':
      return `Các bản ghi nhật ký cuối chuỗi đã bị xóa: chuỗi dừng ở thứ tự ${problem.lastSeq}, đã niêm phong đến ${problem.expectedSeq}`;
    case 'broken_link':
      return `Bản ghi nhật ký số ${problem.id} (thứ tự ${problem.seq}) không khớp với bản ghi liền trước: chuỗi đã bị sửa hoặc xóa`;
  }
}

// ---- search -----------------------------------------------------------------------------------------------------

export async function searchAudit(
  db: Database,
  actor: Actor,
  query: AuditQuery,
): Promise<ListResult<AuditEvent>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  if (query.from && query.to && query.from > query.to) {
    throw invalid('audit.range', 'Ngày bắt đầu phải trước ngày kết thúc', 'from');
  }
  const { rows, total } = await repo.search(db, actor.scope, {
    ...query,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows, total, page, pageSize };
}

// ---- for registries: many events at once, and the history of one record -----------------------------------------

/**
 * Writes many audit events in the caller's transaction, a few thousand per statement: an import of 50,000 members
 * writes one event per member, exactly as single `recordAudit` calls would, without 50,000 round trips.
 */
export async function recordAuditBatch(
  db: Database,
  actor: Actor,
  inputs: readonly AuditInput[],
): Promise<void> {
  const rows = inputs.map((input) => {
    const fieldChanges = input.before || input.after ? diffFields(input.before, input.after) : {};
    const changes = { ...fieldChanges, ...(input.details ? { _details: input.details } : {}) };
    return {
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
      unitId: input.unitId ?? null,
      provinceCode: input.provinceCode ?? null,
      changes: Object.keys(changes).length > 0 ? changes : null,
    };
  });
  await bulkInsert(
    db,
    'audit_events',
    [
      { name: 'actor_user_id', type: 'int', value: () => actor.userId },
      { name: 'actor_username', type: 'text', value: () => actor.username },
      { name: 'action', type: 'text', value: (row) => row.action },
      { name: 'entity_type', type: 'text', value: (row) => row.entityType },
      { name: 'entity_id', type: 'text', value: (row) => row.entityId },
      { name: 'unit_id', type: 'int', value: (row) => row.unitId },
      { name: 'province_code', type: 'text', value: (row) => row.provinceCode },
      { name: 'changes', type: 'jsonb', value: (row) => row.changes },
      { name: 'request_id', type: 'text', value: () => actor.requestId },
      { name: 'client_ip', type: 'text', value: () => actor.clientIp },
    ],
    rows,
  );
}

/**
 * The audit events of one record, newest first: the "history" a detail page shows. The caller has already checked
 * that the record is in the reader's scope; the trail itself is only read here.
 */
export async function listEntityHistory(
  db: Database,
  entityType: string,
  entityId: string | number,
  limit = 200,
): Promise<AuditEvent[]> {
  const rows = await queryRows<AuditEvent>(
    db,
    sql`select a.id::int8 as id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
          a.actor_user_id as "actorUserId", a.actor_username as "actorUsername", a.action, a.entity_type as "entityType",
          a.entity_id as "entityId", a.unit_id as "unitId",
          (select v.full_name from unit_versions v where v.unit_id = a.unit_id order by v.valid_to desc nulls first limit 1) as "unitName",
          a.changes, a.request_id as "requestId", a.client_ip as "clientIp", a.seq is not null as sealed
        from audit_events a
        where a.entity_type = ${entityType} and a.entity_id = ${String(entityId)}
        order by a.id desc limit ${limit}`,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
