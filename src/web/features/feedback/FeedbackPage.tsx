/**
 * One piece of residents' feedback: what was said, where and when; the answer or the authority it went to; the
 * optional contact details with the purpose they are kept for (each viewing is audited by the server); files;
 * the history of changes.
 */
import { ArrowLeftOutlined, EditOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, message, Skeleton, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { todayInVietnam } from '../../../domain/dates';
import { formatInteger } from '../../../domain/numbers';
import { ApiError } from '../../api/client';
import {
  answerFeedback,
  deleteFeedback,
  type FeedbackDetail,
  feedbackQueries,
  forwardFeedback,
} from '../../api/feedback';
import { useCan } from '../../app/auth/session';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { DeleteRecordButton } from '../registry/DeleteRecordButton';
import { HistoryList } from '../registry/HistoryList';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import '../registry/registry.css';
import { FeedbackFormDrawer } from './FeedbackFormDrawer';
import { feedbackMessages } from './messages';
import { FeedbackStatusTag } from './StatusTag';

export default function FeedbackPage() {
  const t = useT();
  const m = useMessages(feedbackMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('feedback.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useParams();
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? '') ? Number(params.id) : undefined;
  const [editing, setEditing] = useState(false);
  const [acting, setActing] = useState<'answer' | 'forward'>();
  const feedback = useQuery({ ...feedbackQueries.detail(id ?? 0), enabled: id !== undefined });

  useEffect(() => {
    document.title = `${feedback.data?.topic ?? m.pageTitle} — ANTQ`;
  }, [feedback.data?.topic, m]);

  if (id === undefined || (feedback.error instanceof ApiError && feedback.error.status === 404)) {
    return <PageMessage title={t.errors.pageNotFound} detail={r.notFound} />;
  }
  if (feedback.isError && !feedback.data)
    return <ErrorAlert error={feedback.error} onRetry={() => void feedback.refetch()} />;
  const data = feedback.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const refresh = () => client.invalidateQueries({ queryKey: feedbackQueries.all });

  return (
    <div className="registry-page">
      {messageHolder}
      <Link to="/y-kien-nhan-dan">
        <ArrowLeftOutlined /> {r.back}
      </Link>
      <header className="registry-detail__header">
        <div>
          <h1 className="registry-detail__title">{data.topic}</h1>
          <FeedbackStatusTag status={data.status} />
        </div>
        {canWrite && (
          <div className="registry-page__actions">
            <Button type="primary" icon={<MessageOutlined />} onClick={() => setActing('answer')}>
              {m.answer.action}
            </Button>
            <Button icon={<SendOutlined />} onClick={() => setActing('forward')}>
              {m.forward.action}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {r.edit}
            </Button>
            <DeleteRecordButton
              onDelete={(reason) => deleteFeedback(data.id, { reason })}
              onDeleted={() => {
                client.removeQueries({ queryKey: feedbackQueries.detail(data.id).queryKey });
                void client.invalidateQueries({ queryKey: feedbackQueries.all });
                navigate('/y-kien-nhan-dan');
              }}
            />
          </div>
        )}
      </header>
      <div className="registry-detail__body">
        <Card size="small" title={m.detail.info}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              {
                key: 'unit',
                label: m.detail.unit,
                children: [data.unit.fullName, data.unit.parentName].filter(Boolean).join(', '),
              },
              { key: 'received', label: m.detail.receivedOn, children: <DateText value={data.receivedOn} /> },
              { key: 'channel', label: m.detail.channel, children: data.channelLabel },
              ...(data.activity
                ? [
                    {
                      key: 'activity',
                      label: m.detail.activity,
                      children: <Link to={`/hoat-dong/${data.activity.id}`}>{data.activity.title}</Link>,
                    },
                  ]
                : []),
              ...(data.content
                ? [
                    {
                      key: 'content',
                      label: m.detail.content,
                      span: 'filled' as const,
                      children: data.content,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {(data.answer || data.forwardedTo) && (
          <Card size="small" title={data.answer ? m.detail.answer : m.detail.forwardedTo}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                ...(data.answer
                  ? [
                      { key: 'by', label: m.detail.answeredBy, children: data.answeredBy ?? r.none },
                      {
                        key: 'on',
                        label: m.detail.answeredOn,
                        children: <DateText value={data.answeredOn} />,
                      },
                      {
                        key: 'answer',
                        label: m.detail.answer,
                        span: 'filled' as const,
                        children: data.answer,
                      },
                    ]
                  : []),
                ...(data.forwardedTo
                  ? [
                      { key: 'to', label: m.detail.forwardedTo, children: data.forwardedTo },
                      {
                        key: 'forwardedOn',
                        label: m.detail.forwardedOn,
                        children: <DateText value={data.forwardedOn} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        )}
        {data.contact && (
          <Card size="small" title={m.detail.contact}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 3 }}
              items={[
                { key: 'name', label: m.detail.name, children: data.contact.name ?? r.none },
                { key: 'phone', label: m.detail.phone, children: data.contact.phone ?? r.none },
                { key: 'purpose', label: m.detail.purpose, children: data.contact.purposeLabel },
              ]}
            />
            <p className="muted">{m.detail.contactNote}</p>
          </Card>
        )}
        <Card size="small">
          <Tabs
            items={[
              {
                key: 'files',
                label: `${m.detail.tabFiles} (${formatInteger(data.attachments.length)})`,
                children: (
                  <AttachmentsPanel
                    entityType="feedback"
                    entityId={data.id}
                    attachments={data.attachments}
                    canWrite={canWrite}
                    refreshKey={feedbackQueries.all}
                  />
                ),
              },
              { key: 'history', label: m.detail.tabHistory, children: <HistoryList events={data.history} /> },
            ]}
          />
        </Card>
      </div>
      <FeedbackFormDrawer
        open={editing}
        feedback={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void messageApi.success(r.saved);
          void refresh();
        }}
      />
      <ActionModal
        feedback={data}
        mode={acting}
        onClose={() => setActing(undefined)}
        onDone={(mode) => {
          setActing(undefined);
          void messageApi.success(mode === 'answer' ? m.answer.done : m.forward.done);
          void refresh();
        }}
      />
    </div>
  );
}

function ActionModal({
  feedback,
  mode,
  onClose,
  onDone,
}: {
  feedback: FeedbackDetail;
  mode: 'answer' | 'forward' | undefined;
  onClose: () => void;
  onDone: (mode: 'answer' | 'forward') => void;
}) {
  const t = useT();
  const m = useMessages(feedbackMessages);
  const r = useMessages(registryMessages).list;
  const [form] = Form.useForm<{
    answeredBy?: string;
    answer?: string;
    answeredOn?: string;
    forwardedTo?: string;
    forwardedOn?: string;
  }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    setProblem(undefined);
  }, [mode, form]);
  const required = [{ required: true, whitespace: true, message: r.required }];
  return (
    <Modal
      open={mode !== undefined}
      title={mode === 'forward' ? m.forward.title : m.answer.title}
      okText={r.save}
      cancelText={r.cancel}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} className="registry-import__alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          answeredBy: feedback.answeredBy ?? '',
          answer: feedback.answer ?? '',
          answeredOn: feedback.answeredOn ?? todayInVietnam(),
          forwardedTo: feedback.forwardedTo ?? '',
          forwardedOn: feedback.forwardedOn ?? todayInVietnam(),
        }}
        onFinish={async (values) => {
          if (!mode) return;
          setBusy(true);
          setProblem(undefined);
          try {
            if (mode === 'answer') {
              await answerFeedback(feedback.id, {
                answeredBy: values.answeredBy?.trim() ?? '',
                answer: values.answer?.trim() ?? '',
                answeredOn: values.answeredOn ?? todayInVietnam(),
              });
            } else {
              await forwardFeedback(feedback.id, {
                forwardedTo: values.forwardedTo?.trim() ?? '',
                forwardedOn: values.forwardedOn ?? todayInVietnam(),
              });
            }
            onDone(mode);
          } catch (error) {
            if (
              !showOnField(form, error, ['answeredBy', 'answer', 'answeredOn', 'forwardedTo', 'forwardedOn'])
            )
              setProblem(errorText(t, error));
          } finally {
            setBusy(false);
          }
        }}
      >
        {mode === 'answer' ? (
          <>
            <Form.Item name="answeredBy" label={m.answer.answeredBy} rules={required}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="answer" label={m.answer.answer} rules={required}>
              <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
            <Form.Item
              name="answeredOn"
              label={m.answer.answeredOn}
              rules={[{ required: true, message: r.required }]}
            >
              <IsoDatePicker allowClear={false} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="forwardedTo" label={m.forward.forwardedTo} rules={required}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item
              name="forwardedOn"
              label={m.forward.forwardedOn}
              rules={[{ required: true, message: r.required }]}
            >
              <IsoDatePicker allowClear={false} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
