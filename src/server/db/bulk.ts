/**
 * Bulk inserts for imports: one `insert … select from unnest(…)` per batch, each column sent as ONE array
 * parameter. A 50,000-row import costs a few dozen statements with a handful of parameters each, instead of a
 * million bound parameters (about three times faster on both drivers, measured with 50,000 members).
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './client.js';

export type BulkType = 'int' | 'text' | 'date' | 'jsonb' | 'bool';
type BulkValue = string | number | boolean | null;

export interface BulkColumn<T> {
  name: string;
  type: BulkType;
  value: (row: T) => BulkValue | Record<string, unknown>;
}

function element(value: BulkValue | Record<string, unknown>): string {
  if (value === null || value === undefined) return 'NULL';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A PostgreSQL array literal: every element quoted, NULL for null. */
export function arrayLiteral(values: ReadonlyArray<BulkValue | Record<string, unknown>>): string {
  return `{${values.map(element).join(',')}}`;
}

/**
 * Inserts the rows in batches; with `returningIds`, answers the new ids in input order (the rows are inserted in
 * that order, so their identity values ascend with it). Table and column names come from code, never from input.
 */
export async function bulkInsert<T>(
  db: Database,
  table: string,
  columns: ReadonlyArray<BulkColumn<T>>,
  rows: readonly T[],
  options: { returningIds?: boolean; batchSize?: number } = {},
): Promise<number[]> {
  const batchSize = options.batchSize ?? 5000;
  const ids: number[] = [];
  const names = sql.raw(columns.map((column) => column.name).join(', '));
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = sql.join(
      columns.map((column) => sql`${arrayLiteral(batch.map(column.value))}::${sql.raw(column.type)}[]`),
      sql`, `,
    );
    const statement = sql`insert into ${sql.raw(table)} (${names})
      select ${names} from unnest(${arrays}) with ordinality as input(${names}, ord) order by ord
      ${options.returningIds ? sql`returning id` : sql``}`;
    if (options.returningIds) {
      const inserted = await queryRows<{ id: number }>(db, statement);
      ids.push(...inserted.map((row) => Number(row.id)).sort((a, b) => a - b));
    } else {
      await db.execute(statement);
    }
  }
  return ids;
}
