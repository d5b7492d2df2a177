/**
 * Residents' feedback in the user's scope: filtered by unit subtree, status, channel, the activity it was heard at
 * and dates, searched without diacritics, sorted, paged. A second tab counts it by unit.
 */
import { DownloadOutlined, PhoneOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, message, Select, type TableColumnsType, Tabs, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { FeedbackListQuery } from '../../../contracts/feedback';
import {
  FEEDBACK_CHANNELS,
  FEEDBACK_STATUSES,
  type FeedbackChannel,
  type FeedbackStatus,
} from '../../../domain/feedback';
import { activityQueries } from '../../api/activities';
import {
  FEEDBACK_TEMPLATE_URL,
  type FeedbackItem,
  feedbackExportUrl,
  feedbackQueries,
} from '../../api/feedback';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ImportDrawer } from '../registry/ImportDrawer';
import { IsoDatePicker, IsoRangePicker } from '../registry/IsoDatePicker';
import { LIST_PARAM, sortOrderOf, useListParams } from '../registry/listParams';
import { registryMessages } from '../registry/messages';
import { RegistrySearch, RegistryUnitFilter } from '../registry/RegistryFilters';
import { REGISTRY_PAGE_SIZE, RegistryTable } from '../registry/RegistryTable';
import { SummaryPanel } from '../registry/SummaryPanel';
import '../registry/registry.css';
import { FeedbackFormDrawer } from './FeedbackFormDrawer';
import { feedbackMessages } from './messages';
import { FeedbackStatusTag } from './StatusTag';

const SUMMARY_TAB = 'so-lieu';

export default function FeedbackListPage() {
  const m = useMessages(feedbackMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('feedback.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useListParams();
  const [text, setText] = useState(params.q);
  const typed = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text should touch the address.
  useEffect(() => {
    if (typed !== params.q) params.update({ [LIST_PARAM.q]: typed });
  }, [typed]);

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  const statuses = (params.status?.split(',') ?? []).filter((value): value is FeedbackStatus =>
    (FEEDBACK_STATUSES as readonly string[]).includes(value),
  );
  const rawChannel = params.extra(LIST_PARAM.channel)[0];
  const channel = (FEEDBACK_CHANNELS as readonly string[]).includes(rawChannel ?? '')
    ? (rawChannel as FeedbackChannel)
    : undefined;
  const rawActivity = params.extra(LIST_PARAM.activity)[0] ?? '';
  const activityId = /^[1-9]\d{0,9}$/.test(rawActivity) ? Number(rawActivity) : undefined;
  const activity = useQuery({
    ...activityQueries.detail(activityId ?? 0),
    enabled: activityId !== undefined,
  });
  const filters: Omit<FeedbackListQuery, 'page' | 'pageSize'> = {
    ...(params.q ? { q: params.q } : {}),
    ...(params.unit ? { unit: params.unit } : {}),
    ...(statuses.length ? { status: statuses } : {}),
    ...(channel ? { channel } : {}),
    ...(activityId ? { activity: activityId } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.sort ? { sort: params.sort as FeedbackListQuery['sort'] } : {}),
  };
  const summaryTab = params.tab === SUMMARY_TAB;
  const list = useQuery({
    ...feedbackQueries.list({ ...filters, page: params.page, pageSize: REGISTRY_PAGE_SIZE }),
    enabled: !summaryTab,
  });
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  const columns: TableColumnsType<FeedbackItem> = [
    {
      key: 'topic',
      title: m.colTopic,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'topic'),
      render: (_value, item) => (
        <>
          <Link to={`/y-kien-nhan-dan/${item.id}`}>{item.topic}</Link>
          {item.hasContact && (
            <Tooltip title={m.hasContact}>
              <PhoneOutlined className="activity-flag" aria-label={m.hasContact} />
            </Tooltip>
          )}
          <span className="registry-cell__sub muted">
            {item.activity ? item.activity.title : item.channelLabel}
          </span>
        </>
      ),
    },
    {
      key: 'unit',
      title: m.colUnit,
      responsive: ['md'],
      render: (_value, item) => (
        <>
          {item.unit.fullName}
          {item.unit.parentName && <span className="registry-cell__sub muted">{item.unit.parentName}</span>}
        </>
      ),
    },
    {
      key: 'receivedOn',
      title: m.colReceived,
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'receivedOn'),
      responsive: ['sm'],
      render: (_value, item) => <DateText value={item.receivedOn} />,
    },
    {
      key: 'status',
      title: m.colStatus,
      width: 230,
      render: (_value, item) => <FeedbackStatusTag status={item.status} />,
    },
  ];

  return (
    <div className="registry-page">
      {messageHolder}
      <header className="registry-page__header">
        <div>
          <h1 className="registry-page__title">{m.pageTitle}</h1>
          <p className="muted registry-page__intro">{m.pageIntro}</p>
        </div>
        <div className="registry-page__actions">
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {m.add}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {r.importExcel}
            </Button>
          )}
          <Tooltip title={r.exportHint}>
            <Button icon={<DownloadOutlined />} href={feedbackExportUrl(filters)} download>
              {r.exportExcel}
            </Button>
          </Tooltip>
        </div>
      </header>
      <Tabs
        activeKey={summaryTab ? SUMMARY_TAB : 'list'}
        onChange={(key) => params.update({ [LIST_PARAM.tab]: key === SUMMARY_TAB ? SUMMARY_TAB : undefined })}
        items={[
          {
            key: 'list',
            label: r.tabList,
            children: (
              <>
                <div className="registry-filters">
                  <RegistrySearch value={text} onChange={setText} placeholder={m.searchPlaceholder} />
                  <RegistryUnitFilter params={params} />
                  <Select<FeedbackStatus[]>
                    mode="multiple"
                    allowClear
                    maxTagCount="responsive"
                    className="registry-filters__select"
                    aria-label={r.statusFilter}
                    placeholder={r.allStatuses}
                    value={statuses}
                    onChange={(value) => params.update({ [LIST_PARAM.status]: value.join(',') || undefined })}
                    options={FEEDBACK_STATUSES.map((value) => ({ value, label: m.statuses[value] }))}
                  />
                  <Select<FeedbackChannel>
                    allowClear
                    className="registry-filters__select"
                    aria-label={m.channelFilter}
                    placeholder={m.allChannels}
                    value={channel}
                    onChange={(value) => params.update({ [LIST_PARAM.channel]: value })}
                    options={FEEDBACK_CHANNELS.map((value) => ({ value, label: m.channels[value] }))}
                  />
                  <IsoRangePicker
                    ariaLabel={m.dateRange}
                    placeholders={[r.dateFrom, r.dateTo]}
                    value={[params.from, params.to]}
                    onChange={([from, to]) => params.update({ [LIST_PARAM.from]: from, [LIST_PARAM.to]: to })}
                  />
                  <Tooltip title={m.asOf}>
                    <span>
                      <IsoDatePicker
                        ariaLabel={m.asOf}
                        placeholder={`${m.asOf}: ${r.asOfPlaceholder}`}
                        value={params.asOf ?? null}
                        onChange={(value) => params.update({ [LIST_PARAM.asOf]: value ?? undefined })}
                      />
                    </span>
                  </Tooltip>
                  {activityId && (
                    <Tag closable onClose={() => params.update({ [LIST_PARAM.activity]: undefined })}>
                      {m.activityFilter(activity.data?.title ?? `#${activityId}`)}
                    </Tag>
                  )}
                  {filtered && (
                    <Button
                      type="link"
                      onClick={() => {
                        setText('');
                        params.update({
                          [LIST_PARAM.q]: undefined,
                          [LIST_PARAM.unit]: undefined,
                          [LIST_PARAM.status]: undefined,
                          [LIST_PARAM.channel]: undefined,
                          [LIST_PARAM.activity]: undefined,
                          [LIST_PARAM.from]: undefined,
                          [LIST_PARAM.to]: undefined,
                          [LIST_PARAM.asOf]: undefined,
                        });
                      }}
                    >
                      {r.clear}
                    </Button>
                  )}
                </div>
                <RegistryTable<FeedbackItem>
                  list={list}
                  columns={columns}
                  params={params}
                  emptyText={m.empty}
                />
              </>
            ),
          },
          {
            key: SUMMARY_TAB,
            label: r.tabSummary,
            children: summaryTab && <SummaryPanel registry="feedback" />,
          },
        ]}
      />
      <ImportDrawer
        open={importing}
        title={m.importTitle}
        intro={m.importIntro}
        importPath="/api/feedback/import"
        templateUrl={FEEDBACK_TEMPLATE_URL}
        onClose={() => setImporting(false)}
        onImported={() => void client.invalidateQueries({ queryKey: feedbackQueries.all })}
      />
      <FeedbackFormDrawer
        open={creating}
        feedback={undefined}
        initialActivity={activity.data ? { id: activity.data.id, title: activity.data.title } : undefined}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void messageApi.success(m.form.created);
          void client.invalidateQueries({ queryKey: feedbackQueries.all });
          navigate(`/y-kien-nhan-dan/${saved.id}`);
        }}
      />
    </div>
  );
}
