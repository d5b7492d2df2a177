/**
 * The criteria sets as data: every legal basis, kind of unit and version, with their criteria. A used version is
 * frozen (no edit buttons, the server refuses too); a new version or the province's own copy is a draft that can
 * be edited and then activated.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CRITERION_KINDS } from '../../../domain/recognition';
import type { ApiError } from '../../api/client';
import {
  type CriteriaSetDetail,
  type CriteriaSetItem,
  recognitionQueries,
  setAction,
} from '../../api/recognition';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { recognitionMessages } from './messages';
import './recognition.css';

type Criterion = CriteriaSetDetail['criteria'][number];

function CriterionModal({
  set,
  criterion,
  open,
  onClose,
}: {
  set: CriteriaSetDetail;
  criterion: Criterion | null;
  open: boolean;
  onClose: () => void;
}) {
  const m = useMessages(recognitionMessages);
  const [form] = Form.useForm();
  const client = useQueryClient();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      criterion
        ? setAction(`/${set.id}/criteria/${criterion.id}`, body, 'PUT')
        : setAction(`/${set.id}/criteria`, body),
    onSuccess: (next) => {
      client.setQueryData(recognitionQueries.set(set.id).queryKey, next);
      void client.invalidateQueries({ queryKey: ['recognition', 'sets'] });
      onClose();
    },
    onError: (error: ApiError) => {
      if (error.field) {
        const name = error.field === 'threshold' ? 'thresholdValue' : error.field;
        form.setFields([{ name, errors: [error.message] }]);
      }
    },
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      criterion
        ? {
            ...criterion,
            thresholdValue: criterion.threshold?.value,
            thresholdLabel: criterion.threshold?.label,
            thresholdUnit: criterion.threshold?.unit,
            events: (criterion.events ?? []).join('\n'),
          }
        : {
            code: String(set.criteria.length + 1),
            kind: 'yes_no',
            evidenceRequired: false,
            thresholdUnit: '%',
          },
    );
  }, [open, criterion, set, form]);
  return (
    <Modal
      open={open}
      title={criterion ? m.editCriterion : m.addCriterion}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={640}
    >
      {mutation.isError && !(mutation.error as ApiError).field && <ErrorAlert error={mutation.error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          mutation.mutate({
            code: values.code,
            text: values.text,
            kind: values.kind,
            evidenceRequired: values.evidenceRequired ?? false,
            threshold:
              values.kind === 'number_threshold' || values.kind === 'computed'
                ? values.thresholdValue === undefined || values.thresholdValue === null
                  ? null
                  : {
                      comparator: 'at_least',
                      value: values.thresholdValue,
                      label: values.thresholdLabel || 'Tỷ lệ',
                      unit: values.thresholdUnit ?? '',
                    }
                : null,
            events:
              values.kind === 'no_events'
                ? String(values.events ?? '')
                    .split('\n')
                    .map((line: string) => line.trim())
                    .filter(Boolean)
                : null,
            computedRule: values.kind === 'computed' ? 'children_registered_recognised' : null,
          })
        }
      >
        <Space wrap>
          <Form.Item name="code" label={m.criterionCode} rules={[{ required: true }]}>
            <Input maxLength={20} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="kind" label={m.criterionKind}>
            <Select
              style={{ width: 260 }}
              options={CRITERION_KINDS.map((value) => ({ value, label: m.kinds[value] }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="text" label={m.criterionText} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        {(kind === 'number_threshold' || kind === 'computed') && (
          <Space wrap>
            <Form.Item name="thresholdLabel" label={m.thresholdLabel}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="thresholdValue" label={m.thresholdValue}>
              <InputNumber min={0} decimalSeparator="," />
            </Form.Item>
            <Form.Item name="thresholdUnit" label={m.thresholdUnit}>
              <Input maxLength={20} style={{ width: 80 }} />
            </Form.Item>
          </Space>
        )}
        {kind === 'no_events' && (
          <Form.Item name="events" label={m.events}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        )}
        <Form.Item name="evidenceRequired" valuePropName="checked">
          <Checkbox>{m.evidenceRequired}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SetDetail({ id }: { id: number }) {
  const m = useMessages(recognitionMessages);
  const user = useCurrentUser();
  const client = useQueryClient();
  const [, setParams] = useSearchParams();
  const query = useQuery(recognitionQueries.set(id));
  const [editing, setEditing] = useState<{ criterion: Criterion | null } | null>(null);
  const act = useMutation({
    mutationFn: (input: { path: string; body?: unknown; method?: 'POST' | 'DELETE' }) =>
      setAction(input.path, input.body, input.method ?? 'POST'),
    onSuccess: (next) => {
      client.setQueryData(recognitionQueries.set(next.id).queryKey, next);
      void client.invalidateQueries({ queryKey: ['recognition', 'sets'] });
      if (next.id !== id) setParams({ bo: String(next.id) }, { replace: true });
    },
  });
  if (query.isError) return <ErrorAlert error={query.error} />;
  const set = query.data;
  if (!set) return null;
  const national = set.provinceCode === null;
  const editable = !set.frozen && set.status !== 'retired' && (national ? user.unit === null : true);
  const criterionEditable = (criterion: Criterion) =>
    editable && (national || criterion.addedByProvince !== null);

  const columns: TableColumnsType<Criterion> = [
    { title: m.criterionCode, dataIndex: 'code', key: 'code', width: 60 },
    {
      title: m.criterionText,
      key: 'text',
      render: (_, criterion) => (
        <div>
          {criterion.text}
          {criterion.events && (
            <ul className="muted">
              {criterion.events.map((event) => (
                <li key={event}>{event}</li>
              ))}
            </ul>
          )}
          {criterion.addedByProvince && (
            <Tag color="purple">{m.addedByProvince(criterion.addedByProvince)}</Tag>
          )}
          {criterion.evidenceRequired && <Tag>{m.evidenceRequired}</Tag>}
        </div>
      ),
    },
    { title: m.criterionKind, key: 'kind', width: 200, render: (_, criterion) => m.kinds[criterion.kind] },
    {
      title: '',
      key: 'actions',
      width: 140,
      render: (_, criterion) =>
        criterionEditable(criterion) ? (
          <Space>
            <Button size="small" onClick={() => setEditing({ criterion })}>
              {m.editCriterion}
            </Button>
            <Popconfirm
              title={m.removeCriterion}
              onConfirm={() => act.mutate({ path: `/${set.id}/criteria/${criterion.id}`, method: 'DELETE' })}
            >
              <Button size="small" danger>
                {m.removeCriterion}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];
  return (
    <section className="recognition-card" aria-label={set.title}>
      <h2>
        {set.title} <Tag>{`${m.version} ${set.version}`}</Tag>
        <Tag color={set.status === 'active' ? 'green' : set.status === 'draft' ? 'blue' : 'default'}>
          {m.setStatus[set.status]}
        </Tag>
        {set.frozen && <Tag color="red">{m.frozen}</Tag>}
      </h2>
      <p className="muted">
        {set.legalBasis} · {m.years}: {set.fromYear}–{set.toYear ?? '…'}
        {set.provinceCode ? ` · tỉnh ${set.provinceCode}` : ''}
      </p>
      {act.isError && <ErrorAlert error={act.error} />}
      <Space wrap className="recognition-filters">
        {user.unit === null && (
          <Button onClick={() => act.mutate({ path: `/${set.id}/drafts`, body: {} })}>{m.newVersion}</Button>
        )}
        {national && user.unit !== null && (
          <Button onClick={() => act.mutate({ path: `/${set.id}/drafts`, body: { forProvince: true } })}>
            {m.provinceCopy}
          </Button>
        )}
        {editable && <Button onClick={() => setEditing({ criterion: null })}>{m.addCriterion}</Button>}
        {editable && set.status === 'draft' && (
          <Button type="primary" onClick={() => act.mutate({ path: `/${set.id}/activate` })}>
            {m.activate}
          </Button>
        )}
      </Space>
      <Table<Criterion>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={set.criteria}
        pagination={false}
      />
      <CriterionModal
        set={set}
        criterion={editing?.criterion ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </section>
  );
}

export default function CriteriaSetsPage() {
  const m = useMessages(recognitionMessages);
  const [params, setParams] = useSearchParams();
  const sets = useQuery(recognitionQueries.sets());
  const selected = Number(params.get('bo')) || sets.data?.items[0]?.id;
  useEffect(() => {
    document.title = `${m.setsTitle} — ANTQ`;
  }, [m]);
  return (
    <div className="page recognition-sets">
      <Link to="/an-toan-antt">← {m.title}</Link>
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.setsTitle}</h1>
          <p className="muted page-header__intro">{m.setsIntro}</p>
        </div>
      </header>
      {sets.isError && <ErrorAlert error={sets.error} onRetry={() => void sets.refetch()} />}
      <div className="recognition-sets__layout">
        <List<CriteriaSetItem>
          className="recognition-sets__list"
          size="small"
          bordered
          loading={sets.isPending}
          dataSource={sets.data?.items ?? []}
          renderItem={(item) => (
            <List.Item
              className={item.id === selected ? 'recognition-sets__item--active' : undefined}
              onClick={() => setParams({ bo: String(item.id) }, { replace: true })}
              style={{ cursor: 'pointer' }}
            >
              <div>
                <div>
                  <strong>{item.targetLabel}</strong> · {item.legalBasis}
                </div>
                <div className="muted">
                  {m.version} {item.version} · {m.setStatus[item.status]}
                  {item.frozen ? ` · ${m.frozen}` : ''}
                  {item.provinceCode ? ` · tỉnh ${item.provinceCode}` : ''}
                </div>
              </div>
            </List.Item>
          )}
        />
        <div className="recognition-sets__detail">{selected ? <SetDetail id={selected} /> : null}</div>
      </div>
    </div>
  );
}
