/**
 * Turning the second factor on (scan the QR code or type the secret, confirm with a code, keep the recovery codes)
 * and off (with the password). Every step refreshes the session, whose user says whether it is on.
 */
import { SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, message, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { confirmTotp, disableTotp, startTotpEnrolment, type TotpEnrolmentInfo } from '../../api/auth';
import { SESSION_KEY, useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { accountsMessages } from './messages';
import { RecoveryCodesModal } from './RecoveryCodesModal';

/** Groups of four are easier to type into a phone than 32 letters in a row. */
const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function Enrolment({
  enrolment,
  onCancel,
  onEnabled,
}: {
  enrolment: TotpEnrolmentInfo;
  onCancel: () => void;
  onEnabled: (codes: string[]) => void;
}) {
  const t = useT();
  const m = useMessages(accountsMessages).account;
  const [form] = Form.useForm<{ code: string }>();
  const [problem, setProblem] = useState<string>();
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotp(code),
    onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes),
    onError: (error) => {
      if (!showOnField(form, error, ['code'])) setProblem(errorText(t, error));
    },
  });
  return (
    <div className="totp-enrolment">
      <section className="totp-step">
        <h3 className="account-step__title">{m.scanStep}</h3>
        <div className="totp-scan">
          <img src={enrolment.qrDataUrl} alt={m.qrAlt} width={180} height={180} className="totp-qr" />
          <div className="totp-secret">
            <p className="muted">{m.scanHint}</p>
            <span className="sr-only">{m.secretLabel}: </span>
            <code className="totp-secret__value">{groupSecret(enrolment.secret)}</code>
          </div>
        </div>
      </section>
      <section className="totp-step">
        <h3 className="account-step__title">{m.codeStep}</h3>
        {problem && <Alert type="error" showIcon title={problem} className="account-alert" />}
        <Form
          form={form}
          layout="inline"
          requiredMark={false}
          className="totp-code-form"
          onFinish={({ code }) => {
            setProblem(undefined);
            confirm.mutate(code);
          }}
        >
          <Form.Item
            name="code"
            label={m.codeLabel}
            rules={[{ required: true, pattern: /^\d{6}$/, message: m.codeInvalid }]}
            normalize={(value: string) => value.replace(/\D/g, '')}
          >
            <Input
              autoFocus
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="totp-code-input"
            />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {m.confirmEnable}
            </Button>
            <Button onClick={onCancel}>{m.cancel}</Button>
          </Space>
        </Form>
      </section>
    </div>
  );
}

function DisableForm({ onCancel, onDisabled }: { onCancel: () => void; onDisabled: () => void }) {
  const t = useT();
  const m = useMessages(accountsMessages).account;
  const [form] = Form.useForm<{ password: string }>();
  const [problem, setProblem] = useState<string>();
  const disable = useMutation({
    mutationFn: (password: string) => disableTotp(password),
    onSuccess: onDisabled,
    onError: (error) => {
      if (!showOnField(form, error, ['password'])) setProblem(errorText(t, error));
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ password }) => {
        setProblem(undefined);
        disable.mutate(password);
      }}
    >
      <p className="muted">{m.disableHint}</p>
      {problem && <Alert type="error" showIcon title={problem} className="account-alert" />}
      <Form.Item
        name="password"
        label={t.auth.password}
        rules={[{ required: true, message: t.auth.passwordRequired }]}
      >
        <Input.Password autoFocus autoComplete="current-password" maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Button danger type="primary" htmlType="submit" loading={disable.isPending}>
          {m.disable}
        </Button>
        <Button onClick={onCancel}>{m.cancel}</Button>
      </Space>
    </Form>
  );
}

export function TwoFactorSection() {
  const t = useT();
  const m = useMessages(accountsMessages).account;
  const user = useCurrentUser();
  const client = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentInfo>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [disabling, setDisabling] = useState(false);
  const refreshSession = () => client.invalidateQueries({ queryKey: SESSION_KEY });

  const start = useMutation({
    mutationFn: startTotpEnrolment,
    onSuccess: setEnrolment,
    onError: (error) => void messageApi.error(errorText(t, error)),
  });

  let body: ReactNode;
  if (user.totpEnabled && disabling) {
    body = (
      <DisableForm
        onCancel={() => setDisabling(false)}
        onDisabled={() => {
          setDisabling(false);
          void messageApi.success(m.disabled);
          void refreshSession();
        }}
      />
    );
  } else if (user.totpEnabled) {
    body = (
      <Button danger onClick={() => setDisabling(true)}>
        {m.disable}
      </Button>
    );
  } else if (enrolment) {
    body = (
      <Enrolment
        enrolment={enrolment}
        onCancel={() => setEnrolment(undefined)}
        onEnabled={(codes) => {
          setEnrolment(undefined);
          setRecoveryCodes(codes);
          void refreshSession();
        }}
      />
    );
  } else {
    body = (
      <Button
        type="primary"
        icon={<SafetyOutlined />}
        loading={start.isPending}
        onClick={() => start.mutate()}
      >
        {m.enable}
      </Button>
    );
  }

  return (
    <Card
      size="small"
      className="account-card"
      title={m.twoFactorTitle}
      extra={user.totpEnabled ? <Tag color="green">{m.twoFactorOn}</Tag> : <Tag>{m.twoFactorOff}</Tag>}
    >
      {messageHolder}
      <p className="muted account-card__intro">{m.twoFactorIntro}</p>
      {body}
      {recoveryCodes && (
        <RecoveryCodesModal
          codes={recoveryCodes}
          username={user.username}
          onDone={() => {
            setRecoveryCodes(undefined);
            void messageApi.success(m.enabled);
          }}
        />
      )}
    </Card>
  );
}
