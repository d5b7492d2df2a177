/**
 * The core forces of the user's scope: every grassroots team, group and committee, filtered by unit subtree, kind,
 * status and dates, searched without diacritics, sorted, paged; exported to Excel as filtered; imported from Excel
 * after a check of every row. A second tab counts them for any unit and date. Filters live in the address.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, message, Select, type TableColumnsType, Tabs, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  TEAM_KIND_INFO,
  TEAM_KINDS,
  TEAM_STATUSES,
  type TeamKind,
  type TeamStatus,
} from '../../../domain/teams';
import {
  TEAMS_TEMPLATE_URL,
  type TeamItem,
  type TeamListQuery,
  teamQueries,
  teamsExportUrl,
} from '../../api/teams';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { NumberText } from '../../components/NumberText';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ImportDrawer } from '../registry/ImportDrawer';
import { IsoDatePicker, IsoRangePicker } from '../registry/IsoDatePicker';
import { LIST_PARAM, sortOrderOf, useListParams } from '../registry/listParams';
import { registryMessages } from '../registry/messages';
import { RegistrySearch, RegistryUnitFilter } from '../registry/RegistryFilters';
import { REGISTRY_PAGE_SIZE, RegistryTable } from '../registry/RegistryTable';
import { SummaryPanel } from '../registry/SummaryPanel';
import '../registry/registry.css';
import { teamsMessages } from './messages';
import { TeamFormDrawer } from './TeamFormDrawer';

const SUMMARY_TAB = 'so-lieu';

const isKind = (value: string): value is TeamKind => (TEAM_KINDS as readonly string[]).includes(value);
const isStatus = (value: string | undefined): value is TeamStatus =>
  value !== undefined && (TEAM_STATUSES as readonly string[]).includes(value);

export default function TeamsPage() {
  const m = useMessages(teamsMessages);
  const r = useMessages(registryMessages).list;
  const can = useCan();
  const canWrite = can('registry.write');
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

  const kinds = params.kinds.filter(isKind);
  const status = isStatus(params.status) ? params.status : undefined;
  const filters: Omit<TeamListQuery, 'page' | 'pageSize'> = {
    ...(params.q ? { q: params.q } : {}),
    ...(params.unit ? { unit: params.unit } : {}),
    ...(kinds.length ? { kind: kinds } : {}),
    ...(status ? { status } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.sort ? { sort: params.sort as TeamListQuery['sort'] } : {}),
  };
  const summaryTab = params.tab === SUMMARY_TAB;
  const list = useQuery({
    ...teamQueries.list({ ...filters, page: params.page, pageSize: REGISTRY_PAGE_SIZE }),
    enabled: !summaryTab,
  });
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  const columns: TableColumnsType<TeamItem> = [
    {
      key: 'name',
      title: m.colName,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'name'),
      render: (_value, team) => (
        <>
          <Link to={`/luc-luong/${team.id}`}>{team.name}</Link>
          <span className="registry-cell__sub muted">
            {m.kinds[team.kind]}
            {team.historical && ` (${m.historical})`}
          </span>
        </>
      ),
    },
    {
      key: 'unit',
      title: m.colUnit,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'unit'),
      responsive: ['md'],
      render: (_value, team) => (
        <>
          {team.unit.fullName}
          {team.unit.parentName && <span className="registry-cell__sub muted">{team.unit.parentName}</span>}
        </>
      ),
    },
    {
      key: 'establishedOn',
      title: m.colEstablished,
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'establishedOn'),
      responsive: ['lg'],
      render: (_value, team) => <DateText value={team.establishedOn} />,
    },
    {
      key: 'memberCount',
      title: m.colMembers,
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'memberCount'),
      render: (_value, team) => <NumberText value={team.memberCount} />,
    },
    {
      key: 'leader',
      title: m.colLeader,
      responsive: ['lg'],
      render: (_value, team) => team.leaderName ?? <span className="muted">{r.none}</span>,
    },
    {
      key: 'status',
      title: m.colStatus,
      width: 150,
      responsive: ['sm'],
      render: (_value, team) =>
        team.status === 'active' ? (
          <Tag color="green">{m.statuses.active}</Tag>
        ) : (
          <Tooltip title={<DateText value={team.dissolvedOn} />}>
            <Tag>{m.statuses.dissolved}</Tag>
          </Tooltip>
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
            <Button icon={<DownloadOutlined />} href={teamsExportUrl(filters)} download>
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
                  <Select<TeamKind[]>
                    mode="multiple"
                    allowClear
                    maxTagCount="responsive"
                    className="registry-filters__select"
                    aria-label={r.kindFilter}
                    placeholder={r.allKinds}
                    value={kinds}
                    onChange={(value) => params.update({ [LIST_PARAM.kind]: value })}
                    options={TEAM_KINDS.map((kind) => ({
                      value: kind,
                      label: TEAM_KIND_INFO[kind].historical
                        ? `${m.kinds[kind]} (${m.historical})`
                        : m.kinds[kind],
                    }))}
                  />
                  <Select<TeamStatus>
                    allowClear
                    className="registry-filters__select"
                    aria-label={r.statusFilter}
                    placeholder={r.allStatuses}
                    value={status}
                    onChange={(value) => params.update({ [LIST_PARAM.status]: value })}
                    options={TEAM_STATUSES.map((value) => ({ value, label: m.statuses[value] }))}
                  />
                  <IsoRangePicker
                    ariaLabel={r.dateRange}
                    placeholders={[r.dateFrom, r.dateTo]}
                    value={[params.from, params.to]}
                    onChange={([from, to]) => params.update({ [LIST_PARAM.from]: from, [LIST_PARAM.to]: to })}
                  />
                  <Tooltip title={r.asOf}>
                    <span>
                      <IsoDatePicker
                        ariaLabel={r.asOf}
                        placeholder={`${r.asOf}: ${r.asOfPlaceholder}`}
                        value={params.asOf ?? null}
                        onChange={(value) => params.update({ [LIST_PARAM.asOf]: value ?? undefined })}
                      />
                    </span>
                  </Tooltip>
                  {filtered && (
                    <Button
                      type="link"
                      onClick={() => {
                        setText('');
                        params.update({
                          [LIST_PARAM.q]: undefined,
                          [LIST_PARAM.unit]: undefined,
                          [LIST_PARAM.kind]: undefined,
                          [LIST_PARAM.status]: undefined,
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
                <RegistryTable<TeamItem> list={list} columns={columns} params={params} emptyText={m.empty} />
              </>
            ),
          },
          {
            key: SUMMARY_TAB,
            label: r.tabSummary,
            children: summaryTab && <SummaryPanel registry="teams" />,
          },
        ]}
      />
      <TeamFormDrawer
        open={creating}
        team={undefined}
        onClose={() => setCreating(false)}
        onSaved={(team) => {
          setCreating(false);
          void messageApi.success(m.form.created(team.name));
          void client.invalidateQueries({ queryKey: teamQueries.all });
          navigate(`/luc-luong/${team.id}`);
        }}
      />
      <ImportDrawer
        open={importing}
        title={m.importTitle}
        intro={m.importIntro}
        importPath="/api/teams/import"
        templateUrl={TEAMS_TEMPLATE_URL}
        onClose={() => setImporting(false)}
        onImported={() => void client.invalidateQueries({ queryKey: teamQueries.all })}
      />
    </div>
  );
}
