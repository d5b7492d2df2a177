/** Residents' feedback heard at hearings or recorded by officers (src/contracts/feedback.ts). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  FeedbackDetail,
  FeedbackExportQuery,
  FeedbackList,
  FeedbackListQuery,
  ForwardFeedbackBody,
  UpdateFeedbackBody,
} from '../../contracts/feedback';
import type { DeleteRecordBody, PeriodSummaryQuery, SummaryResponse } from '../../contracts/registry';
import { apiGet, apiSend, buildUrl } from './client';

export type {
  CreateFeedbackBody,
  FeedbackDetail,
  FeedbackItem,
  FeedbackList,
  FeedbackListQuery,
  UpdateFeedbackBody,
} from '../../contracts/feedback';

export const feedbackQueries = {
  all: ['feedback'] as const,
  list: (query: FeedbackListQuery) =>
    queryOptions({
      queryKey: ['feedback', 'list', query],
      queryFn: ({ signal }) => apiGet<FeedbackList>('/api/feedback', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: ['feedback', 'detail', id],
      queryFn: ({ signal }) => apiGet<FeedbackDetail>(`/api/feedback/${id}`, {}, signal),
    }),
  summary: (query: PeriodSummaryQuery) =>
    queryOptions({
      queryKey: ['feedback', 'summary', query],
      queryFn: ({ signal }) => apiGet<SummaryResponse>('/api/feedback/summary', { ...query }, signal),
      placeholderData: keepPreviousData,
    }),
};

export const createFeedback = (body: CreateFeedbackBody) =>
  apiSend<FeedbackDetail>('POST', '/api/feedback', body);
export const updateFeedback = (id: number, body: UpdateFeedbackBody) =>
  apiSend<FeedbackDetail>('PATCH', `/api/feedback/${id}`, body);
export const answerFeedback = (id: number, body: AnswerFeedbackBody) =>
  apiSend<FeedbackDetail>('POST', `/api/feedback/${id}/answer`, body);
export const forwardFeedback = (id: number, body: ForwardFeedbackBody) =>
  apiSend<FeedbackDetail>('POST', `/api/feedback/${id}/forward`, body);

export function feedbackExportUrl(query: FeedbackExportQuery): string {
  return buildUrl('/api/feedback/export', { ...query });
}
export const FEEDBACK_TEMPLATE_URL = '/api/feedback/import/template';
export const deleteFeedback = (id: number, body: DeleteRecordBody) =>
  apiSend<null>('DELETE', `/api/feedback/${id}`, body);
