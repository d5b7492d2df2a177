/**
 * One team: its facts and establishing decision, its members with their roles and ratings (add, edit, leave; the
 * member opens with trainings and history), the yearly rating sheet with the 20% rule, and the history of changes.
 */
import {
  ArrowLeftOutlined,
  EditOutlined,
  PlusOutlined,
  SearchOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  message,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatInteger } from '../../../domain/numbers';
import { ApiError } from '../../api/client';
import { dissolveTeam, leaveTeam, type MemberItem, teamQueries } from '../../api/teams';
import { useCan } from '../../app/auth/session';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { HistoryList } from '../registry/HistoryList';
import { registryMessages } from '../registry/messages';
import '../registry/registry.css';
import { DateReasonModal } from './DateReasonModal';
import { MemberDrawer } from './MemberDrawer';
import { MemberFormDrawer } from './MemberFormDrawer';
import { teamsMessages } from './messages';
import { RatingsPanel } from './RatingsPanel';
import { TeamFormDrawer } from './TeamFormDrawer';

const TAB_PARAM = 'xem';
const TABS = { members: 'thanh-vien', ratings: 'xep-loai', history: 'lich-su' } as const;
type Tab = (typeof TABS)[keyof typeof TABS];
const MEMBERS_PAGE_SIZE = 50;

export default function TeamPage() {
  const t = useT();
  const m = useMessages(teamsMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('registry.write');
  const client = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useParams();
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? '') ? Number(params.id) : undefined;
  const [search, setSearch] = useSearchParams();
  const rawTab = search.get(TAB_PARAM);
  const tab: Tab = (Object.values(TABS) as string[]).includes(rawTab ?? '') ? (rawTab as Tab) : TABS.members;

  const [editing, setEditing] = useState(false);
  const [dissolving, setDissolving] = useState(false);
  const [memberForm, setMemberForm] = useState<{ member: MemberItem | undefined }>();
  const [leaving, setLeaving] = useState<MemberItem>();
  const [opened, setOpened] = useState<number>();
  const [showLeft, setShowLeft] = useState(false);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);

  const team = useQuery({ ...teamQueries.detail(id ?? 0), enabled: id !== undefined });
  const members = useQuery({
    ...teamQueries.members(id ?? 0, {
      ...(showLeft ? {} : { status: 'active' as const }),
      ...(q ? { q } : {}),
      page,
      pageSize: MEMBERS_PAGE_SIZE,
    }),
    enabled: id !== undefined && tab === TABS.members,
  });

  useEffect(() => {
    document.title = `${team.data?.name ?? m.pageTitle} — ANTQ`;
  }, [team.data?.name, m]);

  if (id === undefined || (team.error instanceof ApiError && team.error.status === 404)) {
    return <PageMessage title={t.errors.pageNotFound} detail={r.notFound} />;
  }
  if (team.isError && !team.data)
    return <ErrorAlert error={team.error} onRetry={() => void team.refetch()} />;
  const data = team.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const refresh = () => client.invalidateQueries({ queryKey: teamQueries.all });
  const active = data.status === 'active';

  const memberColumns: TableColumnsType<MemberItem> = [
    {
      key: 'role',
      title: m.members.colRole,
      width: 130,
      render: (_value, member) => m.roleLabel(data.kind, member.role),
    },
    {
      key: 'fullName',
      title: m.members.colFullName,
      render: (_value, member) => (
        <>
          <button type="button" className="link-button" onClick={() => setOpened(member.id)}>
            {member.fullName}
          </button>
          {!member.active && (
            <Tag className="summary-partial">
              {m.members.left} <DateText value={member.leftOn} />
            </Tag>
          )}
          {member.trainingCount > 0 && (
            <span className="registry-cell__sub muted">{m.members.trainingCount(member.trainingCount)}</span>
          )}
        </>
      ),
    },
    {
      key: 'birthYear',
      title: m.members.colBirthYear,
      dataIndex: 'birthYear',
      width: 90,
      responsive: ['sm'],
    },
    {
      key: 'gender',
      title: m.members.colGender,
      width: 90,
      responsive: ['lg'],
      render: (_value, member) => (member.gender ? m.genders[member.gender] : r.none),
    },
    {
      key: 'phone',
      title: m.members.colPhone,
      width: 130,
      responsive: ['lg'],
      render: (_value, member) => member.phone ?? r.none,
    },
    {
      key: 'joinedOn',
      title: m.members.colJoined,
      width: 120,
      responsive: ['md'],
      render: (_value, member) => <DateText value={member.joinedOn} />,
    },
    {
      key: 'ratings',
      title: m.members.colRatings,
      responsive: ['md'],
      render: (_value, member) => (
        <span className="registry-tags">
          {member.ratings.slice(0, 2).map((rating) => (
            <Tag key={rating.year} color={rating.rating === 'excellent' ? 'gold' : undefined}>
              {m.members.ratingShort(rating.year, m.ratings[rating.rating])}
            </Tag>
          ))}
        </span>
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: m.members.colActions,
            width: 150,
            render: (_value: unknown, member: MemberItem) =>
              member.active ? (
                <span className="registry-tags">
                  <Button size="small" onClick={() => setMemberForm({ member })}>
                    {m.members.edit}
                  </Button>
                  <Button size="small" danger onClick={() => setLeaving(member)}>
                    {m.members.leave}
                  </Button>
                </span>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div className="registry-page">
      {messageHolder}
      <Link to="/luc-luong">
        <ArrowLeftOutlined /> {r.back}
      </Link>
      <header className="registry-detail__header">
        <div>
          <h1 className="registry-detail__title">{data.name}</h1>
          <span className="registry-tags">
            <Tag color="red">{m.kinds[data.kind]}</Tag>
            {data.historical && <Tag>{m.historical}</Tag>}
            {active ? <Tag color="green">{m.statuses.active}</Tag> : <Tag>{m.statuses.dissolved}</Tag>}
            <span className="muted">{m.detail.recordId(data.id)}</span>
          </span>
        </div>
        {canWrite && (
          <div className="registry-page__actions">
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {r.edit}
            </Button>
            {active && (
              <Button danger icon={<StopOutlined />} onClick={() => setDissolving(true)}>
                {m.dissolve.action}
              </Button>
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
              {
                key: 'unit',
                label: m.detail.unit,
                children: (
                  <span>
                    {data.unit.fullName}
                    {data.unit.parentName && <span className="muted">, {data.unit.parentName}</span>}
                    {!data.unit.current && <Tag className="summary-partial">{m.detail.unitFormer}</Tag>}
                  </span>
                ),
              },
              {
                key: 'established',
                label: m.detail.establishedOn,
                children: <DateText value={data.establishedOn} />,
              },
              {
                key: 'decision',
                label: m.detail.decision,
                children:
                  m.detail.decisionText(data.decisionNumber, data.decisionDate, data.decisionSigner) ||
                  r.none,
              },
              { key: 'leader', label: m.detail.leader, children: data.leaderName ?? r.none },
              {
                key: 'byRole',
                label: m.detail.byRole,
                children: (
                  <span className="registry-tags">
                    {data.membersByRole.map((entry) => (
                      <Tag key={entry.role}>
                        {m.roleLabel(data.kind, entry.role)}: {formatInteger(entry.count)}
                      </Tag>
                    ))}
                  </span>
                ),
              },
              ...(data.dissolvedOn
                ? [
                    {
                      key: 'dissolved',
                      label: m.detail.dissolvedOn,
                      children: <DateText value={data.dissolvedOn} />,
                    },
                    ...(data.dissolutionNote
                      ? [
                          {
                            key: 'dissolutionNote',
                            label: m.detail.dissolutionNote,
                            children: data.dissolutionNote,
                          },
                        ]
                      : []),
                  ]
                : []),
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
                  if (key === TABS.members) next.delete(TAB_PARAM);
                  else next.set(TAB_PARAM, key);
                  return next;
                },
                { replace: true },
              )
            }
            items={[
              {
                key: TABS.members,
                label: m.detail.tabMembers,
                children: (
                  <>
                    <div className="registry-detail__toolbar">
                      <div className="registry-filters" style={{ marginBottom: 0 }}>
                        <Input
                          type="search"
                          allowClear
                          className="registry-filters__search"
                          value={text}
                          onChange={(event) => {
                            setText(event.target.value);
                            setPage(1);
                          }}
                          placeholder={m.members.searchPlaceholder}
                          aria-label={m.members.searchPlaceholder}
                          prefix={<SearchOutlined className="muted" />}
                        />
                        <Checkbox
                          checked={showLeft}
                          onChange={(event) => {
                            setShowLeft(event.target.checked);
                            setPage(1);
                          }}
                        >
                          {m.members.showLeft}
                        </Checkbox>
                      </div>
                      {canWrite && active && (
                        <Button
                          type="primary"
                          icon={<PlusOutlined />}
                          onClick={() => setMemberForm({ member: undefined })}
                        >
                          {m.members.add}
                        </Button>
                      )}
                    </div>
                    {members.isError && !members.data ? (
                      <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
                    ) : (
                      <Table<MemberItem>
                        size="middle"
                        rowKey="id"
                        aria-label={m.detail.tabMembers}
                        columns={memberColumns}
                        dataSource={members.data?.items ?? []}
                        loading={members.isFetching}
                        locale={{ emptyText: m.members.empty }}
                        pagination={{
                          current: page,
                          pageSize: MEMBERS_PAGE_SIZE,
                          total: members.data?.total ?? 0,
                          showSizeChanger: false,
                          hideOnSinglePage: true,
                          onChange: setPage,
                        }}
                      />
                    )}
                  </>
                ),
              },
              {
                key: TABS.ratings,
                label: m.detail.tabRatings,
                children: tab === TABS.ratings && <RatingsPanel teamId={data.id} teamKind={data.kind} />,
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
      <TeamFormDrawer
        open={editing}
        team={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void messageApi.success(r.saved);
          void refresh();
        }}
      />
      <MemberFormDrawer
        open={memberForm !== undefined}
        team={data}
        member={memberForm?.member}
        onClose={() => setMemberForm(undefined)}
        onSaved={(member, created) => {
          setMemberForm(undefined);
          void messageApi.success(created ? m.memberForm.added(member.fullName) : r.saved);
          void refresh();
        }}
      />
      <DateReasonModal
        open={dissolving}
        title={m.dissolve.title(data.name)}
        note={m.dissolve.note}
        dateLabel={m.dissolve.date}
        dateRequired={m.dissolve.dateRequired}
        reasonLabel={m.dissolve.reason}
        okText={m.dissolve.action}
        cancelText={r.cancel}
        dateField="dissolvedOn"
        reasonField="reason"
        onClose={() => setDissolving(false)}
        onSubmit={async (date, reason) => {
          await dissolveTeam(data.id, { dissolvedOn: date, reason });
          setDissolving(false);
          void messageApi.success(m.dissolve.done);
          void refresh();
        }}
      />
      <DateReasonModal
        open={leaving !== undefined}
        title={leaving ? m.leave.title(leaving.fullName) : ''}
        dateLabel={m.leave.date}
        dateRequired={m.leave.dateRequired}
        reasonLabel={m.leave.reason}
        okText={m.members.leave}
        cancelText={r.cancel}
        dateField="leftOn"
        reasonField="reason"
        onClose={() => setLeaving(undefined)}
        onSubmit={async (date, reason) => {
          if (!leaving) return;
          await leaveTeam(data.id, leaving.id, { leftOn: date, reason });
          setLeaving(undefined);
          void messageApi.success(m.leave.done);
          void refresh();
        }}
      />
      <MemberDrawer
        teamId={data.id}
        teamKind={data.kind}
        memberId={opened}
        onClose={() => setOpened(undefined)}
      />
    </div>
  );
}
