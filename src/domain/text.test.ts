import { describe, expect, it } from 'vitest';
import { compareVietnamese, normalizeForSearch, tidyName } from './text.js';

describe('normalizeForSearch', () => {
  it('drops tone and vowel marks so that typing without diacritics finds the name', () => {
    expect(normalizeForSearch('Xã Nhơn Lộc')).toBe('xa nhon loc');
    expect(normalizeForSearch('Thành phố Đà Nẵng')).toBe('thanh pho da nang');
    expect(normalizeForSearch('Phường Ba Đình')).toContain('ba dinh');
  });

  it('treats decomposed (NFD) and composed (NFC) input alike', () => {
    expect(normalizeForSearch('Hòa'.normalize('NFD'))).toBe(normalizeForSearch('Hòa'.normalize('NFC')));
    expect(normalizeForSearch('Hoà')).toBe(normalizeForSearch('Hòa'));
  });

  it('collapses punctuation and spaces', () => {
    expect(normalizeForSearch('  Xã   Ia Mơ, (Gia Lai) ')).toBe('xa ia mo gia lai');
  });
});

describe('tidyName', () => {
  it('removes the double spaces found in upstream data and returns NFC', () => {
    expect(tidyName('Xã  Vĩnh Tường')).toBe('Xã Vĩnh Tường');
    expect(tidyName('Hòa'.normalize('NFD'))).toBe('Hòa'.normalize('NFC'));
  });
});

describe('compareVietnamese', () => {
  it('orders numbers inside names naturally', () => {
    expect(['Phường 10', 'Phường 2', 'Phường 1'].sort(compareVietnamese)).toEqual([
      'Phường 1',
      'Phường 2',
      'Phường 10',
    ]);
  });
});
