/**
 * The one error type of the platform. Services throw it; one handler maps it to HTTP.
 * `code` is a stable machine code, `message` is Vietnamese for the person in front of the screen,
 * `field` names the input at fault when there is one.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many'
  | 'internal';

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    options: { field?: string; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export const invalid = (code: string, message: string, field?: string) =>
  new AppError('invalid', code, message, field === undefined ? {} : { field });

export const notFound = (code: string, message: string) => new AppError('not_found', code, message);

export const conflict = (code: string, message: string, field?: string) =>
  new AppError('conflict', code, message, field === undefined ? {} : { field });
