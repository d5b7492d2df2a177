/** The officers' side of the citizen portal: posts (draft → published) and residents' feedback sent through it. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { FeedbackList, PostBody, PostItem, PostList } from '../../contracts/portal';
import { apiGet, apiSend } from './client';

export type { FeedbackItem, PostBody, PostItem } from '../../contracts/portal';

type PostListAnswer = Static<typeof PostList>;
type FeedbackListAnswer = Static<typeof FeedbackList>;

export interface PostFilter {
  status?: 'draft' | 'published' | undefined;
  page: number;
}

export const portalQueries = {
  posts: (filter: PostFilter) =>
    queryOptions({
      queryKey: ['portal', 'posts', filter],
      queryFn: ({ signal }) =>
        apiGet<PostListAnswer>('/api/portal/posts', { ...filter, pageSize: 20 }, signal),
      placeholderData: keepPreviousData,
    }),
  post: (id: number) =>
    queryOptions({
      queryKey: ['portal', 'post', id],
      queryFn: ({ signal }) => apiGet<PostItem>(`/api/portal/posts/${id}`, {}, signal),
    }),
  feedback: (filter: { status?: 'new' | 'handled' | undefined; page: number }) =>
    queryOptions({
      queryKey: ['portal', 'feedback', filter],
      queryFn: ({ signal }) =>
        apiGet<FeedbackListAnswer>('/api/portal/feedback', { ...filter, pageSize: 20 }, signal),
      placeholderData: keepPreviousData,
      // Every read of the list is an audit event: no silent refetching.
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
    }),
};

export const portalActions = {
  create: (body: PostBody) => apiSend<PostItem>('POST', '/api/portal/posts', body),
  update: (id: number, body: PostBody) => apiSend<PostItem>('PUT', `/api/portal/posts/${id}`, body),
  publish: (id: number, published: boolean) =>
    apiSend<PostItem>('POST', `/api/portal/posts/${id}/${published ? 'publish' : 'unpublish'}`),
  handleFeedback: (id: number, response: string) =>
    apiSend<{ ok: boolean }>('POST', `/api/portal/feedback/${id}/handle`, { response }),
};
