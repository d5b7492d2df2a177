/** Boundaries for the choropleths, served by the API from the GeoJSON of shared/data (no tile server). */
import { queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { FeatureCollection } from '../../contracts/geo';
import { apiGet } from './client';

export type Boundaries = Static<typeof FeatureCollection>;

export const geoQueries = {
  provinces: () =>
    queryOptions({
      queryKey: ['geo', 'provinces'],
      queryFn: ({ signal }) => apiGet<Boundaries>('/api/geo/provinces', {}, signal),
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: Number.POSITIVE_INFINITY,
    }),
};
