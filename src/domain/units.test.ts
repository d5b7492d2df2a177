import { describe, expect, it } from 'vitest';
import { classifyLineage, idsInPath, pathOf, splitByParentPaths } from './units.js';

describe('paths', () => {
  it('round-trips ids', () => {
    expect(pathOf([1, 20], 345)).toBe('/1/20/345/');
    expect(idsInPath('/1/20/345/')).toEqual([1, 20, 345]);
  });
});

describe('splitByParentPaths', () => {
  it('gives a village one path under the old district and one under the province after 01/07/2025', () => {
    const parent = [
      { validFrom: null, validTo: '2025-06-30', path: '/1/20/300/' },
      { validFrom: '2025-07-01', validTo: null, path: '/5/300/' },
    ];
    const pieces = splitByParentPaths(
      { validFrom: '2020-01-01', validTo: null, name: 'Thôn 1' },
      parent,
      900,
    );
    expect(pieces).toEqual([
      { validFrom: '2020-01-01', validTo: '2025-06-30', name: 'Thôn 1', path: '/1/20/300/900/' },
      { validFrom: '2025-07-01', validTo: null, name: 'Thôn 1', path: '/5/300/900/' },
    ]);
  });

  it('drops parent periods before the child existed', () => {
    const parent = [
      { validFrom: null, validTo: '2025-06-30', path: '/1/20/300/' },
      { validFrom: '2025-07-01', validTo: null, path: '/5/300/' },
    ];
    const pieces = splitByParentPaths({ validFrom: '2026-01-01', validTo: null }, parent, 900);
    expect(pieces).toEqual([{ validFrom: '2026-01-01', validTo: null, path: '/5/300/900/' }]);
  });

  it('does not cut a village where its parent only changed name or type, keeping the same path', () => {
    const parent = [
      { validFrom: '2025-07-01', validTo: '2026-04-29', path: '/5/300/' },
      { validFrom: '2026-04-30', validTo: null, path: '/5/300/' },
    ];
    const pieces = splitByParentPaths({ validFrom: null, validTo: null }, parent, 900);
    expect(pieces).toEqual([{ validFrom: '2025-07-01', validTo: null, path: '/5/300/900/' }]);
  });
});

describe('classifyLineage', () => {
  it('names the change from the shape of the crosswalk', () => {
    expect(classifyLineage(2, 1)).toBe('split');
    expect(classifyLineage(1, 3)).toBe('merge');
    expect(classifyLineage(1, 1)).toBe('rename');
  });
});
