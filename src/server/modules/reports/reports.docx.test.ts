/**
 * The Word file of a report run parses back with the layout of Nghị định 30/2020 (page, margins, font, header
 * lines, title, date line, signature block, recipients) and the run's values in its tables.
 */
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../../test/helpers/docx.js';
import { COMMUNE_NAMES, communeValues, sampleRun } from '../../../../test/helpers/report-run.js';
import { reportDocxBuffer } from './reports.docx.js';
import { signerLines } from './reports.layout.js';

describe('report Word export', () => {
  it('carries the administrative header, the title, the date line and the closing', async () => {
    const run = sampleRun();
    const docx = await parseDocx(await reportDocxBuffer(run));
    const text = docx.paragraphs;
    expect(text).toContain('CÔNG AN THÀNH PHỐ ĐÀ NẴNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text.some((line) => /^Số:\s+\/BC-CAT$/.test(line))).toBe(true);
    // Generated at 07:05 UTC on 1 December: 14:05 in Vietnam, the same day.
    expect(text).toContain('Đà Nẵng, ngày 01 tháng 12 năm 2026');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tổng kết năm 2026');
    expect(text).toContain(run.narrative[0]);
    expect(text).toContain('I. Xây dựng lực lượng nòng cốt');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lưu: VT.');
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
    expect(text).toContain('Trên đây là báo cáo tổng kết năm 2026./.');

    // The date line is in italics, the Tiêu ngữ underlined.
    expect(docx.xml).toMatch(/<w:i\/>[\s\S]{0,400}Đà Nẵng, ngày 01 tháng 12 năm 2026/);
    expect(docx.xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,400}Độc lập - Tự do - Hạnh phúc/);
  });

  it('is A4 with the prescribed margins, Times New Roman and page numbers from the second page', async () => {
    const docx = await parseDocx(await reportDocxBuffer(sampleRun()));
    expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(docx.xml)![1]!;
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]);
    const mm = (value: number) => (value / 1440) * 25.4;
    expect(mm(twips('top'))).toBeGreaterThanOrEqual(20);
    expect(mm(twips('top'))).toBeLessThanOrEqual(25);
    expect(mm(twips('bottom'))).toBeGreaterThanOrEqual(20);
    expect(mm(twips('bottom'))).toBeLessThanOrEqual(25);
    expect(mm(twips('left'))).toBeGreaterThanOrEqual(30);
    expect(mm(twips('left'))).toBeLessThanOrEqual(35);
    expect(mm(twips('right'))).toBeGreaterThanOrEqual(15);
    expect(mm(twips('right'))).toBeLessThanOrEqual(20);
    expect(docx.xml).toContain('<w:titlePg/>');
    expect(docx.files.get('word/styles.xml')).toContain('Times New Roman');
    const headers = [...docx.files.entries()].filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.some(([, xml]) => /PAGE/.test(xml))).toBe(true);
  });

  it('puts each section in a real table whose header row repeats, with Vietnamese numbers', async () => {
    const run = sampleRun();
    const docx = await parseDocx(await reportDocxBuffer(run));
    // Two layout tables (header, signature) and three sections.
    const data = docx.tables.filter((table) => table[0]?.[0] === 'STT');
    expect(data).toHaveLength(3);
    expect((docx.xml.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(3);

    const [forces, results, byUnit] = data as [string[][], string[][], string[][]];
    expect(forces[0]).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kỳ báo cáo (năm 2026)',
      'Kỳ so sánh (năm 2025)',
      'Tăng (+), giảm (-)',
      'Tỷ lệ tăng, giảm (%)',
    ]);
    expect(forces[3]).toEqual([
      '3',
      'Thành viên các tổ, đội, ban',
      'người',
      '1.234.567',
      '1.250.002',
      '-15.435',
      '-1,2%',
    ]);
    expect(forces[2]!.slice(3)).toEqual(['12.345', '11.870', '+475', '+4%']);
    expect(forces[4]!.slice(3)).toEqual(['3.210', '0', '+3.210', '']);
    expect(results[2]!.slice(3)).toEqual(['87,5', '84,2', '+3,3', '+3,9%']);

    expect(byUnit).toHaveLength(1 + COMMUNE_NAMES.length + 1);
    expect(byUnit[1]).toEqual(['1', 'Xã Hòa Vang', '40', '1.250', '12']);
    expect(byUnit[4]![1]).toBe('Xã Hòa Khánh (*)');
    const members = COMMUNE_NAMES.reduce((sum, _name, index) => sum + communeValues(index).members, 0);
    expect(byUnit.at(-1)).toEqual([
      '',
      'Tổng cộng',
      run.sections[2]!.total.teams!.toLocaleString('vi-VN'),
      members.toLocaleString('vi-VN'),
      run.sections[2]!.total.activity_sessions!.toLocaleString('vi-VN'),
    ]);
  });

  it('names the signer by the kind of issuing body', () => {
    expect(signerLines('Công an xã Hòa Vang')).toEqual(['TRƯỞNG CÔNG AN']);
    expect(signerLines('UBND XÃ HÒA VANG')).toEqual(['TM. UBND XÃ HÒA VANG', 'CHỦ TỊCH']);
  });
});
