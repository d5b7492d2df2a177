import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FeatureCollectionLike, INSET_FRAME_CODE, withIslandInset } from './inset';

const sharedData = process.env.ANTQ_SHARED_DATA_DIR ?? path.resolve('../shared/data');

/** The communes of one province, as the geo API serves them. */
function communesOf(provinceCode: string): FeatureCollectionLike {
  const lines = readFileSync(path.join(sharedData, 'vn-communes-2025.geojson'), 'utf8').split('\n');
  const features = lines
    .filter(
      (line) =>
        line.includes(`"province_code":"${provinceCode}"`) ||
        line.includes(`"province_code": "${provinceCode}"`),
    )
    .map((line) => JSON.parse(line.trim().replace(/,$/, '')));
  return { type: 'FeatureCollection', features };
}

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
