/**
 * What every registry import shares: per-row errors named by sheet, row and column, collected before anything is
 * written, and the progress of the three phases (read the file, check every row, write everything in one
 * transaction) folded into one percentage that only goes up.
 */
import type { ImportRowError } from '../../contracts/registry.js';
import { AppError } from '../../domain/errors.js';
import type { Database } from '../db/client.js';
import { inTransaction } from '../db/transaction.js';
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

/** Thrown inside the import's transaction to undo it: a dry run, or a file with at least one bad row. */
class RollbackImport extends Error {}

/**
 * Writes the parsed rows through the module's own use cases (the same rules as its form), each in a savepoint of
 * one transaction: a row the use case refuses is recorded against its row and the column of the refused field, the
 * other rows go on being checked, and if any row of the file is bad (or this is a dry run) the whole transaction is
 * undone. Answers how many rows were written for good.
 */
export async function writeThroughUseCases<B>(
  db: Database,
  spec: {
    sheet: string;
    rows: ReadonlyArray<{ row: number; body: B }>;
    errors: ImportErrors;
    /** The template column of a field a use case names in its error. */
    columnOf: (field: string | undefined) => string;
    dryRun: boolean;
    progress: ProgressFn;
    write: (tx: Database, body: B) => Promise<void>;
  },
): Promise<number> {
  const report = phaseReporter(spec.progress, 'write');
  let created = 0;
  try {
    await inTransaction(db, async (tx) => {
      for (const [index, entry] of spec.rows.entries()) {
        if (index % 50 === 0) {
          report(index, spec.rows.length);
          await yieldToEventLoop();
        }
        try {
          await inTransaction(tx, (savepoint) => spec.write(savepoint, entry.body));
          created += 1;
        } catch (error) {
          if (!(error instanceof AppError) || error.kind === 'internal') throw error;
          spec.errors.add(spec.sheet, entry.row, spec.columnOf(error.field), error.message);
        }
      }
      report(spec.rows.length, spec.rows.length);
      if (spec.errors.count > 0 || spec.dryRun) throw new RollbackImport();
    });
  } catch (error) {
    if (!(error instanceof RollbackImport)) throw error;
    return 0;
  }
  return created;
}
