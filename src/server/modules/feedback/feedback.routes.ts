import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  FeedbackDetail,
  FeedbackIdParams,
  FeedbackList,
  FeedbackListQuery,
  ForwardFeedbackBody,
  UpdateFeedbackBody,
} from '../../../contracts/feedback.js';
import { PeriodSummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as feedback from './feedback.service.js';

const tags = ['Ý kiến phản ánh của Nhân dân'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };

export async function feedbackRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const cipher = deps.cipher;
  deps.attachmentOwners.register({
    entityType: 'feedback',
    label: 'ý kiến phản ánh',
    readPermission: 'feedback.read',
    writePermission: 'feedback.write',
    find: async (tx, scope, id) => {
      const row = await feedback.findFeedback(tx, scope, id);
      return row ? { unitId: row.unitId, provinceCode: row.provinceCode } : undefined;
    },
  });

  api.get(
    '/feedback',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary:
          'Danh sách ý kiến phản ánh: lọc theo đơn vị, tình trạng, kênh, hội nghị, ngày; tìm không dấu',
        querystring: FeedbackListQuery,
        response: { 200: FeedbackList, ...errors },
      },
    },
    (request) => feedback.listFeedback(db, requireActor(request), request.query),
  );

  api.get(
    '/feedback/summary',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary:
          'Số ý kiến tiếp nhận trong kỳ theo tình trạng, số ý kiến đã trả lời: của đơn vị và từng đơn vị trực thuộc',
        querystring: PeriodSummaryQuery,
        response: { 200: SummaryResponse, ...errors },
      },
    },
    (request) => feedback.feedbackSummary(db, requireActor(request), request.query),
  );

  api.get(
    '/feedback/:id',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary:
          'Chi tiết ý kiến; họ tên, số điện thoại người phản ánh chỉ hiện với người có quyền ghi phản ánh (ghi nhật ký)',
        params: FeedbackIdParams,
        response: { 200: FeedbackDetail, ...errors },
      },
    },
    (request) => feedback.getFeedback(db, cipher, requireActor(request), request.params.id),
  );

  api.post(
    '/feedback',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: 'Ghi nhận ý kiến phản ánh',
        body: CreateFeedbackBody,
        response: { 201: FeedbackDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await feedback.createFeedback(db, cipher, requireActor(request), request.body)),
  );

  api.patch(
    '/feedback/:id',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: 'Sửa ý kiến phản ánh',
        params: FeedbackIdParams,
        body: UpdateFeedbackBody,
        response: { 200: FeedbackDetail, ...changeErrors },
      },
    },
    (request) => feedback.updateFeedback(db, cipher, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/feedback/:id/answer',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: 'Ghi câu trả lời cho ý kiến',
        params: FeedbackIdParams,
        body: AnswerFeedbackBody,
        response: { 200: FeedbackDetail, ...changeErrors },
      },
    },
    (request) =>
      feedback.respondToFeedback(db, requireActor(request), request.params.id, { answer: request.body }),
  );

  api.post(
    '/feedback/:id/forward',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: 'Ghi việc chuyển ý kiến đến cơ quan có thẩm quyền',
        params: FeedbackIdParams,
        body: ForwardFeedbackBody,
        response: { 200: FeedbackDetail, ...changeErrors },
      },
    },
    (request) =>
      feedback.respondToFeedback(db, requireActor(request), request.params.id, { forward: request.body }),
  );
}
