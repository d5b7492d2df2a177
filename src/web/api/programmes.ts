/** Coordination programmes and steering committees, typed by src/contracts/programmes.ts and committees.ts. */
import { queryOptions } from '@tanstack/react-query';
import type {
  CancelMeetingBody,
  CommitteeDetail,
  CommitteeList,
  MeetingBody,
  UpdateMeetingBody,
} from '../../contracts/committees';
import type {
  CreateProgrammeBody,
  PlanBody,
  PlanDetail,
  ProgrammeDetail,
  ProgrammeList,
  ProgressView,
  TaskBody,
  TaskItem,
  TaskNoteBody,
  UpdateProgrammeBody,
  UpdateTaskBody,
} from '../../contracts/programmes';
import { apiGet, apiSend } from './client';

export type { CommitteeDetail, CommitteeItem, MeetingItem } from '../../contracts/committees';
export type {
  CreateProgrammeBody,
  PlanDetail,
  ProgrammeDetail,
  ProgrammeItem,
  ProgressView,
  TaskItem,
  UpdateProgrammeBody,
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
export const updateMeeting = (meetingId: number, body: UpdateMeetingBody) =>
  apiSend<CommitteeDetail>('PATCH', `/api/committees/meetings/${meetingId}`, body);
export const cancelMeeting = (meetingId: number, body: CancelMeetingBody) =>
  apiSend<CommitteeDetail>('POST', `/api/committees/meetings/${meetingId}/cancel`, body);
export const createProgramme = (body: CreateProgrammeBody) =>
  apiSend<ProgrammeDetail>('POST', '/api/programmes', body);
export const updateProgramme = (id: number, body: UpdateProgrammeBody) =>
  apiSend<ProgrammeDetail>('PATCH', `/api/programmes/${id}`, body);
