/**
 * One award or proposal: recipient, form, issuer, decision, achievement and period; approval or refusal for those
 * who may approve (the server checks that they sit above the recipient's unit); the decision scan; the history.
 */
import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, message, Skeleton, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDateVi, todayInVietnam } from '../../../domain/dates';
import { formatInteger } from '../../../domain/numbers';
import { type AwardDetail, approveAward, awardQueries, deleteAward, refuseAward } from '../../api/awards';
import { ApiError } from '../../api/client';
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
import { AwardFormDrawer } from './AwardFormDrawer';
import { awardsMessages } from './messages';
import { AwardStatusTag } from './StatusTag';

export default function AwardPage() {
  const t = useT();
  const m = useMessages(awardsMessages);
  const r = useMessages(registryMessages).list;
  const can = useCan();
  const canPropose = can('awards.propose');
  const canApprove = can('awards.approve');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useParams();
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? '') ? Number(params.id) : undefined;
  const [editing, setEditing] = useState(false);
  const [deciding, setDeciding] = useState<'approve' | 'refuse'>();
  const award = useQuery({ ...awardQueries.detail(id ?? 0), enabled: id !== undefined });

  useEffect(() => {
    document.title = `${award.data?.recipientName ?? m.pageTitle} — ANTQ`;
  }, [award.data?.recipientName, m]);

  if (id === undefined || (award.error instanceof ApiError && award.error.status === 404)) {
    return <PageMessage title={t.errors.pageNotFound} detail={r.notFound} />;
  }
  if (award.isError && !award.data)
    return <ErrorAlert error={award.error} onRetry={() => void award.refetch()} />;
  const data = award.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const refresh = () => client.invalidateQueries({ queryKey: awardQueries.all });

  return (
    <div className="registry-page">
      {messageHolder}
      <Link to="/khen-thuong">
        <ArrowLeftOutlined /> {r.back}
      </Link>
      <header className="registry-detail__header">
        <div>
          <h1 className="registry-detail__title">{data.recipientName}</h1>
          <span className="registry-tags">
            <Tag color="gold">{data.form.name}</Tag>
            <Tag>{data.issuer.name}</Tag>
            <AwardStatusTag status={data.status} />
          </span>
        </div>
        <div className="registry-page__actions">
          {canApprove && data.status === 'proposed' && (
            <>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding('approve')}>
                {m.approve.action}
              </Button>
              <Button danger icon={<CloseOutlined />} onClick={() => setDeciding('refuse')}>
                {m.refuse.action}
              </Button>
            </>
          )}
          {canPropose && data.status !== 'refused' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {r.edit}
            </Button>
          )}
          {(data.status === 'proposed' ? canPropose : canApprove) && (
            <DeleteRecordButton
              onDelete={(reason) => deleteAward(data.id, { reason })}
              onDeleted={() => {
                client.removeQueries({ queryKey: awardQueries.detail(data.id).queryKey });
                void client.invalidateQueries({ queryKey: awardQueries.all });
                navigate('/khen-thuong');
              }}
            />
          )}
        </div>
      </header>
      <div className="registry-detail__body">
        {data.status === 'refused' && data.decisionNote && (
          <Alert type="info" showIcon title={m.statuses.refused} description={data.decisionNote} />
        )}
        <Card size="small" title={m.detail.info}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              {
                key: 'recipient',
                label: m.detail.recipient,
                children: (
                  <span>
                    {data.recipientName}
                    {data.recipientTeamId && (
                      <>
                        {' · '}
                        <Link to={`/luc-luong/${data.recipientTeamId}`}>{m.detail.team}</Link>
                      </>
                    )}
                  </span>
                ),
              },
              { key: 'type', label: m.detail.recipientType, children: m.recipientTypes[data.recipientType] },
              ...(data.recipientPosition
                ? [{ key: 'position', label: m.detail.position, children: data.recipientPosition }]
                : []),
              ...(data.recipientWorkplace
                ? [{ key: 'workplace', label: m.detail.workplace, children: data.recipientWorkplace }]
                : []),
              {
                key: 'unit',
                label: m.detail.unit,
                children: [data.unit.fullName, data.unit.parentName].filter(Boolean).join(', '),
              },
              { key: 'form', label: m.detail.form, children: data.form.name },
              { key: 'issuer', label: m.detail.issuer, children: data.issuer.name },
              {
                key: 'decision',
                label: m.detail.decision,
                children: m.decisionText(
                  data.decisionNumber,
                  data.decisionDate ? formatDateVi(data.decisionDate) : null,
                ),
              },
              {
                key: 'reason',
                label: m.detail.reason,
                children: [data.reasonLabel, data.reasonText].filter(Boolean).join(': '),
              },
              { key: 'period', label: m.detail.period, children: data.periodLabel },
              ...(data.phase ? [{ key: 'phase', label: m.detail.phase, children: data.phase }] : []),
              ...(data.proposedOn
                ? [
                    {
                      key: 'proposed',
                      label: m.detail.proposedOn,
                      children: <DateText value={data.proposedOn} />,
                    },
                  ]
                : []),
              ...(data.decisionNote && data.status !== 'refused'
                ? [{ key: 'decisionNote', label: m.detail.decisionNote, children: data.decisionNote }]
                : []),
              ...(data.notes ? [{ key: 'notes', label: m.detail.notes, children: data.notes }] : []),
            ]}
          />
        </Card>
        <Card size="small">
          <Tabs
            items={[
              {
                key: 'files',
                label: `${m.detail.tabFiles} (${formatInteger(data.attachments.length)})`,
                children: (
                  <AttachmentsPanel
                    entityType="award"
                    entityId={data.id}
                    attachments={data.attachments}
                    canWrite={canPropose || canApprove}
                    refreshKey={awardQueries.all}
                  />
                ),
              },
              { key: 'history', label: m.detail.tabHistory, children: <HistoryList events={data.history} /> },
            ]}
          />
        </Card>
      </div>
      <AwardFormDrawer
        open={editing}
        award={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void messageApi.success(r.saved);
          void refresh();
        }}
      />
      <DecisionModal
        award={data}
        mode={deciding}
        onClose={() => setDeciding(undefined)}
        onDone={(mode) => {
          setDeciding(undefined);
          void messageApi.success(mode === 'approve' ? m.approve.done : m.refuse.done);
          void refresh();
        }}
      />
    </div>
  );
}

function DecisionModal({
  award,
  mode,
  onClose,
  onDone,
}: {
  award: AwardDetail;
  mode: 'approve' | 'refuse' | undefined;
  onClose: () => void;
  onDone: (mode: 'approve' | 'refuse') => void;
}) {
  const t = useT();
  const m = useMessages(awardsMessages);
  const r = useMessages(registryMessages).list;
  const [form] = Form.useForm<{ decisionNumber?: string; decisionDate?: string; note?: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    setProblem(undefined);
  }, [mode, form]);
  return (
    <Modal
      open={mode !== undefined}
      title={`${mode === 'refuse' ? m.refuse.title : m.approve.title}: ${award.recipientName}`}
      okText={mode === 'refuse' ? m.refuse.action : m.approve.action}
      cancelText={r.cancel}
      okButtonProps={{ loading: busy, danger: mode === 'refuse' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} className="registry-import__alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          decisionNumber: award.decisionNumber ?? '',
          decisionDate: award.decisionDate ?? todayInVietnam(),
        }}
        onFinish={async (values) => {
          if (!mode) return;
          setBusy(true);
          setProblem(undefined);
          try {
            if (mode === 'approve') {
              await approveAward(award.id, {
                decisionNumber: values.decisionNumber?.trim() ?? '',
                decisionDate: values.decisionDate ?? todayInVietnam(),
                note: values.note?.trim() || null,
              });
            } else {
              await refuseAward(award.id, { note: values.note?.trim() ?? '' });
            }
            onDone(mode);
          } catch (error) {
            if (!showOnField(form, error, ['decisionNumber', 'decisionDate', 'note']))
              setProblem(errorText(t, error));
          } finally {
            setBusy(false);
          }
        }}
      >
        {mode === 'approve' && (
          <>
            <Form.Item
              name="decisionNumber"
              label={m.approve.decisionNumber}
              rules={[{ required: true, whitespace: true, message: m.approve.required }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="decisionDate"
              label={m.approve.decisionDate}
              rules={[{ required: true, message: m.approve.required }]}
            >
              <IsoDatePicker allowClear={false} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={mode === 'refuse' ? m.refuse.note : m.approve.note}
          rules={
            mode === 'refuse'
              ? [{ required: true, whitespace: true, min: 3, message: m.refuse.required }]
              : []
          }
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
