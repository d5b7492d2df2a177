/**
 * The one place where errors become HTTP answers: `{code, message, field?}` in Vietnamese, never a stack trace.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorKind } from '../../domain/errors.js';
import { safeErrorSummary } from '../lib/safe-error.js';

export { safeErrorSummary };

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  internal: 500,
};

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const FORMAT_HINTS: Record<string, string> = {
  date: 'một ngày hợp lệ dạng YYYY-MM-DD',
  'date-time': 'một thời điểm hợp lệ (ISO 8601)',
  email: 'một địa chỉ thư điện tử',
  uuid: 'một mã UUID',
};

/** Reads AJV's first complaint as a Vietnamese sentence naming the field. */
export function describeValidationError(
  error: AjvError,
  context: string | undefined,
): { field: string; message: string } {
  const pathField = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = typeof error.params.missingProperty === 'string' ? error.params.missingProperty : undefined;
  const extra =
    typeof error.params.additionalProperty === 'string' ? error.params.additionalProperty : undefined;
  const field = missing ?? extra ?? (pathField || context || 'body');
  const label = `"${field}"`;
  switch (error.keyword) {
    case 'required':
      return { field, message: `Thiếu trường bắt buộc ${label}` };
    case 'additionalProperties':
      return { field, message: `Tham số ${label} không được hỗ trợ` };
    case 'format':
      return {
        field,
        message: `${label} phải là ${FORMAT_HINTS[String(error.params.format)] ?? `dạng ${String(error.params.format)}`}`,
      };
    case 'type': {
      const type = String(error.params.type);
      const names: Record<string, string> = {
        integer: 'số nguyên',
        number: 'số',
        string: 'chuỗi ký tự',
        boolean: 'đúng/sai',
        array: 'danh sách',
        object: 'đối tượng',
      };
      return { field, message: `${label} phải là ${names[type] ?? type}` };
    }
    case 'minimum':
      return { field, message: `${label} phải lớn hơn hoặc bằng ${String(error.params.limit)}` };
    case 'maximum':
      return { field, message: `${label} phải nhỏ hơn hoặc bằng ${String(error.params.limit)}` };
    case 'minLength':
      return { field, message: `${label} phải có ít nhất ${String(error.params.limit)} ký tự` };
    case 'maxLength':
      return { field, message: `${label} không được dài quá ${String(error.params.limit)} ký tự` };
    case 'pattern':
      return { field, message: `${label} không đúng định dạng` };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { field, message: `${label} có giá trị không được chấp nhận` };
    default:
      return { field, message: `${label} không hợp lệ` };
  }
}

export function registerErrorHandler(app: FastifyInstance, options: { spaIndex?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const status = STATUS[error.kind];
      // Not `{ err }`: pino would write the message and every property, `details` included.
      if (status >= 500) request.log.error({ ...safeErrorSummary(error), appCode: error.code }, 'lỗi nội bộ');
      return reply.status(status).send({
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
        requestId: request.id,
      });
    }
    // Anything can be thrown, a string or undefined included.
    const fastifyError = (typeof error === 'object' && error !== null ? error : {}) as FastifyError & {
      validation?: AjvError[];
      validationContext?: string;
    };
    if (fastifyError.validation && fastifyError.validation.length > 0) {
      const described = describeValidationError(fastifyError.validation[0]!, fastifyError.validationContext);
      return reply.status(400).send({
        code: 'validation',
        message: described.message,
        field: described.field,
        requestId: request.id,
      });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({
        code: 'rate_limited',
        message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
        requestId: request.id,
      });
    }
    if (status === 413) {
      return reply.status(413).send({
        code: 'payload_too_large',
        message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép',
        requestId: request.id,
      });
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ code: 'bad_request', message: 'Yêu cầu không hợp lệ', requestId: request.id });
    }
    request.log.error(safeErrorSummary(fastifyError), 'lỗi không mong đợi');
    return reply
      .status(500)
      .send({ code: 'internal', message: 'Hệ thống gặp lỗi, vui lòng thử lại sau', requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    // The single-page app owns every GET path outside /api: deep links such as /don-vi/123 load index.html, and
    // the citizen portal's (/cong-dan/…) load its own lighter page.
    // A missing build file (/assets/…) is a real 404: answering index.html would hand the browser HTML as script.
    if (
      options.spaIndex &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/')
    ) {
      const portal = /^\/cong-dan(\/|\?|$)/.test(request.url);
      return reply.type('text/html').sendFile(portal ? 'cong-dan.html' : 'index.html');
    }
    return reply.status(404).send({
      code: 'route.not_found',
      message: `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}`,
      requestId: request.id,
    });
  });
}
