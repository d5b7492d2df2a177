/**
 * The audit trail for administrators: who did what to which record, when, from where, and whether the event is
 * already sealed into the hash chain. Filters and page live in the address (?nguoi=…&tu=2025-07-01&trang=2).
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, DatePicker, Grid, Select, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isIsoDate } from '../../../domain/dates';
import { type AuditEvent, auditQueries } from '../../api/audit';
import { userQueries } from '../../api/users';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { AuditChanges } from './AuditChanges';
import { auditMessages } from './messages';
import './audit.css';

const PAGE_SIZE = 50;
const PARAM = {
  user: 'nguoi',
  entity: 'doi-tuong',
  action: 'hanh-dong',
  from: 'tu',
  to: 'den',
  page: 'trang',
} as const;
type ParamName = (typeof PARAM)[keyof typeof PARAM];
const DATE_FORMAT = 'DD/MM/YYYY';

/** Suggests usernames while typing; the trail itself is searched by the exact username. */
function UserFilter({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
}) {
  const can = useCan();
  const [text, setText] = useState(value);
  const typed = useDebouncedValue(text.trim(), 400);
  const suggestions = useQuery({
    ...userQueries.list({ q: typed, page: 1, pageSize: 8 }),
    enabled: can('users.read') && typed.length >= 2,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text should touch the address.
  useEffect(() => {
    if (typed !== value) onChange(typed);
  }, [typed]);
  useEffect(() => setText(value), [value]);

  return (
    <AutoComplete
      className="audit-filters__user"
      allowClear
      value={text}
      onChange={(next: string | undefined) => setText(next ?? '')}
      onSelect={(next: string | undefined) => {
        setText(next ?? '');
        onChange(next ?? '');
      }}
      options={(typed.length >= 2 ? (suggestions.data?.items ?? []) : []).map((user) => ({
        value: user.username,
        label: (
          <span className="audit-user-option">
            <span>{user.username}</span>
            <span className="muted">{user.fullName}</span>
          </span>
        ),
      }))}
      placeholder={label}
      aria-label={label}
    />
  );
}

export default function AuditPage() {
  const m = useMessages(auditMessages).audit;
  const [params, setParams] = useSearchParams();
  const wide = Grid.useBreakpoint().md ?? true;

  const user = params.get(PARAM.user) ?? '';
  const entityType = params.get(PARAM.entity) ?? undefined;
  const action = params.get(PARAM.action) ?? undefined;
  const fromRaw = params.get(PARAM.from);
  const toRaw = params.get(PARAM.to);
  const from = fromRaw && isIsoDate(fromRaw) ? fromRaw : undefined;
  const to = toRaw && isIsoDate(toRaw) ? toRaw : undefined;
  const page = Math.max(1, Number.parseInt(params.get(PARAM.page) ?? '1', 10) || 1);

  const update = (changes: Partial<Record<ParamName, string | undefined>>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!(PARAM.page in changes)) next.delete(PARAM.page);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  const trail = useQuery(
    auditQueries.search({
      ...(user ? { user } : {}),
      ...(entityType ? { entityType } : {}),
      ...(action ? { action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const filtered = Boolean(user || entityType || action || from || to);

  const actor = (event: AuditEvent) => event.actorUsername ?? <span className="muted">{m.system}</span>;
  const actionOf = (event: AuditEvent) => {
    const known = m.actions[event.action];
    return known ? <span title={event.action}>{known}</span> : <code>{event.action}</code>;
  };
  const entity = (event: AuditEvent) => (
    <>
      {m.entities[event.entityType] ?? event.entityType}
      {event.entityId && <span className="muted"> #{event.entityId}</span>}
    </>
  );
  const seal = (event: AuditEvent) =>
    event.sealed ? (
      <Tag color="green" icon={<SafetyCertificateOutlined />}>
        {m.sealed}
      </Tag>
    ) : (
      <Tag>{m.pending}</Tag>
    );

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'at',
      title: m.colTime,
      className: 'audit-time',
      render: (_value, event) => (
        <>
          <DateTimeText value={event.at} seconds />
          {/* A phone shows one column: who did what to which record sits under the time. */}
          {!wide && (
            <span className="audit-meta">
              <span>
                {actor(event)} · <strong>{actionOf(event)}</strong>
              </span>
              <span className="muted">
                {entity(event)}
                {event.unitName && ` · ${event.unitName}`}
              </span>
              <span>{seal(event)}</span>
            </span>
          )}
        </>
      ),
    },
    { key: 'actor', title: m.colUser, responsive: ['md'], render: (_value, event) => actor(event) },
    { key: 'action', title: m.colAction, responsive: ['md'], render: (_value, event) => actionOf(event) },
    { key: 'entity', title: m.colEntity, responsive: ['md'], render: (_value, event) => entity(event) },
    {
      key: 'unit',
      title: m.colUnit,
      responsive: ['md'],
      render: (_value, event) => event.unitName ?? <span className="muted">—</span>,
    },
    { key: 'seal', title: m.colSeal, responsive: ['md'], render: (_value, event) => seal(event) },
  ];

  return (
    <div className="audit-page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.pageTitle}</h1>
          <p className="muted page-header__intro">{m.pageIntro}</p>
        </div>
      </header>
      <div className="audit-filters">
        <UserFilter value={user} onChange={(value) => update({ [PARAM.user]: value })} label={m.filterUser} />
        <Select<string>
          allowClear
          className="audit-filters__select"
          aria-label={m.filterEntity}
          placeholder={m.allEntities}
          value={entityType}
          onChange={(value) => update({ [PARAM.entity]: value })}
          options={Object.entries(m.entities).map(([value, label]) => ({ value, label }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="audit-filters__select audit-filters__select--wide"
          aria-label={m.filterAction}
          placeholder={m.allActions}
          value={action}
          onChange={(value) => update({ [PARAM.action]: value })}
          options={Object.entries(m.actions).map(([value, label]) => ({ value, label }))}
        />
        <DatePicker.RangePicker
          className="audit-filters__dates"
          aria-label={m.filterDates}
          format={DATE_FORMAT}
          placeholder={[m.dateFrom, m.dateTo]}
          allowEmpty={[true, true]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(range) =>
            update({
              [PARAM.from]: range?.[0]?.format('YYYY-MM-DD'),
              [PARAM.to]: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
        />
        {filtered && (
          <Button
            onClick={() =>
              update({
                [PARAM.user]: undefined,
                [PARAM.entity]: undefined,
                [PARAM.action]: undefined,
                [PARAM.from]: undefined,
                [PARAM.to]: undefined,
              })
            }
          >
            {m.clearFilters}
          </Button>
        )}
      </div>
      {trail.isError && !trail.data ? (
        <ErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />
      ) : (
        <Table<AuditEvent>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={trail.data?.items ?? []}
          loading={trail.isFetching}
          {...(wide ? { scroll: { x: 'max-content' } } : {})}
          locale={{ emptyText: m.empty }}
          expandable={{
            expandedRowRender: (event) => <AuditChanges event={event} />,
            expandRowByClick: true,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: trail.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => m.total(total),
            onChange: (next) => update({ [PARAM.page]: next > 1 ? String(next) : undefined }),
          }}
        />
      )}
      {trail.isError && trail.data && <ErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />}
    </div>
  );
}
