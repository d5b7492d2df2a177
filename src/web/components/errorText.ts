import { ApiError } from '../api/client';
import type { Messages } from '../app/i18n/vi';

/** The API's own Vietnamese message when there is one, a plain explanation otherwise. */
export function errorText(t: Messages, error: unknown): string {
  if (error instanceof ApiError && error.fromServer) return error.message;
  if (error instanceof ApiError && error.status >= 500) return t.errors.server(error.status);
  return t.errors.network;
}
