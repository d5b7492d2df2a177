/**
 * "My account": who the system thinks I am, my password, my second factor, and the devices signed in as me.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, message } from 'antd';
import { useEffect } from 'react';
import { ChangePasswordForm } from '../../app/auth/ChangePasswordForm';
import { storeSession, useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { accountsMessages } from './messages';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';
import './accounts.css';

export default function MyAccountPage() {
  const t = useT();
  const m = useMessages(accountsMessages).account;
  const user = useCurrentUser();
  const client = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  return (
    <div className="account-page">
      {messageHolder}
      <header className="page-header">
        <h1 className="page-header__title">{m.pageTitle}</h1>
      </header>
      <div className="account-grid">
        <div className="account-column">
          <Card size="small" title={m.profileTitle} className="account-card">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'fullName', label: m.fullName, children: user.fullName },
                { key: 'username', label: m.username, children: <code>{user.username}</code> },
                ...(user.position ? [{ key: 'position', label: m.position, children: user.position }] : []),
                { key: 'role', label: m.role, children: t.roles[user.role] },
                { key: 'unit', label: m.unit, children: user.unit?.fullName ?? t.auth.nationwide },
              ]}
            />
          </Card>
          <TwoFactorSection />
        </div>
        <div className="account-column">
          <Card size="small" title={m.passwordTitle} className="account-card account-card--password">
            <ChangePasswordForm
              username={user.username}
              onChanged={(session) => {
                storeSession(client, session);
                void messageApi.success(t.auth.passwordChanged);
                void client.invalidateQueries({ queryKey: ['my-sessions'] });
              }}
            />
          </Card>
        </div>
        <SessionsSection />
      </div>
    </div>
  );
}
