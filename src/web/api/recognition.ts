/** Queries and changes of the safety standard and the movement classification, typed by the contracts. */
import { queryOptions } from '@tanstack/react-query';
import type {
  ClassificationDetail,
  ClassificationList,
  LevelsBody,
  LevelsResponse,
  Sheet,
  SheetList,
} from '../../contracts/classification';
import type {
  CriteriaSetDetail,
  CriteriaSetList,
  CycleBody,
  CycleList,
  DashboardResponse,
  RecordDetail,
  UnitStatusList,
} from '../../contracts/recognition';
import { apiGet, apiSend } from './client';

export type {
  ClassificationDetail,
  ClassificationItem,
  ClassificationList,
  Sheet,
} from '../../contracts/classification';
export type {
  CriteriaSetDetail,
  CriteriaSetItem,
  Criterion,
  CriterionBody,
  DashboardResponse,
  RecordDetail,
  UnitStatusItem,
  UnitStatusList,
} from '../../contracts/recognition';

export interface UnitStatusParams {
  year: number;
  unit?: number | undefined;
  state?: string | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

export const recognitionQueries = {
  units: (params: UnitStatusParams) =>
    queryOptions({
      queryKey: ['recognition', 'units', params],
      queryFn: ({ signal }) => apiGet<UnitStatusList>('/api/recognition/units', { ...params }, signal),
    }),
  dashboard: (params: {
    year: number;
    unit?: number | undefined;
    basis: string;
    asOf?: string | undefined;
  }) =>
    queryOptions({
      queryKey: ['recognition', 'dashboard', params],
      queryFn: ({ signal }) => apiGet<DashboardResponse>('/api/recognition/dashboard', { ...params }, signal),
    }),
  record: (id: number) =>
    queryOptions({
      queryKey: ['recognition', 'record', id],
      queryFn: ({ signal }) => apiGet<RecordDetail>(`/api/recognition/records/${id}`, {}, signal),
    }),
  sets: () =>
    queryOptions({
      queryKey: ['recognition', 'sets'],
      queryFn: ({ signal }) =>
        apiGet<CriteriaSetList>('/api/recognition/criteria-sets', { pageSize: 500 }, signal),
    }),
  set: (id: number) =>
    queryOptions({
      queryKey: ['recognition', 'set', id],
      queryFn: ({ signal }) => apiGet<CriteriaSetDetail>(`/api/recognition/criteria-sets/${id}`, {}, signal),
    }),
  cycles: (year: number, province?: string) =>
    queryOptions({
      queryKey: ['recognition', 'cycles', year, province ?? null],
      queryFn: ({ signal }) =>
        apiGet<CycleList>('/api/recognition/cycles', { year, ...(province ? { province } : {}) }, signal),
    }),
};

export const classificationQueries = {
  records: (params: {
    year: number;
    unit?: number | undefined;
    status?: string | undefined;
    page?: number;
    pageSize?: number;
  }) =>
    queryOptions({
      queryKey: ['classification', 'records', params],
      queryFn: ({ signal }) =>
        apiGet<ClassificationList>('/api/classification/records', { ...params }, signal),
    }),
  record: (id: number) =>
    queryOptions({
      queryKey: ['classification', 'record', id],
      queryFn: ({ signal }) => apiGet<ClassificationDetail>(`/api/classification/records/${id}`, {}, signal),
    }),
  sheets: () =>
    queryOptions({
      queryKey: ['classification', 'sheets'],
      queryFn: ({ signal }) => apiGet<SheetList>('/api/classification/sheets', {}, signal),
    }),
  levels: () =>
    queryOptions({
      queryKey: ['classification', 'levels'],
      queryFn: ({ signal }) => apiGet<LevelsResponse>('/api/classification/levels', {}, signal),
    }),
};

export const recordAction = <T = RecordDetail>(
  id: number,
  action: string,
  body?: unknown,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST',
) => apiSend<T>(method, `/api/recognition/records/${id}${action ? `/${action}` : ''}`, body);

export const setAction = (
  path: string,
  body?: unknown,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST',
) => apiSend<CriteriaSetDetail>(method, `/api/recognition/criteria-sets${path}`, body);

export const classificationAction = (
  id: number,
  action: string,
  body?: unknown,
  method: 'POST' | 'PUT' = 'POST',
) => apiSend<ClassificationDetail>(method, `/api/classification/records/${id}/${action}`, body);

export const saveCycle = (year: number, target: string, body: CycleBody) =>
  apiSend<CycleList>('PUT', `/api/recognition/cycles/${year}/${target}`, body);

export const saveLevels = (body: LevelsBody) =>
  apiSend<LevelsResponse>('PUT', '/api/classification/levels', body);

export const sheetAction = (path: string, body?: unknown, method: 'POST' | 'PUT' = 'POST') =>
  apiSend<Sheet>(method, `/api/classification/sheets${path}`, body);
