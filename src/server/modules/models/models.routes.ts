import { Type } from 'typebox';
import { ErrorResponse, errorResponses, IsoDate } from '../../../contracts/common.js';
import { JobState } from '../../../contracts/jobs.js';
import {
  CreateModelBody,
  CreateModelKindBody,
  EndModelBody,
  ModelDetail,
  ModelExportQuery,
  ModelIdParams,
  ModelKind,
  ModelKindList,
  ModelKindParams,
  ModelList,
  ModelListQuery,
  ModelRatingBody,
  ModelRatingParams,
  ModelStatusBody,
  ReplicationTree,
  UpdateModelBody,
  UpdateModelKindBody,
} from '../../../contracts/models.js';
import { ImportQuery, SummaryQuery, SummaryResponse, XlsxFile } from '../../../contracts/registry.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { readUploadedFile } from '../../http/upload.js';
import { attachmentHeader, XLSX_MIME } from '../../registry/xlsx.js';
import { startJob } from '../jobs/jobs.service.js';
import { exportModels } from './models.export.js';
import { buildModelsTemplate, runModelsImport } from './models.import.js';
import * as models from './models.service.js';

const tags = ['Mô hình tự quản'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
export const MODELS_IMPORT_JOB = 'models.import';

export async function modelsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  api.addHook('onReady', async () => {
    await models.ensureModelKinds(db);
  });
  deps.jobs.register(MODELS_IMPORT_JOB, (job) =>
    runModelsImport(db, job.actor, job.input!, { dryRun: job.params.dryRun === true }, job.progress),
  );

  api.get(
    '/models/kinds',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Danh mục loại mô hình (cấu hình được)',
        response: { 200: ModelKindList, 401: ErrorResponse },
      },
    },
    () => models.listKinds(db),
  );

  api.post(
    '/models/kinds',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Thêm loại mô hình',
        body: CreateModelKindBody,
        response: { 201: ModelKind, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await models.createKind(db, requireActor(request), request.body)),
  );

  api.patch(
    '/models/kinds/:kindId',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Sửa tên, thứ tự, ngừng dùng một loại mô hình',
        params: ModelKindParams,
        body: UpdateModelKindBody,
        response: { 200: ModelKind, ...changeErrors },
      },
    },
    (request) => models.updateKind(db, requireActor(request), request.params.kindId, request.body),
  );

  api.get(
    '/models',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary:
          'Danh sách mô hình: lọc theo đơn vị, loại, trạng thái, điển hình, camera, ngày; tìm không dấu',
        querystring: ModelListQuery,
        response: { 200: ModelList, ...errors },
      },
    },
    (request) => models.listModels(db, requireActor(request), request.query),
  );

  api.get(
    '/models/summary',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary:
          'Số mô hình theo loại và trạng thái, số điểm camera và camera: của đơn vị và từng đơn vị trực thuộc',
        querystring: SummaryQuery,
        response: { 200: SummaryResponse, ...errors },
      },
    },
    (request) => models.modelsSummary(db, requireActor(request), request.query),
  );

  api.get(
    '/models/export',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Xuất Excel danh sách mô hình theo bộ lọc đang xem',
        querystring: ModelExportQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportModels(db, requireActor(request), request.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(stream);
    },
  );

  api.get(
    '/models/import/template',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Tệp Excel mẫu để nhập mô hình',
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await buildModelsTemplate(db, requireActor(request));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('Mẫu nhập mô hình tự quản.xlsx'))
        .send(file);
    },
  );

  api.post(
    '/models/import',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary:
          'Nhập Excel mô hình (multipart, trường "file"): kiểm tra mọi dòng trước, có lỗi thì không ghi gì. ' +
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
        MODELS_IMPORT_JOB,
        { dryRun: request.query.dryRun === true },
        file,
      );
      return reply.status(state.status === 'succeeded' || state.status === 'failed' ? 200 : 202).send(state);
    },
  );

  api.get(
    '/models/:id',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary:
          'Chi tiết mô hình: các đơn vị thực hiện, trạng thái qua thời gian, đánh giá hằng năm, lịch sử',
        params: ModelIdParams,
        querystring: Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: { 200: ModelDetail, ...errors },
      },
    },
    (request) => models.getModel(db, requireActor(request), request.params.id, request.query.asOf),
  );

  api.get(
    '/models/:id/replication',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'Cây nhân rộng: mô hình gốc và các mô hình nhân rộng từ mô hình này (ngoài phạm vi chỉ đếm)',
        params: ModelIdParams,
        response: { 200: ReplicationTree, ...errors },
      },
    },
    (request) => models.replicationTree(db, requireActor(request), request.params.id),
  );

  api.post(
    '/models',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Ghi nhận mô hình mới',
        body: CreateModelBody,
        response: { 201: ModelDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await models.createModel(db, requireActor(request), request.body)),
  );

  api.patch(
    '/models/:id',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Sửa mô hình (tên, loại, đơn vị, ngày bắt đầu, điển hình, camera, nhân rộng từ)',
        params: ModelIdParams,
        body: UpdateModelBody,
        response: { 200: ModelDetail, ...changeErrors },
      },
    },
    (request) => models.updateModel(db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/models/:id/status',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Tạm dừng, hoạt động lại hoặc kết thúc mô hình từ một ngày',
        params: ModelIdParams,
        body: ModelStatusBody,
        response: { 200: ModelDetail, ...changeErrors },
      },
    },
    (request) => models.changeStatus(db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/models/:id/end',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Kết thúc mô hình',
        params: ModelIdParams,
        body: EndModelBody,
        response: { 200: ModelDetail, ...changeErrors },
      },
    },
    (request) => models.endModel(db, requireActor(request), request.params.id, request.body),
  );

  api.put(
    '/models/:id/ratings/:year',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Đánh giá hiệu quả mô hình trong năm',
        params: ModelRatingParams,
        body: ModelRatingBody,
        response: { 200: ModelDetail, ...changeErrors },
      },
    },
    (request) =>
      models.rateModel(db, requireActor(request), request.params.id, request.params.year, request.body),
  );

  api.delete(
    '/models/:id/ratings/:year',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Bỏ đánh giá hiệu quả của một năm',
        params: ModelRatingParams,
        response: { 200: ModelDetail, ...changeErrors },
      },
    },
    (request) => models.rateModel(db, requireActor(request), request.params.id, request.params.year, null),
  );
}
