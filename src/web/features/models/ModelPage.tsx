/**
 * One self-management model: its kind, lead and joint units, status with dates, exemplary recognition, camera
 * counts; the tree of models replicated from it; status over time; yearly effectiveness; the history of changes.
 */
import {
  ArrowLeftOutlined,
  EditOutlined,
  StarFilled,
  StopOutlined,
  SwapOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Tree,
} from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { todayInVietnam } from '../../../domain/dates';
import { MODEL_RATINGS, MODEL_STATUSES, type ModelRating, type ModelStatus } from '../../../domain/models';
import { formatInteger } from '../../../domain/numbers';
import { ApiError } from '../../api/client';
import {
  changeModelStatus,
  type ModelDetail,
  modelQueries,
  type ReplicationTree,
  rateModel,
} from '../../api/models';
import { useCan } from '../../app/auth/session';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { HistoryList } from '../registry/HistoryList';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import '../registry/registry.css';
import { ModelFormDrawer } from './ModelFormDrawer';
import { modelsMessages } from './messages';
import { StatusTag } from './StatusTag';

const ReplicationChart = lazy(() => import('./ReplicationChart'));

const TAB_PARAM = 'xem';
const TABS = { tree: 'nhan-rong', status: 'trang-thai', ratings: 'hieu-qua', history: 'lich-su' } as const;
type Tab = (typeof TABS)[keyof typeof TABS];

export default function ModelPage() {
  const t = useT();
  const m = useMessages(modelsMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('registry.write');
  const client = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useParams();
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? '') ? Number(params.id) : undefined;
  const [search, setSearch] = useSearchParams();
  const rawTab = search.get(TAB_PARAM);
  const tab: Tab = (Object.values(TABS) as string[]).includes(rawTab ?? '') ? (rawTab as Tab) : TABS.tree;
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState<'status' | 'end'>();
  const [rating, setRating] = useState(false);

  const model = useQuery({ ...modelQueries.detail(id ?? 0), enabled: id !== undefined });
  const tree = useQuery({
    ...modelQueries.replication(id ?? 0),
    enabled: id !== undefined && tab === TABS.tree,
  });

  useEffect(() => {
    document.title = `${model.data?.name ?? m.pageTitle} — ANTQ`;
  }, [model.data?.name, m]);

  if (id === undefined || (model.error instanceof ApiError && model.error.status === 404)) {
    return <PageMessage title={t.errors.pageNotFound} detail={r.notFound} />;
  }
  if (model.isError && !model.data)
    return <ErrorAlert error={model.error} onRetry={() => void model.refetch()} />;
  const data = model.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const refresh = () => client.invalidateQueries({ queryKey: modelQueries.all });
  const ended = data.status === 'ended';
  const partners = data.units.filter((unit) => !unit.lead);

  return (
    <div className="registry-page">
      {messageHolder}
      <Link to="/mo-hinh">
        <ArrowLeftOutlined /> {r.back}
      </Link>
      <header className="registry-detail__header">
        <div>
          <h1 className="registry-detail__title">
            {data.name}
            {data.exemplary && <StarFilled className="exemplary-star" aria-label={m.exemplary} />}
          </h1>
          <span className="registry-tags">
            <Tag color="red">{data.kind.name}</Tag>
            {data.exemplary && <Tag color="gold">{m.exemplary}</Tag>}
            <StatusTag status={data.status} since={null} />
          </span>
        </div>
        {canWrite && (
          <div className="registry-page__actions">
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {r.edit}
            </Button>
            <Button icon={<TrophyOutlined />} onClick={() => setRating(true)}>
              {m.rate.action}
            </Button>
            {!ended && (
              <>
                <Button icon={<SwapOutlined />} onClick={() => setChanging('status')}>
                  {m.status.action}
                </Button>
                <Button danger icon={<StopOutlined />} onClick={() => setChanging('end')}>
                  {m.status.end}
                </Button>
              </>
            )}
          </div>
        )}
      </header>
      <div className="registry-detail__body">
        <Card size="small" title={m.detail.info}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              { key: 'kind', label: m.detail.kind, children: data.kind.name },
              {
                key: 'lead',
                label: m.detail.leadUnit,
                children: (
                  <span>
                    {data.leadUnit.fullName}
                    {data.leadUnit.parentName && <span className="muted">, {data.leadUnit.parentName}</span>}
                    {!data.leadUnit.current && <Tag className="summary-partial">{m.detail.unitFormer}</Tag>}
                  </span>
                ),
              },
              {
                key: 'joint',
                label: m.detail.jointUnits,
                children:
                  partners.length === 0 ? (
                    r.none
                  ) : (
                    <span className="registry-tags">
                      {partners.map((unit) => (
                        <Tag key={unit.unit.id}>{unit.unit.fullName}</Tag>
                      ))}
                    </span>
                  ),
              },
              { key: 'started', label: m.detail.startedOn, children: <DateText value={data.startedOn} /> },
              {
                key: 'status',
                label: m.detail.status,
                children: <StatusTag status={data.status} since={data.statusSince} />,
              },
              ...(data.endedOn
                ? [{ key: 'ended', label: m.detail.endedOn, children: <DateText value={data.endedOn} /> }]
                : []),
              {
                key: 'exemplary',
                label: m.detail.exemplary,
                children: data.exemplary
                  ? m.detail.exemplaryText(data.exemplaryYear, data.exemplaryDecision)
                  : r.none,
              },
              ...(data.kind.isCamera
                ? [
                    {
                      key: 'cameraPoints',
                      label: m.detail.cameraPoints,
                      children: data.cameraPoints === null ? r.none : formatInteger(data.cameraPoints),
                    },
                    {
                      key: 'cameras',
                      label: m.detail.cameras,
                      children: data.cameras === null ? r.none : formatInteger(data.cameras),
                    },
                  ]
                : []),
              {
                key: 'source',
                label: m.detail.replicatedFrom,
                children: !data.replicatedFrom ? (
                  r.none
                ) : data.replicatedFrom.visible ? (
                  <Link to={`/mo-hinh/${data.replicatedFrom.id}`}>{data.replicatedFrom.name}</Link>
                ) : (
                  <span className="muted">{m.detail.hiddenModel}</span>
                ),
              },
              ...(data.notes ? [{ key: 'notes', label: m.detail.notes, children: data.notes }] : []),
            ]}
          />
        </Card>
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              setSearch(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  if (key === TABS.tree) next.delete(TAB_PARAM);
                  else next.set(TAB_PARAM, key);
                  return next;
                },
                { replace: true },
              )
            }
            items={[
              {
                key: TABS.tree,
                label: m.detail.tabTree,
                children: tree.isError ? (
                  <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />
                ) : !tree.data ? (
                  <Skeleton active paragraph={{ rows: 4 }} />
                ) : (
                  <ReplicationView tree={tree.data} currentId={data.id} />
                ),
              },
              {
                key: TABS.status,
                label: m.detail.tabStatus,
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={data.statusHistory}
                    columns={[
                      {
                        key: 'date',
                        title: m.detail.colDate,
                        width: 140,
                        render: (_v, row) => <DateText value={row.effectiveOn} />,
                      },
                      {
                        key: 'status',
                        title: m.detail.colStatus,
                        render: (_v, row) => m.statuses[row.status],
                      },
                      { key: 'note', title: m.detail.colNote, render: (_v, row) => row.note ?? r.none },
                    ]}
                  />
                ),
              },
              {
                key: TABS.ratings,
                label: m.detail.tabRatings,
                children: (
                  <Table
                    size="small"
                    rowKey="year"
                    pagination={false}
                    dataSource={data.ratings}
                    locale={{ emptyText: m.rate.empty }}
                    columns={[
                      { key: 'year', title: m.detail.colYear, dataIndex: 'year', width: 90 },
                      {
                        key: 'rating',
                        title: m.detail.colRating,
                        render: (_v, row) => m.ratings[row.rating],
                      },
                      { key: 'note', title: m.detail.colNote, render: (_v, row) => row.note ?? r.none },
                      ...(canWrite
                        ? [
                            {
                              key: 'remove',
                              width: 80,
                              render: (_v: unknown, row: { year: number }) => (
                                <Popconfirm
                                  title={m.rate.removeConfirm(row.year)}
                                  okText={m.rate.remove}
                                  cancelText={r.cancel}
                                  onConfirm={() =>
                                    rateModel(data.id, row.year, null).then(
                                      () => void refresh(),
                                      (error: unknown) => void messageApi.error(errorText(t, error)),
                                    )
                                  }
                                >
                                  <Button size="small" danger>
                                    {m.rate.remove}
                                  </Button>
                                </Popconfirm>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                ),
              },
              {
                key: TABS.history,
                label: m.detail.tabHistory,
                children: <HistoryList events={data.history} />,
              },
            ]}
          />
        </Card>
      </div>
      <ModelFormDrawer
        open={editing}
        model={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void messageApi.success(r.saved);
          void refresh();
        }}
      />
      <StatusModal
        model={data}
        mode={changing}
        onClose={() => setChanging(undefined)}
        onDone={() => {
          setChanging(undefined);
          void messageApi.success(m.status.done);
          void refresh();
        }}
      />
      <RatingModal
        model={data}
        open={rating}
        onClose={() => setRating(false)}
        onDone={() => {
          setRating(false);
          void messageApi.success(m.rate.done);
          void refresh();
        }}
      />
    </div>
  );
}

interface TreeItem {
  key: number;
  title: ReactNode;
  children: TreeItem[];
}

function ReplicationView({ tree, currentId }: { tree: ReplicationTree; currentId: number }) {
  const m = useMessages(modelsMessages);
  const navigate = useNavigate();
  const items = useMemo(() => {
    const byId = new Map<number, TreeItem>();
    const roots: TreeItem[] = [];
    for (const node of tree.nodes) {
      const item: TreeItem = {
        key: node.id,
        title: (
          <span>
            {node.id === currentId ? (
              <strong>{node.name}</strong>
            ) : (
              <Link to={`/mo-hinh/${node.id}`}>{node.name}</Link>
            )}
            <span className="muted">
              {' '}
              — {node.leadUnit.fullName}, <DateText value={node.startedOn} />
            </span>
            {node.id === currentId && <Tag className="summary-partial">{m.tree.current}</Tag>}
            {node.viaHidden && <Tag className="summary-partial">{m.tree.viaHidden}</Tag>}
            {node.hiddenChildren > 0 && (
              <Tag className="summary-partial">{m.tree.hiddenChildren(node.hiddenChildren)}</Tag>
            )}
          </span>
        ),
        children: [],
      };
      const parent = node.parentId === null ? undefined : byId.get(node.parentId);
      if (parent) parent.children.push(item);
      else roots.push(item);
      byId.set(node.id, item);
    }
    return roots;
  }, [tree, currentId, m]);

  return (
    <div>
      {tree.ancestors.length > 0 && (
        <div className="registry-detail__toolbar">
          <span className="muted">{m.tree.ancestors}:</span>
          <Breadcrumb
            items={tree.ancestors.map((ancestor) => ({
              key: ancestor.id,
              title: ancestor.visible ? (
                <Link to={`/mo-hinh/${ancestor.id}`}>{ancestor.name}</Link>
              ) : (
                <span className="muted">{m.detail.hiddenModel}</span>
              ),
            }))}
          />
        </div>
      )}
      <p className="muted">
        {tree.visibleCount + tree.hiddenCount === 0
          ? m.tree.none
          : m.tree.counts(tree.visibleCount, tree.hiddenCount)}
      </p>
      {tree.nodes.length > 1 && (
        <div className="replication-chart__scroll">
          <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
            <ReplicationChart
              tree={tree}
              ariaLabel={m.tree.chart}
              hiddenLabel={m.tree.hiddenChildren}
              onOpen={(id) => {
                if (id !== currentId) navigate(`/mo-hinh/${id}`);
              }}
            />
          </Suspense>
        </div>
      )}
      <Tree<TreeItem>
        treeData={items}
        defaultExpandAll
        selectable={false}
        showLine
        aria-label={m.detail.tabTree}
      />
    </div>
  );
}

function StatusModal({
  model,
  mode,
  onClose,
  onDone,
}: {
  model: ModelDetail;
  mode: 'status' | 'end' | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const m = useMessages(modelsMessages);
  const r = useMessages(registryMessages).list;
  const [form] = Form.useForm<{ status: ModelStatus; effectiveOn: string; note?: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    setProblem(undefined);
  }, [mode, form]);
  const choices = MODEL_STATUSES.filter((status) => status !== model.status && status !== 'ended');
  return (
    <Modal
      open={mode !== undefined}
      title={mode === 'end' ? `${m.status.end}: ${model.name}` : m.status.title(model.name)}
      okText={mode === 'end' ? m.status.end : r.save}
      cancelText={r.cancel}
      okButtonProps={{ loading: busy, danger: mode === 'end' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {mode === 'end' && (
        <Alert type="warning" showIcon title={m.status.endNote} className="registry-import__alert" />
      )}
      {problem && <Alert type="error" showIcon title={problem} className="registry-import__alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: todayInVietnam(), status: mode === 'end' ? 'ended' : choices[0] }}
        onFinish={async (values) => {
          setBusy(true);
          setProblem(undefined);
          try {
            await changeModelStatus(model.id, {
              status: mode === 'end' ? 'ended' : values.status,
              effectiveOn: values.effectiveOn,
              note: values.note?.trim() || null,
            });
            onDone();
          } catch (error) {
            if (!showOnField(form, error, ['status', 'effectiveOn', 'note'])) setProblem(errorText(t, error));
          } finally {
            setBusy(false);
          }
        }}
      >
        {mode === 'status' && (
          <Form.Item
            name="status"
            label={m.status.status}
            rules={[{ required: true, message: m.status.statusRequired }]}
          >
            <Select<ModelStatus>
              options={choices.map((status) => ({ value: status, label: m.statuses[status] }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="effectiveOn"
          label={m.status.effectiveOn}
          rules={[{ required: true, message: m.status.effectiveRequired }]}
        >
          <IsoDatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={m.status.note}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RatingModal({
  model,
  open,
  onClose,
  onDone,
}: {
  model: ModelDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const m = useMessages(modelsMessages);
  const r = useMessages(registryMessages).list;
  const [form] = Form.useForm<{ year: number; rating: ModelRating; note?: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setProblem(undefined);
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={m.rate.title(model.name)}
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
        initialValues={{ year: Number(todayInVietnam().slice(0, 4)) }}
        onFinish={async (values) => {
          setBusy(true);
          setProblem(undefined);
          try {
            await rateModel(model.id, values.year, {
              rating: values.rating,
              note: values.note?.trim() || null,
            });
            onDone();
          } catch (error) {
            if (!showOnField(form, error, ['year', 'rating', 'note'])) setProblem(errorText(t, error));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="year" label={m.rate.year} rules={[{ required: true }]}>
          <InputNumber min={1945} max={2100} precision={0} controls={false} />
        </Form.Item>
        <Form.Item
          name="rating"
          label={m.rate.rating}
          rules={[{ required: true, message: m.rate.ratingRequired }]}
        >
          <Select<ModelRating> options={MODEL_RATINGS.map((value) => ({ value, label: m.ratings[value] }))} />
        </Form.Item>
        <Form.Item name="note" label={m.rate.note}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
