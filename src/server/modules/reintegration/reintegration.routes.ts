import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import { SummaryResponse } from '../../../contracts/registry.js';
import {
  CaseDetail,
  CaseIdParams,
  CaseList,
  CaseListQuery,
  CheckInBody,
  CreateCaseBody,
  DestinationQuery,
  Destinations,
  EndHelperBody,
  HelperBody,
  HelperCandidates,
  HelperParams,
  ReintegrationSummaryQuery,
  StatusBody,
  SupportBody,
  SupportOutcomeBody,
  SupportParams,
  TransferBody,
  UpdateCaseBody,
} from '../../../contracts/reintegration.js';
import type { Permission } from '../../../domain/roles.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as reintegration from './reintegration.service.js';

const tags = ['Tái hòa nhập cộng đồng'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
const READERS: readonly Permission[] = ['reintegration.read', 'reintegration.help'];
const HELPERS: readonly Permission[] = ['reintegration.write', 'reintegration.help'];

export async function reintegrationRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const cipher = deps.cipher;

  api.get(
    '/reintegration/cases',
    {
      config: { permission: READERS },
      schema: {
        tags,
        summary:
          'Danh sách hồ sơ người chấp hành xong án phạt tù về địa phương (cán bộ MTTQ: chỉ hồ sơ mình giúp đỡ); mỗi lần xem được ghi nhật ký',
        querystring: CaseListQuery,
        response: { 200: CaseList, ...errors },
      },
    },
    (request) => reintegration.listCases(db, requireActor(request), request.query),
  );

  api.get(
    '/reintegration/summary',
    {
      config: { permission: [...READERS, 'dashboard.read'] },
      schema: {
        tags,
        summary:
          'Số liệu tái hòa nhập theo đơn vị và kỳ: đang quản lý, có việc làm, đã tái hòa nhập (tỷ lệ), mở và kết thúc theo lý do',
        querystring: ReintegrationSummaryQuery,
        response: { 200: SummaryResponse, ...errors },
      },
    },
    (request) => reintegration.reintegrationSummary(db, requireActor(request), request.query),
  );

  api.get(
    '/reintegration/destinations',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary: 'Tìm xã, phường trong cả nước để chuyển hồ sơ khi người này chuyển nơi cư trú',
        querystring: DestinationQuery,
        response: { 200: Destinations, ...errors },
      },
    },
    (request) => reintegration.searchDestinations(db, requireActor(request), request.query.q),
  );

  api.post(
    '/reintegration/cases',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary: 'Lập hồ sơ (số định danh và tóm tắt bản án được mã hóa khi lưu)',
        body: CreateCaseBody,
        response: { 201: CaseDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reintegration.createCase(db, cipher, requireActor(request), request.body)),
  );

  api.get(
    '/reintegration/cases/:id',
    {
      config: { permission: READERS },
      schema: {
        tags,
        summary: 'Chi tiết hồ sơ (lần đọc được ghi nhật ký; cán bộ MTTQ không thấy tóm tắt bản án)',
        params: CaseIdParams,
        response: { 200: CaseDetail, ...errors },
      },
    },
    (request) => reintegration.getCase(db, cipher, requireActor(request), request.params.id),
  );

  api.patch(
    '/reintegration/cases/:id',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary: 'Sửa thông tin hồ sơ',
        params: CaseIdParams,
        body: UpdateCaseBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) => reintegration.updateCase(db, cipher, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/reintegration/cases/:id/status',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary: 'Đổi trạng thái: đang giúp đỡ, đã tái hòa nhập, hoặc kết thúc hồ sơ với lý do và ngày',
        params: CaseIdParams,
        body: StatusBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) =>
      reintegration.changeStatus(db, cipher, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/reintegration/cases/:id/transfer',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary:
          'Chuyển hồ sơ khi người này chuyển nơi cư trú: hồ sơ ở đây kết thúc (giữ lịch sử), xã, phường mới nhận hồ sơ',
        params: CaseIdParams,
        body: TransferBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) =>
      reintegration.transferCase(db, cipher, requireActor(request), request.params.id, request.body),
  );

  api.get(
    '/reintegration/cases/:id/helper-candidates',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary: 'Cán bộ Ủy ban MTTQ có thể được phân công giúp đỡ (của xã, phường giữ hồ sơ hoặc cấp trên)',
        params: CaseIdParams,
        response: { 200: HelperCandidates, ...errors },
      },
    },
    (request) => reintegration.helperCandidates(db, requireActor(request), request.params.id),
  );

  api.post(
    '/reintegration/cases/:id/helpers',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary: 'Phân công tổ chức, cá nhân giúp đỡ (do Ủy ban MTTQ đề xuất, theo quyết định)',
        params: CaseIdParams,
        body: HelperBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) => reintegration.addHelper(db, cipher, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/reintegration/cases/:id/helpers/:helperId/end',
    {
      config: { permission: 'reintegration.write' },
      schema: {
        tags,
        summary: 'Kết thúc phân công giúp đỡ',
        params: HelperParams,
        body: EndHelperBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) =>
      reintegration.endHelper(
        db,
        cipher,
        requireActor(request),
        request.params.id,
        request.params.helperId,
        request.body.endedOn,
      ),
  );

  api.post(
    '/reintegration/cases/:id/supports',
    {
      config: { permission: HELPERS },
      schema: {
        tags,
        summary:
          'Ghi nhận hỗ trợ (cư trú, căn cước, lý lịch tư pháp, xóa án tích, việc làm, học nghề, vay vốn) với ngày và kết quả',
        params: CaseIdParams,
        body: SupportBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) => reintegration.addSupport(db, cipher, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/reintegration/cases/:id/supports/:supportId/outcome',
    {
      config: { permission: HELPERS },
      schema: {
        tags,
        summary: 'Cập nhật kết quả của một lần hỗ trợ',
        params: SupportParams,
        body: SupportOutcomeBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) =>
      reintegration.recordSupportOutcome(
        db,
        cipher,
        requireActor(request),
        request.params.id,
        request.params.supportId,
        request.body,
      ),
  );

  api.post(
    '/reintegration/cases/:id/check-ins',
    {
      config: { permission: HELPERS },
      schema: {
        tags,
        summary: 'Ghi nhận nắm tình hình định kỳ',
        params: CaseIdParams,
        body: CheckInBody,
        response: { 200: CaseDetail, ...changeErrors },
      },
    },
    (request) => reintegration.addCheckIn(db, cipher, requireActor(request), request.params.id, request.body),
  );
}
