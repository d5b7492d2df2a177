/** The words every output shares: titles with their period, section headings, file names, Vietnamese numbers. */
import { describe, expect, it } from 'vitest';
import {
  asciiFileName,
  attachmentDisposition,
  bodyAbbreviation,
  formatCell,
  placeAndDate,
  sectionHeading,
  titleWithPeriod,
} from './reports.layout.js';

describe('report layout words', () => {
  it('says the words shared by the title and the period once', () => {
    expect(titleWithPeriod('Báo cáo tổng kết năm', 'năm 2026')).toBe('Báo cáo tổng kết năm 2026');
    expect(titleWithPeriod('Báo cáo sơ kết 6 tháng', '6 tháng đầu năm 2026')).toBe(
      'Báo cáo sơ kết 6 tháng đầu năm 2026',
    );
    expect(titleWithPeriod('Báo cáo Ngày hội', 'năm 2026')).toBe('Báo cáo Ngày hội năm 2026');
  });

  it('numbers sections unless the template already does', () => {
    expect(sectionHeading('Công tác chỉ đạo', 0)).toBe('I. Công tác chỉ đạo');
    expect(sectionHeading('IV. Xây dựng tiêu chuẩn', 3)).toBe('IV. Xây dựng tiêu chuẩn');
    expect(sectionHeading('Phụ lục: Số liệu theo đơn vị', 7)).toBe('VIII. Phụ lục: Số liệu theo đơn vị');
  });

  it('writes numbers the Vietnamese way, changes with their sign', () => {
    expect(formatCell(1_234_567, 'number')).toBe('1.234.567');
    expect(formatCell(87.5, 'number')).toBe('87,5');
    expect(formatCell(475, 'change')).toBe('+475');
    expect(formatCell(-1.25, 'percent')).toBe('-1,3%');
    expect(formatCell(0, 'change')).toBe('0');
    expect(formatCell(null, 'number')).toBe('');
  });

  it('gives an ASCII file name next to the UTF-8 one', () => {
    expect(asciiFileName('Báo cáo tổng kết năm 2026.docx')).toBe('Bao-cao-tong-ket-nam-2026.docx');
    expect(asciiFileName('Đặc khu: giai đoạn 2014–2023.xlsx')).toBe('Dac-khu-giai-doan-2014-2023.xlsx');
    expect(attachmentDisposition('Báo cáo năm 2026.docx')).toBe(
      `attachment; filename="Bao-cao-nam-2026.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20n%C4%83m%202026.docx`,
    );
  });

  it('writes the number symbol and the date line of an administrative document', () => {
    expect(bodyAbbreviation('CÔNG AN TỈNH QUẢNG NGÃI')).toBe('CAT');
    expect(bodyAbbreviation('Công an phường Hải Châu')).toBe('CAX');
    expect(bodyAbbreviation('ỦY BAN NHÂN DÂN XÃ HÒA VANG')).toBe('UBND');
    expect(placeAndDate('Đà Nẵng', '2026-02-05')).toBe('Đà Nẵng, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Đà Nẵng', '2026-11-25')).toBe('Đà Nẵng, ngày 25 tháng 11 năm 2026');
  });
});
