/** Queries of the units module, typed by src/contracts/units.ts. */
import { queryOptions } from '@tanstack/react-query';
import type { UnitDetail, UnitList, UnitSummary } from '../../contracts/units';
import type { IsoDate } from '../../domain/dates';
import type { UnitKind } from '../../domain/units';
import { apiGet } from './client';

export type { LineageLink, UnitDetail, UnitList, UnitSummary } from '../../contracts/units';

/** The API's largest page: the biggest province has fewer communes than this, so one request is the norm. */
const CHILDREN_PAGE_SIZE = 500;
/** Units change by law, not by the minute. */
const UNIT_STALE_MS = 10 * 60_000;

export interface UnitListParams {
  asOf: IsoDate;
  kind?: UnitKind;
  parent?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export function fetchUnits(params: UnitListParams, signal?: AbortSignal): Promise<UnitList> {
  return apiGet<UnitList>('/api/units', { ...params }, signal);
}

export function fetchUnit(id: number, asOf: IsoDate, signal?: AbortSignal): Promise<UnitDetail> {
  return apiGet<UnitDetail>(`/api/units/${id}`, { asOf }, signal);
}

export async function fetchAllChildren(
  id: number,
  asOf: IsoDate,
  signal?: AbortSignal,
): Promise<UnitSummary[]> {
  const items: UnitSummary[] = [];
  for (let page = 1; ; page++) {
    const answer = await apiGet<UnitList>(
      `/api/units/${id}/children`,
      { asOf, page, pageSize: CHILDREN_PAGE_SIZE },
      signal,
    );
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

export const unitQueries = {
  /** The top of the user's scope: the provinces for a national user, else their own unit(s) on that date. */
  roots: (asOf: IsoDate) =>
    queryOptions({
      queryKey: ['units', 'roots', asOf],
      queryFn: ({ signal }) => apiGet<UnitList>('/api/units/roots', { asOf, pageSize: 100 }, signal),
      staleTime: UNIT_STALE_MS,
    }),
  provinces: (asOf: IsoDate) =>
    queryOptions({
      queryKey: ['units', 'provinces', asOf],
      queryFn: ({ signal }) => fetchUnits({ kind: 'province', asOf, pageSize: 100 }, signal),
      staleTime: UNIT_STALE_MS,
    }),
  children: (id: number, asOf: IsoDate) =>
    queryOptions({
      queryKey: ['units', 'children', id, asOf],
      queryFn: ({ signal }) => fetchAllChildren(id, asOf, signal),
      staleTime: UNIT_STALE_MS,
    }),
  detail: (id: number, asOf: IsoDate) =>
    queryOptions({
      queryKey: ['units', 'detail', id, asOf],
      queryFn: ({ signal }) => fetchUnit(id, asOf, signal),
      staleTime: UNIT_STALE_MS,
    }),
  search: (q: string, asOf: IsoDate) =>
    queryOptions({
      queryKey: ['units', 'search', q, asOf],
      queryFn: ({ signal }) => fetchUnits({ q, asOf, pageSize: 20 }, signal),
      staleTime: UNIT_STALE_MS,
    }),
};
