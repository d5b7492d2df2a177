import { type SQL, sql } from 'drizzle-orm';
import type { AuditEvent } from '../../../contracts/audit.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { auditEvents } from './audit.table.js';

export interface NewAuditEvent {
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  provinceCode: string | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
  clientIp: string | null;
}

export async function insertEvent(db: Database, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

/** A row as the chain hashes it; the time is rendered in UTC by the database so both drivers agree. */
export interface ChainRow {
  id: number;
  atUtc: string;
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  provinceCode: string | null;
  changes: unknown;
  requestId: string | null;
  clientIp: string | null;
  seq: number;
  prevHash: string;
  hash: string;
}

const CHAIN_COLUMNS = sql`id::int8 as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "atUtc",
  actor_user_id as "actorUserId", actor_username as "actorUsername", action, entity_type as "entityType",
  entity_id as "entityId", unit_id as "unitId", province_code as "provinceCode", changes, request_id as "requestId",
  client_ip as "clientIp", seq, prev_hash as "prevHash", hash`;

const SEALER_LOCK = 727002;

export async function tryLockSealer(db: Database): Promise<boolean> {
  const rows = await queryRows<{ locked: boolean }>(
    db,
    sql`select pg_try_advisory_xact_lock(${SEALER_LOCK}) as locked`,
  );
  return rows[0]?.locked === true;
}

/** node-postgres hands 64-bit integers over as strings; the chain works on numbers. */
function toChainRow(row: ChainRow): ChainRow {
  return { ...row, id: Number(row.id), seq: row.seq === null ? row.seq : Number(row.seq) };
}

export async function listUnsealed(db: Database, limit: number): Promise<ChainRow[]> {
  const rows = await queryRows<ChainRow>(
    db,
    sql`select ${CHAIN_COLUMNS} from audit_events where seq is null order by id limit ${limit}`,
  );
  return rows.map(toChainRow);
}

export async function lastSealed(db: Database): Promise<{ seq: number; hash: string } | undefined> {
  const rows = await queryRows<{ seq: number; hash: string }>(
    db,
    sql`select seq, hash from audit_events where seq is not null order by seq desc limit 1`,
  );
  const row = rows[0];
  return row && { seq: Number(row.seq), hash: row.hash };
}

export async function writeSeals(
  db: Database,
  seals: Array<{ id: number; seq: number; prevHash: string; hash: string }>,
): Promise<void> {
  for (let start = 0; start < seals.length; start += 1000) {
    const batch = seals.slice(start, start + 1000);
    const values = sql.join(
      batch.map((seal) => sql`(${seal.id}::int8, ${seal.seq}::int8, ${seal.prevHash}, ${seal.hash})`),
      sql`, `,
    );
    await db.execute(
      sql`update audit_events a set seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
          from (values ${values}) as s(id, seq, prev_hash, hash) where a.id = s.id`,
    );
  }
  const head = seals.at(-1)!;
  await db.execute(
    sql`insert into system_settings (key, value) values ('audit.head', ${JSON.stringify({ seq: head.seq, hash: head.hash })}::jsonb)
        on conflict (key) do update set value = excluded.value, updated_at = now()`,
  );
}

export async function readHead(db: Database): Promise<{ seq: number; hash: string } | undefined> {
  const rows = await queryRows<{ value: { seq: number; hash: string } }>(
    db,
    sql`select value from system_settings where key = 'audit.head'`,
  );
  return rows[0]?.value;
}

export async function listSealedAfter(db: Database, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const rows = await queryRows<ChainRow>(
    db,
    sql`select ${CHAIN_COLUMNS} from audit_events where seq > ${afterSeq} order by seq limit ${limit}`,
  );
  return rows.map(toChainRow);
}

export async function countSealed(db: Database): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from audit_events where seq is not null`,
  );
  return rows[0]?.count ?? 0;
}

export async function countUnsealed(db: Database): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from audit_events where seq is null`,
  );
  return rows[0]?.count ?? 0;
}

export interface AuditSearch {
  user?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  unit?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export async function search(
  db: Database,
  scope: Scope,
  filter: AuditSearch,
): Promise<{ rows: AuditEvent[]; total: number }> {
  const conditions: SQL[] = [];
  if (!scope.all) {
    // An event belongs to the scope through the unit it concerns or, for events about no unit, through the
    // unit of the person who acted.
    conditions.push(
      sql`(${unitInScope(scope, sql`a.unit_id`)} or (a.unit_id is null and a.actor_user_id in
            (select us.id from users us where ${unitInScope(scope, sql`us.unit_id`)})))`,
    );
  }
  if (filter.user) conditions.push(sql`lower(a.actor_username) = lower(${filter.user})`);
  if (filter.entityType) conditions.push(sql`a.entity_type = ${filter.entityType}`);
  if (filter.entityId) conditions.push(sql`a.entity_id = ${filter.entityId}`);
  if (filter.action) conditions.push(sql`a.action = ${filter.action}`);
  if (filter.unit) conditions.push(sql`a.unit_id = ${filter.unit}`);
  if (filter.from)
    conditions.push(sql`a.at >= (${filter.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (filter.to)
    conditions.push(sql`a.at < ((${filter.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await queryRows<AuditEvent & { total: number }>(
    db,
    sql`select a.id::int8 as id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
          a.actor_user_id as "actorUserId", a.actor_username as "actorUsername", a.action, a.entity_type as "entityType",
          a.entity_id as "entityId", a.unit_id as "unitId",
          (select v.full_name from unit_versions v where v.unit_id = a.unit_id order by v.valid_to desc nulls first limit 1) as "unitName",
          a.changes, a.request_id as "requestId", a.client_ip as "clientIp", a.seq is not null as sealed,
          count(*) over()::int as total
        from audit_events a ${where}
        order by a.id desc limit ${filter.limit} offset ${filter.offset}`,
  );
  return {
    rows: rows.map(({ total: _total, ...row }) => ({ ...row, id: Number(row.id) })),
    total: rows[0]?.total ?? 0,
  };
}
