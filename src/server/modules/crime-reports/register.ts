/**
 * The intake register (Sổ tiếp nhận nguồn tin về tội phạm) of the user's unit for a date range, as Excel or Word,
 * in the administrative layout (Nghị định 30/2020): the issuing body top left, the national motto top right, the
 * title, then one numbered line per report. Printing the register reads every report in it: one audit event per
 * report, written in the same transaction as the reading.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { RegisterQuery } from '../../../contracts/crime-reports.js';
import { REPORT_STATUS_LABELS } from '../../../domain/crime-reports.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { invalid } from '../../../domain/errors.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { XLSX_MIME } from '../../registry/xlsx.js';
import { recordAuditBatch } from '../audit/audit.service.js';
import * as repo from './crime-reports.repo.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const REGISTER_COLUMNS = [
  { title: 'Số thứ tự', width: 7 },
  { title: 'Ngày, giờ tiếp nhận', width: 14 },
  { title: 'Họ tên, địa chỉ, số điện thoại người cung cấp nguồn tin', width: 26 },
  { title: 'Loại nguồn tin', width: 12 },
  { title: 'Hình thức tiếp nhận', width: 14 },
  { title: 'Tóm tắt nội dung', width: 48 },
  { title: 'Cán bộ thụ lý', width: 18 },
  { title: 'Ngày thông báo bằng văn bản', width: 13 },
  { title: 'Kết quả phân loại, giải quyết', width: 26 },
  { title: 'Ghi chú', width: 18 },
] as const;

function vietnamTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${formatDateVi(local.slice(0, 10))}`;
}

function summary(text: string, limit = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

interface RegisterLine {
  cells: string[];
}

export async function exportRegister(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  query: RegisterQuery,
): Promise<{ fileName: string; mime: string; buffer: Buffer }> {
  if (query.from > query.to) throw invalid('reports.range', 'Ngày bắt đầu phải trước ngày kết thúc', 'from');
  if (query.to.slice(0, 4) !== query.from.slice(0, 4))
    throw invalid(
      'reports.register_year',
      'Sổ tiếp nhận lập theo năm: hãy chọn khoảng ngày trong cùng một năm',
      'to',
    );
  const today = todayInVietnam();
  const { rows, unitName, provinceName } = await inTransaction(db, async (tx) => {
    const found = await repo.registerRows(tx, actor.scope, query.from, query.to);
    await recordAuditBatch(
      tx,
      actor,
      found.map((row) => ({
        action: 'crime_report.read',
        entityType: 'crime_report',
        entityId: row.id,
        details: { purpose: 'in sổ tiếp nhận' },
      })),
    );
    const unit = actor.unitId ? await repo.findUnitName(tx, actor.unitId, today) : undefined;
    const province = unit ? await repo.findProvinceByCode(tx, unit.provinceCode, today) : undefined;
    return { rows: found, unitName: unit?.fullName ?? 'Toàn quốc', provinceName: province?.fullName ?? '' };
  });
  const lines: RegisterLine[] = rows.map((row) => {
    const contact = row.contactEnc
      ? (JSON.parse(cipher.decrypt(row.contactEnc)) as { name?: string; phone?: string; email?: string })
      : null;
    const who = contact ? [contact.name, contact.phone, contact.email].filter(Boolean).join(', ') : 'Ẩn danh';
    const place = row.placeEnc ? ` Địa điểm: ${cipher.decrypt(row.placeEnc)}.` : '';
    const outcome = `${REPORT_STATUS_LABELS[row.status]}${row.decidedOn ? ` (${formatDateVi(row.decidedOn)})` : ''}`;
    return {
      cells: [
        String(row.registerNumber),
        vietnamTime(row.receivedAt),
        who,
        `Tố giác — ${row.categoryLabel}`,
        'Cổng thông tin điện tử',
        summary(cipher.decrypt(row.descriptionEnc) + place),
        row.assigneeName ?? '',
        formatDateVi(row.noticeSentOn),
        outcome,
        row.unitName === unitName ? '' : `Đang ở: ${row.unitName}`,
      ],
    };
  });
  const issuer = [`CÔNG AN ${provinceName.toUpperCase()}`.trim(), `CÔNG AN ${unitName.toUpperCase()}`];
  const title = 'SỔ TIẾP NHẬN NGUỒN TIN VỀ TỘI PHẠM';
  const period = `Từ ngày ${formatDateVi(query.from)} đến ngày ${formatDateVi(query.to)}`;
  const baseName = `So tiep nhan nguon tin ${query.from}_${query.to}`;
  if (query.format === 'docx') {
    return {
      fileName: `${baseName}.docx`,
      mime: DOCX_MIME,
      buffer: await buildDocx(issuer, title, period, lines),
    };
  }
  return {
    fileName: `${baseName}.xlsx`,
    mime: XLSX_MIME,
    buffer: await buildXlsx(issuer, title, period, lines),
  };
}

async function buildXlsx(
  issuer: string[],
  title: string,
  period: string,
  lines: RegisterLine[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sổ tiếp nhận', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = REGISTER_COLUMNS.length;
  sheet.columns = REGISTER_COLUMNS.map((column) => ({ width: column.width }));
  const font = { name: 'Times New Roman', size: 12 };
  const put = (row: number, from: number, to: number, text: string, bold = false, italic = false) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { ...font, bold, italic };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, 4, issuer[0] ?? '');
  put(2, 1, 4, issuer[1] ?? '', true);
  put(1, 6, columns, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true);
  put(2, 6, columns, 'Độc lập - Tự do - Hạnh phúc', true);
  put(4, 1, columns, title, true);
  sheet.getCell(4, 1).font = { ...font, size: 14, bold: true };
  put(5, 1, columns, period, false, true);
  const header = sheet.getRow(7);
  REGISTER_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.title;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 48;
  const numbers = sheet.getRow(8);
  REGISTER_COLUMNS.forEach((_column, index) => {
    const cell = numbers.getCell(index + 1);
    cell.value = `(${index + 1})`;
    cell.font = { ...font, italic: true, size: 10 };
    cell.alignment = { horizontal: 'center' };
  });
  lines.forEach((line, offset) => {
    const row = sheet.getRow(9 + offset);
    line.cells.forEach((text, index) => {
      const cell = row.getCell(index + 1);
      cell.value = text;
      cell.font = font;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: index === 0 ? 'center' : 'left' };
    });
  });
  const border = { style: 'thin' as const };
  for (let row = 7; row < 9 + lines.length; row++) {
    for (let column = 1; column <= columns; column++) {
      sheet.getCell(row, column).border = { top: border, left: border, bottom: border, right: border };
    }
  }
  if (lines.length === 0)
    put(9, 1, columns, 'Không có nguồn tin nào được tiếp nhận trong khoảng thời gian này', false, true);
  sheet.views = [{ state: 'frozen', ySplit: 8 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function buildDocx(
  issuer: string[],
  title: string,
  period: string,
  lines: RegisterLine[],
): Promise<Buffer> {
  const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new TextRun({
      text,
      font: 'Times New Roman',
      size: options.size ?? 24,
      bold: options.bold ?? false,
      italics: options.italics ?? false,
    });
  const centered = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, options)] });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const heading = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [centered(issuer[0] ?? ''), centered(issuer[1] ?? '', { bold: true })],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [
              centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
              centered('Độc lập - Tự do - Hạnh phúc', { bold: true }),
            ],
          }),
        ],
      }),
    ],
  });
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 20 })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: REGISTER_COLUMNS.map((column) => cell(column.title, true)),
      }),
      ...lines.map((line) => new TableRow({ children: line.cells.map((text) => cell(text)) })),
    ],
  });
  const document = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        children: [
          heading,
          new Paragraph({ children: [] }),
          centered(title, { bold: true, size: 28 }),
          centered(period, { italics: true }),
          new Paragraph({ children: [] }),
          lines.length > 0
            ? table
            : centered('Không có nguồn tin nào được tiếp nhận trong khoảng thời gian này', { italics: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
