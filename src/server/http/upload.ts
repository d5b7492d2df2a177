/** The one uploaded file of a multipart request, read into memory within the configured size limit. */
import type { FastifyRequest } from 'fastify';
import { invalid } from '../../domain/errors.js';

export async function readUploadedFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw invalid(
      'upload.not_multipart',
      'Hãy gửi tệp dưới dạng multipart/form-data (trường "file")',
      'file',
    );
  }
  const part = await request.file();
  if (!part) throw invalid('upload.no_file', 'Chưa chọn tệp để tải lên', 'file');
  // Throws the 413 "file too large" error of @fastify/multipart when the limit is passed.
  const buffer = await part.toBuffer();
  if (buffer.length === 0) throw invalid('upload.empty', 'Tệp tải lên không có nội dung', 'file');
  return buffer;
}
