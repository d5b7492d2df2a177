import { describe, expect, it } from 'vitest';
import { changeOf, periodLabel, previousPeriod, trendBuckets } from './dashboard.js';

describe('the period a dashboard compares with', () => {
  it('is the previous quarter, year, phase or the same dates of last year', () => {
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod({ from: '2014-01-01', to: '2023-12-31' })).toEqual({
      from: '2004-01-01',
      to: '2013-12-31',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-01' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-01',
    });
  });

  it('is as many days just before for any other range', () => {
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({
      from: '2026-02-28',
      to: '2026-03-09',
    });
  });

  it('is named the way offices name periods', () => {
    expect(periodLabel({ from: '2026-01-01', to: '2026-12-31' })).toBe('năm 2026');
    expect(periodLabel({ from: '2026-04-01', to: '2026-06-30' })).toBe('quý II/2026');
    expect(periodLabel({ from: '2026-07-01', to: '2026-12-31' })).toBe('6 tháng cuối năm 2026');
    expect(periodLabel({ from: '2014-01-01', to: '2023-12-31' })).toBe('giai đoạn 2014–2023');
    expect(periodLabel({ from: '2026-03-10', to: '2026-03-19' })).toBe('10/03/2026 – 19/03/2026');
    expect(periodLabel({ from: '2026-01-01', to: '2026-12-01' })).toBe('năm 2026 (đến 01/12/2026)');
  });
});

describe('trend buckets', () => {
  it('are months clipped to the period, and years over a long phase', () => {
    const months = trendBuckets({ from: '2026-01-15', to: '2026-03-10' });
    expect(months.granularity).toBe('month');
    expect(months.buckets.map((bucket) => [bucket.label, bucket.from, bucket.to])).toEqual([
      ['01/2026', '2026-01-15', '2026-01-31'],
      ['02/2026', '2026-02-01', '2026-02-28'],
      ['03/2026', '2026-03-01', '2026-03-10'],
    ]);
    const years = trendBuckets({ from: '2014-01-01', to: '2023-12-31' });
    expect(years.granularity).toBe('year');
    expect(years.buckets.map((bucket) => bucket.label)).toEqual(
      Array.from({ length: 10 }, (_, index) => String(2014 + index)),
    );
  });
});

describe('change', () => {
  it('gives the difference and the percent, none when there was nothing before', () => {
    expect(changeOf(12, 10)).toEqual({ delta: 2, percent: 20 });
    expect(changeOf(5, 0)).toEqual({ delta: 5, percent: null });
    expect(changeOf(0, 4)).toEqual({ delta: -4, percent: -100 });
  });
});
