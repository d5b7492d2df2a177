/**
 * One directive document: its facts, the documents it implements or replaces and those that implement or replace
 * it; which communes under a unit have a plan implementing it (the first tab, one click from the list); its file;
 * the history of changes.
 */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  message,
  Segmented,
  Skeleton,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDateVi } from '../../../domain/dates';
import { formatInteger } from '../../../domain/numbers';
import { ApiError } from '../../api/client';
import {
  type DocumentDetail,
  type DocumentPlans,
  deleteDocument,
  documentQueries,
} from '../../api/documents';
import { useCan, useCurrentUser } from '../../app/auth/session';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { DeleteRecordButton } from '../registry/DeleteRecordButton';
import { HistoryList } from '../registry/HistoryList';
import { registryMessages } from '../registry/messages';
import '../registry/registry.css';
import { DocumentFormDrawer } from './DocumentFormDrawer';
import { documentsMessages } from './messages';

const TAB_PARAM = 'xem';
const TABS = { plans: 'ke-hoach', files: 'tep', history: 'lich-su' } as const;

export default function DocumentPage() {
  const t = useT();
  const m = useMessages(documentsMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const mayWrite = useCan()('documents.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useParams();
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? '') ? Number(params.id) : undefined;
  const [search, setSearch] = useSearchParams();
  const rawTab = search.get(TAB_PARAM);
  const tab = (Object.values(TABS) as string[]).includes(rawTab ?? '') ? (rawTab as string) : TABS.plans;
  const [editing, setEditing] = useState(false);
  const document = useQuery({ ...documentQueries.detail(id ?? 0), enabled: id !== undefined });

  useEffect(() => {
    window.document.title = `${document.data?.number ?? m.pageTitle} — ANTQ`;
  }, [document.data?.number, m]);

  if (id === undefined || (document.error instanceof ApiError && document.error.status === 404)) {
    return <PageMessage title={t.errors.pageNotFound} detail={r.notFound} />;
  }
  if (document.isError && !document.data)
    return <ErrorAlert error={document.error} onRetry={() => void document.refetch()} />;
  const data = document.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  // Central documents are kept by those with a nationwide scope; a unit keeps its own.
  const canWrite = mayWrite && (!data.central || me.unit === null);

  return (
    <div className="registry-page">
      {messageHolder}
      <Link to="/van-ban">
        <ArrowLeftOutlined /> {r.back}
      </Link>
      <header className="registry-detail__header">
        <div>
          <h1 className="registry-detail__title">
            {data.kindLabel} {data.number}
          </h1>
          <p className="registry-page__intro">{data.title}</p>
          <span className="registry-tags">
            {data.central ? <Tag color="red">{m.central}</Tag> : <Tag>{m.local}</Tag>}
            {data.seeded && <Tag>{m.seeded}</Tag>}
          </span>
        </div>
        {canWrite && (
          <div className="registry-page__actions">
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {r.edit}
            </Button>
            {!data.seeded && (
              <DeleteRecordButton
                onDelete={(reason) => deleteDocument(data.id, { reason })}
                onDeleted={() => {
                  client.removeQueries({ queryKey: documentQueries.detail(data.id).queryKey });
                  void client.invalidateQueries({ queryKey: documentQueries.all });
                  navigate('/van-ban');
                }}
              />
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
              { key: 'kind', label: m.detail.kind, children: data.kindLabel },
              { key: 'number', label: m.detail.number, children: data.number },
              { key: 'issuer', label: m.detail.issuer, children: data.issuer },
              {
                key: 'issuedOn',
                label: m.detail.issuedOn,
                children: data.issuedOn ? <DateText value={data.issuedOn} /> : String(data.issuedYear),
              },
              {
                key: 'effective',
                label: m.detail.effective,
                children: m.detail.effectiveText(
                  data.effectiveFrom ? formatDateVi(data.effectiveFrom) : null,
                  data.effectiveTo ? formatDateVi(data.effectiveTo) : null,
                ),
              },
              ...(data.unit ? [{ key: 'unit', label: m.detail.unit, children: data.unit.fullName }] : []),
              ...(data.notes ? [{ key: 'notes', label: m.detail.notes, children: data.notes }] : []),
            ]}
          />
        </Card>
        <div className="document-links">
          <LinkList title={m.detail.links} links={data.links} />
          <LinkList title={m.detail.linkedFrom} links={data.linkedFrom} />
        </div>
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              setSearch(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  if (key === TABS.plans) next.delete(TAB_PARAM);
                  else next.set(TAB_PARAM, key);
                  return next;
                },
                { replace: true },
              )
            }
            items={[
              {
                key: TABS.plans,
                label: m.detail.tabPlans,
                children: tab === TABS.plans && <PlansView id={data.id} />,
              },
              {
                key: TABS.files,
                label: `${m.detail.tabFiles} (${formatInteger(data.attachments.length)})`,
                children: (
                  <AttachmentsPanel
                    entityType="document"
                    entityId={data.id}
                    attachments={data.attachments}
                    canWrite={canWrite}
                    refreshKey={documentQueries.all}
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
      <DocumentFormDrawer
        open={editing}
        document={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void messageApi.success(r.saved);
          void client.invalidateQueries({ queryKey: documentQueries.all });
        }}
      />
    </div>
  );
}

function LinkList({ title, links }: { title: string; links: DocumentDetail['links'] }) {
  const m = useMessages(documentsMessages);
  return (
    <Card size="small" title={title}>
      {links.length === 0 ? (
        <span className="muted">{m.detail.noLinks}</span>
      ) : (
        <List
          size="small"
          dataSource={links}
          renderItem={(link) => (
            <List.Item>
              <span>
                <Tag>{link.relationLabel}</Tag>
                <Link to={`/van-ban/${link.document.id}`}>
                  {link.document.kindLabel} {link.document.number}
                </Link>{' '}
                <span className="muted">— {link.document.title}</span>
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

type Commune = DocumentPlans['communes'][number];

function PlansView({ id }: { id: number }) {
  const m = useMessages(documentsMessages).detail;
  const me = useCurrentUser();
  const [unit, setUnit] = useState<number | null>(me.unit?.id ?? null);
  const [show, setShow] = useState<'all' | 'with' | 'without'>('all');
  const plans = useQuery(documentQueries.plans(id, unit ?? undefined));
  const data = plans.data;
  const byId = useMemo(() => new Map((data?.plans ?? []).map((plan) => [plan.id, plan])), [data]);
  const communes = (data?.communes ?? []).filter((row) =>
    show === 'all' ? true : show === 'with' ? row.hasPlan : !row.hasPlan,
  );
  return (
    <div>
      <div className="registry-filters">
        <span className="muted">{m.plansUnit}</span>
        <div className="registry-filters__unit">
          <UnitPicker value={unit} onChange={setUnit} allowNational={me.unit === null} initial={me.unit} />
        </div>
        <Segmented<'all' | 'with' | 'without'>
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: m.showAll },
            { value: 'with', label: m.showWith },
            { value: 'without', label: m.showWithout },
          ]}
        />
      </div>
      {plans.isError && !data ? (
        <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <p>
            <strong>{m.plansSummary(data.withPlan, data.withoutPlan)}</strong>
          </p>
          {data.communes.length === 0 ? (
            data.plans.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : null
          ) : (
            <Table<Commune>
              size="small"
              rowKey={(row) => row.unit.id}
              dataSource={communes}
              pagination={communes.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              aria-label={m.tabPlans}
              columns={[
                {
                  key: 'commune',
                  title: m.colCommune,
                  render: (_value, row) => (
                    <>
                      {row.unit.fullName}
                      {row.unit.parentName && (
                        <span className="registry-cell__sub muted">{row.unit.parentName}</span>
                      )}
                    </>
                  ),
                },
                {
                  key: 'has',
                  title: m.hasPlan,
                  width: 150,
                  render: (_value, row) =>
                    row.hasPlan ? (
                      <Tag color="success">{m.hasPlan}</Tag>
                    ) : (
                      <Tag color="warning">{m.noPlan}</Tag>
                    ),
                },
                {
                  key: 'plans',
                  title: m.colPlan,
                  render: (_value, row) => (
                    <span className="registry-tags">
                      {row.planIds.map((planId) => {
                        const plan = byId.get(planId);
                        return plan ? (
                          <Link key={planId} to={`/van-ban/${planId}`}>
                            {plan.kindLabel} {plan.number}
                            {plan.issuedOn ? ` (${formatDateVi(plan.issuedOn)})` : ''}
                          </Link>
                        ) : null;
                      })}
                    </span>
                  ),
                },
              ]}
            />
          )}
          {data.plans.length > 0 && data.communes.length === 0 && (
            <List
              size="small"
              header={m.allPlans}
              dataSource={data.plans}
              renderItem={(plan) => (
                <List.Item>
                  <Link to={`/van-ban/${plan.id}`}>
                    {plan.kindLabel} {plan.number}
                  </Link>
                  <span className="muted">
                    {' '}
                    — {plan.title}
                    {plan.unit ? ` · ${plan.unit.fullName}` : ''}
                  </span>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </div>
  );
}
