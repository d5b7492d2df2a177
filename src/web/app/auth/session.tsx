/**
 * The signed-in session as server state: one TanStack Query entry read from GET /api/auth/session (null when
 * nobody is signed in). Reading, opening or closing it also hands the CSRF token to the API client, and a session
 * problem reported by any request (ended, password change pending, stale token) lands here, not in the pages.
 */
import { type QueryClient, queryOptions, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { Permission } from '../../../domain/roles';
import { type CurrentUser, fetchSessionInfo, type SessionInfo } from '../../api/auth';
import { ApiError, onSessionProblem, setCsrfToken } from '../../api/client';

export const SESSION_KEY = ['auth', 'session'] as const;

export const LOGIN_PATH = '/dang-nhap';
export const FIRST_PASSWORD_PATH = '/doi-mat-khau';
/** Where to go after signing in, in the address of the login page: /dang-nhap?tiep=/don-vi/12. */
export const NEXT_PARAM = 'tiep';

async function readSession(signal: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await fetchSessionInfo(signal);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => readSession(signal),
    // The session changes only through the calls below or a refused request, which update this entry directly.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

export function storeSession(client: QueryClient, session: SessionInfo | null): void {
  setCsrfToken(session?.csrfToken);
  client.setQueryData(SESSION_KEY, session);
}

/** A new sign-in: whatever was read under the previous session must not show to the next person. */
export function startSession(client: QueryClient, session: SessionInfo): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  storeSession(client, session);
}

/** Listens for session problems reported by any request (mounted once, inside the query client provider). */
export function SessionEvents() {
  const client = useQueryClient();
  useEffect(
    () =>
      onSessionProblem((problem) => {
        if (problem === 'auth.required') storeSession(client, null);
        // A pending password change or a token of another session: read the session again; the route guard
        // then sends the user where the new state says.
        else void client.invalidateQueries({ queryKey: SESSION_KEY });
      }),
    [client],
  );
  return null;
}

/** Only safe, local targets: an address from the query string must not send anyone to another site. */
export function safeNext(raw: string | null | undefined): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith(LOGIN_PATH) || raw.startsWith(FIRST_PASSWORD_PATH)) return '/';
  return raw;
}

export function withNext(path: string, next: string): string {
  const target = safeNext(next);
  return target === '/' ? path : `${path}?${NEXT_PARAM}=${encodeURIComponent(target)}`;
}

const SessionContext = createContext<SessionInfo | null>(null);

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session of a page behind login (the route guard guarantees there is one). */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is only available on pages behind login');
  return session;
}

export function useCurrentUser(): CurrentUser {
  return useSession().user;
}

/** Whether the signed-in user's role grants a permission; the server checks again on every request. */
export function useCan(): (permission: Permission) => boolean {
  const { permissions } = useCurrentUser();
  return (permission) => permissions.includes(permission);
}
