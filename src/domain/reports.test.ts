import { describe, expect, it } from 'vitest';
import { changeOf, comparisonPeriod, describePeriod, issuingBodyFor, narrativeSentence } from './reports.js';

describe('periods', () => {
  it('names a period the way reviews do', () => {
    expect(describePeriod('2026-03-01', '2026-03-31').label).toBe('tháng 3 năm 2026');
    expect(describePeriod('2026-04-01', '2026-06-30').label).toBe('quý II năm 2026');
    expect(describePeriod('2026-01-01', '2026-06-30').label).toBe('6 tháng đầu năm 2026');
    expect(describePeriod('2026-07-01', '2026-12-31').label).toBe('6 tháng cuối năm 2026');
    expect(describePeriod('2025-01-01', '2025-12-31')).toEqual({ kind: 'year', label: 'năm 2025' });
    expect(describePeriod('2014-01-01', '2023-12-31')).toEqual({
      kind: 'phase',
      label: 'giai đoạn 2014–2023',
    });
    expect(describePeriod('2026-07-01', '2026-08-19').label).toBe('từ ngày 01/07/2026 đến ngày 19/08/2026');
  });

  it('compares with the same period last year or the period just before', () => {
    expect(comparisonPeriod('2024-01-01', '2024-02-29', 'same_period_last_year')).toEqual({
      from: '2023-01-01',
      to: '2023-02-28',
    });
    expect(comparisonPeriod('2026-04-01', '2026-06-30', 'previous_period')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(comparisonPeriod('2026-07-01', '2026-08-19', 'previous_period')).toEqual({
      from: '2026-05-12',
      to: '2026-06-30',
    });
    expect(comparisonPeriod('2026-01-01', '2026-12-31', 'none')).toBeNull();
  });
});

describe('figures', () => {
  it('computes the change and states it in a Vietnamese sentence', () => {
    expect(changeOf(12, 10)).toEqual({ change: 2, changePercent: 20 });
    expect(changeOf(5, 0)).toEqual({ change: 5, changePercent: null });
    expect(changeOf(5, null)).toEqual({ change: null, changePercent: null });
    expect(
      narrativeSentence(
        'III. Tuyên truyền, vận động',
        [
          { label: 'Buổi tuyên truyền', unitOfMeasure: 'buổi', current: 1234, previous: 1300, change: -66 },
          { label: 'Tỷ lệ được công nhận', unitOfMeasure: '%', current: 95.5, previous: 95.5, change: 0 },
        ],
        'cùng kỳ năm 2025',
      ),
    ).toBe(
      'Về tuyên truyền, vận động: buổi tuyên truyền: 1.234 buổi (giảm 66 buổi so với cùng kỳ năm 2025); tỷ lệ được công nhận: 95,5% (bằng cùng kỳ năm 2025).',
    );
  });

  it('prints the police of the unit as the issuing body', () => {
    expect(issuingBodyFor({ kind: 'province', fullName: 'Thành phố Đà Nẵng' })).toBe(
      'CÔNG AN THÀNH PHỐ ĐÀ NẴNG',
    );
    expect(issuingBodyFor({ kind: 'commune', fullName: 'Xã Hòa Vang' })).toBe('CÔNG AN XÃ HÒA VANG');
    expect(issuingBodyFor(null)).toBe('BỘ CÔNG AN');
  });
});
