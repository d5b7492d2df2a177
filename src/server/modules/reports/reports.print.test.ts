/** The print view is one self-contained A4 page with the layout and the numbers of the Word file. */
import { describe, expect, it } from 'vitest';
import { sampleRun } from '../../../../test/helpers/report-run.js';
import { reportPrintHtml } from './reports.print.js';

describe('report print view', () => {
  it('is a self-contained A4 page with the header lines, the tables and Vietnamese numbers', () => {
    const html = reportPrintHtml(
      sampleRun({ narrative: ['Có 12.345 tổ <đạt> "chuẩn" & hơn.'], issuingBody: 'UBND XÃ HÒA VANG' }),
    );
    expect(html).toMatch(/@page \{ size: A4; margin: 20mm 15mm 20mm 30mm; \}/);
    expect(html).toContain('font-family: "Times New Roman"');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(html).toContain('/BC-UBND');
    expect(html).toContain('Đà Nẵng, ngày 01 tháng 12 năm 2026');
    expect(html).toContain('<h2 class="subject">Tổng kết năm 2026</h2>');
    expect(html).toContain('Có 12.345 tổ &lt;đạt&gt; &quot;chuẩn&quot; &amp; hơn.');
    expect(html).toContain('<td class="number">1.234.567</td><td class="number">1.250.002</td>');
    expect(html).toContain('<td class="number">-15.435</td><td class="number">-1,2%</td>');
    expect(html).toContain('<thead>');
    expect(html).toContain('TM. UBND XÃ HÒA VANG');
    expect(html).toContain('- Lưu: VT.');
  });
});
