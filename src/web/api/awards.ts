/** Awards and award proposals (src/contracts/awards.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  ApproveAwardBody,
  AwardDetail,
  AwardList,
  AwardListQuery,
  AwardOptions,
  CreateAwardBody,
  RefuseAwardBody,
  UpdateAwardBody,
} from '../../contracts/awards';
import type { PeriodSummaryQuery, SummaryResponse } from '../../contracts/registry';
import { apiGet, apiSend } from './client';

export type {
  AwardDetail,
  AwardItem,
  AwardList,
  AwardListQuery,
  CreateAwardBody,
  UpdateAwardBody,
} from '../../contracts/awards';

export const awardQueries = {
  all: ['awards'] as const,
  options: () =>
    queryOptions({
      queryKey: ['awards', 'options'],
      queryFn: ({ signal }) => apiGet<AwardOptions>('/api/awards/options', {}, signal),
      staleTime: 10 * 60_000,
    }),
  list: (query: AwardListQuery) =>
    queryOptions({
      queryKey: ['awards', 'list', query],
      queryFn: ({ signal }) => apiGet<AwardList>('/api/awards', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['awards', 'detail', id],
      queryFn: ({ signal }) => apiGet<AwardDetail>(`/api/awards/${id}`, {}, signal),
    }),
  summary: (query: PeriodSummaryQuery) =>
    queryOptions({
      queryKey: ['awards', 'summary', query],
      queryFn: ({ signal }) => apiGet<SummaryResponse>('/api/awards/summary', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
};

export const createAward = (body: CreateAwardBody) => apiSend<AwardDetail>('POST', '/api/awards', body);
export const updateAward = (id: number, body: UpdateAwardBody) =>
  apiSend<AwardDetail>('PATCH', `/api/awards/${id}`, body);
export const approveAward = (id: number, body: ApproveAwardBody) =>
  apiSend<AwardDetail>('POST', `/api/awards/${id}/approve`, body);
export const refuseAward = (id: number, body: RefuseAwardBody) =>
  apiSend<AwardDetail>('POST', `/api/awards/${id}/refuse`, body);
