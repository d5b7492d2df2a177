/**
 * Deleting a record entered by mistake: a danger button that asks for the reason, which the server keeps in the
 * audit trail with the record as it was. A refusal (others rest on the record, no right to delete a decided one)
 * is shown in the dialog as the server words it.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { registryMessages } from './messages';

export function DeleteRecordButton({
  onDelete,
  onDeleted,
}: {
  onDelete: (reason: string) => Promise<unknown>;
  onDeleted: () => void;
}) {
  const t = useT();
  const m = useMessages(registryMessages).remove;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onDelete(reason.trim());
      setOpen(false);
      onDeleted();
    } catch (error) {
      setFailure(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        danger
        icon={<DeleteOutlined />}
        onClick={() => {
          form.resetFields();
          setFailure(undefined);
          setOpen(true);
        }}
      >
        {m.action}
      </Button>
      <Modal
        open={open}
        title={m.title}
        okText={m.confirm}
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p className="muted">{m.intro}</p>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={m.reason}
            rules={[{ required: true, whitespace: true, min: 3, message: m.reasonRequired }]}
          >
            <Input.TextArea rows={3} maxLength={500} placeholder={m.reasonPlaceholder} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
