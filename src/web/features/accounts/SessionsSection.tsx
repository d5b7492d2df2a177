/** The devices signed in to one's account, with the way to end any of them but the one in use. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, message, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { fetchMySessions, revokeSession, type SessionEntry } from '../../api/auth';
import { useMessages, useT } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { accountsMessages } from './messages';
import { describeUserAgent } from './userAgent';

const SESSIONS_KEY = ['my-sessions'] as const;

export function SessionsSection() {
  const t = useT();
  const m = useMessages(accountsMessages).account;
  const client = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => fetchMySessions(signal),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeSession(id),
    onSuccess: () => {
      void messageApi.success(m.revoked);
      void client.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: (error) => void messageApi.error(errorText(t, error)),
  });

  const columns: TableColumnsType<SessionEntry> = [
    {
      key: 'browser',
      title: m.sessionBrowser,
      render: (_value, session) => {
        const agent = describeUserAgent(session.userAgent);
        const name =
          agent.browser && agent.system
            ? m.browserOn(agent.browser, agent.system)
            : (agent.browser ?? agent.system ?? m.unknown);
        return (
          <>
            <span className="session-browser">
              <Tooltip title={session.userAgent ?? undefined}>
                <span>{name}</span>
              </Tooltip>
              {session.current && (
                <Tag color="green" className="session-current">
                  {m.thisSession}
                </Tag>
              )}
            </span>
            <span className="session-meta muted">
              {session.clientIp ?? m.unknown} · {m.sessionLastSeen}:{' '}
              <DateTimeText value={session.lastSeenAt} />
            </span>
          </>
        );
      },
    },
    {
      key: 'address',
      title: m.sessionAddress,
      responsive: ['md'],
      render: (_value, session) => session.clientIp ?? <span className="muted">{m.unknown}</span>,
    },
    {
      key: 'created',
      title: m.sessionCreated,
      responsive: ['md'],
      render: (_value, session) => <DateTimeText value={session.createdAt} />,
    },
    {
      key: 'lastSeen',
      title: m.sessionLastSeen,
      responsive: ['md'],
      render: (_value, session) => <DateTimeText value={session.lastSeenAt} />,
    },
    {
      key: 'action',
      title: <span className="sr-only">{m.revoke}</span>,
      align: 'end',
      render: (_value, session) =>
        session.current ? null : (
          <Popconfirm
            title={m.revokeConfirm}
            okText={m.revoke}
            cancelText={m.cancel}
            okButtonProps={{ danger: true }}
            // The promise keeps the confirm button spinning; the failure itself is shown by onError.
            onConfirm={() => revoke.mutateAsync(session.id).catch(() => undefined)}
          >
            <Button size="small" danger>
              {m.revoke}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card size="small" title={m.sessionsTitle} className="account-card account-card--wide">
      {messageHolder}
      <p className="muted account-card__intro">{m.sessionsIntro}</p>
      {sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table<SessionEntry>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={sessions.data?.items ?? []}
          loading={sessions.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
