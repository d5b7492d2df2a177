/** Coordination programmes and steering committees, typed by src/contracts/programmes.ts and committees.ts. */
import { queryOptions } from '@tanstack/react-query';
import type { CommitteeDetail, CommitteeList, MeetingBody } from '../../contracts/committees';
import type {
  PlanBody,
  PlanDetail,
  ProgrammeDetail,
  ProgrammeList,
  ProgressView,
  TaskBody,
  TaskItem,
  TaskNoteBody,
  UpdateTaskBody,
} from '../../contracts/programmes';
import { apiGet, apiSend } from './client';

export type { CommitteeDetail, CommitteeItem, MeetingItem } from '../../contracts/committees';
export type {
  PlanDetail,
  ProgrammeDetail,
  ProgrammeItem,
  ProgressView,
  TaskItem,
} from '../../contracts/programmes';

export const programmeQueries = {
  list: () =>
    queryOptions({
      queryKey: ['programmes', 'list'],
      queryFn: ({ signal }) => apiGet<ProgrammeList>('/api/programmes', {}, signal),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['programmes', 'detail', id],
      queryFn: ({ signal }) => apiGet<ProgrammeDetail>(`/api/programmes/${id}`, {}, signal),
    }),
  progress: (id: number, year: number) =>
    queryOptions({
      queryKey: ['programmes', 'progress', id, year],
      queryFn: ({ signal }) => apiGet<ProgressView>(`/api/programmes/${id}/progress`, { year }, signal),
    }),
  plan: (planId: number) =>
    queryOptions({
      queryKey: ['programmes', 'plan', planId],
      queryFn: ({ signal }) => apiGet<PlanDetail>(`/api/programmes/plans/${planId}`, {}, signal),
    }),
  committees: () =>
    queryOptions({
      queryKey: ['committees', 'list'],
      queryFn: ({ signal }) => apiGet<CommitteeList>('/api/committees', {}, signal),
    }),
  committee: (id: number) =>
    queryOptions({
      queryKey: ['committees', 'detail', id],
      queryFn: ({ signal }) => apiGet<CommitteeDetail>(`/api/committees/${id}`, {}, signal),
    }),
};

export const createPlan = (programmeId: number, body: PlanBody) =>
  apiSend<PlanDetail>('POST', `/api/programmes/${programmeId}/plans`, body);
export const addPlanTask = (planId: number, body: TaskBody) =>
  apiSend<PlanDetail>('POST', `/api/programmes/plans/${planId}/tasks`, body);
export const updateTask = (taskId: number, body: UpdateTaskBody) =>
  apiSend<TaskItem>('PATCH', `/api/programmes/tasks/${taskId}`, body);
export const addTaskNote = (taskId: number, body: TaskNoteBody) =>
  apiSend<TaskItem>('POST', `/api/programmes/tasks/${taskId}/notes`, body);
export const addMeeting = (committeeId: number, body: MeetingBody) =>
  apiSend<CommitteeDetail>('POST', `/api/committees/${committeeId}/meetings`, body);
