/** The dashboard (Tổng quan), typed by src/contracts/dashboard.ts. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { DashboardQuery, DashboardResponse } from '../../contracts/dashboard';
import { apiGet } from './client';
import type { Boundaries } from './geo';

export type { DashboardResponse, Kpi } from '../../contracts/dashboard';

export const dashboardQueries = {
  dashboard: (params: DashboardQuery) =>
    queryOptions({
      queryKey: ['dashboard', params],
      queryFn: ({ signal }) => apiGet<DashboardResponse>('/api/dashboard', { ...params }, signal),
      // Switching the period or the indicator keeps the last figures on screen until the new ones arrive.
      placeholderData: keepPreviousData,
    }),
  boundaries: (level: 'province' | 'commune', provinceCode: string | null) =>
    queryOptions({
      queryKey: ['geo', level, provinceCode],
      queryFn: ({ signal }) =>
        apiGet<Boundaries>(
          level === 'province' ? '/api/geo/provinces' : '/api/geo/communes',
          level === 'commune' ? { province: provinceCode } : {},
          signal,
        ),
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: Number.POSITIVE_INFINITY,
    }),
};
