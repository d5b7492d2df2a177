/**
 * The ten recovery codes, shown once right after the second factor is turned on: copy, print, and a plain warning.
 * The modal closes only through "I have saved the codes", so that nobody dismisses it by a stray click.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal } from 'antd';
import { useMessages } from '../../app/i18n';
import { CopyButton } from '../../components/CopyButton';
import { formatDateTimeVi } from '../../components/dateTime';
import { accountsMessages } from './messages';

/** Printing shows only the codes: the class limits the print style sheet to them while the dialog is open. */
function printCodes(): void {
  const root = document.documentElement;
  root.classList.add('printing-recovery-codes');
  window.addEventListener('afterprint', () => root.classList.remove('printing-recovery-codes'), {
    once: true,
  });
  window.print();
}

export function RecoveryCodesModal({
  codes,
  username,
  onDone,
}: {
  codes: readonly string[];
  username: string;
  onDone: () => void;
}) {
  const m = useMessages(accountsMessages).account;
  return (
    <Modal
      open
      title={m.recoveryTitle}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onDone}>
          {m.savedCodes}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={m.recoveryWarning} className="recovery-warning" />
      <ol className="recovery-codes" aria-label={m.recoveryTitle}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="recovery-actions">
        <CopyButton text={codes.join('\n')} label={m.copyAll} copiedLabel={m.copied} />
        <Button icon={<PrinterOutlined />} onClick={printCodes}>
          {m.print}
        </Button>
      </div>
      <div className="recovery-print">
        <h1>{m.recoveryPrintHeading(username)}</h1>
        <p>{formatDateTimeVi(new Date().toISOString())}</p>
        <ol>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
      </div>
    </Modal>
  );
}
