/** Posts (internal authoring + public reading) and residents' feedback (public form + internal list). */
import { Type } from 'typebox';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  FeedbackAccepted,
  FeedbackBody,
  FeedbackHandleBody,
  FeedbackList,
  FeedbackQuery,
  PostBody,
  PostIdParams,
  PostItem,
  PostList,
  PostQuery,
  PublicPost,
  PublicPostList,
  PublicPostQuery,
} from '../../../contracts/portal.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as portal from './portal.service.js';

const tags = ['Cổng thông tin: bài viết, phản ánh'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const Done = Type.Object({ ok: Type.Boolean() });

export async function portalRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const publish = { permission: 'portal.publish' as const };

  api.get(
    '/public/posts',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Tin tức, bài tuyên truyền pháp luật đã đăng',
        querystring: PublicPostQuery,
        response: { 200: PublicPostList, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return portal.listPublicPosts(db, request.query);
    },
  );
  api.get(
    '/public/posts/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Một bài đã đăng',
        params: PostIdParams,
        response: { 200: PublicPost, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return portal.getPublicPost(db, request.params.id);
    },
  );
  api.post(
    '/public/feedback',
    {
      config: { public: true, rateLimit: { max: deps.config.publicSubmitsPerHour, timeWindow: '1 hour' } },
      bodyLimit: 32 * 1024,
      schema: {
        tags,
        summary: 'Gửi phản ánh, kiến nghị của người dân (cần lời giải thử thách chống gửi tự động)',
        body: FeedbackBody,
        response: { 201: FeedbackAccepted, 429: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const accepted = await portal.receiveFeedback(
        db,
        deps.cipher,
        request.server.crimeReports,
        request.body,
        request.id,
      );
      return reply.status(201).send(accepted);
    },
  );

  api.get(
    '/portal/posts',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Bài viết của địa bàn (nháp và đã đăng)',
        querystring: PostQuery,
        response: { 200: PostList, ...errors },
      },
    },
    (request) => portal.listPosts(db, requireActor(request), request.query),
  );
  api.get(
    '/portal/posts/:id',
    {
      config: publish,
      schema: { tags, summary: 'Một bài viết', params: PostIdParams, response: { 200: PostItem, ...errors } },
    },
    (request) => portal.getPost(db, requireActor(request), request.params.id),
  );
  api.post(
    '/portal/posts',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Viết bài (lưu nháp)',
        body: PostBody,
        response: { 201: PostItem, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await portal.createPost(db, requireActor(request), request.body)),
  );
  api.put(
    '/portal/posts/:id',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Sửa bài',
        params: PostIdParams,
        body: PostBody,
        response: { 200: PostItem, ...errors },
      },
    },
    (request) => portal.updatePost(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/portal/posts/:id/publish',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Đăng bài lên cổng thông tin',
        params: PostIdParams,
        response: { 200: PostItem, ...errors },
      },
    },
    (request) => portal.setPublished(db, requireActor(request), request.params.id, true),
  );
  api.post(
    '/portal/posts/:id/unpublish',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Gỡ bài khỏi cổng thông tin (về nháp)',
        params: PostIdParams,
        response: { 200: PostItem, ...errors },
      },
    },
    (request) => portal.setPublished(db, requireActor(request), request.params.id, false),
  );

  api.get(
    '/portal/feedback',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: 'Phản ánh của người dân trong địa bàn (mỗi lần xem được ghi nhật ký)',
        querystring: FeedbackQuery,
        response: { 200: FeedbackList, ...errors },
      },
    },
    (request) => portal.listFeedback(db, deps.cipher, requireActor(request), request.query),
  );
  api.post(
    '/portal/feedback/:id/handle',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: 'Ghi kết quả xử lý phản ánh',
        params: PostIdParams,
        body: FeedbackHandleBody,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      await portal.handleFeedback(
        db,
        deps.cipher,
        requireActor(request),
        request.params.id,
        request.body.response,
      );
      return { ok: true };
    },
  );
}
