/**
 * Forced after signing in with a one-time password: every other API answers "change your password first", so the
 * shell is not shown until it is done. Afterwards the user goes on to where they were heading.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useEffect } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useT } from '../i18n';
import { AuthLayout } from './AuthLayout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { NEXT_PARAM, safeNext, storeSession, useCurrentUser } from './session';
import { useSignOut } from './useSignOut';

export default function FirstPasswordPage() {
  const t = useT();
  const user = useCurrentUser();
  const client = useQueryClient();
  const signOut = useSignOut();
  const [params] = useSearchParams();
  const next = safeNext(params.get(NEXT_PARAM));

  useEffect(() => {
    document.title = `${t.auth.firstPasswordTitle} — ANTQ`;
  }, [t]);

  if (!user.mustChangePassword) return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title={t.auth.firstPasswordTitle}
      intro={
        <>
          <p>{t.auth.firstPasswordIntro}</p>
          <p>
            <strong>{t.auth.signedInAs(user.fullName, user.username)}</strong>
          </p>
        </>
      }
      footer={
        <Button type="link" size="small" onClick={() => void signOut()} className="auth-card__link">
          {t.auth.signOut}
        </Button>
      }
    >
      <ChangePasswordForm
        username={user.username}
        firstTime
        onChanged={(session) => storeSession(client, session)}
      />
    </AuthLayout>
  );
}
