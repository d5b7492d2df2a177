/**
 * A fixed list of search queries taken from the real unit names of shared/data, typed as people type them:
 * lower case, no diacritics. The same files always give the same list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeForSearch } from '../../src/domain/text.js';
import { parseCsv } from '../../src/server/lib/csv.js';

function everyNth<T>(items: T[], count: number, offset: number): T[] {
  const step = items.length / count;
  return Array.from(
    { length: count },
    (_, index) => items[Math.floor(offset + index * step) % items.length]!,
  );
}

/** 40 names ("nhon loc"), 10 names with their type ("xa nhon loc") and 10 single syllables ("loc"). */
export function searchQueries(sharedDataDir: string): string[] {
  const rows = ['vn-units-2025.csv', 'vn-units-pre2025.csv'].flatMap((file) =>
    parseCsv(readFileSync(path.join(sharedDataDir, file), 'utf8')),
  );
  const names = [...new Set(rows.map((row) => normalizeForSearch(row.name ?? '')))]
    .filter((name) => name.length >= 3 && !/^\d+$/.test(name))
    .sort();
  const fullNames = [...new Set(rows.map((row) => normalizeForSearch(row.full_name ?? '')))]
    .filter((name) => name.includes(' '))
    .sort();
  const syllables = [...new Set(names.flatMap((name) => name.split(' ')))]
    .filter((word) => word.length >= 3)
    .sort();
  const queries = [...everyNth(names, 40, 0), ...everyNth(fullNames, 10, 7), ...everyNth(syllables, 10, 3)];
  return [...new Set(queries)];
}
