/**
 * Excel for the registries: templates with drop-down lists and instructions, a streaming reader for imports (a
 * 50,000-row file is read row by row, never as a whole workbook in memory), and a streaming writer for exports
 * with a title, the filter, the generation time and a frozen header row. People read dates as dd/mm/yyyy.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDateVi, isIsoDate } from '../../domain/dates.js';
import { AppError, invalid } from '../../domain/errors.js';
import { normalizeForSearch } from '../../domain/text.js';
import { yieldToEventLoop } from './import.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** `Content-Disposition` for a Vietnamese file name: an ASCII fallback plus the UTF-8 name (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = normalizeForSearch(fileName.replace(/\.xlsx$/, '')).replace(/ /g, '-') || 'tep';
  return `attachment; filename="${ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A calendar date as Excel stores it: midnight UTC, shown through the dd/mm/yyyy format. */
export function excelDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** "14:05 ngày 01/07/2025" in Vietnam time. */
export function vietnamTimestamp(now: Date = new Date()): string {
  const local = new Date(now.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ngày ${formatDateVi(local.slice(0, 10))}`;
}

// ---- templates ---------------------------------------------------------------------------------------------------

export interface TemplateColumn {
  key: string;
  header: string;
  width?: number;
  required?: boolean;
  /** Name of a list (see TemplateList) offered as a drop-down. */
  list?: string;
  format?: 'date' | 'integer' | 'text';
  note?: string;
}

export interface TemplateSheet {
  name: string;
  columns: TemplateColumn[];
  examples?: Array<Record<string, string | number | Date | null>>;
}

export interface TemplateList {
  name: string;
  values: readonly string[];
}

export const LIST_SHEET = 'Danh mục';
const TEMPLATE_ROWS = 100_000;

function columnLetter(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Header text as written in the template: required columns carry "(*)". */
export function templateHeader(column: TemplateColumn): string {
  return column.required ? `${column.header} (*)` : column.header;
}

export async function buildTemplate(spec: {
  title: string;
  instructions: readonly string[];
  sheets: readonly TemplateSheet[];
  lists: readonly TemplateList[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ANTQ';
  workbook.created = new Date();

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 120;
  guide.addRow([spec.title]).font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const line of spec.instructions) guide.addRow([line]).alignment = { wrapText: true };
  guide.addRow([]);
  guide.addRow(['Các cột của từng trang tính:']).font = { bold: true };
  for (const sheet of spec.sheets) {
    guide.addRow([`Trang "${sheet.name}"`]).font = { bold: true };
    for (const column of sheet.columns) {
      const parts = [
        `• ${column.header}${column.required ? ' (bắt buộc)' : ''}`,
        column.format === 'date' ? 'ngày dạng dd/mm/yyyy' : '',
        column.list ? `chọn trong danh sách "${column.list}"` : '',
        column.note ?? '',
      ].filter(Boolean);
      guide.addRow([parts.join(' — ')]).alignment = { wrapText: true };
    }
  }

  const listSheet = workbook.addWorksheet(LIST_SHEET, { state: 'hidden' });
  const listRanges = new Map<string, string>();
  spec.lists.forEach((list, index) => {
    const letter = columnLetter(index);
    listSheet.getCell(`${letter}1`).value = list.name;
    list.values.forEach((value, row) => {
      listSheet.getCell(`${letter}${row + 2}`).value = value;
    });
    listSheet.getColumn(index + 1).width = 60;
    const last = Math.max(2, list.values.length + 1);
    listRanges.set(list.name, `'${LIST_SHEET}'!$${letter}$2:$${letter}$${last}`);
  });

  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      key: column.key,
      width: column.width ?? 20,
      ...(column.format === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
    }));
    // exceljs supports range validations (one sqref for 100,000 rows) but does not declare them in its types.
    const validations = (
      worksheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations;
    const header = worksheet.getRow(1);
    sheet.columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = templateHeader(column);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'middle' };
      if (column.note) cell.note = column.note;
      const letter = columnLetter(index);
      const range = `${letter}2:${letter}${TEMPLATE_ROWS}`;
      const listRange = column.list ? listRanges.get(column.list) : undefined;
      if (listRange) {
        validations.add(range, {
          type: 'list',
          allowBlank: !column.required,
          formulae: [listRange],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: 'Giá trị không có trong danh sách',
          error: `Hãy chọn trong danh sách "${column.list}"`,
        });
      } else if (column.format === 'date') {
        validations.add(range, {
          type: 'date',
          operator: 'greaterThan',
          allowBlank: true,
          formulae: [new Date(Date.UTC(1900, 0, 1))],
          showErrorMessage: true,
          errorStyle: 'warning',
          error: 'Nhập ngày dạng dd/mm/yyyy',
        });
      }
    });
    header.height = 32;
    for (const example of sheet.examples ?? []) worksheet.addRow(example);
  }
  // Open on the first data sheet, not on the instructions.
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 2, visibility: 'visible' },
  ];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---- reading -----------------------------------------------------------------------------------------------------

export type CellValue = string | number | boolean | Date | null;

export interface ReadColumn {
  key: string;
  header: string;
}

export interface ReadSheetSpec {
  name: string;
  columns: readonly ReadColumn[];
}

export interface ReadRow {
  /** The row number Excel shows. */
  row: number;
  values: Record<string, CellValue>;
}

export interface ReadSheet {
  found: boolean;
  rows: ReadRow[];
  /** Column headers the sheet lacks (by the template's wording). */
  missingColumns: string[];
}

function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed.normalize('NFC');
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return plainCell(value.richText.map((part) => part.text).join(''));
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return plainCell(String(value.text));
  }
  return null;
}

const headerKey = (text: string) => normalizeForSearch(text);

/**
 * Reads the named sheets row by row from an .xlsx file. The header row is the first row (of the first five) that
 * names at least half of a sheet's columns; columns are matched by their header text, without diacritics or "(*)".
 */
export async function readSheets(
  file: Buffer,
  specs: readonly ReadSheetSpec[],
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<Map<string, ReadSheet>> {
  if (file.length < 4 || file[0] !== 0x50 || file[1] !== 0x4b) {
    throw invalid('import.not_xlsx', 'Tệp tải lên không phải tệp Excel (.xlsx)', 'file');
  }
  const result = new Map<string, ReadSheet>(
    specs.map((spec) => [spec.name, { found: false, rows: [], missingColumns: [] }]),
  );
  const bySheetName = new Map(specs.map((spec) => [headerKey(spec.name), spec]));
  let offset = 0;
  const chunk = 256 * 1024;
  const input = new Readable({
    read() {
      if (offset >= file.length) {
        this.push(null);
        return;
      }
      const end = Math.min(offset + chunk, file.length);
      this.push(file.subarray(offset, end));
      offset = end;
      onProgress?.(offset, file.length);
    },
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const spec = bySheetName.get(headerKey((worksheet as unknown as { name: string }).name ?? ''));
      const target = spec ? result.get(spec.name) : undefined;
      let columnOf: Map<number, string> | null = null;
      let seen = 0;
      for await (const row of worksheet) {
        if (!spec || !target) continue;
        seen += 1;
        const cells = (row.values as ExcelJS.CellValue[]) ?? [];
        if (columnOf === null) {
          if (seen > 5) {
            columnOf = new Map();
          } else {
            const wanted = new Map(spec.columns.map((column) => [headerKey(column.header), column.key]));
            const found = new Map<number, string>();
            cells.forEach((cell, index) => {
              const text = plainCell(cell);
              const key = typeof text === 'string' ? wanted.get(headerKey(text)) : undefined;
              if (key) found.set(index, key);
            });
            if (found.size * 2 >= spec.columns.length) {
              columnOf = found;
              target.found = true;
              const present = new Set(found.values());
              target.missingColumns = spec.columns
                .filter((column) => !present.has(column.key))
                .map((column) => column.header);
            }
            continue;
          }
        }
        if (columnOf.size === 0) continue;
        const values: Record<string, CellValue> = {};
        let empty = true;
        for (const [index, key] of columnOf) {
          const value = plainCell(cells[index]);
          values[key] = value;
          if (value !== null) empty = false;
        }
        if (!empty) target.rows.push({ row: row.number, values });
        if (target.rows.length % 1000 === 0) await yieldToEventLoop();
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(
      'import.file_unreadable',
      'Không đọc được tệp Excel: tệp hỏng hoặc không đúng định dạng .xlsx',
      'file',
    );
  }
  return result;
}

// ---- cell parsers: each answers a value or a Vietnamese reason -------------------------------------------------

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export function parseText(value: CellValue, maxLength: number, required = false): Parsed<string | null> {
  if (value === null) return required ? fail('Không được để trống') : ok(null);
  const text = (value instanceof Date ? formatDateVi(value.toISOString()) : String(value)).trim();
  if (!text) return required ? fail('Không được để trống') : ok(null);
  if (text.length > maxLength) return fail(`Dài quá ${maxLength} ký tự`);
  return ok(text);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function parseDate(value: CellValue, required = false): Parsed<string | null> {
  if (value === null) return required ? fail('Không được để trống') : ok(null);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('Ngày không hợp lệ');
    return ok(value.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 100_000) return fail('Ngày không hợp lệ');
    return ok(new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000).toISOString().slice(0, 10));
  }
  const text = String(value).trim();
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = vietnamese
    ? `${vietnamese[3]}-${vietnamese[2]!.padStart(2, '0')}-${vietnamese[1]!.padStart(2, '0')}`
    : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !isIsoDate(iso)) {
    return fail(`"${text}" không phải ngày hợp lệ dạng dd/mm/yyyy`);
  }
  return ok(iso);
}

export function parseInteger(
  value: CellValue,
  min: number,
  max: number,
  required = false,
): Parsed<number | null> {
  if (value === null) return required ? fail('Không được để trống') : ok(null);
  const number = typeof value === 'number' ? value : Number(String(value).replace(/\s/g, ''));
  if (!Number.isInteger(number)) return fail(`"${String(value)}" không phải số nguyên`);
  if (number < min || number > max) return fail(`Phải từ ${min} đến ${max}`);
  return ok(number);
}

/** A value from a fixed list, given by its label (any case, with or without diacritics) or by its code. */
export function parseChoice<K extends string>(
  value: CellValue,
  options: ReadonlyArray<{ key: K; label: string }>,
  required = false,
): Parsed<K | null> {
  if (value === null) return required ? fail('Không được để trống') : ok(null);
  const wanted = normalizeForSearch(String(value));
  const match = options.find(
    (option) => normalizeForSearch(option.label) === wanted || option.key === String(value).trim(),
  );
  if (!match) return fail(`"${String(value)}" không có trong danh sách`);
  return ok(match.key);
}

/** "Thôn 1, Xã A [#123]" or "#123" names a unit by id; anything else is read as an official unit code. */
export function parseUnitReference(
  value: CellValue,
  required = true,
): Parsed<{ id: number } | { code: string } | null> {
  if (value === null) return required ? fail('Không được để trống') : ok(null);
  const text = String(value).trim();
  const byId = /\[#(\d{1,9})\]\s*$/.exec(text) ?? /^#(\d{1,9})$/.exec(text);
  if (byId) return ok({ id: Number(byId[1]) });
  if (/^[0-9A-Za-z._-]{2,80}$/.test(text)) return ok({ code: text });
  return fail(`"${text}" không phải đơn vị trong danh sách (chọn trong danh sách hoặc ghi mã đơn vị)`);
}

/** The label an import drop-down shows for a unit: readable, and ending with its id so that it is exact. */
export function unitOption(unit: { id: number; fullName: string; parentName: string | null }): string {
  return `${unit.fullName}${unit.parentName ? `, ${unit.parentName}` : ''} [#${unit.id}]`;
}

// ---- exports -----------------------------------------------------------------------------------------------------

export type ExportValue = string | number | Date | null;

export interface ExportColumn<T> {
  header: string;
  width?: number;
  format?: 'date' | 'integer' | 'text';
  value: (row: T) => ExportValue;
}

export interface ExportSheet<T> {
  name: string;
  columns: ReadonlyArray<ExportColumn<T>>;
  /** Pages of rows, read one after the other so that a big export never sits in memory. */
  pages: () => AsyncIterable<readonly T[]>;
}

export interface ExportSpec {
  title: string;
  /** The unit and the filter, in words: "Đơn vị: Xã A; Loại: Tổ hòa giải; Tại ngày 01/07/2025". */
  filterLine: string;
  generatedBy: string;
  // biome-ignore lint/suspicious/noExplicitAny: sheets of different row types travel together
  sheets: ReadonlyArray<ExportSheet<any>>;
}

const TITLE_ROWS = 4;

/**
 * Streams an .xlsx: each sheet opens with the title, the filter, the generation time, then the header row, frozen.
 * The returned stream is what the route sends; an error while writing destroys it.
 */
export function streamWorkbook(spec: ExportSpec): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'ANTQ';
  const generated = `Thời gian xuất: ${vietnamTimestamp()} — người xuất: ${spec.generatedBy}`;
  (async () => {
    for (const sheet of spec.sheets) {
      const worksheet = workbook.addWorksheet(sheet.name, {
        views: [{ state: 'frozen', ySplit: TITLE_ROWS }],
      });
      worksheet.columns = sheet.columns.map((column: ExportColumn<unknown>) => ({
        width: column.width ?? 18,
        ...(column.format === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
      }));
      const last = columnLetter(Math.max(0, sheet.columns.length - 1));
      const title = worksheet.addRow([spec.title]);
      title.font = { bold: true, size: 14 };
      worksheet.mergeCells(`A1:${last}1`);
      title.commit();
      const filter = worksheet.addRow([spec.filterLine]);
      filter.font = { italic: true };
      worksheet.mergeCells(`A2:${last}2`);
      filter.commit();
      const time = worksheet.addRow([generated]);
      worksheet.mergeCells(`A3:${last}3`);
      time.commit();
      const header = worksheet.addRow(sheet.columns.map((column: ExportColumn<unknown>) => column.header));
      header.font = { bold: true };
      header.eachCell((cell) => {
        cell.fill = HEADER_FILL;
        cell.alignment = { wrapText: true, vertical: 'middle' };
      });
      header.commit();
      for await (const page of sheet.pages()) {
        for (const item of page) {
          const row = worksheet.addRow(
            sheet.columns.map((column: ExportColumn<unknown>) => {
              const value = column.value(item);
              return column.format === 'date' && typeof value === 'string' ? excelDate(value) : value;
            }),
          );
          row.commit();
        }
      }
      worksheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error('export failed'));
  });
  return output;
}
