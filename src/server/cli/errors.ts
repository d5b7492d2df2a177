/**
 * Every failure of a command ends as one Vietnamese sentence on stderr and exit code 1. The stack trace is shown
 * only with --debug: the person at the console needs to know what to do, not where in the code it happened.
 */
import { AppError } from '../../domain/errors.js';
import { ConfigError } from '../config.js';

/** A failure the CLI explains itself; `message` is already Vietnamese and says what to do. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

interface SystemError {
  code?: string;
  message?: string;
  address?: string;
  port?: number;
  path?: string;
}

/** What the person can do about a failure of the system (connection, file, disk), or undefined when it is unknown. */
function systemMessage(error: unknown): string | undefined {
  const system = (error ?? {}) as SystemError;
  const cause = (error as { cause?: SystemError } | undefined)?.cause;
  switch (system.code ?? cause?.code) {
    case 'ECONNREFUSED':
      return 'Không kết nối được máy chủ PostgreSQL (bị từ chối kết nối). Kiểm tra DATABASE_URL và máy chủ có đang chạy không.';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'Không tìm thấy máy chủ PostgreSQL ghi trong DATABASE_URL.';
    case 'ETIMEDOUT':
      return 'Hết thời gian chờ kết nối máy chủ PostgreSQL.';
    case '28P01':
    case '28000':
      return 'Máy chủ PostgreSQL từ chối đăng nhập: kiểm tra người dùng và mật khẩu trong DATABASE_URL.';
    case '3D000':
      return 'Cơ sở dữ liệu ghi trong DATABASE_URL không tồn tại trên máy chủ PostgreSQL: hãy tạo nó trước (createdb).';
    case '42501':
      return 'Người dùng PostgreSQL không đủ quyền cho thao tác này.';
    case 'ENOENT':
      return `Không tìm thấy tệp hoặc thư mục${system.path ? `: ${system.path}` : ''}.`;
    case 'EACCES':
    case 'EPERM':
      return `Không đủ quyền truy cập tệp hoặc thư mục${system.path ? `: ${system.path}` : ''}.`;
    case 'ENOSPC':
      return 'Hết dung lượng đĩa.';
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return 'Tệp sao lưu bị hỏng hoặc không phải tệp nén gzip.';
    default:
      return undefined;
  }
}

/** Errors whose message already tells the person what to do: no "run with --debug" hint after them. */
export function isExplainedError(error: unknown): boolean {
  return (
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof AppError ||
    systemMessage(error) !== undefined
  );
}

/** A Vietnamese message for any error; never the values of rows or secrets, only what went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError || error instanceof AppError)
    return error.message;
  const known = systemMessage(error);
  if (known) return known;
  const detail = error instanceof Error ? error.message : String(error);
  return `Lỗi không mong đợi: ${detail}`;
}
