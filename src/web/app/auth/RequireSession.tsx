/**
 * The gate in front of every page but the login: nobody signed in goes to the login page (which brings them
 * back afterwards), a one-time password goes to the page that replaces it, and a page needing a permission the
 * role lacks says so instead of showing empty tables. The server enforces all of it again.
 */
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Permission } from '../../../domain/roles';
import { ApiError } from '../../api/client';
import { PageLoading } from '../../components/PageLoading';
import { PageMessage } from '../ErrorPages';
import { useT } from '../i18n';
import { FIRST_PASSWORD_PATH, LOGIN_PATH, SessionProvider, sessionQuery, useCan, withNext } from './session';

export function RequireSession() {
  const t = useT();
  const location = useLocation();
  const session = useQuery(sessionQuery());
  const here = `${location.pathname}${location.search}`;

  if (session.data === undefined) {
    if (session.isError) {
      const error = session.error;
      return (
        <PageMessage
          title={t.auth.sessionCheckFailed}
          detail={error instanceof ApiError && error.fromServer ? error.message : t.errors.network}
          action={
            <Button type="primary" onClick={() => void session.refetch()}>
              {t.errors.retry}
            </Button>
          }
        />
      );
    }
    return <PageLoading />;
  }
  if (session.data === null) return <Navigate to={withNext(LOGIN_PATH, here)} replace />;
  if (session.data.user.mustChangePassword && location.pathname !== FIRST_PASSWORD_PATH) {
    return <Navigate to={withNext(FIRST_PASSWORD_PATH, here)} replace />;
  }
  return (
    <SessionProvider session={session.data}>
      <Outlet />
    </SessionProvider>
  );
}

export function RequirePermission({
  permission,
  children,
}: {
  /** A list means any one of them. */
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const t = useT();
  const can = useCan();
  const needed: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!needed.some(can)) return <PageMessage title={t.auth.forbiddenTitle} detail={t.auth.forbiddenDetail} />;
  return children;
}
