/**
 * Boundaries for the choropleths, read from the GeoJSON of shared/data and kept in memory as ready-to-send JSON,
 * so that maps work on a closed network with no tile server.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { notFound } from '../../../domain/errors.js';

export interface GeoPayload {
  json: string;
  etag: string;
}

function payload(json: string): GeoPayload {
  return { json, etag: `"${createHash('sha1').update(json).digest('hex').slice(0, 16)}"` };
}

export class GeoService {
  private provinces: GeoPayload | undefined;
  private communesByProvince: Map<string, GeoPayload> | undefined;

  constructor(private readonly dataDir: string) {}

  provinceBoundaries(): GeoPayload {
    this.provinces ??= payload(readFileSync(path.join(this.dataDir, 'vn-provinces-2025.geojson'), 'utf8'));
    return this.provinces;
  }

  communeBoundaries(provinceCode: string): GeoPayload {
    if (!this.communesByProvince) {
      // One feature per line: split by province without holding a parsed 13 MB tree.
      const lines = readFileSync(path.join(this.dataDir, 'vn-communes-2025.geojson'), 'utf8').split('\n');
      const grouped = new Map<string, string[]>();
      for (const line of lines) {
        const match = /"province_code"\s*:\s*"(\d{2})"/.exec(line);
        if (!match) continue;
        const feature = line.trim().replace(/,$/, '');
        grouped.set(match[1]!, [...(grouped.get(match[1]!) ?? []), feature]);
      }
      this.communesByProvince = new Map(
        [...grouped].map(([code, features]) => [
          code,
          payload(`{"type":"FeatureCollection","features":[${features.join(',')}]}`),
        ]),
      );
    }
    const found = this.communesByProvince.get(provinceCode);
    if (!found) throw notFound('geo.province_not_found', `Không có ranh giới xã của tỉnh mã ${provinceCode}`);
    return found;
  }
}
