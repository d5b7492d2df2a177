/**
 * The one way the web talks to the API: JSON over fetch, typed by the contracts. A failed request becomes an
 * ApiError carrying the server's stable code and its Vietnamese message, which the page shows as it is.
 *
 * The session lives in an httpOnly cookie the page cannot read; what the page keeps is the CSRF token of that
 * session, sent back with every request that changes data (the server refuses them without it).
 */
import type { ErrorResponse } from '../../contracts/common';

export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | null
  /** A list is sent as the same key repeated (kind=a&kind=b), as the API's array filters read it. */
  | ReadonlyArray<string | number>;

export class ApiError extends Error {
  /** 0 when the server could not be reached or did not answer with the error shape of the API. */
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** True when `message` came from the server and can be shown to the user as it is. */
  readonly fromServer: boolean;

  constructor(status: number, body: Pick<ErrorResponse, 'code' | 'message' | 'field'>, fromServer: boolean) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.fromServer = fromServer;
  }
}

/** Answers that say the session itself is the problem, whatever page asked. */
export const SESSION_PROBLEM_CODES = ['auth.required', 'auth.password_change_required', 'auth.csrf'] as const;
export type SessionProblem = (typeof SESSION_PROBLEM_CODES)[number];

let csrfToken: string | undefined;
let sessionProblemListener: ((problem: SessionProblem) => void) | undefined;

/** Set by the session provider whenever the session is read, opened or closed. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * One listener (the session provider) hears about an ended session, a pending password change or a stale CSRF
 * token from any request, so that no page has to handle them itself.
 */
export function onSessionProblem(listener: (problem: SessionProblem) => void): () => void {
  sessionProblemListener = listener;
  return () => {
    if (sessionProblemListener === listener) sessionProblemListener = undefined;
  };
}

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorResponse).code === 'string' &&
    typeof (value as ErrorResponse).message === 'string'
  );
}

function isSessionProblem(code: string): code is SessionProblem {
  return (SESSION_PROBLEM_CODES as readonly string[]).includes(code);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(
  method: Method,
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  // A form sets its own multipart content type, boundary included.
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, { code: 'network.unreachable', message: 'Không kết nối được máy chủ' }, false);
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return parsed as T;
  if (isErrorResponse(parsed)) {
    const error = new ApiError(response.status, parsed, true);
    if (isSessionProblem(parsed.code)) sessionProblemListener?.(parsed.code);
    throw error;
  }
  throw new ApiError(
    response.status,
    { code: 'http.unexpected', message: `Máy chủ trả lời mã ${response.status}` },
    false,
  );
}

export function apiGet<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T> {
  return request<T>('GET', buildUrl(path, query), undefined, signal);
}

/** A request that changes data: JSON body, and the CSRF token of the session in `x-csrf-token`. */
export function apiSend<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(method, path, body, signal);
}

/** Sends one file as multipart/form-data (field "file"), with the CSRF token like any other change. */
export function apiUpload<T>(
  path: string,
  file: Blob,
  fileName: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request<T>('POST', buildUrl(path, query), form, signal);
}

/** The file name of a download: the UTF-8 name of `Content-Disposition` (RFC 6266), else its plain name. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {
      // a malformed name falls back to the plain one
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * A change whose answer is either a file (200, e.g. an export) or JSON (e.g. 202 with a background job to follow).
 * Errors become ApiError exactly as with apiSend.
 */
export async function apiSendForFile<T>(
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<{ kind: 'file'; blob: Blob; fileName: string } | { kind: 'json'; status: number; value: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, { code: 'network.unreachable', message: 'Không kết nối được máy chủ' }, false);
  }
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  if (response.ok && !json) {
    return {
      kind: 'file',
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('content-disposition'), 'tep'),
    };
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { kind: 'json', status: response.status, value: parsed as T };
  if (isErrorResponse(parsed)) {
    if (isSessionProblem(parsed.code)) sessionProblemListener?.(parsed.code);
    throw new ApiError(response.status, parsed, true);
  }
  throw new ApiError(
    response.status,
    { code: 'http.unexpected', message: `Máy chủ trả lời mã ${response.status}` },
    false,
  );
}
