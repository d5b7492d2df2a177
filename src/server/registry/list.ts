/** Paging, sorting and search terms, the same for every registry list. */
import { type SQL, sql } from 'drizzle-orm';
import { invalid, notFound } from '../../domain/errors.js';
import { normalizeForSearch } from '../../domain/text.js';
import type { Database } from '../db/client.js';
import { resolveScope, type Scope } from '../db/scope.js';
import { isInScope } from '../modules/units/units.repo.js';

export interface Paging {
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
}

export function paging(
  query: { page?: number | undefined; pageSize?: number | undefined },
  fallback = 50,
): Paging {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? fallback;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** An empty list still has one page; asking for a page after the last is a mistake worth saying. */
export function checkPage(paged: Paging, total: number): void {
  const lastPage = Math.max(1, Math.ceil(total / paged.pageSize));
  if (paged.page > lastPage) {
    throw invalid('page.out_of_range', `Trang ${paged.page} vượt quá số trang hiện có (${lastPage})`, 'page');
  }
}

/** The normalised search term, or undefined; a term with no letter or digit is refused. */
export function searchTerm(q: string | undefined): string | undefined {
  if (q === undefined) return undefined;
  const term = normalizeForSearch(q);
  if (!term) throw invalid('search.empty', 'Từ khóa tìm kiếm phải có ít nhất một chữ hoặc số', 'q');
  return term;
}

export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * ORDER BY from a whitelisted sort key ("name" or "-name" for descending); the id breaks ties so that pages never
 * overlap. Unknown keys cannot arrive: the contract lists them.
 */
export function orderBy(
  sort: string | undefined,
  columns: Record<string, SQL | readonly SQL[]>,
  fallback: string,
  tieBreaker: SQL,
): SQL {
  const key = sort ?? fallback;
  const descending = key.startsWith('-');
  const chosen = columns[descending ? key.slice(1) : key] ?? columns[fallback.replace(/^-/, '')]!;
  const direction = sql.raw(descending ? 'desc nulls last' : 'asc nulls last');
  const parts = (Array.isArray(chosen) ? chosen : [chosen]) as SQL[];
  return sql.join([...parts.map((part) => sql`${part} ${direction}`), tieBreaker], sql`, `);
}

/**
 * The `unit=` filter: the unit must lie in the caller's scope (else it "does not exist" for them); the filter is
 * that unit's subtree plus whatever merged into it, exactly as if the caller's scope were that unit.
 */
export async function unitFilterScope(
  db: Database,
  scope: Scope,
  unitId: number | undefined,
): Promise<Scope | undefined> {
  if (unitId === undefined) return undefined;
  if (!(await isInScope(db, scope, unitId))) {
    throw notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${unitId}`);
  }
  return resolveScope(db, unitId);
}

export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to)
    throw invalid('range.invalid', 'Ngày bắt đầu phải trước ngày kết thúc', 'from');
}
