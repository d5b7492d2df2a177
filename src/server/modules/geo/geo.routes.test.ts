import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import type { DatabaseHandle } from '../../db/client.js';
import { listChildren, listUnits } from '../units/units.service.js';
import { matchesEtag } from './geo.routes.js';

interface Feature {
  type: 'Feature';
  id: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown[] };
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
});

afterAll(async () => {
  await close?.();
});

describe('GET /api/geo/provinces', () => {
  it('draws the 34 provinces of today, one feature per province code, without signing in', async () => {
    const response = await app.inject('/api/geo/provinces');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const map = response.json() as FeatureCollection;
    expect(map.type).toBe('FeatureCollection');
    const provinces = await listUnits(database.db, { kind: 'province', pageSize: 100 });
    expect(map.features.map((feature) => feature.id).sort()).toEqual(
      provinces.items.map((province) => province.code).sort(),
    );
    expect(map.features).toHaveLength(34);
    const daNang = map.features.find((feature) => feature.id === '48');
    expect(daNang?.properties.full_name).toBe('Thành phố Đà Nẵng');
    expect(daNang?.geometry.type).toBe('MultiPolygon');
  });

  it('lets the browser keep the map: an ETag, then 304 when it asks again with it', async () => {
    const first = await app.inject('/api/geo/provinces');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toContain('max-age');

    const again = await app.inject({ url: '/api/geo/provinces', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const throughProxy = await app.inject({
      url: '/api/geo/provinces',
      headers: { 'if-none-match': `"old", W/${etag}` },
    });
    expect(throughProxy.statusCode).toBe(304);

    const stale = await app.inject({ url: '/api/geo/provinces', headers: { 'if-none-match': '"stale"' } });
    expect(stale.statusCode).toBe(200);
    expect((stale.json() as FeatureCollection).features).toHaveLength(34);
  });

  it('sends the 2 MB map compressed to a browser that accepts gzip', async () => {
    const response = await app.inject({ url: '/api/geo/provinces', headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.rawPayload.length).toBeLessThan(2_000_000);
  });
});

describe('GET /api/geo/communes', () => {
  it("draws only the chosen province's communes, matching the hierarchy", async () => {
    const response = await app.inject('/api/geo/communes?province=48');
    expect(response.statusCode).toBe(200);
    const map = response.json() as FeatureCollection;
    expect(map.features.every((feature) => feature.properties.province_code === '48')).toBe(true);
    const [daNang] = (await listUnits(database.db, { kind: 'province', q: '48' })).items;
    const communes = await listChildren(database.db, daNang!.id, {});
    expect(map.features.map((feature) => feature.id).sort()).toEqual(
      communes.items.map((commune) => commune.code).sort(),
    );
    expect(map.features).toHaveLength(94);
    expect(response.headers.etag).toBeDefined();
    const hanoi = (await app.inject('/api/geo/communes?province=01')).json() as FeatureCollection;
    expect(hanoi.features).toHaveLength(126);
    expect(response.headers.etag).not.toBe((await app.inject('/api/geo/communes?province=01')).headers.etag);
  });

  it('answers 404 for a province code that does not exist', async () => {
    const response = await app.inject('/api/geo/communes?province=99');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'geo.province_not_found' });
    expect(response.json().message).toContain('99');
  });

  it.each([
    ['province=abc', 'province'],
    ['province=4', 'province'],
    ['province=048', 'province'],
    ['', 'province'],
    ['province=48&zoom=3', 'zoom'],
  ])('answers 400 for "%s", naming the field %s', async (query, field) => {
    const response = await app.inject(`/api/geo/communes?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation', field });
  });
});

describe('matchesEtag', () => {
  it('compares weakly and accepts a list or a wildcard', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abcd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
