/** Self-management models, their kinds, replication tree and summary (src/contracts/models.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CreateModelBody,
  EndModelBody,
  ModelDetail,
  ModelExportQuery,
  ModelKindList,
  ModelList,
  ModelListQuery,
  ModelRatingBody,
  ModelStatusBody,
  ReplicationTree,
  UpdateModelBody,
} from '../../contracts/models';
import type { SummaryQuery, SummaryResponse } from '../../contracts/registry';
import { apiGet, apiSend, buildUrl } from './client';

export type {
  CreateModelBody,
  ModelDetail,
  ModelItem,
  ModelKind,
  ModelList,
  ModelListQuery,
  ReplicationTree,
  UpdateModelBody,
} from '../../contracts/models';

export const modelQueries = {
  all: ['models'] as const,
  kinds: () =>
    queryOptions({
      queryKey: ['models', 'kinds'],
      queryFn: ({ signal }) => apiGet<ModelKindList>('/api/models/kinds', {}, signal),
      staleTime: 10 * 60_000,
    }),
  list: (query: ModelListQuery) =>
    queryOptions({
      queryKey: ['models', 'list', query],
      queryFn: ({ signal }) => apiGet<ModelList>('/api/models', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['models', 'detail', id],
      queryFn: ({ signal }) => apiGet<ModelDetail>(`/api/models/${id}`, {}, signal),
    }),
  replication: (id: number) =>
    queryOptions({
      queryKey: ['models', 'replication', id],
      queryFn: ({ signal }) => apiGet<ReplicationTree>(`/api/models/${id}/replication`, {}, signal),
    }),
  summary: (query: SummaryQuery) =>
    queryOptions({
      queryKey: ['models', 'summary', query],
      queryFn: ({ signal }) => apiGet<SummaryResponse>('/api/models/summary', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
};

export function modelsExportUrl(query: ModelExportQuery): string {
  return buildUrl('/api/models/export', { ...query });
}

export const MODELS_TEMPLATE_URL = '/api/models/import/template';

export const createModel = (body: CreateModelBody) => apiSend<ModelDetail>('POST', '/api/models', body);
export const updateModel = (id: number, body: UpdateModelBody) =>
  apiSend<ModelDetail>('PATCH', `/api/models/${id}`, body);
export const changeModelStatus = (id: number, body: ModelStatusBody) =>
  apiSend<ModelDetail>('POST', `/api/models/${id}/status`, body);
export const endModel = (id: number, body: EndModelBody) =>
  apiSend<ModelDetail>('POST', `/api/models/${id}/end`, body);
export const rateModel = (id: number, year: number, body: ModelRatingBody | null) =>
  body === null
    ? apiSend<ModelDetail>('DELETE', `/api/models/${id}/ratings/${year}`)
    : apiSend<ModelDetail>('PUT', `/api/models/${id}/ratings/${year}`, body);
