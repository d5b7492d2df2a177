/**
 * A date and a free-text reason, confirmed: dissolving a team, a member leaving it. The server's refusal of the
 * date (before the joining date, in the future…) is shown on the date field.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates';
import { ApiError } from '../../api/client';
import { useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { IsoDatePicker } from '../registry/IsoDatePicker';

interface Values {
  date: string;
  reason?: string;
}

export function DateReasonModal({
  open,
  title,
  note,
  dateLabel,
  dateRequired,
  reasonLabel,
  okText,
  cancelText,
  dateField,
  reasonField,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  note?: string;
  dateLabel: string;
  dateRequired: string;
  reasonLabel: string;
  okText: string;
  cancelText: string;
  /** The API's names of the two fields, so that its refusal lands on the right one. */
  dateField: string;
  reasonField: string;
  onSubmit: (date: string, reason: string | null) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setProblem(undefined);
  }, [open, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onSubmit(values.date, values.reason?.trim() || null);
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.fromServer &&
        (error.field === dateField || error.field === reasonField)
      ) {
        form.setFields([{ name: error.field === dateField ? 'date' : 'reason', errors: [error.message] }]);
      } else {
        setProblem(errorText(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={cancelText}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {note && <Alert type="warning" showIcon title={note} className="registry-import__alert" />}
      {problem && <Alert type="error" showIcon title={problem} className="registry-import__alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: todayInVietnam() }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="date" label={dateLabel} rules={[{ required: true, message: dateRequired }]}>
          <IsoDatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={reasonLabel}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
