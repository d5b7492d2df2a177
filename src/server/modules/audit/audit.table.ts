import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail. Rows are written in the same transaction as the change they describe; a sealer
 * then chains them in commit order (seq, prevHash, hash), so an edited or deleted row breaks the chain.
 * Sealing after commit keeps the user's transaction free of a global lock (intake runs thousands per second).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    unitId: integer('unit_id'),
    provinceCode: text('province_code'),
    /** Changed fields only: {field: {before, after}}; sensitive values are masked before they get here. */
    changes: jsonb('changes'),
    requestId: text('request_id'),
    clientIp: text('client_ip'),
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (table) => [
    uniqueIndex('audit_events_seq_uq').on(table.seq),
    index('audit_events_entity_idx').on(table.entityType, table.entityId),
    index('audit_events_actor_idx').on(table.actorUserId, table.at),
    index('audit_events_at_idx').on(table.at),
    index('audit_events_unsealed_idx').on(table.id).where(sql`${table.seq} is null`),
  ],
);
