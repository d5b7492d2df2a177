/**
 * Islands far out at sea go into an inset on the commune maps, checked on the boundaries the geo API serves.
 */
import { describe, expect, it } from 'vitest';
import { type FeatureCollectionLike, INSET_FRAME_CODE, withIslandInset } from '../../../domain/map-inset.js';
import { loadConfig } from '../../config.js';
import { GeoService } from './geo.service.js';

const geo = new GeoService(loadConfig().sharedDataDir);
const communesOf = (provinceCode: string) =>
  JSON.parse(geo.communeBoundaries(provinceCode).json) as FeatureCollectionLike;

const xs = (collection: FeatureCollectionLike, code: string) => {
  const found = collection.features.find((feature) => feature.id === code)!;
  return JSON.stringify(found.geometry)
    .match(/\[(\d+\.\d+),\d+\.\d+/g)!
    .map((pair) => Number(pair.slice(1).split(',')[0]));
};

describe('islands in an inset', () => {
  it("moves Đà Nẵng's Hoàng Sa beside the mainland communes, framed, and leaves the others where they are", () => {
    const communes = communesOf('48');
    const hoangSa = communes.features.find((feature) => feature.properties.name === 'Hoàng Sa')!;
    const { collection, moved } = withIslandInset(communes);
    expect(moved).toEqual([String(hoangSa.properties.full_name)]);
    expect(Math.min(...xs(communes, hoangSa.id))).toBeGreaterThan(111);
    // Now within about half a degree of the mainland's east edge (108.7°E), not 2.5° out at sea.
    expect(Math.max(...xs(collection, hoangSa.id))).toBeLessThan(109.5);
    expect(collection.features.some((feature) => feature.id === INSET_FRAME_CODE)).toBe(true);
    const other = communes.features.find((feature) => feature.id !== hoangSa.id)!;
    expect(collection.features.find((feature) => feature.id === other.id)).toBe(other);
  });

  it('leaves a province without far-off islands as it is (Phú Quốc and Thổ Châu stay in place)', () => {
    for (const code of ['01', '91']) {
      const communes = communesOf(code);
      expect(communes.features.length).toBeGreaterThan(10);
      expect(withIslandInset(communes).collection).toBe(communes);
    }
  });

  it("moves Khánh Hòa's Trường Sa", () => {
    expect(withIslandInset(communesOf('56')).moved.join()).toContain('Trường Sa');
  });
});
