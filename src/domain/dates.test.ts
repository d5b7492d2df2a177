import { describe, expect, it } from 'vitest';
import { addDays, formatDateVi, isIsoDate, isValidOn, todayInVietnam } from './dates.js';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2025-07-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('01/07/2025')).toBe(false);
  });
});

describe('formatDateVi', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
    expect(formatDateVi(null)).toBe('');
  });
});

describe('todayInVietnam', () => {
  it('is already tomorrow in Hanoi at 18:00 UTC', () => {
    expect(todayInVietnam(new Date('2025-06-30T18:00:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30');
  });
});

describe('validity intervals', () => {
  it('treats null bounds as open and bounds as inclusive', () => {
    expect(isValidOn({ validFrom: null, validTo: '2025-06-30' }, '2025-06-30')).toBe(true);
    expect(isValidOn({ validFrom: null, validTo: '2025-06-30' }, '2025-07-01')).toBe(false);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2030-01-01')).toBe(true);
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
  });
});
