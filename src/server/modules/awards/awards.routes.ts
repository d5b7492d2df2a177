import { Type } from 'typebox';
import {
  ApproveAwardBody,
  AwardDetail,
  AwardExportQuery,
  AwardIdParams,
  AwardList,
  AwardListQuery,
  AwardOption,
  AwardOptionKindParams,
  AwardOptionParams,
  AwardOptions,
  CreateAwardBody,
  CreateAwardOptionBody,
  RefuseAwardBody,
  UpdateAwardBody,
  UpdateAwardOptionBody,
} from '../../../contracts/awards.js';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
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
import { exportAwards } from './awards.export.js';
import { buildAwardsTemplate, runAwardsImport } from './awards.import.js';
import * as awards from './awards.service.js';

const tags = ['Khen thưởng'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
export const AWARDS_IMPORT_JOB = 'awards.import';

export async function awardsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  api.addHook('onReady', async () => {
    await awards.ensureAwardOptions(db);
  });
  deps.jobs.register(AWARDS_IMPORT_JOB, (job) =>
    runAwardsImport(db, job.actor, job.input!, { dryRun: job.params.dryRun === true }, job.progress),
  );
  deps.attachmentOwners.register({
    entityType: 'award',
    label: 'hồ sơ khen thưởng',
    readPermission: 'awards.read',
    writePermission: 'awards.propose',
    find: async (tx, scope, id) => {
      const row = await awards.findAward(tx, scope, id);
      return row ? { unitId: row.unitId, provinceCode: row.provinceCode } : undefined;
    },
  });

  api.get(
    '/awards/options',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Danh mục hình thức và cấp khen thưởng (cấu hình được)',
        response: { 200: AwardOptions, 401: ErrorResponse },
      },
    },
    () => awards.listOptions(db),
  );

  api.post(
    '/awards/options/:list',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Thêm hình thức (forms) hoặc cấp khen thưởng (issuers)',
        params: AwardOptionKindParams,
        body: CreateAwardOptionBody,
        response: { 201: AwardOption, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await awards.createOption(db, requireActor(request), request.params.list, request.body)),
  );

  api.patch(
    '/awards/options/:list/:id',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Sửa tên, thứ tự, ngừng dùng một hình thức hoặc cấp khen thưởng',
        params: AwardOptionParams,
        body: UpdateAwardOptionBody,
        response: { 200: AwardOption, ...changeErrors },
      },
    },
    (request) =>
      awards.updateOption(db, requireActor(request), request.params.list, request.params.id, request.body),
  );

  api.get(
    '/awards/export',
    {
      config: { permission: 'awards.read' },
      schema: {
        tags,
        summary: 'Xuất Excel danh sách khen thưởng theo bộ lọc đang xem',
        querystring: AwardExportQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportAwards(db, requireActor(request), request.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(stream);
    },
  );

  api.get(
    '/awards/import/template',
    {
      config: { permission: 'awards.propose' },
      schema: {
        tags,
        summary:
          'Tệp Excel mẫu để nhập khen thưởng (có số quyết định: ghi là đã quyết định, cần quyền duyệt; không có: ghi là đề nghị)',
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await buildAwardsTemplate(db, requireActor(request));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('Mẫu nhập khen thưởng.xlsx'))
        .send(file);
    },
  );

  api.post(
    '/awards/import',
    {
      config: { permission: 'awards.propose' },
      schema: {
        tags,
        summary:
          'Nhập Excel khen thưởng (có số quyết định: ghi là đã quyết định, cần quyền duyệt; không có: ghi là đề nghị) (multipart, trường "file"): kiểm tra mọi dòng trước, có lỗi thì không ghi gì. ' +
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
        AWARDS_IMPORT_JOB,
        { dryRun: request.query.dryRun === true },
        file,
      );
      return reply.status(state.status === 'succeeded' || state.status === 'failed' ? 200 : 202).send(state);
    },
  );

  api.get(
    '/awards',
    {
      config: { permission: 'awards.read' },
      schema: {
        tags,
        summary:
          'Danh sách khen thưởng và đề nghị: lọc theo đơn vị, trạng thái, hình thức, cấp khen, tập thể/cá nhân, ngày; tìm không dấu',
        querystring: AwardListQuery,
        response: { 200: AwardList, ...errors },
      },
    },
    (request) => awards.listAwards(db, requireActor(request), request.query),
  );

  api.get(
    '/awards/summary',
    {
      config: { permission: 'awards.read' },
      schema: {
        tags,
        summary:
          'Số khen thưởng trong kỳ theo hình thức, cấp khen, tập thể/cá nhân: của đơn vị và từng đơn vị trực thuộc',
        querystring: PeriodSummaryQuery,
        response: { 200: SummaryResponse, ...errors },
      },
    },
    (request) => awards.awardsSummary(db, requireActor(request), request.query),
  );

  api.get(
    '/awards/:id',
    {
      config: { permission: 'awards.read' },
      schema: {
        tags,
        summary: 'Chi tiết khen thưởng: tệp quyết định, lịch sử',
        params: AwardIdParams,
        response: { 200: AwardDetail, ...errors },
      },
    },
    (request) => awards.getAward(db, requireActor(request), request.params.id),
  );

  api.post(
    '/awards',
    {
      config: { permission: 'awards.propose' },
      schema: {
        tags,
        summary: 'Lập đề nghị khen thưởng (hoặc ghi khen thưởng đã có quyết định, với quyền duyệt)',
        body: CreateAwardBody,
        response: { 201: AwardDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await awards.createAward(db, requireActor(request), request.body)),
  );

  api.patch(
    '/awards/:id',
    {
      config: { permission: 'awards.propose' },
      schema: {
        tags,
        summary: 'Sửa đề nghị hoặc khen thưởng',
        params: AwardIdParams,
        body: UpdateAwardBody,
        response: { 200: AwardDetail, ...changeErrors },
      },
    },
    (request) => awards.updateAward(db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/awards/:id/approve',
    {
      config: { permission: 'awards.approve' },
      schema: {
        tags,
        summary: 'Duyệt đề nghị khen thưởng (cấp trên của đơn vị được khen): ghi số, ngày quyết định',
        params: AwardIdParams,
        body: ApproveAwardBody,
        response: { 200: AwardDetail, ...changeErrors },
      },
    },
    (request) => awards.decideAward(db, requireActor(request), request.params.id, { approve: request.body }),
  );

  api.post(
    '/awards/:id/refuse',
    {
      config: { permission: 'awards.approve' },
      schema: {
        tags,
        summary: 'Không duyệt đề nghị khen thưởng, kèm lý do',
        params: AwardIdParams,
        body: RefuseAwardBody,
        response: { 200: AwardDetail, ...changeErrors },
      },
    },
    (request) => awards.decideAward(db, requireActor(request), request.params.id, { refuse: request.body }),
  );

  api.delete(
    '/awards/:id',
    {
      config: { permission: 'awards.propose' },
      schema: {
        tags,
        summary:
          'Xóa khen thưởng hoặc đề nghị ghi nhầm, kèm lý do (ghi nhật ký cùng bản ghi như trước khi xóa); khen thưởng đã quyết định chỉ người có quyền duyệt xóa',
        params: AwardIdParams,
        body: DeleteRecordBody,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await awards.deleteAward(db, deps.files, requireActor(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );
}
