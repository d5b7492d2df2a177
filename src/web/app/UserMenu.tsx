/**
 * The signed-in user in the header: who, in which role, for which unit — what decides what they see — and the
 * way to their account and out. On a phone only the initial shows; the menu then names the user.
 * The button is part of the first download; the drop-down menu behind it loads on the first click, since most
 * visits never open it.
 */
import { DownOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { useCurrentUser } from './auth/session';
import { useT } from './i18n';

const UserMenuDropdown = lazy(() => import('./UserMenuDropdown'));

/** Vietnamese names end with the given name, which is what colleagues call each other by. */
function initialOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return (words[words.length - 1] ?? '?').charAt(0).toLocaleUpperCase('vi');
}

export interface UserMenuButtonProps {
  compact: boolean;
  onClick?: () => void;
  /** Added by the drop-down to its trigger; kept beside the button's own class. */
  className?: string;
}

export function UserMenuButton({ compact, onClick, className, ...triggerProps }: UserMenuButtonProps) {
  const t = useT();
  const user = useCurrentUser();
  const role = t.roles[user.role];
  const unit = user.unit?.fullName ?? t.auth.nationwide;
  return (
    <button
      type="button"
      className={className ? `user-menu ${className}` : 'user-menu'}
      aria-haspopup="menu"
      aria-label={`${t.auth.accountMenu}: ${user.fullName}, ${role}, ${unit}`}
      onClick={onClick}
      // The drop-down adds its own handlers (and its ref) through these.
      {...triggerProps}
    >
      <span className="user-menu__avatar" aria-hidden="true">
        {initialOf(user.fullName)}
      </span>
      {!compact && (
        <span className="user-menu__text" aria-hidden="true">
          <span className="user-menu__name">{user.fullName}</span>
          <span className="user-menu__meta">
            {role} · {unit}
          </span>
        </span>
      )}
      <DownOutlined className="user-menu__caret" aria-hidden="true" />
    </button>
  );
}

export function UserMenu({ compact }: { compact: boolean }) {
  const [wanted, setWanted] = useState(false);
  if (!wanted) return <UserMenuButton compact={compact} onClick={() => setWanted(true)} />;
  return (
    <Suspense fallback={<UserMenuButton compact={compact} />}>
      <UserMenuDropdown compact={compact} />
    </Suspense>
  );
}
