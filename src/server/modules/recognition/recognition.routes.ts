import { Type } from 'typebox';
import { ErrorResponse, errorResponses, IsoDate } from '../../../contracts/common.js';
import {
  AnswersBody,
  CriteriaSetDetail,
  CriteriaSetList,
  CriteriaSetQuery,
  CriterionBody,
  CriterionParams,
  CycleBody,
  CycleList,
  CycleParams,
  CycleQuery,
  DashboardQuery,
  DashboardResponse,
  DecideBody,
  DocxFile,
  EvidenceBody,
  EvidenceParams,
  MeetingBody,
  NewDraftBody,
  RecordDetail,
  RecordParams,
  RegisterBody,
  ReopenBody,
  ReturnBody,
  SetParams,
  UnitStatusList,
  UnitStatusQuery,
  UpdateRegistrationBody,
  UpdateSetBody,
} from '../../../contracts/recognition.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { attachmentHeader } from '../../registry/xlsx.js';
import { certificateFor } from './recognition.certificate.js';
import * as recognition from './recognition.service.js';

const tags = ['Tiêu chuẩn "An toàn về an ninh, trật tự"'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function recognitionRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  // Files of a record (scans of the resolution, plan, registration form and minutes; evidence files) go through
  // the attachments module: read by whoever reads the record, changed while the unit may still edit it.
  deps.attachmentOwners.register({
    entityType: 'recognition_record',
    label: 'hồ sơ tiêu chuẩn "An toàn về an ninh, trật tự"',
    readPermission: 'recognition.read',
    writePermission: 'recognition.self_assess',
    find: recognition.recordAsAttachmentOwner,
    onRemove: recognition.dropFileReferences,
  });

  // ---- criteria sets ---------------------------------------------------------------------------------------------
  api.get(
    '/recognition/criteria-sets',
    {
      config: { permission: 'recognition.read' },
      schema: {
        tags,
        summary:
          'Các bộ tiêu chí (theo căn cứ pháp lý, loại đơn vị, phiên bản): của thông tư và của tỉnh mình',
        querystring: CriteriaSetQuery,
        response: { 200: CriteriaSetList, ...errors },
      },
    },
    (request) => recognition.listSets(db, requireActor(request), request.query),
  );
  api.get(
    '/recognition/criteria-sets/:id',
    {
      config: { permission: 'recognition.read' },
      schema: {
        tags,
        summary: 'Bộ tiêu chí: các tiêu chí theo thứ tự, loại, ngưỡng, danh sách vụ việc, lịch sử sửa đổi',
        params: SetParams,
        response: { 200: CriteriaSetDetail, ...errors },
      },
    },
    (request) => recognition.getSet(db, requireActor(request), request.params.id),
  );
  api.post(
    '/recognition/criteria-sets/:id/drafts',
    {
      config: { permission: 'recognition.configure' },
      schema: {
        tags,
        summary:
          'Tạo bản nháp từ bộ tiêu chí: phiên bản mới (toàn quốc) hoặc bản của tỉnh để bổ sung tiêu chí riêng (forProvince)',
        params: SetParams,
        body: NewDraftBody,
        response: { 201: CriteriaSetDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recognition.createDraft(db, requireActor(request), request.params.id, request.body)),
  );
  api.patch(
    '/recognition/criteria-sets/:id',
    {
      config: { permission: 'recognition.configure' },
      schema: {
        tags,
        summary:
          'Sửa tên, năm áp dụng, ghi chú của bộ tiêu chí (phiên bản đã dùng để đánh giá thì không sửa được: 409)',
        params: SetParams,
        body: UpdateSetBody,
        response: { 200: CriteriaSetDetail, ...changeErrors },
      },
    },
    (request) => recognition.updateSet(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/recognition/criteria-sets/:id/activate',
    {
      config: { permission: 'recognition.configure' },
      schema: {
        tags,
        summary: 'Áp dụng bản nháp; phiên bản đang áp dụng trước đó chuyển sang "đã thay thế"',
        params: SetParams,
        response: { 200: CriteriaSetDetail, ...changeErrors },
      },
    },
    (request) => recognition.activateSet(db, requireActor(request), request.params.id),
  );
  api.post(
    '/recognition/criteria-sets/:id/criteria',
    {
      config: { permission: 'recognition.configure' },
      schema: {
        tags,
        summary: 'Thêm tiêu chí (tỉnh bổ sung tiêu chí riêng vào bản của tỉnh)',
        params: SetParams,
        body: CriterionBody,
        response: { 201: CriteriaSetDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recognition.addCriterion(db, requireActor(request), request.params.id, request.body)),
  );
  api.put(
    '/recognition/criteria-sets/:id/criteria/:criterionId',
    {
      config: { permission: 'recognition.configure' },
      schema: {
        tags,
        summary: 'Sửa một tiêu chí',
        params: CriterionParams,
        body: CriterionBody,
        response: { 200: CriteriaSetDetail, ...changeErrors },
      },
    },
    (request) =>
      recognition.updateCriterion(
        db,
        requireActor(request),
        request.params.id,
        request.params.criterionId,
        request.body,
      ),
  );
  api.delete(
    '/recognition/criteria-sets/:id/criteria/:criterionId',
    {
      config: { permission: 'recognition.configure' },
      schema: {
        tags,
        summary: 'Bỏ một tiêu chí khỏi bản nháp',
        params: CriterionParams,
        response: { 200: CriteriaSetDetail, ...changeErrors },
      },
    },
    (request) =>
      recognition.removeCriterion(db, requireActor(request), request.params.id, request.params.criterionId),
  );

  // ---- cycles --------------------------------------------------------------------------------------------------
  api.get(
    '/recognition/cycles',
    {
      config: { permission: 'recognition.read' },
      schema: {
        tags,
        summary:
          'Kỳ đánh giá của một năm theo loại đơn vị: thời gian đánh giá, hạn đăng ký, hạn xét, cấp xét công nhận',
        querystring: CycleQuery,
        response: { 200: CycleList, ...errors },
      },
    },
    (request) => recognition.listCycles(db, requireActor(request), request.query),
  );
  api.put(
    '/recognition/cycles/:year/:target',
    {
      config: { permission: 'recognition.configure' },
      schema: {
        tags,
        summary: 'Đặt kỳ đánh giá của tỉnh cho một năm và loại đơn vị',
        params: CycleParams,
        body: CycleBody,
        response: { 200: CycleList, ...changeErrors },
      },
    },
    (request) =>
      recognition.setCycle(
        db,
        requireActor(request),
        request.params.year,
        request.params.target,
        request.body,
      ),
  );

  // ---- units and dashboard --------------------------------------------------------------------------------------
  api.get(
    '/recognition/units',
    {
      config: { permission: 'recognition.read' },
      schema: {
        tags,
        summary:
          'Các đơn vị thuộc diện dưới một đơn vị và tình trạng năm: ai chưa đăng ký, chờ xét, quá hạn (kèm hạn), được công nhận',
        querystring: UnitStatusQuery,
        response: { 200: UnitStatusList, ...errors },
      },
    },
    (request) => recognition.listUnitStatus(db, requireActor(request), request.query),
  );
  api.get(
    '/recognition/dashboard',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags,
        summary:
          'Tổng hợp năm dưới một đơn vị: số đơn vị, đăng ký, chờ xét, bị trả lại, được công nhận, quá hạn, tỷ lệ, phân loại; theo đơn vị tại ngày hoặc quy đổi',
        querystring: Type.Object(
          { ...DashboardQuery.properties, asOf: Type.Optional(IsoDate) },
          { additionalProperties: false },
        ),
        response: { 200: DashboardResponse, ...errors },
      },
    },
    (request) => recognition.dashboard(db, requireActor(request), request.query),
  );

  // ---- records ----------------------------------------------------------------------------------------------------
  api.post(
    '/recognition/records',
    {
      config: { permission: 'recognition.self_assess' },
      schema: {
        tags,
        summary: 'Đăng ký xây dựng tiêu chuẩn (hồ sơ: nghị quyết, kế hoạch, bản đăng ký; số hộ đăng ký)',
        body: RegisterBody,
        response: { 201: RecordDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recognition.register(db, requireActor(request), request.body)),
  );
  api.get(
    '/recognition/records/:id',
    {
      config: { permission: 'recognition.read' },
      schema: {
        tags,
        summary:
          'Hồ sơ: tiêu chí và tự đánh giá, minh chứng, biên bản họp, ý kiến xét, kết quả, việc được làm',
        params: RecordParams,
        response: { 200: RecordDetail, ...errors },
      },
    },
    (request) => recognition.getRecord(db, requireActor(request), request.params.id),
  );
  api.patch(
    '/recognition/records/:id/registration',
    {
      config: { permission: 'recognition.self_assess' },
      schema: {
        tags,
        summary: 'Sửa hồ sơ đăng ký',
        params: RecordParams,
        body: UpdateRegistrationBody,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) => recognition.updateRegistration(db, requireActor(request), request.params.id, request.body),
  );
  api.put(
    '/recognition/records/:id/answers',
    {
      config: { permission: 'recognition.self_assess' },
      schema: {
        tags,
        summary: 'Tự đánh giá từng tiêu chí',
        params: RecordParams,
        body: AnswersBody,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) => recognition.saveAnswers(db, requireActor(request), request.params.id, request.body),
  );
  api.put(
    '/recognition/records/:id/meeting',
    {
      config: { permission: 'recognition.self_assess' },
      schema: {
        tags,
        summary: 'Biên bản họp tự đánh giá (ngày, chủ trì, số người dự, nội dung)',
        params: RecordParams,
        body: MeetingBody,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) => recognition.saveMeeting(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/recognition/records/:id/evidence',
    {
      config: { permission: 'recognition.self_assess' },
      schema: {
        tags,
        summary: 'Thêm minh chứng cho tiêu chí: văn bản, liên kết tổ/mô hình trong sổ đăng ký, tệp đính kèm',
        params: RecordParams,
        body: EvidenceBody,
        response: { 201: RecordDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recognition.addEvidence(db, requireActor(request), request.params.id, request.body)),
  );
  api.delete(
    '/recognition/records/:id/evidence/:evidenceId',
    {
      config: { permission: 'recognition.self_assess' },
      schema: {
        tags,
        summary: 'Bỏ một minh chứng',
        params: EvidenceParams,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) =>
      recognition.removeEvidence(db, requireActor(request), request.params.id, request.params.evidenceId),
  );
  api.post(
    '/recognition/records/:id/submit',
    {
      config: { permission: 'recognition.self_assess' },
      schema: {
        tags,
        summary: 'Gửi hồ sơ lên cấp xét công nhận',
        params: RecordParams,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) => recognition.submit(db, requireActor(request), request.params.id),
  );
  api.post(
    '/recognition/records/:id/return',
    {
      config: { permission: 'recognition.review' },
      schema: {
        tags,
        summary: 'Trả lại hồ sơ với ý kiến theo từng tiêu chí (cấp xét công nhận)',
        params: RecordParams,
        body: ReturnBody,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) => recognition.returnRecord(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/recognition/records/:id/decide',
    {
      config: { permission: 'recognition.approve' },
      schema: {
        tags,
        summary: 'Quyết định công nhận hoặc không công nhận (cấp xét công nhận); kết quả bị khóa',
        params: RecordParams,
        body: DecideBody,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) => recognition.decide(db, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/recognition/records/:id/reopen',
    {
      config: { permission: 'recognition.approve' },
      schema: {
        tags,
        summary: 'Mở lại kết quả đã khóa (cần lý do, ghi nhật ký)',
        params: RecordParams,
        body: ReopenBody,
        response: { 200: RecordDetail, ...changeErrors },
      },
    },
    (request) => recognition.reopen(db, requireActor(request), request.params.id, request.body),
  );
  api.get(
    '/recognition/records/:id/certificate',
    {
      config: { permission: 'recognition.read' },
      schema: {
        tags,
        summary: 'Giấy công nhận (Word, thể thức Nghị định 30/2020) của đơn vị được công nhận',
        params: RecordParams,
        response: {
          200: DocxFile,
          ...changeErrors,
        },
      },
    },
    async (request, reply) => {
      const { fileName, file } = await certificateFor(db, requireActor(request), request.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachmentHeader(fileName)).send(file);
    },
  );
}
