/**
 * A report run as one self-contained HTML page in the layout of the Word file (Nghị định 30/2020): A4 through
 * CSS `@page`, Times New Roman, the same header, tables and closing. The browser prints it to paper or PDF; the
 * table header repeats on every printed page (`thead`). No script, no outside resource.
 */
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
  vietnamDateTime,
  WIDE_TABLE_COLUMNS,
} from './reports.layout.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3; color: #000;
  width: 210mm; min-height: 297mm; margin: 12px auto; padding: 20mm 15mm 20mm 30mm; background: #fff;
  box-shadow: 0 0 6px rgba(0,0,0,.25); }
.screen-note { font-family: Arial, sans-serif; font-size: 10pt; color: #555; text-align: center; margin: 0 0 8mm; }
.head { display: grid; grid-template-columns: 40% 60%; text-align: center; }
.head p { margin: 0; }
.body-name { font-weight: bold; font-size: 13pt; text-transform: uppercase; }
.rule { width: 33%; margin: 2pt auto 6pt; border-top: 1px solid #000; }
.nation { font-weight: bold; font-size: 12pt; }
.motto { font-weight: bold; font-size: 13pt; display: inline-block; border-bottom: 1px solid #000; margin-bottom: 6pt; }
.doc-number { font-size: 13pt; }
.date { font-style: italic; }
h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0; }
h2.subject { font-size: 14pt; text-align: center; margin: 0 0 18pt; }
p.text { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; }
h3 { font-size: 14pt; margin: 12pt 0 6pt; text-indent: 1.27cm; page-break-after: avoid; }
table.data { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12pt; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: break-word; }
table.data th { background: #f2f2f2; text-align: center; }
table.data tr { page-break-inside: avoid; }
table.data td.number { text-align: right; white-space: nowrap; }
table.data td.index { text-align: center; }
table.data tr.total td { font-weight: bold; }
table.data.wide { font-size: 10pt; }
.footnote { font-style: italic; font-size: 12pt; margin: 3pt 0 0; }
.closing { display: grid; grid-template-columns: 50% 50%; margin-top: 12pt; page-break-inside: avoid; }
.closing p { margin: 0; }
.recipients-title { font-weight: bold; font-style: italic; font-size: 12pt; }
.recipients { font-size: 11pt; }
.signer { text-align: center; font-weight: bold; }
.sign-note { text-align: center; font-style: italic; font-size: 13pt; }
.generated { font-family: Arial, sans-serif; font-size: 9pt; color: #666; margin-top: 24pt; }
@media print {
  html { background: none; }
  body { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .screen-note, .generated { display: none; }
}
`;

function tableHtml(table: LayoutTable): string {
  const weight = table.columns.reduce((sum, column) => sum + column.width, 0);
  const columns = table.columns
    .map((column) => `<col style="width: ${((100 * column.width) / weight).toFixed(1)}%">`)
    .join('');
  const head = table.columns.map((column) => `<th>${escapeHtml(column.header)}</th>`).join('');
  const rows = table.rows
    .map((row) => {
      const cells = row.cells
        .map((value, index) => {
          const kind = table.columns[index]!.kind;
          const cls = kind === 'index' ? 'index' : kind === 'text' ? 'text' : 'number';
          return `<td class="${cls}">${escapeHtml(formatCell(value, kind))}</td>`;
        })
        .join('');
      return `<tr${row.total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const footnotes = table.footnotes.map((note) => `<p class="footnote">${escapeHtml(note)}</p>`).join('');
  return `<h3>${escapeHtml(table.heading)}</h3>
<table class="data${table.columns.length >= WIDE_TABLE_COLUMNS ? ' wide' : ''}"><colgroup>${columns}</colgroup><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>${footnotes}`;
}

export function reportPrintHtml(report: ReportRun): string {
  const full = titleWithPeriod(report.template.title, report.period.label);
  const paragraphs = (lines: readonly string[]) =>
    lines.map((line) => `<p class="text">${escapeHtml(line)}</p>`).join('\n');
  const notes =
    report.notes.length > 0
      ? `<p class="text"><b><i>Ghi chú:</i></b></p>\n${report.notes.map((note) => `<p class="text"><i>${escapeHtml(note)}</i></p>`).join('\n')}`
      : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(full)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="screen-note">Bản in: nhấn Ctrl+P (hoặc ⌘+P) để in hoặc lưu thành PDF, khổ A4.</p>
<div class="head">
  <div><p class="body-name">${escapeHtml(report.issuingBody)}</p><div class="rule"></div></div>
  <div><p class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p><span class="motto">Độc lập - Tự do - Hạnh phúc</span></p></div>
  <div><p class="doc-number">Số: &nbsp; &nbsp; &nbsp; /BC-${escapeHtml(bodyAbbreviation(report.issuingBody))}</p></div>
  <div><p class="date">${escapeHtml(placeAndDate(placeName(report), vietnamDate(report.generatedAt)))}</p></div>
</div>
<h1>BÁO CÁO</h1>
<h2 class="subject">${escapeHtml(documentSubject(report))}</h2>
${paragraphs(report.narrative)}
${reportTables(report).map(tableHtml).join('\n')}
${notes}
<p class="text">Trên đây là ${escapeHtml(full.charAt(0).toLocaleLowerCase('vi') + full.slice(1))}./.</p>
<div class="closing">
  <div>
    <p class="recipients-title">Nơi nhận:</p>
    ${RECIPIENTS.map((line) => `<p class="recipients">${escapeHtml(line)}</p>`).join('')}
  </div>
  <div>
    ${signerLines(report.issuingBody)
      .map((line) => `<p class="signer">${escapeHtml(line)}</p>`)
      .join('')}
    <p class="sign-note">(Ký, ghi rõ họ tên, đóng dấu)</p>
  </div>
</div>
<p class="generated">Lập từ phần mềm ANTQ lúc ${escapeHtml(vietnamDateTime(report.generatedAt))} (giờ Việt Nam).</p>
</body>
</html>
`;
}
