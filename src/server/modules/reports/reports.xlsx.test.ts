/**
 * The Excel file of a report run parses back with its sheets, title lines, frozen headers, number formats and the
 * values of the run.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COMMUNE_NAMES, communeValues, sampleRun } from '../../../../test/helpers/report-run.js';
import { HEADER_ROW, reportXlsxBuffer, SUMMARY_SHEET, sheetNames } from './reports.xlsx.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const text = (cell: ExcelJS.Cell) => String(cell.value ?? '');

describe('report Excel export', () => {
  it('has a summary sheet and one sheet per section, with the title lines and frozen headers', async () => {
    const run = sampleRun();
    const progress: number[] = [];
    const workbook = await load(await reportXlsxBuffer(run, (done) => progress.push(done)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      SUMMARY_SHEET,
      '1. Xây dựng lực lượng nòng cốt',
      '2. Kết quả xây dựng phong trào',
      '3. Số liệu theo từng xã, phường',
    ]);
    expect(progress).toEqual([1, 2, 3, 4]);

    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    expect(text(summary.getCell('A1'))).toBe('BÁO CÁO TỔNG KẾT NĂM 2026');
    expect(text(summary.getCell('A2'))).toBe(
      'Đơn vị: Thành phố Đà Nẵng. Kỳ báo cáo: năm 2026 (từ 01/01/2026 đến 31/12/2026)',
    );
    expect(text(summary.getCell('A3'))).toContain('So sánh với: năm 2025');
    expect(text(summary.getCell('A4'))).toBe('Thời gian lập: 01/12/2026 14:05 (giờ Việt Nam)');
    const summaryText: string[] = [];
    summary.eachRow((row) => summaryText.push(text(row.getCell(1))));
    expect(summaryText).toContain(run.narrative[0]);
    expect(summaryText).toContain(run.notes[0]);

    const first = workbook.worksheets[1]!;
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(text(first.getCell('A1'))).toBe('BÁO CÁO TỔNG KẾT NĂM 2026');
    expect(text(first.getCell('A5'))).toBe('I. Xây dựng lực lượng nòng cốt');
    expect(first.getRow(HEADER_ROW).values).toEqual([
      undefined,
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kỳ báo cáo (năm 2026)',
      'Kỳ so sánh (năm 2025)',
      'Tăng (+), giảm (-)',
      'Tỷ lệ tăng, giảm (%)',
    ]);
    const byUnit = workbook.worksheets[3]!;
    expect(byUnit.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 });
  });

  it('keeps the numbers as numbers with Vietnamese-style formats and the signs of the changes', async () => {
    const run = sampleRun();
    const workbook = await load(await reportXlsxBuffer(run));
    const sheet = workbook.worksheets[1]!;
    const members = sheet.getRow(HEADER_ROW + 3);
    expect(members.getCell(2).value).toBe('Thành viên các tổ, đội, ban');
    expect(members.getCell(4).value).toBe(1_234_567);
    expect(members.getCell(4).numFmt).toBe('#,##0');
    expect(members.getCell(5).value).toBe(1_250_002);
    expect(members.getCell(6).value).toBe(-15_435);
    expect(members.getCell(6).numFmt).toBe('+#,##0;-#,##0;0');
    expect(members.getCell(7).value).toBe(-1.2);
    expect(members.getCell(7).numFmt).toBe('+#,##0.0"%";-#,##0.0"%";0.0"%"');
    // A new kind of team had none last year: a change, no percent.
    const newKind = sheet.getRow(HEADER_ROW + 4);
    expect([newKind.getCell(5).value, newKind.getCell(6).value, newKind.getCell(7).value]).toEqual([
      0,
      3210,
      null,
    ]);
    const share = workbook.worksheets[2]!.getRow(HEADER_ROW + 2);
    expect(share.getCell(4).value).toBe(87.5);
    expect(share.getCell(4).numFmt).toBe('#,##0.0');
    expect(share.getCell(4).border.top?.style).toBe('thin');
  });

  it('lays a by-unit section out as one row per commune and a total row equal to the sum', async () => {
    const run = sampleRun();
    const workbook = await load(await reportXlsxBuffer(run));
    const sheet = workbook.worksheets[3]!;
    expect(sheet.getRow(HEADER_ROW).values).toEqual([
      undefined,
      'STT',
      'Đơn vị',
      'Số tổ, đội, ban (tổ)',
      'Số thành viên (người)',
      'Số buổi tuyên truyền (buổi)',
    ]);
    COMMUNE_NAMES.forEach((name, index) => {
      const row = sheet.getRow(HEADER_ROW + 1 + index);
      const values = communeValues(index);
      expect(row.getCell(1).value).toBe(index + 1);
      expect(row.getCell(2).value).toBe(index === 3 ? `${name} (*)` : name);
      expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([
        values.teams,
        values.members,
        values.sessions,
      ]);
    });
    const total = sheet.getRow(HEADER_ROW + 1 + COMMUNE_NAMES.length);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(4).value).toBe(
      COMMUNE_NAMES.reduce((sum, _name, index) => sum + communeValues(index).members, 0),
    );
    expect(total.getCell(2).font.bold).toBe(true);
    expect(text(sheet.getRow(HEADER_ROW + 2 + COMMUNE_NAMES.length).getCell(1))).toMatch(/^\(\*\)/);
  });

  it('makes sheet names short, legal and unique', () => {
    const names = sheetNames([
      'Tổ, đội, ban: số lượng/thành viên [tổng hợp] theo loại hình của từng đơn vị',
      'Tổ, đội, ban: số lượng/thành viên [tổng hợp] theo loại hình của từng đơn vị',
      'Tổng hợp',
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names).size).toBe(3);
  });
});
