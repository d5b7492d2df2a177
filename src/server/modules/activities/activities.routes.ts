import { Type } from 'typebox';
import {
  ActivityDetail,
  ActivityExportQuery,
  ActivityIdParams,
  ActivityKind,
  ActivityKindList,
  ActivityKindParams,
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
  PopulationParams,
  Timeline,
  TimelineQuery,
  UpdateActivityBody,
  UpdateActivityKindBody,
} from '../../../contracts/activities.js';
import { ErrorResponse, errorResponses, Id } from '../../../contracts/common.js';
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
import { exportActivities } from './activities.export.js';
import { buildActivitiesTemplate, runActivitiesImport } from './activities.import.js';
import * as activities from './activities.service.js';

const tags = ['Hoạt động phong trào'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
export const ACTIVITIES_IMPORT_JOB = 'activities.import';

export async function activitiesRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  api.addHook('onReady', async () => {
    await activities.ensureActivityKinds(db);
  });
  deps.jobs.register(ACTIVITIES_IMPORT_JOB, (job) =>
    runActivitiesImport(db, job.actor, job.input!, { dryRun: job.params.dryRun === true }, job.progress),
  );
  deps.attachmentOwners.register({
    entityType: 'activity',
    label: 'hoạt động',
    readPermission: 'activities.read',
    writePermission: 'activities.write',
    find: async (tx, scope, id) => {
      const row = await activities.findActivity(tx, scope, id);
      return row ? { unitId: row.unitId, provinceCode: row.provinceCode } : undefined;
    },
  });

  api.get(
    '/activities/kinds',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Danh mục loại hoạt động (cấu hình được)',
        response: { 200: ActivityKindList, 401: ErrorResponse },
      },
    },
    () => activities.listKinds(db),
  );

  api.post(
    '/activities/kinds',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Thêm loại hoạt động',
        body: CreateActivityKindBody,
        response: { 201: ActivityKind, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await activities.createKind(db, requireActor(request), request.body)),
  );

  api.patch(
    '/activities/kinds/:kindId',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Sửa tên, thứ tự, ngừng dùng một loại hoạt động',
        params: ActivityKindParams,
        body: UpdateActivityKindBody,
        response: { 200: ActivityKind, ...changeErrors },
      },
    },
    (request) => activities.updateKind(db, requireActor(request), request.params.kindId, request.body),
  );

  api.get(
    '/activities',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'Danh sách hoạt động: lọc theo đơn vị, loại, làm điểm, kế hoạch, ngày; tìm không dấu',
        querystring: ActivityListQuery,
        response: { 200: ActivityList, ...errors },
      },
    },
    (request) => activities.listActivities(db, requireActor(request), request.query),
  );

  api.get(
    '/activities/summary',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary:
          'Số hoạt động, lượt người theo loại, địa điểm Ngày hội, học viên theo nhóm trong kỳ: của đơn vị và từng đơn vị trực thuộc',
        querystring: PeriodSummaryQuery,
        response: { 200: SummaryResponse, ...errors },
      },
    },
    (request) => activities.activitiesSummary(db, requireActor(request), request.query),
  );

  api.get(
    '/activities/calendar',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'Lịch hoạt động của một tháng hoặc cả năm, cho đơn vị và các đơn vị trực thuộc',
        querystring: CalendarQuery,
        response: { 200: Calendar, ...errors },
      },
    },
    (request) => activities.calendar(db, requireActor(request), request.query),
  );

  api.get(
    '/activities/timeline',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary:
          'Dòng thời gian của một đơn vị: hoạt động, khen thưởng, ý kiến phản ánh, văn bản (loại bạn có quyền đọc)',
        querystring: TimelineQuery,
        response: { 200: Timeline, ...errors },
      },
    },
    (request) => activities.timeline(db, requireActor(request), request.query),
  );

  api.post(
    '/activities/plausibility',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary:
          'Kiểm tra số lượt người trước khi lưu: vượt dân số, gấp nhiều lần các lần trước (không ghi gì)',
        body: PlausibilityCheckBody,
        response: { 200: PlausibilityCheckResult, ...errors },
      },
    },
    (request) => activities.checkPlausibility(db, requireActor(request), request.body),
  );

  api.get(
    '/activities/populations/:unitId',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'Dân số của đơn vị theo năm (dùng để kiểm tra số lượt người)',
        params: Type.Object({ unitId: Id }),
        response: { 200: PopulationList, ...errors },
      },
    },
    (request) => activities.listPopulations(db, requireActor(request), request.params.unitId),
  );

  api.put(
    '/activities/populations/:unitId/:year',
    {
      config: { permission: 'units.manage' },
      schema: {
        tags,
        summary: 'Ghi dân số của đơn vị trong một năm',
        params: PopulationParams,
        body: PopulationBody,
        response: { 200: PopulationList, ...changeErrors },
      },
    },
    (request) =>
      activities.setPopulation(
        db,
        requireActor(request),
        request.params.unitId,
        request.params.year,
        request.body,
      ),
  );

  api.get(
    '/activities/export',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'Xuất Excel danh sách hoạt động theo bộ lọc đang xem',
        querystring: ActivityExportQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportActivities(db, requireActor(request), request.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(stream);
    },
  );

  api.get(
    '/activities/import/template',
    {
      config: { permission: 'activities.write' },
      schema: { tags, summary: 'Tệp Excel mẫu để nhập hoạt động', response: { 200: XlsxFile, ...errors } },
    },
    async (request, reply) => {
      const file = await buildActivitiesTemplate(db, requireActor(request));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('Mẫu nhập hoạt động.xlsx'))
        .send(file);
    },
  );

  api.post(
    '/activities/import',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary:
          'Nhập Excel hoạt động (multipart, trường "file"): kiểm tra mọi dòng trước, có lỗi thì không ghi gì. ' +
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
        ACTIVITIES_IMPORT_JOB,
        { dryRun: request.query.dryRun === true },
        file,
      );
      return reply.status(state.status === 'succeeded' || state.status === 'failed' ? 200 : 202).send(state);
    },
  );

  api.get(
    '/activities/:id',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'Chi tiết hoạt động: phần lễ, phần hội, học viên, ảnh và biên bản, lịch sử',
        params: ActivityIdParams,
        response: { 200: ActivityDetail, ...errors },
      },
    },
    (request) => activities.getActivity(db, requireActor(request), request.params.id),
  );

  api.post(
    '/activities',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary:
          'Ghi hoạt động. Số lượt người bất thường (vượt dân số, gấp nhiều lần các lần trước) trả 409 với cảnh báo; ' +
          'gửi lại kèm confirmation.reason để xác nhận',
        body: CreateActivityBody,
        response: { 201: ActivityDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await activities.createActivity(db, requireActor(request), request.body)),
  );

  api.patch(
    '/activities/:id',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary: 'Sửa hoạt động (số liệu bất thường cần xác nhận kèm lý do như khi ghi mới)',
        params: ActivityIdParams,
        body: UpdateActivityBody,
        response: { 200: ActivityDetail, ...changeErrors },
      },
    },
    (request) => activities.updateActivity(db, requireActor(request), request.params.id, request.body),
  );

  api.delete(
    '/activities/:id',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary:
          'Xóa hoạt động ghi nhầm, kèm lý do (ghi nhật ký cùng bản ghi như trước khi xóa); không xóa khi còn ý kiến phản ánh gắn với hoạt động',
        params: ActivityIdParams,
        body: DeleteRecordBody,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await activities.deleteActivity(
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
