/** Reports (src/contracts/reports.ts): the indicator catalogue, templates, a run, and the drill-down. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CopyTemplateBody,
  DrillDownQuery,
  DrillDownResponse,
  IndicatorCatalogue,
  ReportRun,
  ReportTemplate,
  ReportTemplateBody,
  ReportTemplateList,
  RunReportRequest,
} from '../../contracts/reports';
import { apiGet, apiSend } from './client';

export type {
  DrillDownQuery,
  DrillDownResponse,
  IndicatorCatalogue,
  IndicatorInfo,
  ReportLine,
  ReportRun,
  ReportSection,
  ReportTemplate,
  ReportTemplateBody,
  RunReportRequest,
  TemplateRow,
  TemplateSection,
} from '../../contracts/reports';

export const reportQueries = {
  all: ['reports'] as const,
  catalogue: () =>
    queryOptions({
      queryKey: ['reports', 'indicators'],
      queryFn: ({ signal }) => apiGet<IndicatorCatalogue>('/api/indicators', {}, signal),
      staleTime: 10 * 60_000,
    }),
  templates: () =>
    queryOptions({
      queryKey: ['reports', 'templates'],
      queryFn: ({ signal }) => apiGet<ReportTemplateList>('/api/reports/templates', {}, signal),
    }),
  drillDown: (query: DrillDownQuery) =>
    queryOptions({
      queryKey: ['reports', 'drill-down', query],
      queryFn: ({ signal }) => apiGet<DrillDownResponse>('/api/reports/drill-down', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
};

export const runReport = (request: RunReportRequest) =>
  apiSend<ReportRun>('POST', '/api/reports/run', request);
export const createTemplate = (body: ReportTemplateBody) =>
  apiSend<ReportTemplate>('POST', '/api/reports/templates', body);
export const updateTemplate = (id: number, body: ReportTemplateBody) =>
  apiSend<ReportTemplate>('PUT', `/api/reports/templates/${id}`, body);
export const copyTemplate = (id: number, body: CopyTemplateBody = {}) =>
  apiSend<ReportTemplate>('POST', `/api/reports/templates/${id}/copy`, body);
