/** The signed-in user's own account: login, password, second factor, sessions (src/contracts/accounts.ts). */
import type { Static } from 'typebox';
import type {
  LoginBody,
  RecoveryCodes,
  SessionInfo,
  SessionItem,
  SessionList,
  TotpEnrolment,
} from '../../contracts/accounts';
import { apiGet, apiSend } from './client';

export type { CurrentUser, SessionInfo } from '../../contracts/accounts';
export type TotpEnrolmentInfo = Static<typeof TotpEnrolment>;
export type SessionEntry = Static<typeof SessionItem>;
export type SessionEntries = Static<typeof SessionList>;

export function fetchSessionInfo(signal?: AbortSignal): Promise<SessionInfo> {
  return apiGet<SessionInfo>('/api/auth/session', {}, signal);
}

export function login(body: LoginBody): Promise<SessionInfo> {
  return apiSend<SessionInfo>('POST', '/api/auth/login', body);
}

export function logout(): Promise<{ ok: true }> {
  return apiSend<{ ok: true }>('POST', '/api/auth/logout');
}

/** Answers the session again: the server may have changed the user (no more pending password change). */
export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<SessionInfo> {
  return apiSend<SessionInfo>('POST', '/api/auth/password', body);
}

export function startTotpEnrolment(): Promise<TotpEnrolmentInfo> {
  return apiSend<TotpEnrolmentInfo>('POST', '/api/auth/totp/enrol');
}

export function confirmTotp(code: string): Promise<Static<typeof RecoveryCodes>> {
  return apiSend<Static<typeof RecoveryCodes>>('POST', '/api/auth/totp/confirm', { code });
}

export function disableTotp(password: string): Promise<{ ok: true }> {
  return apiSend<{ ok: true }>('POST', '/api/auth/totp/disable', { password });
}

export function fetchMySessions(signal?: AbortSignal): Promise<SessionEntries> {
  return apiGet<SessionEntries>('/api/auth/sessions', {}, signal);
}

export function revokeSession(id: string): Promise<{ ok: true }> {
  return apiSend<{ ok: true }>('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
}
