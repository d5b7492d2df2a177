import {
  ApproveBody,
  ClassificationDetail,
  ClassificationList,
  ClassificationListQuery,
  ClassificationReturnBody,
  CreateClassificationBody,
  LevelsBody,
  LevelsQuery,
  LevelsResponse,
  ScoresBody,
  Sheet,
  SheetDraftBody,
  SheetItemsBody,
  SheetList,
  SheetParams,
} from '../../../contracts/classification.js';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import { RecordParams, ReopenBody } from '../../../contracts/recognition.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as classification from './classification.service.js';

const tags = ['Phân loại phong trào'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };

export async function classificationRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  deps.attachmentOwners.register({
    entityType: 'classification_record',
    label: 'phiếu phân loại phong trào',
    readPermission: 'classification.read',
    writePermission: 'classification.self_assess',
    find: classification.recordAsAttachmentOwner,
    onRemove: classification.dropFileReferences,
  });

  api.get(
    '/classification/sheets',
    {
      config: { permission: 'classification.read' },
      schema: {
        tags,
        summary: 'Phiếu chấm điểm 100 điểm theo loại đơn vị (mục, điểm tối đa, phiên bản)',
        response: { 200: SheetList, ...errors },
      },
    },
    (request) => classification.listSheets(db, requireActor(request)),
  );
  api.post(
    '/classification/sheets/:id/drafts',
    {
      config: { permission: 'classification.configure' },
      schema: {
        tags,
        summary: 'Tạo bản nháp từ phiếu chấm điểm: phiên bản mới (toàn quốc) hoặc bản của tỉnh (forProvince)',
        params: SheetParams,
        body: SheetDraftBody,
        response: { 201: Sheet, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await classification.createSheetDraft(db, requireActor(request), request.params.id, request.body),
        ),
  );
  api.put(
    '/classification/sheets/:id/items',
    {
      config: { permission: 'classification.configure' },
      schema: {
        tags,
        summary:
          'Sửa các mục của bản nháp (số, nội dung, điểm tối đa); phiên bản đã dùng để chấm thì không sửa được: 409',
        params: SheetParams,
        body: SheetItemsBody,
        response: { 200: Sheet, ...changeErrors },
      },
    },
    (request) => classification.saveSheetItems(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/classification/sheets/:id/activate',
    {
      config: { permission: 'classification.configure' },
      schema: {
        tags,
        summary: 'Áp dụng bản nháp (tổng điểm phải đúng 100); phiên bản đang áp dụng trước đó được thay thế',
        params: SheetParams,
        response: { 200: Sheet, ...changeErrors },
      },
    },
    (request) => classification.activateSheet(db, requireActor(request), request.params.id),
  );
  api.get(
    '/classification/levels',
    {
      config: { permission: 'classification.read' },
      schema: {
        tags,
        summary: 'Các mức xếp loại và ngưỡng điểm đang áp dụng (của tỉnh, hoặc mặc định toàn quốc)',
        querystring: LevelsQuery,
        response: { 200: LevelsResponse, ...errors },
      },
    },
    (request) => classification.getLevels(db, requireActor(request), request.query.province),
  );
  api.put(
    '/classification/levels',
    {
      config: { permission: 'classification.configure' },
      schema: {
        tags,
        summary: 'Đặt các mức xếp loại và ngưỡng điểm của tỉnh (Yếu là tùy chọn)',
        body: LevelsBody,
        response: { 200: LevelsResponse, ...changeErrors },
      },
    },
    (request) => classification.setLevels(db, requireActor(request), request.body),
  );
  api.get(
    '/classification/records',
    {
      config: { permission: 'classification.read' },
      schema: {
        tags,
        summary: 'Phiếu phân loại của các đơn vị dưới một đơn vị trong năm (lọc theo trạng thái, mức)',
        querystring: ClassificationListQuery,
        response: { 200: ClassificationList, ...errors },
      },
    },
    (request) => classification.listRecords(db, requireActor(request), request.query),
  );
  api.post(
    '/classification/records',
    {
      config: { permission: 'classification.self_assess' },
      schema: {
        tags,
        summary: 'Lập phiếu phân loại phong trào của đơn vị cho một năm',
        body: CreateClassificationBody,
        response: { 201: ClassificationDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await classification.createRecord(db, requireActor(request), request.body)),
  );
  api.get(
    '/classification/records/:id',
    {
      config: { permission: 'classification.read' },
      schema: {
        tags,
        summary: 'Phiếu phân loại: điểm từng mục, minh chứng, tổng điểm, mức đề xuất, mức được duyệt',
        params: RecordParams,
        response: { 200: ClassificationDetail, ...errors },
      },
    },
    (request) => classification.getRecord(db, requireActor(request), request.params.id),
  );
  api.put(
    '/classification/records/:id/scores',
    {
      config: { permission: 'classification.self_assess' },
      schema: {
        tags,
        summary: 'Chấm điểm từng mục (kèm minh chứng); tổng điểm và mức đề xuất được tính lại',
        params: RecordParams,
        body: ScoresBody,
        response: { 200: ClassificationDetail, ...changeErrors },
      },
    },
    (request) => classification.saveScores(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/classification/records/:id/submit',
    {
      config: { permission: 'classification.self_assess' },
      schema: {
        tags,
        summary: 'Gửi phiếu lên cấp duyệt',
        params: RecordParams,
        response: { 200: ClassificationDetail, ...changeErrors },
      },
    },
    (request) => classification.submit(db, requireActor(request), request.params.id),
  );
  api.post(
    '/classification/records/:id/return',
    {
      config: { permission: 'classification.review' },
      schema: {
        tags,
        summary: 'Trả lại phiếu với ý kiến (cấp duyệt)',
        params: RecordParams,
        body: ClassificationReturnBody,
        response: { 200: ClassificationDetail, ...changeErrors },
      },
    },
    (request) => classification.returnRecord(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/classification/records/:id/approve',
    {
      config: { permission: 'classification.approve' },
      schema: {
        tags,
        summary: 'Duyệt mức xếp loại (mặc định là mức đề xuất); kết quả bị khóa',
        params: RecordParams,
        body: ApproveBody,
        response: { 200: ClassificationDetail, ...changeErrors },
      },
    },
    (request) => classification.approve(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/classification/records/:id/reopen',
    {
      config: { permission: 'classification.approve' },
      schema: {
        tags,
        summary: 'Mở lại kết quả đã duyệt (cần lý do, ghi nhật ký)',
        params: RecordParams,
        body: ReopenBody,
        response: { 200: ClassificationDetail, ...changeErrors },
      },
    },
    (request) => classification.reopen(db, requireActor(request), request.params.id, request.body),
  );
}
