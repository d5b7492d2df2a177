/** The officers' inbox of crime reports (src/contracts/crime-reports.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Assignee,
  ReportDetail,
  ReportList,
  ReportListQuery,
  ReportSummary,
} from '../../contracts/crime-reports';
import { apiGet, apiSend, buildUrl } from './client';

export type { ReportDetail, ReportItem } from '../../contracts/crime-reports';
export type ReportFilter = Omit<ReportListQuery, 'status'> & { status?: string };

export const reportQueries = {
  list: (filter: ReportFilter) =>
    queryOptions({
      queryKey: ['reports', 'list', filter],
      queryFn: ({ signal }) => apiGet<ReportList>('/api/reports', { ...filter }, signal),
      placeholderData: keepPreviousData,
    }),
  summary: () =>
    queryOptions({
      queryKey: ['reports', 'summary'],
      queryFn: ({ signal }) => apiGet<ReportSummary>('/api/reports/summary', {}, signal),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['reports', 'detail', id],
      queryFn: ({ signal }) => apiGet<ReportDetail>(`/api/reports/${id}`, {}, signal),
      // Every read is an audit event: no silent refetching.
      staleTime: Number.POSITIVE_INFINITY,
    }),
  assignees: (id: number) =>
    queryOptions({
      queryKey: ['reports', 'assignees', id],
      queryFn: ({ signal }) =>
        apiGet<Array<Static<typeof Assignee>>>(`/api/reports/${id}/assignees`, {}, signal),
    }),
};

export function reportAction(id: number, action: string, body: unknown): Promise<ReportDetail> {
  return apiSend<ReportDetail>('POST', `/api/reports/${id}/${action}`, body);
}

export function registerUrl(from: string, to: string, format: 'xlsx' | 'docx'): string {
  return buildUrl('/api/reports/register', { from, to, format });
}

export function fileUrl(id: number, fileId: number): string {
  return `/api/reports/${id}/files/${fileId}`;
}
