/**
 * A one-time password, shown once after creating a user or issuing a new password. The server keeps only its
 * hash, so closing this modal is the last chance to read it.
 */
import { Alert, Button, Modal } from 'antd';
import { useMessages } from '../../app/i18n';
import { CopyButton } from '../../components/CopyButton';
import { accountsMessages } from './messages';

export function OneTimePasswordModal({
  username,
  password,
  onDone,
}: {
  username: string;
  password: string;
  onDone: () => void;
}) {
  const m = useMessages(accountsMessages).users;
  return (
    <Modal
      open
      title={m.otpTitle}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onDone}>
          {m.otpDone}
        </Button>
      }
    >
      <p>{m.otpFor(username)}</p>
      <code className="otp-value" data-testid="one-time-password">
        {password}
      </code>
      <div className="otp-actions">
        <CopyButton text={password} label={m.copy} copiedLabel={m.copied} />
      </div>
      <Alert type="warning" showIcon title={m.otpWarning} />
    </Modal>
  );
}
