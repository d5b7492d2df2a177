import { useCallback } from 'react';
import { logout } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useT } from '../i18n';
import { LOGIN_PATH } from './session';

/**
 * Ends the session on the server, then loads the login page afresh: a full load drops everything the previous
 * user had in memory, which matters on the shared computers of a commune office.
 */
export function useSignOut(): () => Promise<void> {
  const t = useT();
  return useCallback(async () => {
    try {
      await logout();
    } catch (error) {
      // A session that had already ended is as good as signed out; anything else leaves the user signed in.
      if (!(error instanceof ApiError && error.status === 401)) {
        const { notifyError } = await import('../../components/notify');
        notifyError(t.auth.signOutFailed);
        return;
      }
    }
    window.location.replace(LOGIN_PATH);
  }, [t]);
}
