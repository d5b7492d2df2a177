/**
 * A report run as an Excel workbook: a "Tổng hợp" sheet with the narrative and the notes, then one sheet per
 * section. Every sheet names the report, the unit, the period and the generation time above a frozen header row;
 * numbers stay numbers, with formats that Excel shows as 1.234 / 1.234,5 on a Vietnamese system, changes with their
 * sign and percentages with "%". Written with the streaming writer: each row goes to the output as it is made.
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportRun } from '../../../contracts/reports.js';
import {
  type CellKind,
  type CellValue,
  headerLines,
  type LayoutTable,
  reportTables,
  titleWithPeriod,
} from './reports.layout.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SUMMARY_SHEET = 'Tổng hợp';
/** Title, three header lines, the section heading: the column headers are on the row after. */
export const TITLE_ROWS = 5;
export const HEADER_ROW = TITLE_ROWS + 1;

const FONT = 'Times New Roman';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel number formats; the separators follow the reader's system, so a Vietnamese Excel shows 1.234,5. */
export function numberFormat(kind: CellKind, value: number): string | undefined {
  const decimals = !Number.isInteger(value);
  switch (kind) {
    case 'number':
      return decimals ? '#,##0.0' : '#,##0';
    case 'change':
      return decimals ? '+#,##0.0;-#,##0.0;0.0' : '+#,##0;-#,##0;0';
    case 'percent':
      return '+#,##0.0"%";-#,##0.0"%";0.0"%"';
    default:
      return undefined;
  }
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
export function sheetNames(
  titles: readonly string[],
  reserved: readonly string[] = [SUMMARY_SHEET],
): string[] {
  const taken = new Set(reserved.map((name) => name.toLocaleLowerCase('vi')));
  return titles.map((title, index) => {
    const clean = `${index + 1}. ${title}`
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^'|'$/g, '')
      .trim();
    const cut = (length: number) => clean.slice(0, length).replace(/[\s,.;-]+$/, '');
    let name = cut(31);
    for (let suffix = 2; taken.has(name.toLocaleLowerCase('vi')); suffix += 1) {
      const tail = ` (${suffix})`;
      name = `${cut(31 - tail.length)}${tail}`;
    }
    taken.add(name.toLocaleLowerCase('vi'));
    return name;
  });
}

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

function addTitleRows(
  worksheet: ExcelJS.Worksheet,
  run: ReportRun,
  lastColumn: string,
  heading: string | null,
): void {
  const lines: Array<{ text: string; font: Partial<ExcelJS.Font> }> = [
    {
      text: titleWithPeriod(run.template.title, run.period.label).toLocaleUpperCase('vi'),
      font: { name: FONT, bold: true, size: 14 },
    },
    ...headerLines(run).map((text, index) => ({
      text,
      font: { name: FONT, size: 11, italic: index === 2 },
    })),
  ];
  if (heading !== null) lines.push({ text: heading, font: { name: FONT, bold: true, size: 12 } });
  lines.forEach((line, index) => {
    const row = worksheet.addRow([line.text]);
    row.font = line.font;
    row.alignment = { vertical: 'middle', horizontal: index === 0 ? 'center' : 'left' };
    if (index === 0) row.height = 22;
    worksheet.mergeCells(`A${row.number}:${lastColumn}${row.number}`);
    row.commit();
  });
}

function styledCell(cell: ExcelJS.Cell, value: CellValue, kind: CellKind, total: boolean): void {
  cell.value = value;
  cell.border = BORDER;
  cell.font = { name: FONT, size: 11, bold: total };
  if (total) cell.fill = TOTAL_FILL;
  if (typeof value === 'number') {
    const format = numberFormat(kind, value);
    if (format) cell.numFmt = format;
    cell.alignment = { horizontal: kind === 'index' ? 'center' : 'right', vertical: 'middle' };
  } else {
    cell.alignment = { wrapText: true, vertical: 'middle' };
  }
}

function writeSectionSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  run: ReportRun,
  table: LayoutTable,
  byUnit: boolean,
): void {
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: byUnit ? 2 : 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: table.columns.length > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  worksheet.columns = table.columns.map((column) => ({ width: column.width }));
  addTitleRows(worksheet, run, columnLetter(table.columns.length - 1), table.heading);
  const header = worksheet.addRow(table.columns.map((column) => column.header));
  header.height = 48;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  header.commit();
  for (const layoutRow of table.rows) {
    const row = worksheet.addRow([]);
    layoutRow.cells.forEach((value, index) => {
      styledCell(row.getCell(index + 1), value, table.columns[index]!.kind, layoutRow.total);
    });
    row.commit();
  }
  for (const footnote of table.footnotes) {
    const row = worksheet.addRow([footnote]);
    row.font = { name: FONT, size: 10, italic: true };
    row.commit();
  }
  worksheet.commit();
}

function writeSummarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  run: ReportRun,
  tables: readonly LayoutTable[],
  names: readonly string[],
): void {
  const worksheet = workbook.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS - 1 }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  worksheet.columns = [{ width: 110 }];
  addTitleRows(worksheet, run, 'A', null);
  const block = (heading: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    worksheet.addRow([]).commit();
    const title = worksheet.addRow([heading]);
    title.font = { name: FONT, bold: true, size: 12 };
    title.commit();
    for (const text of lines) {
      const row = worksheet.addRow([text]);
      row.font = { name: FONT, size: 12 };
      row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
  };
  block('Tình hình, kết quả chủ yếu', run.narrative);
  block(
    'Các phần số liệu (mỗi phần một trang tính)',
    tables.map((table, index) => `${table.heading} — trang tính "${names[index]}"`),
  );
  block('Ghi chú', run.notes);
  worksheet.commit();
}

/**
 * Writes the workbook to `output`; `onSheet` is told after each sheet (for a job's progress). The output is ended
 * when the workbook is complete.
 */
export async function writeReportXlsx(
  run: ReportRun,
  output: Writable,
  onSheet?: (done: number, total: number) => void,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'ANTQ';
  workbook.created = new Date(run.generatedAt);
  const tables = reportTables(run);
  const names = sheetNames(run.sections.map((section) => section.title));
  writeSummarySheet(workbook, run, tables, names);
  onSheet?.(1, tables.length + 1);
  tables.forEach((table, index) => {
    writeSectionSheet(workbook, names[index]!, run, table, run.sections[index]!.layout === 'by_unit');
    onSheet?.(index + 2, tables.length + 1);
  });
  await workbook.commit();
}

/** The workbook as a stream for a route to send; an error while writing destroys the stream. */
export function streamReportXlsx(run: ReportRun): Readable {
  const output = new PassThrough();
  writeReportXlsx(run, output).catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error('export failed'));
  });
  return output;
}

/** The whole workbook in memory (a job keeps the file until it is downloaded). */
export async function reportXlsxBuffer(
  run: ReportRun,
  onSheet?: (done: number, total: number) => void,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await writeReportXlsx(run, output, onSheet);
  await ended;
  return Buffer.concat(chunks);
}
