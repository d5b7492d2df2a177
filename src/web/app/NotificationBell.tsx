/**
 * The officer's notifications (new crime reports in their area, and the like): a bell with the number of unread
 * ones in the header, checked every minute; the list behind it loads on the first click, since most page views
 * never open it.
 */
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { notificationQueries } from '../api/notifications';
import { useMessages } from './i18n';
import { notificationMessages } from './notificationMessages';

const NotificationPanel = lazy(() => import('./NotificationPanel'));

export function NotificationBell() {
  const m = useMessages(notificationMessages);
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const unread = useQuery(notificationQueries.unreadCount()).data ?? 0;
  return (
    <>
      <button
        type="button"
        className="notification-bell"
        aria-label={m.bellLabel(unread)}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        <BellOutlined aria-hidden="true" />
        {unread > 0 && (
          <span className="notification-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <NotificationPanel open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
