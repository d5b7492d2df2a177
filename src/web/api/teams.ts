/** Teams, their members, ratings and summary (src/contracts/teams.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SummaryQuery, SummaryResponse } from '../../contracts/registry';
import type {
  CreateMemberBody,
  CreateTeamBody,
  DissolveTeamBody,
  LeaveBody,
  MemberDetail,
  MemberList,
  RatingBody,
  RatingSheet,
  TeamDetail,
  TeamExportQuery,
  TeamList,
  TeamListQuery,
  TeamMemberListQuery,
  TrainingBody,
  UpdateMemberBody,
  UpdateTeamBody,
} from '../../contracts/teams';
import { apiGet, apiSend, buildUrl } from './client';

export type {
  CreateMemberBody,
  CreateTeamBody,
  MemberDetail,
  MemberItem,
  MemberList,
  RatingSheet,
  TeamDetail,
  TeamItem,
  TeamList,
  TeamListQuery,
  UpdateMemberBody,
  UpdateTeamBody,
} from '../../contracts/teams';

export const teamQueries = {
  all: ['teams'] as const,
  list: (query: TeamListQuery) =>
    queryOptions({
      queryKey: ['teams', 'list', query],
      queryFn: ({ signal }) => apiGet<TeamList>('/api/teams', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['teams', 'detail', id],
      queryFn: ({ signal }) => apiGet<TeamDetail>(`/api/teams/${id}`, {}, signal),
    }),
  members: (id: number, query: TeamMemberListQuery) =>
    queryOptions({
      queryKey: ['teams', 'members', id, query],
      queryFn: ({ signal }) => apiGet<MemberList>(`/api/teams/${id}/members`, { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  member: (id: number, memberId: number) =>
    queryOptions({
      queryKey: ['teams', 'member', id, memberId],
      queryFn: ({ signal }) => apiGet<MemberDetail>(`/api/teams/${id}/members/${memberId}`, {}, signal),
    }),
  ratings: (id: number, year: number) =>
    queryOptions({
      queryKey: ['teams', 'ratings', id, year],
      queryFn: ({ signal }) => apiGet<RatingSheet>(`/api/teams/${id}/ratings/${year}`, {}, signal),
    }),
  summary: (query: SummaryQuery) =>
    queryOptions({
      queryKey: ['teams', 'summary', query],
      queryFn: ({ signal }) => apiGet<SummaryResponse>('/api/teams/summary', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
};

/** The Excel file of the teams the list shows (all pages), opened by the browser as a download. */
export function teamsExportUrl(query: TeamExportQuery): string {
  return buildUrl('/api/teams/export', { ...query });
}

export const TEAMS_TEMPLATE_URL = '/api/teams/import/template';

export const createTeam = (body: CreateTeamBody) => apiSend<TeamDetail>('POST', '/api/teams', body);
export const updateTeam = (id: number, body: UpdateTeamBody) =>
  apiSend<TeamDetail>('PATCH', `/api/teams/${id}`, body);
export const dissolveTeam = (id: number, body: DissolveTeamBody) =>
  apiSend<TeamDetail>('POST', `/api/teams/${id}/dissolve`, body);

export const addMember = (id: number, body: CreateMemberBody) =>
  apiSend<MemberDetail>('POST', `/api/teams/${id}/members`, body);
export const updateMember = (id: number, memberId: number, body: UpdateMemberBody) =>
  apiSend<MemberDetail>('PATCH', `/api/teams/${id}/members/${memberId}`, body);
export const leaveTeam = (id: number, memberId: number, body: LeaveBody) =>
  apiSend<MemberDetail>('POST', `/api/teams/${id}/members/${memberId}/leave`, body);
export const addTraining = (id: number, memberId: number, body: TrainingBody) =>
  apiSend<MemberDetail>('POST', `/api/teams/${id}/members/${memberId}/trainings`, body);
export const removeTraining = (id: number, memberId: number, trainingId: number) =>
  apiSend<MemberDetail>('DELETE', `/api/teams/${id}/members/${memberId}/trainings/${trainingId}`);

export const rateMember = (id: number, memberId: number, year: number, body: RatingBody | null) =>
  body === null
    ? apiSend<RatingSheet>('DELETE', `/api/teams/${id}/members/${memberId}/ratings/${year}`)
    : apiSend<RatingSheet>('PUT', `/api/teams/${id}/members/${memberId}/ratings/${year}`, body);
