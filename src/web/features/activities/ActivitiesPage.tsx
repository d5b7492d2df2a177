/**
 * The activities of the user's scope. The list filters by unit subtree, kind, pilot festival days, confirmed unusual
 * figures and dates, searches without diacritics, sorts and pages, exports as filtered and imports from Excel after
 * a check of every row. Other tabs: the calendar (a month or a whole year), the timeline of a unit, and the counts.
 */
import {
  DownloadOutlined,
  FlagFilled,
  PaperClipOutlined,
  PlusOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, message, Select, type TableColumnsType, Tabs, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ActivityListQuery } from '../../../contracts/activities';
import { formatDateVi } from '../../../domain/dates';
import {
  ACTIVITIES_TEMPLATE_URL,
  type ActivityItem,
  activitiesExportUrl,
  activityQueries,
} from '../../api/activities';
import { useCan, useCurrentUser } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { NumberText } from '../../components/NumberText';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ImportDrawer } from '../registry/ImportDrawer';
import { IsoDatePicker, IsoRangePicker } from '../registry/IsoDatePicker';
import { LIST_PARAM, sortOrderOf, useListParams } from '../registry/listParams';
import { registryMessages } from '../registry/messages';
import { RegistrySearch, RegistryUnitFilter } from '../registry/RegistryFilters';
import { REGISTRY_PAGE_SIZE, RegistryTable } from '../registry/RegistryTable';
import { SummaryPanel } from '../registry/SummaryPanel';
import '../registry/registry.css';
import { ActivityCalendar } from './ActivityCalendar';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import './activities.css';
import { activitiesMessages } from './messages';
import { UnitTimeline } from './UnitTimeline';

const TABS = { calendar: 'lich', timeline: 'dong-thoi-gian', summary: 'so-lieu' } as const;

export default function ActivitiesPage() {
  const m = useMessages(activitiesMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('activities.write');
  const me = useCurrentUser();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useListParams();
  const [text, setText] = useState(params.q);
  const typed = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const kindList = useQuery(activityQueries.kinds());

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text should touch the address.
  useEffect(() => {
    if (typed !== params.q) params.update({ [LIST_PARAM.q]: typed });
  }, [typed]);

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  const kinds = params.kinds.filter((kind) => /^[1-9]\d{0,9}$/.test(kind)).map(Number);
  const flagged = params.flagged;
  const filters: Omit<ActivityListQuery, 'page' | 'pageSize'> = {
    ...(params.q ? { q: params.q } : {}),
    ...(params.unit ? { unit: params.unit } : {}),
    ...(kinds.length ? { kind: kinds } : {}),
    ...(params.exemplary ? { pilot: true } : {}),
    ...(flagged ? { flagged: true } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.sort ? { sort: params.sort as ActivityListQuery['sort'] } : {}),
  };
  const tab = (Object.values(TABS) as string[]).includes(params.tab ?? '') ? params.tab : 'list';
  const list = useQuery({
    ...activityQueries.list({ ...filters, page: params.page, pageSize: REGISTRY_PAGE_SIZE }),
    enabled: tab === 'list',
  });
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  const columns: TableColumnsType<ActivityItem> = [
    {
      key: 'title',
      title: m.colTitle,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'title'),
      render: (_value, activity) => (
        <>
          <Link to={`/hoat-dong/${activity.id}`}>{activity.title}</Link>
          {activity.festival?.pilot && (
            <Tooltip title={m.pilot}>
              <FlagFilled className="activity-pilot" aria-label={m.pilot} />
            </Tooltip>
          )}
          <span className="registry-cell__sub muted">{activity.kind.name}</span>
        </>
      ),
    },
    {
      key: 'unit',
      title: m.colUnit,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'unit'),
      responsive: ['md'],
      render: (_value, activity) => (
        <>
          {activity.unit.fullName}
          {activity.unit.parentName && (
            <span className="registry-cell__sub muted">{activity.unit.parentName}</span>
          )}
        </>
      ),
    },
    {
      key: 'startsOn',
      title: m.colDate,
      width: 200,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'startsOn'),
      render: (_value, activity) =>
        m.dateSpan(formatDateVi(activity.startsOn), activity.endsOn ? formatDateVi(activity.endsOn) : null),
    },
    {
      key: 'participants',
      title: m.colParticipants,
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'participants'),
      responsive: ['sm'],
      render: (_value, activity) => (
        <span>
          {activity.participants === null ? (
            <span className="muted">{r.none}</span>
          ) : (
            <NumberText value={activity.participants} />
          )}
          {activity.plausibility && (
            <Tooltip title={`${m.confirmedFigure}: ${activity.plausibility.reason}`}>
              <WarningOutlined className="activity-flag" aria-label={m.confirmedFigure} />
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      key: 'files',
      title: m.colFiles,
      width: 70,
      align: 'right',
      responsive: ['lg'],
      render: (_value, activity) =>
        activity.attachmentCount > 0 ? (
          <span>
            <PaperClipOutlined /> <NumberText value={activity.attachmentCount} />
          </span>
        ) : (
          <span className="muted">{r.none}</span>
        ),
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
            <Button icon={<DownloadOutlined />} href={activitiesExportUrl(filters)} download>
              {r.exportExcel}
            </Button>
          </Tooltip>
        </div>
      </header>
      <Tabs
        activeKey={tab}
        onChange={(key) => params.update({ [LIST_PARAM.tab]: key === 'list' ? undefined : key })}
        items={[
          {
            key: 'list',
            label: m.tabs.list,
            children: (
              <>
                <div className="registry-filters">
                  <RegistrySearch value={text} onChange={setText} placeholder={m.searchPlaceholder} />
                  <RegistryUnitFilter params={params} />
                  <Select<number[]>
                    mode="multiple"
                    allowClear
                    maxTagCount="responsive"
                    className="registry-filters__select"
                    aria-label={r.kindFilter}
                    placeholder={r.allKinds}
                    value={kinds}
                    loading={kindList.isPending}
                    onChange={(value) => params.update({ [LIST_PARAM.kind]: value.map(String) })}
                    options={(kindList.data?.items ?? []).map((kind) => ({
                      value: kind.id,
                      label: kind.name,
                    }))}
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
                  <Checkbox
                    checked={params.exemplary}
                    onChange={(event) =>
                      params.update({ [LIST_PARAM.exemplary]: event.target.checked ? 'co' : undefined })
                    }
                  >
                    {m.pilotFilter}
                  </Checkbox>
                  <Checkbox
                    checked={flagged}
                    onChange={(event) =>
                      params.update({ [LIST_PARAM.flagged]: event.target.checked ? 'co' : undefined })
                    }
                  >
                    {m.flaggedFilter}
                  </Checkbox>
                  {filtered && (
                    <Button
                      type="link"
                      onClick={() => {
                        setText('');
                        params.update({
                          [LIST_PARAM.q]: undefined,
                          [LIST_PARAM.unit]: undefined,
                          [LIST_PARAM.kind]: undefined,
                          [LIST_PARAM.exemplary]: undefined,
                          [LIST_PARAM.flagged]: undefined,
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
                <RegistryTable<ActivityItem>
                  list={list}
                  columns={columns}
                  params={params}
                  emptyText={m.empty}
                />
              </>
            ),
          },
          {
            key: TABS.calendar,
            label: m.tabs.calendar,
            children: tab === TABS.calendar && <ActivityCalendar />,
          },
          {
            key: TABS.timeline,
            label: m.tabs.timeline,
            children: tab === TABS.timeline && <TimelineTab initialUnit={params.unit ?? me.unit?.id} />,
          },
          {
            key: TABS.summary,
            label: m.tabs.summary,
            children: tab === TABS.summary && <SummaryPanel registry="activities" />,
          },
        ]}
      />
      <ActivityFormDrawer
        open={creating}
        activity={undefined}
        onClose={() => setCreating(false)}
        onSaved={(activity) => {
          setCreating(false);
          void messageApi.success(m.form.created(activity.title));
          void client.invalidateQueries({ queryKey: activityQueries.all });
          navigate(`/hoat-dong/${activity.id}`);
        }}
      />
      <ImportDrawer
        open={importing}
        title={m.importTitle}
        intro={m.importIntro}
        importPath="/api/activities/import"
        templateUrl={ACTIVITIES_TEMPLATE_URL}
        onClose={() => setImporting(false)}
        onImported={() => void client.invalidateQueries({ queryKey: activityQueries.all })}
      />
    </div>
  );
}

function TimelineTab({ initialUnit }: { initialUnit: number | undefined }) {
  const m = useMessages(activitiesMessages).timeline;
  const me = useCurrentUser();
  const [unit, setUnit] = useState<number | null>(initialUnit ?? null);
  return (
    <div>
      <p className="muted registry-page__intro">{m.intro}</p>
      <div className="registry-filters">
        <div className="registry-filters__unit" title={m.unit}>
          <UnitPicker value={unit} onChange={setUnit} allowNational={false} initial={me.unit} />
        </div>
      </div>
      {unit === null ? <p className="muted">{m.pickUnit}</p> : <UnitTimeline unitId={unit} />}
    </div>
  );
}
