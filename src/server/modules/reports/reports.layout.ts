/**
 * One layout of a report run for every output (Excel, Word, print view): the title lines, the tables of the
 * sections with their columns and cells, the file name. The outputs only draw it, so a number sits in the same
 * row and column everywhere and the numbers agree with the screen.
 */
import type { ReportRun, ReportSection } from '../../../contracts/reports.js';
import { formatDateVi } from '../../../domain/dates.js';
import { HIERARCHY_BASIS_LABELS } from '../../../domain/indicators.js';
import { formatDecimal, formatInteger } from '../../../domain/numbers.js';

/** index: the row number; number: a count or a share; change: a signed difference; percent: a signed percent. */
export type CellKind = 'index' | 'text' | 'number' | 'change' | 'percent';
export type CellValue = string | number | null;

export interface LayoutColumn {
  header: string;
  kind: CellKind;
  /** Width in characters (Excel); the Word and print tables use it as a proportion. */
  width: number;
}

export interface LayoutRow {
  cells: CellValue[];
  /** The total row, drawn in bold. */
  total: boolean;
}

export interface LayoutTable {
  /** "I. Lực lượng nòng cốt" */
  heading: string;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  /** Shown under the table, e.g. the meaning of "(*)". */
  footnotes: string[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

export function roman(index: number): string {
  return ROMAN[index] ?? String(index + 1);
}

export const PARTIAL_NOTE =
  '(*) Đơn vị được sắp xếp lại trong kỳ: số liệu gồm phần chuyển về từ đơn vị cũ theo tỷ lệ ước tính.';

function hasComparison(run: ReportRun): boolean {
  return run.comparisonPeriod !== null;
}

function indicatorsTable(run: ReportRun, section: ReportSection, heading: string): LayoutTable {
  const comparison = hasComparison(run);
  const columns: LayoutColumn[] = [
    { header: 'STT', kind: 'index', width: 8 },
    { header: 'Chỉ tiêu', kind: 'text', width: 48 },
    { header: 'Đơn vị tính', kind: 'text', width: 12 },
    { header: `Kỳ báo cáo (${run.period.label})`, kind: 'number', width: 16 },
  ];
  if (comparison) {
    columns.push(
      { header: `Kỳ so sánh (${run.comparisonPeriod!.label})`, kind: 'number', width: 16 },
      { header: 'Tăng (+), giảm (-)', kind: 'change', width: 14 },
      { header: 'Tỷ lệ tăng, giảm (%)', kind: 'percent', width: 14 },
    );
  }
  const rows = section.lines.map((line, index) => ({
    total: false,
    cells: [
      index + 1,
      line.label,
      line.unitOfMeasure,
      line.current,
      ...(comparison ? [line.previous, line.change, line.changePercent] : []),
    ],
  }));
  return { heading, columns, rows, footnotes: [] };
}

function byUnitTable(section: ReportSection, heading: string): LayoutTable {
  const columns: LayoutColumn[] = [
    { header: 'STT', kind: 'index', width: 8 },
    { header: 'Đơn vị', kind: 'text', width: 30 },
    // Many columns share the width of a page: narrower number columns leave the unit names room.
    ...section.lines.map((line) => ({
      header: line.unitOfMeasure ? `${line.label} (${line.unitOfMeasure})` : line.label,
      kind: 'number' as const,
      width: section.lines.length > 4 ? 11 : Math.min(20, Math.max(12, Math.ceil(line.label.length / 2) + 4)),
    })),
  ];
  const rows: LayoutRow[] = section.unitRows.map((unitRow, index) => ({
    total: false,
    cells: [
      index + 1,
      unitRow.partial ? `${unitRow.label} (*)` : unitRow.label,
      ...section.lines.map((line) => unitRow.values[line.key] ?? null),
    ],
  }));
  rows.push({
    total: true,
    cells: [null, 'Tổng cộng', ...section.lines.map((line) => section.total[line.key] ?? null)],
  });
  const footnotes = section.unitRows.some((row) => row.partial) ? [PARTIAL_NOTE] : [];
  return { heading, columns, rows, footnotes };
}

/** A template may number its sections itself ("I. Công tác chỉ đạo…"); otherwise they get I., II., … */
export function sectionHeading(title: string, index: number): string {
  return /^([IVXLC]+|\d+)[.)]\s/u.test(title.trim()) ? title.trim() : `${roman(index)}. ${title.trim()}`;
}

export function sectionTable(run: ReportRun, section: ReportSection, index: number): LayoutTable {
  const heading = sectionHeading(section.title, index);
  return section.layout === 'by_unit'
    ? byUnitTable(section, heading)
    : indicatorsTable(run, section, heading);
}

/** Tables with this many columns or more are set a size smaller in Word and in print, to fit an A4 page. */
export const WIDE_TABLE_COLUMNS = 7;

export function reportTables(run: ReportRun): LayoutTable[] {
  return run.sections.map((section, index) => sectionTable(run, section, index));
}

// ---- words -------------------------------------------------------------------------------------------------------

/** A value as Vietnamese text: 1.234 or 1.234,5; a change carries its sign; a percent its "%"; nothing is "". */
export function formatCell(value: CellValue, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'index') return String(value);
  const magnitude = Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
  if (kind === 'change' || kind === 'percent') {
    const signed = value > 0 ? `+${magnitude}` : magnitude;
    return kind === 'percent' ? `${signed}%` : signed;
  }
  return magnitude;
}

/**
 * "Báo cáo tổng kết năm" + "năm 2026" → "Báo cáo tổng kết năm 2026": the words the title ends with and the
 * period label starts with are said once.
 */
export function titleWithPeriod(title: string, label: string): string {
  const titleWords = title.trim().split(/\s+/);
  const labelWords = label.trim().split(/\s+/);
  const same = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
  for (let overlap = Math.min(titleWords.length, labelWords.length); overlap > 0; overlap -= 1) {
    const tail = titleWords.slice(titleWords.length - overlap);
    if (tail.every((word, index) => same(word, labelWords[index]!))) {
      return [...titleWords, ...labelWords.slice(overlap)].join(' ');
    }
  }
  return `${title.trim()} ${label.trim()}`;
}

/** The subject under "BÁO CÁO" on a Word report: the title without "Báo cáo", with its period, capitalised. */
export function documentSubject(run: ReportRun): string {
  const full = titleWithPeriod(run.template.title, run.period.label);
  const rest = full.replace(/^báo cáo\s+/iu, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

export function unitName(run: ReportRun): string {
  return run.unit?.fullName ?? 'Toàn quốc';
}

/** "01/12/2026 14:05" in Vietnam time (UTC+7). */
export function vietnamDateTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${formatDateVi(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** The calendar date in Vietnam of a timestamp. */
export function vietnamDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function periodLine(run: ReportRun): string {
  return `Kỳ báo cáo: ${run.period.label} (từ ${formatDateVi(run.period.from)} đến ${formatDateVi(run.period.to)})`;
}

/** The lines under the title of every Excel sheet and of the print view. */
export function headerLines(run: ReportRun): string[] {
  return [
    `Đơn vị: ${unitName(run)}. ${periodLine(run)}`,
    [
      run.comparisonPeriod
        ? `So sánh với: ${run.comparisonPeriod.label} (từ ${formatDateVi(run.comparisonPeriod.from)} đến ${formatDateVi(run.comparisonPeriod.to)})`
        : null,
      `Số liệu: ${HIERARCHY_BASIS_LABELS[run.basis].toLocaleLowerCase('vi')}`,
    ]
      .filter(Boolean)
      .join('. '),
    `Thời gian lập: ${vietnamDateTime(run.generatedAt)} (giờ Việt Nam)`,
  ];
}

/**
 * "Đà Nẵng": the place of the date line, the unit's name without its kind ("Thành phố Đà Nẵng", "Xã Hòa Vang").
 * A national report is dated in Hà Nội.
 */
export function placeName(run: ReportRun): string {
  if (!run.unit) return 'Hà Nội';
  return run.unit.fullName.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Quận|Huyện|Thị xã|Thị trấn)\s+/u, '');
}

/** "Đà Nẵng, ngày 05 tháng 11 năm 2026": days below 10 and months 1–2 get a leading zero (Nghị định 30/2020). */
export function placeAndDate(place: string, iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthNumber = Number(month);
  const monthText = monthNumber < 3 ? `0${monthNumber}` : String(monthNumber);
  return `${place}, ngày ${day} tháng ${monthText} năm ${year}`;
}

/** The abbreviation of the issuing body after "BC-" in the number line: CAT, CAX, UBND, … */
export function bodyAbbreviation(issuingBody: string): string {
  const upper = issuingBody.toLocaleUpperCase('vi').trim();
  const known: Array<[RegExp, string]> = [
    [/^CÔNG AN (TỈNH|THÀNH PHỐ)(?=\s|$)/u, 'CAT'],
    [/^CÔNG AN (XÃ|PHƯỜNG|ĐẶC KHU)(?=\s|$)/u, 'CAX'],
    [/^BỘ CÔNG AN(?=\s|$)/u, 'BCA'],
    [/^(UBND|ỦY BAN NHÂN DÂN)(?=\s|$)/u, 'UBND'],
    [/^(UBMTTQ|ỦY BAN MẶT TRẬN TỔ QUỐC)/u, 'MTTQ'],
    [/^BAN CHỈ ĐẠO(?=\s|$)/u, 'BCĐ'],
  ];
  for (const [pattern, abbreviation] of known) if (pattern.test(upper)) return abbreviation;
  return upper
    .split(/\s+/)
    .slice(0, 4)
    .map((word) => word.charAt(0))
    .join('');
}

/** The recipients under "Nơi nhận:"; the officer completes them in Word. */
export const RECIPIENTS = [
  '- Cơ quan, đơn vị cấp trên (để báo cáo);',
  '- Ban Chỉ đạo phong trào (để biết);',
  '- Lưu: VT.',
] as const;

/** Who signs: the head of a police unit signs in person; a people's committee signs on behalf of the body. */
export function signerLines(issuingBody: string): string[] {
  const upper = issuingBody.toLocaleUpperCase('vi');
  if (/^CÔNG AN (TỈNH|THÀNH PHỐ)(?=\s|$)/u.test(upper)) return ['GIÁM ĐỐC'];
  if (/^CÔNG AN (XÃ|PHƯỜNG|ĐẶC KHU)(?=\s|$)/u.test(upper)) return ['TRƯỞNG CÔNG AN'];
  if (/^(UBND|ỦY BAN NHÂN DÂN)(?=\s|$)/u.test(upper)) return [`TM. ${upper}`, 'CHỦ TỊCH'];
  return [`TM. ${upper}`, 'THỦ TRƯỞNG ĐƠN VỊ'];
}

/** The file name people see: "Báo cáo tổng kết năm 2026.docx", without characters file systems refuse. */
export function reportFileName(run: ReportRun, extension: 'xlsx' | 'docx'): string {
  const base = titleWithPeriod(run.template.title, run.period.label)
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return `${base || 'Báo cáo'}.${extension}`;
}

/** "Bao-cao-tong-ket-nam-2026.docx": the ASCII name for clients that do not read the UTF-8 one. */
export function asciiFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const ascii = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${ascii || 'bao-cao'}${extension}`;
}

/** `Content-Disposition` with the ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
