/**
 * Signing in: username and password, then the second factor when the account has one (a 6-digit code or a
 * recovery code). The page says only what the server says: an unknown user and a wrong password get the same
 * message, so nobody learns which accounts exist.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { login } from '../../api/auth';
import { ApiError } from '../../api/client';
import { errorText } from '../../components/errorText';
import { useT } from '../i18n';
import { AuthLayout } from './AuthLayout';
import './forms.css';
import { FIRST_PASSWORD_PATH, NEXT_PARAM, safeNext, sessionQuery, startSession, withNext } from './session';

interface Credentials {
  username: string;
  password: string;
}

interface Problem {
  type: 'error' | 'warning';
  title: string;
  detail?: string;
}

export default function LoginPage() {
  const t = useT();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const rawNext = params.get(NEXT_PARAM);
  const next = safeNext(rawNext);
  const session = useQuery(sessionQuery());
  const [passwordForm] = Form.useForm<Credentials>();
  const [totpForm] = Form.useForm<{ totp: string }>();
  /** Set once the password was right and the server asks for the second factor. */
  const [pending, setPending] = useState<Credentials>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    document.title = `${t.auth.loginTitle} — ANTQ`;
  }, [t]);

  const signIn = useMutation({
    mutationFn: (input: Credentials & { totp?: string }) => login(input),
    onSuccess: (info) => startSession(client, info),
    onError: (error, input) => {
      const code = error instanceof ApiError ? error.code : '';
      if (code === 'auth.totp_required') {
        setProblem(undefined);
        setPending({ username: input.username, password: input.password });
        return;
      }
      if (code === 'auth.totp_invalid') {
        totpForm.setFields([{ name: 'totp', value: '', errors: [error.message] }]);
        return;
      }
      // Locked or refused: the second step starts over from the password.
      setPending(undefined);
      if (code === 'auth.invalid_credentials') passwordForm.setFieldValue('password', '');
      if (code === 'auth.locked')
        setProblem({ type: 'warning', title: t.auth.lockedTitle, detail: error.message });
      else if (code === 'rate_limited')
        setProblem({ type: 'warning', title: t.auth.rateLimitedTitle, detail: error.message });
      else setProblem({ type: 'error', title: t.auth.failedTitle, detail: errorText(t, error) });
    },
  });

  if (session.data) {
    const target = session.data.user.mustChangePassword ? withNext(FIRST_PASSWORD_PATH, next) : next;
    return <Navigate to={target} replace />;
  }

  const alert = problem ? (
    <Alert
      type={problem.type}
      showIcon
      className="auth-alert"
      title={problem.title}
      description={problem.detail}
    />
  ) : rawNext && !pending ? (
    <Alert type="info" showIcon className="auth-alert" title={t.auth.signInToContinue} />
  ) : null;

  if (pending) {
    return (
      <AuthLayout title={t.auth.totpTitle} intro={t.auth.totpIntro} footer={t.auth.totpRecoveryHint}>
        {alert}
        <Form
          // Both steps render a form at the same place: the keys keep React from reusing the first one, which
          // would stay bound to the first form instance.
          key="totp"
          form={totpForm}
          layout="vertical"
          requiredMark={false}
          onFinish={({ totp }) => signIn.mutate({ ...pending, totp: totp.replace(/\s/g, '') })}
        >
          <Form.Item
            name="totp"
            label={t.auth.totpLabel}
            rules={[{ required: true, whitespace: true, message: t.auth.totpRequired }]}
          >
            <Input
              autoFocus
              autoComplete="one-time-code"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={20}
              placeholder={t.auth.totpPlaceholder}
              className="auth-code-input"
            />
          </Form.Item>
          <div className="auth-actions">
            <Button
              onClick={() => {
                setPending(undefined);
                setProblem(undefined);
                passwordForm.setFieldValue('password', '');
              }}
            >
              {t.auth.back}
            </Button>
            <Button type="primary" htmlType="submit" loading={signIn.isPending}>
              {t.auth.confirm}
            </Button>
          </div>
        </Form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t.auth.loginTitle} intro={t.auth.loginIntro} footer={t.auth.help}>
      {alert}
      <Form<Credentials>
        key="password"
        form={passwordForm}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setProblem(undefined);
          signIn.mutate({ username: values.username.trim(), password: values.password });
        }}
      >
        <Form.Item
          name="username"
          label={t.auth.username}
          rules={[{ required: true, whitespace: true, message: t.auth.usernameRequired }]}
        >
          <Input autoFocus autoComplete="username" autoCapitalize="off" spellCheck={false} maxLength={100} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t.auth.password}
          rules={[{ required: true, message: t.auth.passwordRequired }]}
        >
          <Input.Password autoComplete="current-password" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
          {t.auth.signIn}
        </Button>
      </Form>
    </AuthLayout>
  );
}
