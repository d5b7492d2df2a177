import {
  ApproveAwardBody,
  AwardDetail,
  AwardIdParams,
  AwardList,
  AwardListQuery,
  AwardOption,
  AwardOptionKindParams,
  AwardOptions,
  CreateAwardBody,
  CreateAwardOptionBody,
  RefuseAwardBody,
  UpdateAwardBody,
} from '../../../contracts/awards.js';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import { PeriodSummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as awards from './awards.service.js';

const tags = ['Khen thưởng'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };

export async function awardsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  api.addHook('onReady', async () => {
    await awards.ensureAwardOptions(db);
  });
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
}
