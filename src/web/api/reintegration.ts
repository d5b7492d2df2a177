/** Reintegration files, typed by src/contracts/reintegration.ts. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SummaryResponse } from '../../contracts/registry';
import type {
  CaseDetail,
  CaseList,
  CheckInBody,
  CreateCaseBody,
  Destinations,
  EndHelperBody,
  HelperBody,
  HelperCandidates,
  StatusBody,
  SupportBody,
  SupportOutcomeBody,
  TransferBody,
  UpdateCaseBody,
} from '../../contracts/reintegration';
import { apiGet, apiSend } from './client';

export type { SummaryResponse } from '../../contracts/registry';
export type { CaseDetail, CaseItem, CaseList, Support } from '../../contracts/reintegration';

export interface CaseListParams {
  state?: 'active' | 'ended' | 'all' | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export const reintegrationQueries = {
  all: ['reintegration'] as const,
  list: (params: CaseListParams) =>
    queryOptions({
      queryKey: ['reintegration', 'list', params],
      queryFn: ({ signal }) => apiGet<CaseList>('/api/reintegration/cases', { ...params }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['reintegration', 'detail', id],
      queryFn: ({ signal }) => apiGet<CaseDetail>(`/api/reintegration/cases/${id}`, {}, signal),
    }),
  summary: (params: { unit?: number | undefined; from?: string; asOf?: string }) =>
    queryOptions({
      queryKey: ['reintegration', 'summary', params],
      queryFn: ({ signal }) => apiGet<SummaryResponse>('/api/reintegration/summary', { ...params }, signal),
    }),
  helperCandidates: (id: number) =>
    queryOptions({
      queryKey: ['reintegration', 'helper-candidates', id],
      queryFn: ({ signal }) =>
        apiGet<HelperCandidates>(`/api/reintegration/cases/${id}/helper-candidates`, {}, signal),
    }),
  destinations: (q: string) =>
    queryOptions({
      queryKey: ['reintegration', 'destinations', q],
      queryFn: ({ signal }) => apiGet<Destinations>('/api/reintegration/destinations', { q }, signal),
    }),
};

export const createCase = (body: CreateCaseBody) =>
  apiSend<CaseDetail>('POST', '/api/reintegration/cases', body);
export const changeStatus = (id: number, body: StatusBody) =>
  apiSend<CaseDetail>('POST', `/api/reintegration/cases/${id}/status`, body);
export const transferCase = (id: number, body: TransferBody) =>
  apiSend<CaseDetail>('POST', `/api/reintegration/cases/${id}/transfer`, body);
export const addHelper = (id: number, body: HelperBody) =>
  apiSend<CaseDetail>('POST', `/api/reintegration/cases/${id}/helpers`, body);
export const addSupport = (id: number, body: SupportBody) =>
  apiSend<CaseDetail>('POST', `/api/reintegration/cases/${id}/supports`, body);
export const recordOutcome = (id: number, supportId: number, body: SupportOutcomeBody) =>
  apiSend<CaseDetail>('POST', `/api/reintegration/cases/${id}/supports/${supportId}/outcome`, body);
export const addCheckIn = (id: number, body: CheckInBody) =>
  apiSend<CaseDetail>('POST', `/api/reintegration/cases/${id}/check-ins`, body);
export const updateCase = (id: number, body: UpdateCaseBody) =>
  apiSend<CaseDetail>('PATCH', `/api/reintegration/cases/${id}`, body);
export const endHelper = (id: number, helperId: number, body: EndHelperBody) =>
  apiSend<CaseDetail>('POST', `/api/reintegration/cases/${id}/helpers/${helperId}/end`, body);
