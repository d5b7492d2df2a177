import { Type } from 'typebox';
import {
  Attachment,
  AttachmentDownloadQuery,
  AttachmentList,
  AttachmentOwnerQuery,
  AttachmentParams,
  AttachmentUploadQuery,
  BinaryFile,
} from '../../../contracts/attachments.js';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import { invalid } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as attachments from './attachments.service.js';

const tags = ['Tệp đính kèm'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266). */
function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'tep';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function attachmentsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const { files, attachmentOwners: owners } = deps;

  api.get(
    '/attachments',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Các tệp đính kèm của một hồ sơ (cần quyền đọc loại hồ sơ đó và hồ sơ trong phạm vi)',
        querystring: AttachmentOwnerQuery,
        response: { 200: AttachmentList, ...errors },
      },
    },
    (request) => attachments.listAttachments(db, owners, requireActor(request), request.query),
  );

  api.post(
    '/attachments',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary:
          'Đính kèm tệp vào hồ sơ (multipart, trường "file"): loại tệp kiểm tra theo nội dung (ảnh JPEG/PNG/WebP, ' +
          'PDF, Word, Excel), đuôi tệp phải khớp nội dung, ảnh được xóa siêu dữ liệu EXIF/GPS',
        consumes: ['multipart/form-data'],
        querystring: AttachmentUploadQuery,
        response: { 201: Attachment, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) {
        throw invalid(
          'upload.not_multipart',
          'Hãy gửi tệp dưới dạng multipart/form-data (trường "file")',
          'file',
        );
      }
      const part = await request.file();
      if (!part) throw invalid('upload.no_file', 'Chưa chọn tệp để tải lên', 'file');
      const bytes = await part.toBuffer();
      const created = await attachments.uploadAttachment(db, files, owners, actor, {
        entityType: request.query.entityType,
        entityId: request.query.entityId,
        caption: request.query.caption,
        fileName: part.filename,
        bytes,
      });
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/attachments/:attachmentId',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary:
          'Tải tệp đính kèm: chỉ người được xem hồ sơ chủ (trong phạm vi) mới tải được, người khác nhận 404',
        params: AttachmentParams,
        querystring: AttachmentDownloadQuery,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const { attachment, bytes } = await attachments.downloadAttachment(
        db,
        files,
        owners,
        requireActor(request),
        request.params.attachmentId,
      );
      const inline = request.query.inline === true && attachment.contentType.startsWith('image/');
      return reply
        .type(attachment.contentType)
        .header('content-disposition', disposition(inline ? 'inline' : 'attachment', attachment.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );

  api.delete(
    '/attachments/:attachmentId',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Xóa tệp đính kèm (cần quyền sửa hồ sơ chủ)',
        params: AttachmentParams,
        response: { 204: Type.Null({ description: 'Đã xóa' }), ...errors },
      },
    },
    async (request, reply) => {
      await attachments.deleteAttachment(
        db,
        files,
        owners,
        requireActor(request),
        request.params.attachmentId,
      );
      return reply.status(204).send(null);
    },
  );
}
