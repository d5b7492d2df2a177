/**
 * The two drivers behind one Drizzle schema: PGlite (PostgreSQL in WebAssembly, in a data folder) by default,
 * node-postgres when a server is named. Both parse values the same way, so no code asks which one it has.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { AppError } from '../../domain/errors.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories take either as their first argument. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DriverName = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DriverName;
  /** A short description for logs and the health endpoint, never containing a password. */
  target: string;
  close(): Promise<void>;
  /** The raw PGlite instance, for backup tooling and test snapshots; undefined on a server. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Calendar dates stay strings (no time zone shift); counts become numbers. */
const parsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
};

export const pgliteExtensions = { pg_trgm };

/**
 * PGlite is one process's database: two processes on one folder would corrupt it. A pid file makes the second
 * one stop with a clear message (a stale file of a dead process is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'antq.pid');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new AppError(
        'conflict',
        'database.in_use',
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. Hãy dừng máy chủ trước (cơ sở dữ liệu nhúng chỉ cho một tiến trình).`,
      );
    }
  }
  writeFileSync(lockFile, `${process.pid}\n`);
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
    parsers,
  });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    target: options.dataDir ? `pglite:${options.dataDir}` : 'pglite:memory',
    pglite: client,
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'postgres';
  }
}

export async function openPostgres(
  url: string,
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        const parser = parsers[oid as keyof typeof parsers];
        return parser ?? pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // Fail fast with a clear message when the server is not there.
  const client = await pool.connect();
  client.release();
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' }) as unknown as Database;
  return { db, driver: 'postgres', target: describeUrl(url), pool, close: () => pool.end() };
}

export async function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite({ dataDir: `${config.dataDir}/pglite` });
}

/** Runs raw SQL and returns its rows, the same shape on both drivers. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
