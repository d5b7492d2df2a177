/**
 * The public side of crime reports (no login): the proof-of-work challenge, the lists a form needs, sending a
 * report, following it with the tracking code and secret, and the suppressed statistics. Client addresses serve
 * the rate limits in memory and are never stored.
 */
import { Type } from 'typebox';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  ChallengeResponse,
  CreatedReport,
  CreatePublicReportBody,
  PlaceList,
  ProvinceParams,
  PublicCategoryList,
  PublicMessageBody,
  PublicReportView,
  SecretHeaders,
  StatisticsQuery,
  StatisticsResponse,
  TrackingParams,
  UploadLimits,
} from '../../../contracts/portal.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { invalid, notFound } from '../../../domain/errors.js';
import type { Database } from '../../db/client.js';
import type { Api } from '../../http/types.js';
import * as repo from './crime-reports.repo.js';
import { type CrimeReportsService, MAX_FILES_PER_REPORT } from './crime-reports.service.js';

const tags = ['Cổng thông tin công dân'];
const errors = { ...errorResponses, 409: ErrorResponse, 429: ErrorResponse };

export interface PublicRoutesOptions {
  submitsPerHour: number;
  fileMaxMegabytes: number;
  videoMaxMegabytes: number;
}

export async function publicReportRoutes(
  api: Api,
  db: Database,
  service: CrimeReportsService,
  options: PublicRoutesOptions,
): Promise<void> {
  const cacheFor = (seconds: number) => `public, max-age=${seconds}`;

  api.get(
    '/public/challenge',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Thử thách chống gửi tự động (bằng chứng công việc, tự lưu trữ): tìm nonce để SHA-256("token:nonce") có `difficulty` bit 0 đầu tiên',
        response: { 200: ChallengeResponse, 429: ErrorResponse },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.pow.issue();
    },
  );

  api.get(
    '/public/categories',
    {
      config: { public: true },
      schema: { tags, summary: 'Các loại tin báo đang dùng', response: { 200: PublicCategoryList } },
    },
    async (_request, reply) => {
      reply.header('cache-control', cacheFor(600));
      const categories = await repo.listCategories(db);
      return categories.filter((category) => category.active).map(({ code, label }) => ({ code, label }));
    },
  );

  api.get(
    '/public/upload-limits',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Giới hạn tệp gửi kèm tin báo: số tệp, dung lượng ảnh và tài liệu, dung lượng video (MB)',
        response: { 200: UploadLimits },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', cacheFor(600));
      return {
        maxFiles: MAX_FILES_PER_REPORT,
        fileMaxMegabytes: options.fileMaxMegabytes,
        videoMaxMegabytes: options.videoMaxMegabytes,
      };
    },
  );

  api.get(
    '/public/places',
    {
      config: { public: true },
      schema: { tags, summary: 'Các tỉnh, thành phố hiện hành (mã, tên)', response: { 200: PlaceList } },
    },
    async (_request, reply) => {
      reply.header('cache-control', cacheFor(3600));
      return repo.listProvinces(db, todayInVietnam());
    },
  );

  api.get(
    '/public/places/:province',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Các xã, phường, đặc khu hiện hành của một tỉnh (mã, tên)',
        params: ProvinceParams,
        response: { 200: PlaceList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const communes = await repo.listCommunes(db, request.params.province, todayInVietnam());
      if (communes.length === 0) throw notFound('places.province_unknown', 'Không có tỉnh, thành phố mã này');
      reply.header('cache-control', cacheFor(3600));
      return communes;
    },
  );

  api.post(
    '/public/reports',
    {
      config: { public: true, rateLimit: { max: options.submitsPerHour, timeWindow: '1 hour' } },
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary:
          'Gửi tin báo, tố giác tội phạm (ẩn danh nếu không để lại liên hệ). Header Idempotency-Key: gửi lại cùng khóa không tạo tin báo thứ hai. ' +
          'Trả 201 {code, secret}: mã bí mật chỉ hiện một lần',
        headers: Type.Object({
          'idempotency-key': Type.Optional(
            Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
          ),
        }),
        body: CreatePublicReportBody,
        response: { 201: CreatedReport, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createFromPortal(
        request.body,
        request.headers['idempotency-key'],
        request.id,
      );
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/public/reports/:code',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Theo dõi tin báo: trạng thái và tin nhắn của cơ quan tiếp nhận. Mã bí mật trong header x-report-secret. Sai nhiều lần thì tạm khóa',
        params: TrackingParams,
        headers: SecretHeaders,
        response: { 200: PublicReportView, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const report = await service.authenticateReporter(
        request.params.code,
        request.headers['x-report-secret'],
        request.ip,
      );
      return service.publicView(report);
    },
  );

  api.post(
    '/public/reports/:code/messages',
    {
      config: { public: true, rateLimit: { max: options.submitsPerHour, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Người gửi trả lời hoặc bổ sung thông tin cho tin báo của mình',
        params: TrackingParams,
        headers: SecretHeaders,
        body: PublicMessageBody,
        response: { 201: PublicReportView, ...errors },
      },
    },
    async (request, reply) => {
      const report = await service.authenticateReporter(
        request.params.code,
        request.headers['x-report-secret'],
        request.ip,
      );
      const view = await service.replyFromReporter(report, request.body.body, request.id);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(view);
    },
  );

  api.post(
    '/public/reports/:code/files',
    {
      config: { public: true, rateLimit: { max: options.submitsPerHour, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary:
          'Người gửi đính kèm ảnh, video, tài liệu (multipart, trường "file"; JPG, PNG, WEBP, MP4, MOV, WEBM, PDF, DOCX; nhận dạng theo nội dung tệp): ' +
          'ảnh được mã hóa lại không còn siêu dữ liệu (vị trí GPS, máy chụp), video được xóa siêu dữ liệu trong tệp (vị trí, thiết bị, thời điểm quay), không giữ bản gốc, lưu mã hóa',
        consumes: ['multipart/form-data'],
        params: TrackingParams,
        headers: SecretHeaders,
        response: { 201: PublicReportView, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const report = await service.authenticateReporter(
        request.params.code,
        request.headers['x-report-secret'],
        request.ip,
      );
      if (!request.isMultipart())
        throw invalid(
          'upload.not_multipart',
          'Hãy gửi tệp dưới dạng multipart/form-data (trường "file")',
          'file',
        );
      const part = await request.file();
      if (!part) throw invalid('upload.no_file', 'Chưa chọn tệp để gửi', 'file');
      const bytes = await part.toBuffer();
      const view = await service.attachFromReporter(
        report,
        { fileName: part.filename || 'tep', bytes },
        request.id,
      );
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(view);
    },
  );

  api.get(
    '/public/statistics',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Số tin báo theo tỉnh, loại và tháng; số dưới 5 được ẩn để không lộ người gửi',
        querystring: StatisticsQuery,
        response: { 200: StatisticsResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', cacheFor(900));
      return service.statistics(request.query.year, request.query.province);
    },
  );
}
