/**
 * Changing one's own password: the first time (replacing a one-time password) and from "my account". The server
 * answers with the session read again, which the caller stores.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { checkPasswordStrength } from '../../../domain/passwords';
import { changePassword, type SessionInfo } from '../../api/auth';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { useT } from '../i18n';
import { PasswordRules } from './PasswordRules';
import './forms.css';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const SERVER_FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordForm({
  username,
  firstTime = false,
  onChanged,
}: {
  username: string;
  /** The current password is the one-time password an administrator handed out. */
  firstTime?: boolean;
  onChanged: (session: SessionInfo) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [problem, setProblem] = useState<string>();
  const change = useMutation({
    mutationFn: (values: Values) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: (session) => {
      form.resetFields();
      onChanged(session);
    },
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        setProblem(undefined);
        change.mutate(values);
      }}
    >
      {problem && <Alert type="error" showIcon className="auth-alert" title={problem} />}
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={firstTime ? t.auth.oneTimePassword : t.auth.currentPassword}
        rules={[{ required: true, message: t.auth.currentPasswordRequired }]}
      >
        <Input.Password autoComplete="current-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t.auth.newPassword}
        validateTrigger="onBlur"
        rules={[
          { required: true, message: t.auth.newPasswordRequired },
          {
            validator: (_rule, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const weakness = checkPasswordStrength(value, { username });
              if (weakness)
                return Promise.reject(new Error(t.auth.passwordProblem(weakness.code, weakness.message)));
              if (value === form.getFieldValue('currentPassword'))
                return Promise.reject(new Error(t.auth.sameAsCurrent));
              return Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <PasswordRules password={newPassword} username={username} />
      <Form.Item
        name="confirmPassword"
        label={t.auth.confirmPassword}
        dependencies={['newPassword']}
        validateTrigger="onBlur"
        rules={[
          { required: true, message: t.auth.confirmPasswordRequired },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t.auth.confirmMismatch)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} block={firstTime}>
        {firstTime ? t.auth.changeAndContinue : t.auth.changePassword}
      </Button>
    </Form>
  );
}
