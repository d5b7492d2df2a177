import { customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Background work (imports, report exports), run in-process by the server that accepted it.
 * Plain SQL with `for update skip locked` claims a job, so the table works the same on PGlite and on a server with
 * several processes. `input` holds an uploaded file only until the job ends.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    /** queued → running → succeeded | failed */
    status: text('status').notNull().default('queued'),
    /** Parameters and the actor it runs for (user id, role, scope unit), JSON. */
    params: jsonb('params').notNull(),
    input: bytea('input'),
    /** The file a job made (an export), kept for its user to download until the job is purged. */
    output: bytea('output'),
    phase: text('phase'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** Overall progress 0–100, monotonic across phases. */
    percent: integer('percent').notNull().default(0),
    result: jsonb('result'),
    error: jsonb('error'),
    createdBy: integer('created_by'),
    unitId: integer('unit_id'),
    provinceCode: text('province_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('jobs_status_idx').on(table.status, table.id),
    index('jobs_created_by_idx').on(table.createdBy, table.createdAt),
  ],
);
