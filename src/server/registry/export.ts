/** The words of an export's filter line, shared by the registries. */
import { formatDateVi } from '../../domain/dates.js';
import type { Actor } from '../context.js';
import type { Database } from '../db/client.js';
import { loadUnitsInScope } from './units.js';

/** "Đơn vị: Xã Hòa Vang" — the filter's unit, else the reader's own scope, else the whole country. */
export async function unitPhrase(db: Database, actor: Actor, unitId: number | undefined): Promise<string> {
  const id = unitId ?? actor.unitId;
  if (id === null) return 'Đơn vị: Toàn quốc';
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [id] });
  return `Đơn vị: ${unit?.fullName ?? `#${id}`}`;
}

export function filterLine(parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('; ');
}

export function rangePhrase(label: string, from: string | undefined, to: string | undefined): string | null {
  if (!from && !to) return null;
  if (from && to) return `${label} từ ${formatDateVi(from)} đến ${formatDateVi(to)}`;
  return from ? `${label} từ ${formatDateVi(from)}` : `${label} đến ${formatDateVi(to)}`;
}

/** Pages of a list read one after the other, each row numbered (STT) across pages. */
export async function* numberedPages<T>(
  fetch: (limit: number, offset: number) => Promise<readonly T[]>,
  pageSize = 2000,
): AsyncIterable<ReadonlyArray<T & { index: number }>> {
  let offset = 0;
  for (;;) {
    const rows = await fetch(pageSize, offset);
    if (rows.length === 0) return;
    yield rows.map((row, position) => ({ ...row, index: offset + position + 1 }));
    if (rows.length < pageSize) return;
    offset += rows.length;
  }
}
