/**
 * Residents' feedback sent through the citizen portal, in the officer's area: read (each view of the list is an
 * audit event, the server decrypts text and contact), and the outcome recorded, which marks it handled.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type FeedbackItem, portalActions, portalQueries } from '../../api/portal';
import { useCan } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { portalMessages } from './messages';

type StatusFilter = 'new' | 'handled' | 'all';

export default function PortalFeedbackPage() {
  const m = useMessages(portalMessages);
  const t = useT();
  const canWrite = useCan()('feedback.write');
  const client = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('new');
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<FeedbackItem | null>(null);
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useQuery(portalQueries.feedback({ page, ...(status === 'all' ? {} : { status }) }));
  useEffect(() => {
    document.title = `${m.feedbackTitle} — ANTQ`;
  }, [m]);

  const open = (item: FeedbackItem) => {
    setAnswering(item);
    setAnswer(item.response ?? '');
    setProblem(null);
  };
  const save = async () => {
    if (!answering) return;
    setBusy(true);
    setProblem(null);
    try {
      await portalActions.handleFeedback(answering.id, answer);
      setAnswering(null);
      await client.invalidateQueries({ queryKey: ['portal', 'feedback'] });
    } catch (error) {
      setProblem(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={3}>{m.feedbackTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.feedbackIntro}</Typography.Paragraph>
      <Segmented<StatusFilter>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={[
          { label: m.feedbackStatuses.new, value: 'new' },
          { label: m.feedbackStatuses.handled, value: 'handled' },
          { label: m.allStatuses, value: 'all' },
        ]}
      />
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<FeedbackItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: m.emptyFeedback }}
          expandable={{
            expandRowByClick: true,
            expandedRowRender: (item) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {item.body}
                </Typography.Paragraph>
                {item.response && (
                  <Alert
                    type="success"
                    showIcon
                    title={m.response}
                    description={<span style={{ whiteSpace: 'pre-wrap' }}>{item.response}</span>}
                  />
                )}
              </Space>
            ),
          }}
          columns={[
            {
              title: m.colReceived,
              dataIndex: 'createdAt',
              render: (value: string) => <DateTimeText value={value} />,
            },
            { title: m.colTopic, dataIndex: 'topicLabel' },
            {
              title: m.content,
              dataIndex: 'body',
              render: (value: string) => (
                <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                  {value}
                </Typography.Text>
              ),
            },
            { title: m.colCommune, dataIndex: 'unitName', responsive: ['md'] },
            {
              title: m.colContact,
              dataIndex: 'contact',
              render: (contact: FeedbackItem['contact']) =>
                contact
                  ? [contact.name, contact.phone, contact.email].filter(Boolean).join(' · ')
                  : m.anonymous,
            },
            {
              title: m.colStatus,
              dataIndex: 'status',
              render: (value: FeedbackItem['status']) => (
                <Tag color={value === 'handled' ? 'green' : 'blue'}>{m.feedbackStatuses[value]}</Tag>
              ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'answer',
                    render: (_: unknown, item: FeedbackItem) => (
                      <Button
                        size="small"
                        onClick={(event) => {
                          event.stopPropagation();
                          open(item);
                        }}
                      >
                        {item.status === 'handled' ? m.editAnswer : m.answer}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: m.feedbackCount,
          }}
        />
      )}
      <Modal
        open={answering !== null}
        title={m.answerTitle}
        okText={m.answerSave}
        cancelText={m.cancel}
        onOk={() => void save()}
        okButtonProps={{ disabled: !answer.trim(), loading: busy }}
        onCancel={() => setAnswering(null)}
        destroyOnHidden
      >
        {answering && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {answering.body}
          </Typography.Paragraph>
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
        <Input.TextArea
          rows={5}
          maxLength={4000}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
          placeholder={m.answerPlaceholder}
          aria-label={m.response}
        />
      </Modal>
    </div>
  );
}
