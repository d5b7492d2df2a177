/** The officers' inbox: /api/reports/*. Thin: contract → permission → one service call. */
import { Type } from 'typebox';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  AssignBody,
  AssigneeList,
  Category,
  CategoryBody,
  CategoryList,
  CategoryParams,
  DuplicateBody,
  ExtensionBody,
  HolidayBody,
  HolidayList,
  HolidayParams,
  ImageFile,
  NoticeBody,
  OutcomeBody,
  RegisterFile,
  RegisterQuery,
  ReportDetail,
  ReportFileParams,
  ReportIdParams,
  ReportList,
  ReportListQuery,
  ReportSummary,
  StatusBody,
  TextBody,
  TransferBody,
} from '../../../contracts/crime-reports.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { attachmentHeader } from '../../registry/xlsx.js';
import * as repo from './crime-reports.repo.js';
import type { CrimeReportsService } from './crime-reports.service.js';
import { exportRegister } from './register.js';

const tags = ['Tin báo, tố giác tội phạm'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const Done = Type.Object({ ok: Type.Boolean() });

export async function crimeReportRoutes(
  api: Api,
  deps: AppDeps,
  service: CrimeReportsService,
): Promise<void> {
  const db = deps.database.db;
  const read = { permission: 'crime_reports.read' as const };
  const work = { permission: 'crime_reports.work' as const };

  api.get(
    '/reports',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Hộp tin báo của địa bàn: lọc theo trạng thái, loại, hạn (quá hạn, sắp đến hạn), người thụ lý; hạn gần nhất trước',
        querystring: ReportListQuery,
        response: { 200: ReportList, ...errors },
      },
    },
    (request) => service.list(requireActor(request), request.query),
  );

  api.get(
    '/reports/summary',
    {
      config: read,
      schema: {
        tags,
        summary: 'Số tin báo theo trạng thái, quá hạn, sắp đến hạn, tin có giá trị và kết quả',
        response: { 200: ReportSummary, ...errors },
      },
    },
    (request) => service.summary(requireActor(request)),
  );

  api.get(
    '/reports/register',
    {
      config: { permission: 'crime_reports.read' },
      schema: {
        tags,
        summary: 'Sổ tiếp nhận nguồn tin về tội phạm của đơn vị (Excel hoặc Word), trong khoảng ngày',
        querystring: RegisterQuery,
        response: { 200: RegisterFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportRegister(db, deps.cipher, requireActor(request), request.query);
      return reply
        .type(file.mime)
        .header('content-disposition', attachmentHeader(file.fileName))
        .send(file.buffer);
    },
  );

  api.get(
    '/reports/categories',
    {
      config: read,
      schema: {
        tags,
        summary: 'Danh mục loại tin báo (cả loại đã ngừng dùng)',
        response: { 200: CategoryList, ...errors },
      },
    },
    () => repo.listCategories(db),
  );
  api.put(
    '/reports/categories/:code',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Thêm hoặc sửa một loại tin báo',
        params: CategoryParams,
        body: CategoryBody,
        response: { 200: Category, ...errors },
      },
    },
    (request) => service.saveCategory(requireActor(request), request.params.code, request.body),
  );

  api.get(
    '/reports/holidays',
    {
      config: read,
      schema: {
        tags,
        summary: 'Ngày nghỉ lễ, Tết (không tính là ngày làm việc)',
        response: { 200: HolidayList, ...errors },
      },
    },
    () => repo.listHolidays(db),
  );
  api.put(
    '/reports/holidays/:day',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Thêm hoặc đổi tên một ngày nghỉ',
        params: HolidayParams,
        body: HolidayBody,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      await service.saveHoliday(requireActor(request), request.params.day, request.body.name);
      return { ok: true };
    },
  );
  api.delete(
    '/reports/holidays/:day',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags,
        summary: 'Bỏ một ngày nghỉ',
        params: HolidayParams,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      await service.removeHoliday(requireActor(request), request.params.day);
      return { ok: true };
    },
  );

  api.get(
    '/reports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Chi tiết tin báo (đã giải mã); mỗi lần xem được ghi vào nhật ký',
        params: ReportIdParams,
        response: { 200: ReportDetail, ...errors },
      },
    },
    (request) => service.detail(requireActor(request), request.params.id),
  );

  api.get(
    '/reports/:id/files/:fileId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tải ảnh đính kèm của tin báo (đã xóa siêu dữ liệu); mỗi lần xem được ghi vào nhật ký',
        params: ReportFileParams,
        response: { 200: ImageFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await service.readFile(requireActor(request), request.params.id, request.params.fileId);
      return reply
        .type(file.contentType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachmentHeader(file.fileName).replace(/^attachment/, 'inline'))
        .send(file.bytes);
    },
  );

  api.get(
    '/reports/:id/assignees',
    {
      config: work,
      schema: {
        tags,
        summary: 'Cán bộ có thể giao thụ lý tin báo',
        params: ReportIdParams,
        response: { 200: AssigneeList, ...errors },
      },
    },
    (request) => service.assignees(requireActor(request), request.params.id),
  );

  const change = <B>(
    path: string,
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof requireActor>, id: number, payload: never) => Promise<unknown>,
  ) =>
    api.post(
      `/reports/:id/${path}`,
      {
        config: work,
        schema: {
          tags,
          summary,
          params: ReportIdParams,
          body: body as never,
          response: { 200: ReportDetail, ...errors },
        },
      },
      (request) => run(requireActor(request), request.params.id, request.body as never) as never,
    );

  change(
    'status',
    'Chuyển trạng thái theo trình tự luật định (lý do bắt buộc khi đóng, không khởi tố, tạm đình chỉ)',
    StatusBody,
    (actor, id, body) => service.setStatus(actor, id, body),
  );
  change(
    'notice',
    'Ghi nhận đã gửi thông báo bằng văn bản (hạn 3 ngày làm việc)',
    NoticeBody,
    (actor, id, body: { sentOn: string }) => service.recordNotice(actor, id, body.sentOn),
  );
  change(
    'extensions',
    'Gia hạn thời hạn giải quyết (lần 1 đến 2 tháng, lần 2 thêm tối đa 2 tháng), có lý do',
    ExtensionBody,
    (actor, id, body) => service.extend(actor, id, body),
  );
  change(
    'assign',
    'Giao (hoặc bỏ giao) cán bộ thụ lý',
    AssignBody,
    (actor, id, body: { assigneeId: number | null }) => service.assign(actor, id, body.assigneeId),
  );
  change(
    'notes',
    'Thêm ghi chú nội bộ (người gửi không thấy)',
    TextBody,
    (actor, id, body: { body: string }) => service.addNote(actor, id, body.body),
  );
  change(
    'messages',
    'Nhắn tin cho người gửi (không hiện tên cán bộ)',
    TextBody,
    (actor, id, body: { body: string }) => service.messageReporter(actor, id, body.body),
  );
  change(
    'duplicate',
    'Đánh dấu trùng với tin báo khác và đóng',
    DuplicateBody,
    (actor, id, body: { duplicateOfCode: string; reason?: string }) =>
      service.markDuplicate(actor, id, body.duplicateOfCode, body.reason),
  );
  change('transfer', 'Chuyển sang xã, phường khác hoặc lên Công an tỉnh', TransferBody, (actor, id, body) =>
    service.transfer(actor, id, body),
  );
  change(
    'outcome',
    'Tin có giá trị và kết quả (vụ làm rõ, người bị bắt, tài sản thu hồi)',
    OutcomeBody,
    (actor, id, body) => service.setOutcome(actor, id, body),
  );
}
