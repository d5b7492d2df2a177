import { Type } from 'typebox';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  FeedbackDetail,
  FeedbackExportQuery,
  FeedbackIdParams,
  FeedbackList,
  FeedbackListQuery,
  ForwardFeedbackBody,
  UpdateFeedbackBody,
} from '../../../contracts/feedback.js';
import { JobState } from '../../../contracts/jobs.js';
import {
  DeleteRecordBody,
  ImportQuery,
  PeriodSummaryQuery,
  SummaryResponse,
  XlsxFile,
} from '../../../contracts/registry.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { readUploadedFile } from '../../http/upload.js';
import { attachmentHeader, XLSX_MIME } from '../../registry/xlsx.js';
import { startJob } from '../jobs/jobs.service.js';
import { exportFeedback } from './feedback.export.js';
import { buildFeedbackTemplate, runFeedbackImport } from './feedback.import.js';
import * as feedback from './feedback.service.js';

const tags = ['Ý kiến phản ánh của Nhân dân'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
export const FEEDBACK_IMPORT_JOB = 'feedback.import';

export async function feedbackRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const cipher = deps.cipher;
  deps.jobs.register(FEEDBACK_IMPORT_JOB, (job) =>
    runFeedbackImport(
      db,
      cipher,
      job.actor,
      job.input!,
      { dryRun: job.params.dryRun === true },
      job.progress,
    ),
  );
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
    '/feedback/export',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary:
          'Xuất Excel danh sách ý kiến phản ánh (không có họ tên, số điện thoại người phản ánh) theo bộ lọc đang xem',
        querystring: FeedbackExportQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportFeedback(db, requireActor(request), request.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(stream);
    },
  );

  api.get(
    '/feedback/import/template',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: 'Tệp Excel mẫu để nhập ý kiến phản ánh (không nhập họ tên, số điện thoại người phản ánh)',
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await buildFeedbackTemplate(db, requireActor(request));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('Mẫu nhập ý kiến phản ánh.xlsx'))
        .send(file);
    },
  );

  api.post(
    '/feedback/import',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary:
          'Nhập Excel ý kiến phản ánh (không nhập họ tên, số điện thoại người phản ánh) (multipart, trường "file"): kiểm tra mọi dòng trước, có lỗi thì không ghi gì. ' +
          'Trả 200 khi đã xong, 202 khi còn đang xử lý (theo dõi ở GET /api/jobs/:id)',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: JobState, 202: JobState, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUploadedFile(request);
      const state = await startJob(
        db,
        deps.jobs,
        actor,
        FEEDBACK_IMPORT_JOB,
        { dryRun: request.query.dryRun === true },
        file,
      );
      return reply.status(state.status === 'succeeded' || state.status === 'failed' ? 200 : 202).send(state);
    },
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

  api.delete(
    '/feedback/:id',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: 'Xóa ý kiến phản ánh ghi nhầm, kèm lý do (ghi nhật ký cùng bản ghi như trước khi xóa)',
        params: FeedbackIdParams,
        body: DeleteRecordBody,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await feedback.deleteFeedback(
        db,
        deps.files,
        requireActor(request),
        request.params.id,
        request.body.reason,
      );
      return reply.status(204).send(null);
    },
  );
}
