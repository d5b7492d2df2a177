/**
 * What every registry import shares: per-row errors named by sheet, row and column, collected before anything is
 * written, and the progress of the three phases (read the file, check every row, write everything in one
 * transaction) folded into one percentage that only goes up.
 */
import type { ImportRowError } from '../../contracts/registry.js';
import type { Parsed } from './xlsx.js';

/** The listed errors stop here; the count goes on. */
const LISTED_ERRORS = 1000;

export class ImportErrors {
  private readonly listed: ImportRowError[] = [];
  private readonly rows = new Map<string, Set<number>>();
  count = 0;

  add(sheet: string, row: number, field: string, message: string): void {
    this.count += 1;
    if (this.listed.length < LISTED_ERRORS) this.listed.push({ sheet, row, field, message });
    const set = this.rows.get(sheet) ?? new Set<number>();
    set.add(row);
    this.rows.set(sheet, set);
  }

  hasRow(sheet: string, row: number): boolean {
    return this.rows.get(sheet)?.has(row) ?? false;
  }

  rowsWithErrors(sheet: string): number {
    return this.rows.get(sheet)?.size ?? 0;
  }

  summary(): { errors: ImportRowError[]; errorCount: number; errorsTruncated: boolean } {
    const errors = [...this.listed].sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : 0));
    return { errors, errorCount: this.count, errorsTruncated: this.count > this.listed.length };
  }
}

/** Reads one cell through a parser; a failure is recorded against the row and column, and answers undefined. */
export function take<T>(
  errors: ImportErrors,
  sheet: string,
  row: number,
  header: string,
  parsed: Parsed<T>,
): T | undefined {
  if (parsed.ok) return parsed.value;
  errors.add(sheet, row, header, parsed.message);
  return undefined;
}

export type ProgressFn = (phase: string, done: number, total: number, percent: number) => void;

/** Reading takes 0–45 %, checking 45–60 %, writing 60–100 %. */
export const IMPORT_PHASES = {
  read: { label: 'Đọc tệp', from: 0, to: 45 },
  check: { label: 'Kiểm tra từng dòng', from: 45, to: 60 },
  write: { label: 'Ghi dữ liệu', from: 60, to: 100 },
} as const;

export function phaseReporter(progress: ProgressFn, phase: keyof typeof IMPORT_PHASES) {
  const { label, from, to } = IMPORT_PHASES[phase];
  return (done: number, total: number) =>
    progress(label, done, total, total === 0 ? to : from + ((to - from) * done) / total);
}

/**
 * Lets the server answer other requests (a progress poll among them) during a long import. Reading an .xlsx and
 * checking rows run on promises that resolve at once, which never give the event loop a turn by themselves.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
