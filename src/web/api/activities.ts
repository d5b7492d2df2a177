/** Activities, festival days, their calendar and the unit timeline (src/contracts/activities.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  ActivityDetail,
  ActivityExportQuery,
  ActivityKind,
  ActivityKindList,
  ActivityList,
  ActivityListQuery,
  Calendar,
  CalendarQuery,
  CreateActivityBody,
  CreateActivityKindBody,
  PlausibilityCheckBody,
  PlausibilityCheckResult,
  PopulationBody,
  PopulationList,
  Timeline,
  TimelineQuery,
  UpdateActivityBody,
  UpdateActivityKindBody,
} from '../../contracts/activities';
import type { DeleteRecordBody, PeriodSummaryQuery, SummaryResponse } from '../../contracts/registry';
import { apiGet, apiSend, buildUrl } from './client';

export type {
  ActivityDetail,
  ActivityItem,
  ActivityKind,
  ActivityList,
  ActivityListQuery,
  Calendar,
  CreateActivityBody,
  PlausibilityCheckResult,
  Timeline,
  UpdateActivityBody,
} from '../../contracts/activities';

export const activityQueries = {
  all: ['activities'] as const,
  kinds: () =>
    queryOptions({
      queryKey: ['activities', 'kinds'],
      queryFn: ({ signal }) => apiGet<ActivityKindList>('/api/activities/kinds', {}, signal),
      staleTime: 10 * 60_000,
    }),
  list: (query: ActivityListQuery) =>
    queryOptions({
      queryKey: ['activities', 'list', query],
      queryFn: ({ signal }) => apiGet<ActivityList>('/api/activities', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['activities', 'detail', id],
      queryFn: ({ signal }) => apiGet<ActivityDetail>(`/api/activities/${id}`, {}, signal),
    }),
  calendar: (query: CalendarQuery) =>
    queryOptions({
      queryKey: ['activities', 'calendar', query],
      queryFn: ({ signal }) => apiGet<Calendar>('/api/activities/calendar', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  timeline: (query: TimelineQuery) =>
    queryOptions({
      queryKey: ['activities', 'timeline', query],
      queryFn: ({ signal }) => apiGet<Timeline>('/api/activities/timeline', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  populations: (unitId: number) =>
    queryOptions({
      queryKey: ['activities', 'populations', unitId],
      queryFn: ({ signal }) => apiGet<PopulationList>(`/api/activities/populations/${unitId}`, {}, signal),
    }),
  summary: (query: PeriodSummaryQuery) =>
    queryOptions({
      queryKey: ['activities', 'summary', query],
      queryFn: ({ signal }) => apiGet<SummaryResponse>('/api/activities/summary', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
};

export function activitiesExportUrl(query: ActivityExportQuery): string {
  return buildUrl('/api/activities/export', { ...query });
}

export const ACTIVITIES_TEMPLATE_URL = '/api/activities/import/template';

export const createActivity = (body: CreateActivityBody) =>
  apiSend<ActivityDetail>('POST', '/api/activities', body);
export const updateActivity = (id: number, body: UpdateActivityBody) =>
  apiSend<ActivityDetail>('PATCH', `/api/activities/${id}`, body);
export const checkPlausibility = (body: PlausibilityCheckBody) =>
  apiSend<PlausibilityCheckResult>('POST', '/api/activities/plausibility', body);
export const deleteActivity = (id: number, body: DeleteRecordBody) =>
  apiSend<null>('DELETE', `/api/activities/${id}`, body);
export const createActivityKind = (body: CreateActivityKindBody) =>
  apiSend<ActivityKind>('POST', '/api/activities/kinds', body);
export const updateActivityKind = (id: number, body: UpdateActivityKindBody) =>
  apiSend<ActivityKind>('PATCH', `/api/activities/kinds/${id}`, body);
export const setPopulation = (unitId: number, year: number, body: PopulationBody) =>
  apiSend<PopulationList>('PUT', `/api/activities/populations/${unitId}/${year}`, body);
