/**
 * A report run as a Word file in the administrative-document layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4,
 * Times New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm; the issuing body and the number on the left,
 * Quốc hiệu and Tiêu ngữ on the right, place and date in italics, "BÁO CÁO" and the subject, the body (the
 * narrative, then each section as a table whose header row repeats on every page), the signature block and the
 * recipients; page numbers at the top centre from the second page. Everything is a real paragraph or table so that
 * the officer finishes the file in Word (number, signer, recipients).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type IBorderOptions,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ReportRun } from '../../../contracts/reports.js';
import {
  bodyAbbreviation,
  documentSubject,
  formatCell,
  type LayoutTable,
  placeAndDate,
  placeName,
  RECIPIENTS,
  reportTables,
  signerLines,
  titleWithPeriod,
  vietnamDate,
  WIDE_TABLE_COLUMNS,
} from './reports.layout.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Times New Roman';
/** Sizes in half-points: body 14 pt; header lines 13 pt; Quốc hiệu 12 pt so it fits one line; tables 12 pt. */
const BODY = 28;
const HEADING = 26;
const NATIONAL = 24;
const TABLE = 24;
const WIDE_TABLE = 20;
const RECIPIENTS_TITLE = 24;
const RECIPIENT_SIZE = 22;

/** Twips: A4, and the margins of Nghị định 30/2020 (top, bottom 20 mm; left 30 mm; right 15 mm). */
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 851 } as const;
const CONTENT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
/** First-line indent of body paragraphs: 1.27 cm. */
const FIRST_LINE = 720;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

function run(text: string, options: TextOptions = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: options.size ?? BODY,
    bold: options.bold ?? false,
    italics: options.italics ?? false,
    ...(options.underline ? { underline: {} } : {}),
  });
}

function centred(text: string, options: TextOptions & { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    children: [run(text, options)],
  });
}

function left(text: string, options: TextOptions & { after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { after: options.after ?? 0 },
    children: [run(text, options)],
  });
}

/** A body paragraph: justified, first line indented, 6 pt after, lines 1.15. */
function body(text: string, options: TextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: 0, after: 120, line: 276 },
    children: [run(text, options)],
  });
}

/** The solid rule under the issuing body: a third of the column, centred (Nghị định 30/2020, Phụ lục I). */
function rule(columnWidth: number): Paragraph {
  const length = Math.round(columnWidth / 3);
  const side = Math.round((columnWidth - length) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120 },
    border: { top: LINE },
    children: [run('', { size: 4 })],
  });
}

function borderlessCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
}

function documentHeader(report: ReportRun): Table {
  const leftWidth = Math.round(CONTENT_WIDTH * 0.4);
  const rightWidth = CONTENT_WIDTH - leftWidth;
  const bodyName = report.issuingBody.toLocaleUpperCase('vi');
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          borderlessCell(leftWidth, [centred(bodyName, { bold: true, size: HEADING }), rule(leftWidth)]),
          borderlessCell(rightWidth, [
            centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: NATIONAL }),
            // The rule under the Tiêu ngữ is as long as the line itself: the underline of the run.
            centred('Độc lập - Tự do - Hạnh phúc', {
              bold: true,
              size: HEADING,
              underline: true,
              after: 120,
            }),
          ]),
        ],
      }),
      new TableRow({
        children: [
          borderlessCell(leftWidth, [
            centred(`Số:         /BC-${bodyAbbreviation(report.issuingBody)}`, { size: HEADING }),
          ]),
          borderlessCell(rightWidth, [
            centred(placeAndDate(placeName(report), vietnamDate(report.generatedAt)), {
              italics: true,
              size: BODY,
            }),
          ]),
        ],
      }),
    ],
  });
}

function dataCell(
  text: string,
  width: number,
  options: { header: boolean; total: boolean; align: 'left' | 'center' | 'right'; size: number },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } } : {}),
    children: [
      new Paragraph({
        alignment:
          options.align === 'center'
            ? AlignmentType.CENTER
            : options.align === 'right'
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
        children: [run(text, { size: options.size, bold: options.header || options.total })],
      }),
    ],
  });
}

function sectionTable(table: LayoutTable): Table {
  const weight = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.floor((CONTENT_WIDTH * column.width) / weight));
  const size = table.columns.length >= WIDE_TABLE_COLUMNS ? WIDE_TABLE : TABLE;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, index) =>
      dataCell(column.header, widths[index]!, { header: true, total: false, align: 'center', size }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((value, index) => {
          const kind = table.columns[index]!.kind;
          return dataCell(formatCell(value, kind), widths[index]!, {
            header: false,
            total: row.total,
            align: kind === 'index' ? 'center' : kind === 'text' ? 'left' : 'right',
            size,
          });
        }),
      }),
  );
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [header, ...rows],
  });
}

function closing(report: ReportRun): Table {
  const half = Math.round(CONTENT_WIDTH / 2);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, CONTENT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          borderlessCell(half, [
            left('Nơi nhận:', { bold: true, italics: true, size: RECIPIENTS_TITLE }),
            ...RECIPIENTS.map((text) => left(text, { size: RECIPIENT_SIZE })),
          ]),
          borderlessCell(CONTENT_WIDTH - half, [
            ...signerLines(report.issuingBody).map((text) => centred(text, { bold: true, size: BODY })),
            centred('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: HEADING, after: 1440 }),
            centred('', { bold: true }),
          ]),
        ],
      }),
    ],
  });
}

export async function reportDocxBuffer(report: ReportRun): Promise<Buffer> {
  const tables = reportTables(report);
  const children: Array<Paragraph | Table> = [
    documentHeader(report),
    centred('BÁO CÁO', { bold: true, before: 360 }),
    centred(documentSubject(report), { bold: true, after: 360 }),
    ...report.narrative.map((sentence) => body(sentence)),
  ];
  for (const table of tables) {
    children.push(
      new Paragraph({
        keepNext: true,
        indent: { firstLine: FIRST_LINE },
        spacing: { before: 240, after: 120 },
        children: [run(table.heading, { bold: true })],
      }),
      sectionTable(table),
      ...table.footnotes.map(
        (footnote) =>
          new Paragraph({
            spacing: { before: 60 },
            children: [run(footnote, { italics: true, size: TABLE })],
          }),
      ),
    );
  }
  if (report.notes.length > 0) {
    children.push(
      new Paragraph({
        indent: { firstLine: FIRST_LINE },
        spacing: { before: 240, after: 60 },
        children: [run('Ghi chú:', { bold: true, italics: true })],
      }),
      ...report.notes.map((note) => body(note, { italics: true })),
    );
  }
  const full = titleWithPeriod(report.template.title, report.period.label);
  children.push(
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: FIRST_LINE },
      spacing: { before: 240, after: 240 },
      children: [run(`Trên đây là ${full.charAt(0).toLocaleLowerCase('vi')}${full.slice(1)}./.`)],
    }),
    closing(report),
  );
  const document = new Document({
    creator: 'ANTQ',
    title: full,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGINS, header: 567, footer: 567 },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: HEADING })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
