import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponses } from '../../../contracts/common.js';
import { CommuneGeoQuery, FeatureCollection } from '../../../contracts/geo.js';
import type { AppDeps } from '../../app.js';
import type { Api } from '../../http/types.js';
import { type GeoPayload, GeoService } from './geo.service.js';

const tags = ['Bản đồ'];

/**
 * If-None-Match compares weakly and may list several tags (RFC 9110 §13.1.2): a proxy that compresses the answer
 * sends back W/"…", and a browser that kept two versions sends both.
 */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

export async function geoRoutes(api: Api, { config }: AppDeps): Promise<void> {
  const geo = new GeoService(config.sharedDataDir);
  // The boundaries are static files: the cached JSON text goes out as it is (no re-serialising 2 MB per request),
  // with an ETag so that browsers keep it.
  const send = (request: FastifyRequest, reply: FastifyReply, data: GeoPayload): void => {
    reply.header('cache-control', 'public, max-age=86400').header('etag', data.etag);
    if (matchesEtag(request.headers['if-none-match'], data.etag)) {
      reply.status(304).send();
      return;
    }
    reply.type('application/json; charset=utf-8').send(data.json);
  };

  api.get(
    '/geo/provinces',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Ranh giới 34 tỉnh, thành phố (GeoJSON)',
        response: { 200: FeatureCollection },
      },
    },
    (request, reply) => {
      send(request, reply, geo.provinceBoundaries());
    },
  );

  api.get(
    '/geo/communes',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Ranh giới các xã, phường, đặc khu của một tỉnh (GeoJSON)',
        querystring: CommuneGeoQuery,
        response: { 200: FeatureCollection, ...errorResponses },
      },
    },
    (request, reply) => {
      send(request, reply, geo.communeBoundaries(request.query.province));
    },
  );
}
