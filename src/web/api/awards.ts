/** Awards and award proposals (src/contracts/awards.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  ApproveAwardBody,
  AwardDetail,
  AwardExportQuery,
  AwardList,
  AwardListQuery,
  AwardOption,
  AwardOptions,
  CreateAwardBody,
  CreateAwardOptionBody,
  RefuseAwardBody,
  UpdateAwardBody,
  UpdateAwardOptionBody,
} from '../../contracts/awards';
import type { DeleteRecordBody, PeriodSummaryQuery, SummaryResponse } from '../../contracts/registry';
import { apiGet, apiSend, buildUrl } from './client';

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

export function awardsExportUrl(query: AwardExportQuery): string {
  return buildUrl('/api/awards/export', { ...query });
}
export const AWARDS_TEMPLATE_URL = '/api/awards/import/template';
export const deleteAward = (id: number, body: DeleteRecordBody) =>
  apiSend<null>('DELETE', `/api/awards/${id}`, body);
export type AwardOptionList = 'forms' | 'issuers';
export const createAwardOption = (list: AwardOptionList, body: CreateAwardOptionBody) =>
  apiSend<AwardOption>('POST', `/api/awards/options/${list}`, body);
export const updateAwardOption = (list: AwardOptionList, id: number, body: UpdateAwardOptionBody) =>
  apiSend<AwardOption>('PATCH', `/api/awards/options/${list}/${id}`, body);
