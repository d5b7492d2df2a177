/**
 * Staff accounts within the manager's scope: find them by name, role or status; create and edit them; issue a new
 * one-time password; lift a lock after failed sign-ins; disable and enable an account. The filters and the page
 * live in the address, so a list can be shared and the back button works.
 */
import { MoreOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Dropdown,
  Grid,
  Input,
  type MenuProps,
  Modal,
  message,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isRoleId, ROLE_IDS, type RoleId } from '../../../domain/roles';
import {
  type CreatedUserAnswer,
  resetUserPassword,
  type UserItem,
  unlockUser,
  updateUser,
  userQueries,
} from '../../api/users';
import { useCan, useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { accountsMessages } from './messages';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import './accounts.css';

const PAGE_SIZE = 20;
const PARAM = { q: 'q', role: 'vai-tro', status: 'trang-thai', page: 'trang' } as const;
const STATUS = { active: 'hoat-dong', disabled: 'da-khoa' } as const;

type Editing = { user: UserItem | undefined } | undefined;

function UserTags({ user }: { user: UserItem }) {
  const m = useMessages(accountsMessages).users;
  return (
    <span className="user-tags">
      {user.active ? <Tag color="green">{m.tagActive}</Tag> : <Tag color="red">{m.tagDisabled}</Tag>}
      {user.locked && <Tag color="orange">{m.tagLocked}</Tag>}
      {user.mustChangePassword && <Tag color="gold">{m.tagMustChange}</Tag>}
      {user.totpEnabled && (
        <Tooltip title={m.tagTotpTitle}>
          <Tag color="blue">{m.tagTotp}</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export default function UsersPage() {
  const t = useT();
  const m = useMessages(accountsMessages).users;
  const me = useCurrentUser();
  const can = useCan();
  const canManage = can('users.manage');
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [modal, modalHolder] = Modal.useModal();
  const [messageApi, messageHolder] = message.useMessage();
  const [editing, setEditing] = useState<Editing>();
  const [oneTime, setOneTime] = useState<{ username: string; password: string }>();
  const wide = Grid.useBreakpoint().md ?? true;

  const q = params.get(PARAM.q) ?? '';
  const rawRole = params.get(PARAM.role);
  const role: RoleId | undefined = rawRole && isRoleId(rawRole) ? rawRole : undefined;
  const status = params.get(PARAM.status);
  const active = status === STATUS.active ? true : status === STATUS.disabled ? false : undefined;
  const page = Math.max(1, Number.parseInt(params.get(PARAM.page) ?? '1', 10) || 1);

  const [text, setText] = useState(q);
  const typed = useDebouncedValue(text.trim(), 300);

  const update = (changes: Partial<Record<(typeof PARAM)[keyof typeof PARAM], string | undefined>>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        // A new filter starts again at its first page.
        if (!(PARAM.page in changes)) next.delete(PARAM.page);
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text should touch the address.
  useEffect(() => {
    if (typed !== q) update({ [PARAM.q]: typed });
  }, [typed]);

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  const list = useQuery(userQueries.list({ q: q || undefined, role, active, page, pageSize: PAGE_SIZE }));
  const refresh = () => client.invalidateQueries({ queryKey: userQueries.all });

  const act = useMutation({
    mutationFn: async ({
      kind,
      user,
    }: {
      kind: 'unlock' | 'disable' | 'enable' | 'reset';
      user: UserItem;
    }) => {
      if (kind === 'unlock') await unlockUser(user.id);
      if (kind === 'disable') await updateUser(user.id, { active: false });
      if (kind === 'enable') await updateUser(user.id, { active: true });
      if (kind === 'reset') {
        const { oneTimePassword } = await resetUserPassword(user.id);
        setOneTime({ username: user.username, password: oneTimePassword });
      }
    },
    onSuccess: (_result, { kind, user }) => {
      if (kind === 'unlock') void messageApi.success(m.unlocked(user.fullName));
      if (kind === 'disable') void messageApi.success(m.disabledDone(user.fullName));
      if (kind === 'enable') void messageApi.success(m.enabledDone(user.fullName));
      void refresh();
    },
    onError: (error) => void messageApi.error(errorText(t, error)),
  });

  const confirmThen = (
    kind: 'disable' | 'enable' | 'reset',
    user: UserItem,
    title: string,
    content: string,
    okText: string,
  ) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: m.cancel,
      okButtonProps: kind === 'enable' ? {} : { danger: true },
      // The dialog waits for the answer; a refusal is shown by the mutation, not as a stuck dialog.
      onOk: () => act.mutateAsync({ kind, user }).catch(() => undefined),
    });

  const actionsFor = (user: UserItem): MenuProps['items'] => [
    { key: 'reset', label: m.resetPassword },
    ...(user.locked ? [{ key: 'unlock', label: m.unlock }] : []),
    ...(user.id === me.id
      ? []
      : [
          {
            key: user.active ? 'disable' : 'enable',
            label: user.active ? m.disable : m.enable,
            danger: user.active,
          },
        ]),
  ];

  const onAction = (key: string, user: UserItem) => {
    if (key === 'unlock') act.mutate({ kind: 'unlock', user });
    if (key === 'reset')
      confirmThen('reset', user, m.resetConfirmTitle(user.fullName), m.resetConfirmBody, m.resetPassword);
    if (key === 'disable')
      confirmThen('disable', user, m.disableConfirmTitle(user.fullName), m.disableConfirmBody, m.disable);
    if (key === 'enable')
      confirmThen('enable', user, m.enableConfirmTitle(user.fullName), m.enableConfirmBody, m.enable);
  };

  /** Only an administrator may touch an administrator's account; the server says the same. */
  const manageable = (user: UserItem) => canManage && (user.role !== 'admin' || me.role === 'admin');

  const columns: TableColumnsType<UserItem> = [
    // The actions column is pinned, which makes the table lay out with fixed widths: the columns whose content
    // must not wrap say how wide they are.
    {
      key: 'username',
      title: m.colUsername,
      width: 190,
      responsive: ['md'],
      render: (_value, user) => (
        <span className="user-username">
          {user.username}
          {user.id === me.id && <span className="muted"> ({m.you})</span>}
        </span>
      ),
    },
    {
      key: 'fullName',
      title: m.colFullName,
      render: (_value, user) => (
        <>
          {user.fullName}
          {/* A phone has no room for the columns below: the essentials go under the name. */}
          {!wide && (
            <span className="user-meta muted">
              <span className="user-username">{user.username}</span>
              {t.roles[user.role]} · {user.unit?.fullName ?? t.auth.nationwide}
              <UserTags user={user} />
            </span>
          )}
        </>
      ),
    },
    {
      key: 'position',
      title: m.colPosition,
      responsive: ['lg'],
      render: (_value, user) => user.position ?? <span className="muted">—</span>,
    },
    { key: 'role', title: m.colRole, responsive: ['md'], render: (_value, user) => t.roles[user.role] },
    {
      key: 'unit',
      title: m.colUnit,
      responsive: ['md'],
      render: (_value, user) => user.unit?.fullName ?? t.auth.nationwide,
    },
    {
      key: 'status',
      title: m.colStatus,
      width: 200,
      responsive: ['md'],
      render: (_value, user) => <UserTags user={user} />,
    },
    {
      key: 'lastLogin',
      title: m.colLastLogin,
      width: 150,
      responsive: ['xl'],
      render: (_value, user) =>
        user.lastLoginAt ? (
          <DateTimeText value={user.lastLoginAt} />
        ) : (
          <span className="muted">{m.never}</span>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: m.colActions,
            width: 110,
            fixed: 'end' as const,
            render: (_value: unknown, user: UserItem) =>
              manageable(user) ? (
                <span className="user-actions">
                  <Button size="small" onClick={() => setEditing({ user })}>
                    {m.edit}
                  </Button>
                  <Dropdown
                    trigger={['click']}
                    menu={{ items: actionsFor(user), onClick: ({ key }) => onAction(key, user) }}
                  >
                    <Button size="small" icon={<MoreOutlined />} aria-label={m.more(user.username)} />
                  </Dropdown>
                </span>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div className="users-page">
      {modalHolder}
      {messageHolder}
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.pageTitle}</h1>
          <p className="muted page-header__intro">{m.pageIntro(me.unit?.fullName ?? t.auth.nationwide)}</p>
        </div>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: undefined })}>
            {m.add}
          </Button>
        )}
      </header>
      <div className="users-filters">
        <Input
          type="search"
          allowClear
          className="users-filters__search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={m.searchPlaceholder}
          aria-label={m.searchLabel}
          prefix={<SearchOutlined className="muted" />}
          maxLength={100}
        />
        <Select<RoleId>
          allowClear
          className="users-filters__select"
          aria-label={m.roleFilter}
          placeholder={m.allRoles}
          value={role}
          onChange={(value) => update({ [PARAM.role]: value })}
          options={ROLE_IDS.map((id) => ({ value: id, label: t.roles[id] }))}
        />
        <Select<string>
          allowClear
          className="users-filters__select"
          aria-label={m.statusFilter}
          placeholder={m.allStatuses}
          value={status === STATUS.active || status === STATUS.disabled ? status : undefined}
          onChange={(value) => update({ [PARAM.status]: value })}
          options={[
            { value: STATUS.active, label: m.statusActive },
            { value: STATUS.disabled, label: m.statusDisabled },
          ]}
        />
      </div>
      {list.isError && !list.data ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<UserItem>
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          // Long names wrap rather than push the actions out of sight.
          {...(wide ? { scroll: { x: 900 } } : {})}
          locale={{ emptyText: m.empty }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => m.total(total),
            onChange: (next) => update({ [PARAM.page]: next > 1 ? String(next) : undefined }),
          }}
        />
      )}
      <UserFormDrawer
        open={editing !== undefined}
        user={editing?.user}
        manager={me}
        onClose={() => setEditing(undefined)}
        onCreated={(answer: CreatedUserAnswer) => {
          setEditing(undefined);
          void messageApi.success(m.created(answer.user.username));
          if (answer.oneTimePassword) {
            setOneTime({ username: answer.user.username, password: answer.oneTimePassword });
          }
          void refresh();
        }}
        onSaved={(saved) => {
          setEditing(undefined);
          if (saved) {
            void messageApi.success(m.saved);
            void refresh();
          }
        }}
      />
      {oneTime && (
        <OneTimePasswordModal
          username={oneTime.username}
          password={oneTime.password}
          onDone={() => setOneTime(undefined)}
        />
      )}
    </div>
  );
}
