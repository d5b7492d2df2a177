/**
 * A one-sheet Excel import that writes through the module's own use cases: read the sheet, parse every row (a bad
 * cell is an error of its row and column), then write every parsed row in one transaction through the same code as
 * the form, collecting what it refuses. Any error anywhere: nothing is written, every error is listed.
 */
import type { ImportResult } from '../../contracts/registry.js';
import { invalid } from '../../domain/errors.js';
import type { Database } from '../db/client.js';
import {
  ImportErrors,
  type ProgressFn,
  phaseReporter,
  take,
  writeThroughUseCases,
  yieldToEventLoop,
} from './import.js';
import { type CellValue, type Parsed, readSheets, type TemplateColumn } from './xlsx.js';

/** Reads one cell of the row through a parser; a failure is an error of the row in that column. */
export type CellReader = <T>(key: string, parse: (value: CellValue) => Parsed<T>) => T | undefined;

export interface SheetImportSpec<B> {
  sheet: string;
  columns: readonly TemplateColumn[];
  /** Use-case fields that are not the key of a column, mapped to the column key to blame. */
  fieldColumns?: Readonly<Record<string, string>>;
  /** Builds the use case's input from a row, or undefined when a cell was bad (already recorded). */
  parse: (
    cell: CellReader,
    fail: (key: string, message: string) => void,
  ) => Promise<B | undefined> | B | undefined;
  write: (tx: Database, body: B) => Promise<void>;
}

export async function runSheetImport<B>(
  db: Database,
  file: Buffer,
  spec: SheetImportSpec<B>,
  options: { dryRun: boolean },
  progress: ProgressFn,
): Promise<ImportResult> {
  const sheets = await readSheets(
    file,
    [{ name: spec.sheet, columns: spec.columns }],
    phaseReporter(progress, 'read'),
  );
  const sheet = sheets.get(spec.sheet)!;
  if (!sheet.found) {
    throw invalid(
      'import.no_sheets',
      `Tệp không có trang "${spec.sheet}" với dòng tiêu đề như tệp mẫu`,
      'file',
    );
  }
  const header = (key: string) => spec.columns.find((column) => column.key === key)?.header ?? key;
  const errors = new ImportErrors();
  for (const missing of sheet.missingColumns) {
    if (spec.columns.some((column) => column.header === missing && column.required)) {
      errors.add(spec.sheet, 1, missing, 'Thiếu cột bắt buộc');
    }
  }
  const checked = phaseReporter(progress, 'check');
  const parsed: Array<{ row: number; body: B }> = [];
  for (const [index, { row, values }] of sheet.rows.entries()) {
    if (index % 200 === 0) {
      checked(index, sheet.rows.length);
      await yieldToEventLoop();
    }
    const before = errors.count;
    const cell: CellReader = (key, parse) =>
      take(errors, spec.sheet, row, header(key), parse(values[key] ?? null));
    const fail = (key: string, message: string) => errors.add(spec.sheet, row, header(key), message);
    const body = await spec.parse(cell, fail);
    if (body !== undefined && errors.count === before) parsed.push({ row, body });
  }
  checked(sheet.rows.length, sheet.rows.length);
  const columnKeys = new Set(spec.columns.map((column) => column.key));
  const created =
    parsed.length === 0
      ? 0
      : await writeThroughUseCases(db, {
          sheet: spec.sheet,
          rows: parsed,
          errors,
          columnOf: (field) => {
            const key = field && (columnKeys.has(field) ? field : spec.fieldColumns?.[field]);
            return key ? header(key) : header(spec.columns[0]!.key);
          },
          dryRun: options.dryRun || errors.count > 0,
          progress,
          write: spec.write,
        });
  return {
    dryRun: options.dryRun,
    committed: created > 0,
    sheets: [
      {
        sheet: spec.sheet,
        rows: sheet.rows.length,
        valid: sheet.rows.length - errors.rowsWithErrors(spec.sheet),
        created,
      },
    ],
    ...errors.summary(),
  };
}
