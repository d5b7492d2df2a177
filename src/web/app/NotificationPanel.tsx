/** The list behind the bell: newest first, opening one marks it read; and the e-mail address for notices. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Input, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type NotificationItem, notificationActions, notificationQueries } from '../api/notifications';
import { DateTimeText } from '../components/DateTimeText';
import { useMessages } from './i18n';
import { notificationMessages } from './notificationMessages';

export default function NotificationPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const m = useMessages(notificationMessages);
  const client = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ ...notificationQueries.list(), enabled: open });
  const settings = useQuery({ ...notificationQueries.settings(), enabled: open });
  const [email, setEmail] = useState('');
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setEmail(settings.data.email ?? '');
  }, [settings.data]);

  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const openItem = async (item: NotificationItem) => {
    if (!item.read) await notificationActions.read(item.id).catch(() => undefined);
    void refresh();
    if (item.link) {
      onClose();
      navigate(item.link);
    }
  };
  const saveEmail = async () => {
    setProblem(null);
    setSaved(false);
    try {
      await notificationActions.saveSettings({ email: email.trim() || null });
      setSaved(true);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={m.title}
      size="default"
      extra={
        <Button size="small" onClick={() => void notificationActions.readAll().then(refresh)}>
          {m.readAll}
        </Button>
      }
    >
      <List<NotificationItem>
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={m.empty} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(item) => (
          <List.Item
            style={{ cursor: item.link ? 'pointer' : 'default' }}
            onClick={() => void openItem(item)}
            actions={item.link ? [<Typography.Link key="open">{m.open}</Typography.Link>] : []}
          >
            <List.Item.Meta
              title={
                <Space size={6}>
                  {!item.read && <Badge status="processing" />}
                  <span style={{ fontWeight: item.read ? 400 : 600 }}>{item.title}</span>
                </Space>
              }
              description={
                <>
                  <div>{item.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <DateTimeText value={item.createdAt} />
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <div style={{ marginTop: 24 }}>
        <Typography.Text strong>{m.emailTitle}</Typography.Text>
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            type="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setSaved(false);
            }}
            aria-label={m.emailTitle}
            placeholder="ten@congan.gov.vn"
          />
          <Button onClick={() => void saveEmail()}>{m.emailSave}</Button>
        </Space.Compact>
        <Typography.Paragraph type={problem ? 'danger' : 'secondary'} style={{ fontSize: 12, marginTop: 6 }}>
          {problem ?? (saved ? m.emailSaved : m.emailHelp)}
        </Typography.Paragraph>
      </div>
    </Drawer>
  );
}
