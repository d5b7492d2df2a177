/** The menu behind the user button (default export for React.lazy): it opens as soon as it has loaded. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from './auth/session';
import { useSignOut } from './auth/useSignOut';
import { useT } from './i18n';
import { UserMenuButton } from './UserMenu';

export default function UserMenuDropdown({ compact }: { compact: boolean }) {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  // Loaded because the button was clicked: that click meant "open".
  const [open, setOpen] = useState(true);

  const items: MenuProps['items'] = [
    ...(compact
      ? [
          {
            key: 'who',
            type: 'group' as const,
            label: (
              <span className="user-menu__card">
                <strong>{user.fullName}</strong>
                <span>{t.roles[user.role]}</span>
                <span>{user.unit?.fullName ?? t.auth.nationwide}</span>
              </span>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'account', icon: <UserOutlined />, label: t.auth.myAccount },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t.auth.signOut, danger: true },
  ];

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items,
        onClick: ({ key }) => {
          setOpen(false);
          if (key === 'account') navigate('/tai-khoan');
          if (key === 'sign-out') void signOut();
        },
      }}
    >
      <UserMenuButton compact={compact} />
    </Dropdown>
  );
}
