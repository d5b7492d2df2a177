/**
 * Logical backups that restore on either driver: a PGlite folder can move to a PostgreSQL server and back.
 *
 * The file is gzip'd JSON lines: a header ({format, version, schemaVersion, createdAt, tables}), then one line per
 * row ({table, row}) table by table in foreign-key order, then a trailer ({end: true, rows}) so that a file cut
 * short is refused instead of half restored. Values keep their types across drivers: dates as "YYYY-MM-DD",
 * timestamps as ISO UTC, jsonb as JSON, bytea as base64, bigint and numeric as exact strings. A json/jsonb column
 * that is SQL NULL is left out of its row, so that it stays distinct from the JSON value null.
 *
 * Tables and columns are read from the catalog, never listed here: a module that adds a table is backed up
 * without touching this file. Both directions stream; neither holds a table in memory.
 */
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline as pipelineCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type DatabaseHandle, type DriverName, queryRows } from '../db/client.js';
import { migrateDatabase, readJournal, schemaVersion } from '../db/migrate.js';
import { inTransaction } from '../db/transaction.js';
import { CliError } from './errors.js';

export const BACKUP_FORMAT = 'antq-backup';
export const BACKUP_VERSION = 1;

/** Rows per FETCH when reading and per INSERT when restoring; a batch also closes at BATCH_BYTES of JSON. */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

export interface BackupColumn {
  name: string;
  /** information_schema data_type, for the reader of the file; restore uses the target's own types. */
  type: string;
}

export interface BackupTable {
  name: string;
  rows: number;
  columns: BackupColumn[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Tag of the newest migration applied to the source, e.g. "0001_units". */
  schemaVersion: string;
  createdAt: string;
  sourceDriver: DriverName;
  tables: BackupTable[];
}

export type BackupProgress = (done: number, total: number, table: string) => void;

export interface BackupResult {
  file: string;
  bytes: number;
  rows: number;
  header: BackupHeader;
}

export interface RestoreResult {
  rows: number;
  header: BackupHeader;
  /** Rows restored per table, in restore order. */
  tables: { name: string; rows: number }[];
  /** Tables of the target that the backup did not have (newer modules): left empty. */
  emptyTables: string[];
}

// ---- catalog ---------------------------------------------------------------------------------------------------

interface ColumnInfo {
  name: string;
  dataType: string;
  identityAlways: boolean;
  generated: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Orders tables so that every table comes after the tables it references. Ties (and the tables of a reference
 * cycle, which no order can satisfy) go alphabetically, so the same schema always gives the same order.
 */
export function orderByDependencies(
  tables: string[],
  references: { child: string; parent: string }[],
): string[] {
  const names = [...tables].sort();
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  }
  const placed = new Set<string>();
  const order: string[] = [];
  while (order.length < names.length) {
    const ready = names.find(
      (name) => !placed.has(name) && [...parents.get(name)!].every((parent) => placed.has(parent)),
    );
    const next = ready ?? names.find((name) => !placed.has(name))!;
    placed.add(next);
    order.push(next);
  }
  return order;
}

/** Every base table of the public schema with its columns and primary key, in foreign-key order. */
export async function describePublicTables(db: Database): Promise<TableInfo[]> {
  const columns = await queryRows<{
    table: string;
    name: string;
    dataType: string;
    identityAlways: boolean;
    generated: boolean;
  }>(
    db,
    sql`select c.table_name as "table", c.column_name as "name", c.data_type as "dataType",
          coalesce(c.identity_generation = 'ALWAYS', false) as "identityAlways",
          coalesce(c.is_generated = 'ALWAYS', false) as "generated"
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const keys = await queryRows<{ table: string; column: string }>(
    db,
    sql`select cl.relname as "table", a.attname as "column"
        from pg_constraint con
        join pg_class cl on cl.oid = con.conrelid
        join pg_namespace n on n.oid = cl.relnamespace
        cross join lateral unnest(con.conkey) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
        where n.nspname = 'public' and con.contype = 'p'
        order by cl.relname, k.position`,
  );
  const references = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select distinct child.relname as "child", parent.relname as "parent"
        from pg_constraint con
        join pg_class child on child.oid = con.conrelid
        join pg_namespace cn on cn.oid = child.relnamespace
        join pg_class parent on parent.oid = con.confrelid
        join pg_namespace pn on pn.oid = parent.relnamespace
        where con.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const column of columns) {
    let table = tables.get(column.table);
    if (!table) {
      table = { name: column.table, columns: [], primaryKey: [] };
      tables.set(column.table, table);
    }
    table.columns.push({
      name: column.name,
      dataType: column.dataType,
      identityAlways: column.identityAlways,
      generated: column.generated,
    });
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.column);
  return orderByDependencies([...tables.keys()], references).map((name) => tables.get(name)!);
}

// ---- backup ----------------------------------------------------------------------------------------------------

/** How a column is read so that its JSON value means the same on any server. */
function readExpression(column: ColumnInfo): string {
  const id = quoteIdent(column.name);
  switch (column.dataType) {
    case 'bytea':
      return `encode(${id}, 'base64')`;
    case 'timestamp with time zone':
      return `case when isfinite(${id}) then to_char(${id} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else ${id}::text end`;
    case 'timestamp without time zone':
      return `case when isfinite(${id}) then to_char(${id}, 'YYYY-MM-DD"T"HH24:MI:SS.US') else ${id}::text end`;
    case 'date':
      return `case when isfinite(${id}) then to_char(${id}, 'YYYY-MM-DD') else ${id}::text end`;
    case 'ARRAY':
      return `to_jsonb(${id})`;
    case 'json':
      // Wrapped so that a JSON null (kept) differs from SQL NULL (the key is left out of the row).
      return `case when ${id} is null then null else json_build_array(${id}) end`;
    case 'jsonb':
      return `case when ${id} is null then null else jsonb_build_array(${id}) end`;
    case 'boolean':
    case 'smallint':
    case 'integer':
    case 'real':
    case 'double precision':
    case 'text':
    case 'character varying':
    case 'character':
      return id;
    default:
      // bigint, numeric (exact digits), uuid, interval, enums, inet…: their text form is what their input reads.
      return `${id}::text`;
  }
}

/** NaN and ±Infinity have no JSON number: they travel as the strings PostgreSQL reads back. */
function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

async function requireSchemaVersion(handle: DatabaseHandle): Promise<string> {
  const [migrations] = await queryRows<{ exists: boolean }>(
    handle.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
  );
  if (!migrations?.exists) {
    throw new CliError('Cơ sở dữ liệu chưa có lược đồ ANTQ (chưa chạy chuyển đổi): không có gì để sao lưu.');
  }
  const { version } = await schemaVersion(handle);
  if (!version) {
    throw new CliError(
      'Không xác định được phiên bản lược đồ của cơ sở dữ liệu: hãy chạy "antq migrate" bằng phiên bản ANTQ đã tạo ra nó.',
    );
  }
  return version;
}

/**
 * Writes the whole public schema of `handle` to `file` (gzip'd JSON lines) from one consistent snapshot. The file
 * appears only when complete: it is written beside its final name and renamed at the end.
 */
export async function backupDatabase(
  handle: DatabaseHandle,
  file: string,
  options: { onStart?: (header: BackupHeader) => void; onProgress?: BackupProgress } = {},
): Promise<BackupResult> {
  const schema = await requireSchemaVersion(handle);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  let result: Omit<BackupResult, 'bytes'> | undefined;
  try {
    await handle.db.transaction(
      async (txRaw) => {
        const tx = txRaw as unknown as Database;
        const tables = await describePublicTables(tx);
        const counts = tables.length
          ? await queryRows<{ table: string; rows: number }>(
              tx,
              sql.raw(
                tables
                  .map(
                    (table) =>
                      `select ${quoteLiteral(table.name)} as "table", count(*)::bigint as "rows" from public.${quoteIdent(table.name)}`,
                  )
                  .join(' union all '),
              ),
            )
          : [];
        const rowsOf = new Map(counts.map((count) => [count.table, Number(count.rows)]));
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          schemaVersion: schema,
          createdAt: new Date().toISOString(),
          sourceDriver: handle.driver,
          tables: tables.map((table) => ({
            name: table.name,
            rows: rowsOf.get(table.name) ?? 0,
            columns: table.columns
              .filter((column) => !column.generated)
              .map((column) => ({ name: column.name, type: column.dataType })),
          })),
        };
        const total = header.tables.reduce((sum, table) => sum + table.rows, 0);
        options.onStart?.(header);
        let done = 0;

        async function* lines(): AsyncGenerator<string> {
          yield `${JSON.stringify(header)}\n`;
          for (const table of tables) {
            if (!rowsOf.get(table.name)) continue;
            const columns = table.columns.filter((column) => !column.generated);
            const jsonColumns = columns
              .filter((column) => column.dataType === 'json' || column.dataType === 'jsonb')
              .map((column) => column.name);
            const select = columns
              .map((column) => `${readExpression(column)} as ${quoteIdent(column.name)}`)
              .join(', ');
            // Primary-key order keeps the file stable and puts parents before children in self-referencing tables.
            const order = table.primaryKey.length
              ? ` order by ${table.primaryKey.map(quoteIdent).join(', ')}`
              : '';
            await tx.execute(
              sql.raw(
                `declare antq_backup no scroll cursor for select ${select} from public.${quoteIdent(table.name)}${order}`,
              ),
            );
            for (;;) {
              const rows = await queryRows<Record<string, unknown>>(
                tx,
                sql.raw(`fetch forward ${BATCH_ROWS} from antq_backup`),
              );
              if (rows.length === 0) break;
              let chunk = '';
              for (const row of rows) {
                for (const name of jsonColumns) {
                  const wrapped = row[name] as unknown[] | null;
                  if (wrapped === null) delete row[name];
                  else row[name] = wrapped[0];
                }
                chunk += `${JSON.stringify({ table: table.name, row }, jsonValue)}\n`;
              }
              done += rows.length;
              yield chunk;
              options.onProgress?.(done, total, table.name);
            }
            await tx.execute(sql.raw('close antq_backup'));
          }
          yield `${JSON.stringify({ end: true, rows: done })}\n`;
        }

        await pipeline(lines, createGzip(), createWriteStream(partial));
        result = { file, rows: done, header };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { ...result!, bytes: statSync(file).size };
}

// ---- restore ---------------------------------------------------------------------------------------------------

/** The lines of a gzip'd file, streamed; a broken file rejects the iteration instead of hanging it. */
async function* readLines(file: string): AsyncGenerator<string> {
  const text = pipelineCallback(createReadStream(file), createGunzip(), () => {});
  text.setEncoding('utf8');
  let rest = '';
  for await (const chunk of text as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest) yield rest;
}

function parseLine(line: string): Record<string, unknown> {
  try {
    const value = JSON.parse(line) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the message below
  }
  throw new CliError('Tệp sao lưu bị hỏng: có một dòng không đọc được. Không có gì bị thay đổi.');
}

/** Reads and checks the first line only. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) {
    let header: Partial<BackupHeader> | undefined;
    try {
      header = JSON.parse(line) as Partial<BackupHeader>;
    } catch {
      header = undefined;
    }
    if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.tables)) {
      throw new CliError(`Tệp ${file} không phải bản sao lưu của ANTQ.`);
    }
    if (typeof header.version !== 'number' || header.version > BACKUP_VERSION) {
      throw new CliError(
        `Bản sao lưu dùng định dạng phiên bản ${String(header.version)}, mới hơn định dạng mà ANTQ này đọc được (${BACKUP_VERSION}). Hãy nâng cấp ANTQ rồi khôi phục lại.`,
      );
    }
    if (typeof header.schemaVersion !== 'string') {
      throw new CliError('Bản sao lưu không ghi phiên bản lược đồ: không khôi phục được.');
    }
    return header as BackupHeader;
  }
  throw new CliError(`Tệp ${file} trống: không phải bản sao lưu của ANTQ.`);
}

/** A backup from a newer schema than this code knows cannot be restored by it. */
export function checkSchemaCompatible(header: BackupHeader): void {
  const journal = readJournal();
  const latest = journal.at(-1)?.tag ?? '(chưa có)';
  if (!journal.some((entry) => entry.tag === header.schemaVersion)) {
    throw new CliError(
      `Bản sao lưu có phiên bản lược đồ ${header.schemaVersion}, mới hơn phiên bản mà ANTQ này biết (${latest}). ` +
        'Hãy nâng cấp ANTQ lên phiên bản đã tạo ra bản sao lưu (hoặc mới hơn) rồi khôi phục lại. Không có gì bị thay đổi.',
    );
  }
}

function insertStatement(table: TableInfo, columns: string[], json: string): SQL {
  const types = new Map(table.columns.map((column) => [column.name, column.dataType]));
  const byteaColumns = columns.filter((name) => types.get(name) === 'bytea');
  const values = columns
    .map((name) => {
      const type = types.get(name);
      if (type === 'bytea') return `decode(r.x ->> ${quoteLiteral(name)}, 'base64')`;
      // A missing key is SQL NULL; a key holding null is the JSON value null.
      if (type === 'jsonb') return `r.x -> ${quoteLiteral(name)}`;
      if (type === 'json') return `(r.x -> ${quoteLiteral(name)})::json`;
      return `p.${quoteIdent(name)}`;
    })
    .join(', ');
  const record = byteaColumns.length
    ? `r.x - array[${byteaColumns.map(quoteLiteral).join(', ')}]::text[]`
    : 'r.x';
  const overriding = table.columns.some((column) => column.identityAlways) ? ' overriding system value' : '';
  const target = `public.${quoteIdent(table.name)}`;
  return sql`${sql.raw(`insert into ${target} (${columns.map(quoteIdent).join(', ')})${overriding} select ${values}`)}
    from jsonb_array_elements(${json}::jsonb) as r(x)
    cross join lateral ${sql.raw(`jsonb_populate_record(null::${target}, ${record})`)} as p`;
}

/** Tables of the target holding at least one row. */
export async function tablesWithRows(db: Database): Promise<string[]> {
  const tables = await describePublicTables(db);
  if (tables.length === 0) return [];
  const rows = await queryRows<{ table: string }>(
    db,
    sql.raw(
      tables
        .map(
          (table) =>
            `select ${quoteLiteral(table.name)} as "table" where exists (select 1 from public.${quoteIdent(table.name)})`,
        )
        .join(' union all '),
    ),
  );
  return rows.map((row) => row.table);
}

/** Every sequence behind an identity or serial column continues after the largest restored value. */
async function resetSequences(tx: Database): Promise<void> {
  const sequences = await queryRows<{ table: string; column: string; sequence: string }>(
    tx,
    sql`select c.table_name as "table", c.column_name as "column",
          pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) as "sequence"
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) is not null`,
  );
  for (const { table, column, sequence } of sequences) {
    await tx.execute(
      sql.raw(
        `select setval(${quoteLiteral(sequence)}, coalesce(max(${quoteIdent(column)}), 0) + 1, false) from public.${quoteIdent(table)}`,
      ),
    );
  }
}

/**
 * Replaces every row of the target's public schema with the backup, in one transaction: the target is first
 * migrated to this code's schema; a target that holds data is only overwritten when `confirmed`.
 */
export async function restoreDatabase(
  handle: DatabaseHandle,
  file: string,
  options: {
    confirmed?: boolean;
    onStart?: (header: BackupHeader) => void;
    onProgress?: BackupProgress;
  } = {},
): Promise<RestoreResult> {
  const header = await readBackupHeader(file);
  checkSchemaCompatible(header);
  await migrateDatabase(handle);

  const targetTables = await describePublicTables(handle.db);
  const targetByName = new Map(targetTables.map((table) => [table.name, table]));
  const columnsOf = new Map<string, string[]>();
  for (const table of header.tables) {
    const target = targetByName.get(table.name);
    if (!target) {
      throw new CliError(
        `Bảng "${table.name}" của bản sao lưu không có trong lược đồ hiện tại: hãy khôi phục bằng phiên bản ANTQ đã tạo ra bản sao lưu. Không có gì bị thay đổi.`,
      );
    }
    const writable = new Set(
      target.columns.filter((column) => !column.generated).map((column) => column.name),
    );
    const missing = table.columns.filter((column) => !writable.has(column.name));
    if (missing.length > 0) {
      throw new CliError(
        `Cột ${missing.map((column) => `"${table.name}.${column.name}"`).join(', ')} của bản sao lưu không có trong lược đồ hiện tại: hãy khôi phục bằng phiên bản ANTQ đã tạo ra bản sao lưu. Không có gì bị thay đổi.`,
      );
    }
    columnsOf.set(
      table.name,
      table.columns.map((column) => column.name),
    );
  }

  const occupied = await tablesWithRows(handle.db);
  if (occupied.length > 0 && !options.confirmed) {
    throw new CliError(
      `Cơ sở dữ liệu đích đang có dữ liệu (${occupied.length} bảng có dòng). Khôi phục sẽ xóa toàn bộ dữ liệu hiện có và thay bằng dữ liệu của bản sao lưu: chạy lại với --yes để xác nhận. Không có gì bị thay đổi.`,
    );
  }

  options.onStart?.(header);
  const expected = new Map(header.tables.map((table) => [table.name, table.rows]));
  const total = header.tables.reduce((sum, table) => sum + table.rows, 0);
  const restored = new Map<string, number>();
  let done = 0;

  await inTransaction(handle.db, async (tx) => {
    if (targetTables.length > 0) {
      await tx.execute(
        sql.raw(
          `truncate table ${targetTables.map((table) => `public.${quoteIdent(table.name)}`).join(', ')} restart identity cascade`,
        ),
      );
    }
    // The aggregate tables come back with the records they were computed from: their change-log triggers
    // (reporting/aggregates.ts) stay off while the rows go in, so the restored log is the backup's.
    const factTriggers = await queryRows<{ table: string; name: string }>(
      tx,
      sql`select c.relname as "table", t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and not t.tgisinternal and t.tgname like '%\_facts\_%'`,
    );
    const toggleFactTriggers = async (state: 'enable' | 'disable') => {
      for (const trigger of factTriggers) {
        await tx.execute(
          sql.raw(
            `alter table public.${quoteIdent(trigger.table)} ${state} trigger ${quoteIdent(trigger.name)}`,
          ),
        );
      }
    };
    await toggleFactTriggers('disable');
    let batch: unknown[] = [];
    let batchBytes = 0;
    let batchTable: string | undefined;
    const flush = async () => {
      if (!batchTable || batch.length === 0) return;
      await tx.execute(
        insertStatement(targetByName.get(batchTable)!, columnsOf.get(batchTable)!, JSON.stringify(batch)),
      );
      done += batch.length;
      restored.set(batchTable, (restored.get(batchTable) ?? 0) + batch.length);
      options.onProgress?.(done, total, batchTable);
      batch = [];
      batchBytes = 0;
    };

    let isHeader = true;
    let trailer: { rows: number } | undefined;
    for await (const line of readLines(file)) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      if (line === '') continue;
      const entry = parseLine(line);
      if (trailer)
        throw new CliError('Tệp sao lưu bị hỏng: có dữ liệu sau dòng kết thúc. Không có gì bị thay đổi.');
      if (entry.end === true) {
        trailer = { rows: Number(entry.rows) };
        continue;
      }
      const table = entry.table;
      if (typeof table !== 'string' || !columnsOf.has(table) || typeof entry.row !== 'object') {
        throw new CliError(
          'Tệp sao lưu bị hỏng: có dòng không thuộc bảng nào đã khai báo. Không có gì bị thay đổi.',
        );
      }
      if (table !== batchTable) {
        await flush();
        batchTable = table;
      }
      batch.push(entry.row);
      batchBytes += line.length;
      if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    if (!trailer) {
      throw new CliError(
        'Tệp sao lưu không đầy đủ (thiếu dòng kết thúc), có thể bị cắt ngang khi sao chép. Không có gì bị thay đổi.',
      );
    }
    for (const [table, rows] of expected) {
      if ((restored.get(table) ?? 0) !== rows || trailer.rows !== total) {
        throw new CliError(
          `Tệp sao lưu không khớp với phần đầu của nó (bảng "${table}": ${restored.get(table) ?? 0} dòng thay vì ${rows}). Không có gì bị thay đổi.`,
        );
      }
    }
    await resetSequences(tx);
    await toggleFactTriggers('enable');
  });

  const inBackup = new Set(header.tables.map((table) => table.name));
  return {
    rows: done,
    header,
    tables: header.tables.map((table) => ({ name: table.name, rows: restored.get(table.name) ?? 0 })),
    emptyTables: targetTables.map((table) => table.name).filter((name) => !inBackup.has(name)),
  };
}
