/** The signed-in user's notifications (src/contracts/notifications.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { NotificationList, NotificationSettings } from '../../contracts/notifications';
import { apiGet, apiSend } from './client';

export type { NotificationItem } from '../../contracts/notifications';

export const notificationQueries = {
  unreadCount: () =>
    queryOptions({
      queryKey: ['notifications', 'unread'],
      queryFn: async ({ signal }) =>
        (await apiGet<NotificationList>('/api/notifications', { unread: true, pageSize: 1 }, signal)).unread,
      refetchInterval: 60_000,
    }),
  list: () =>
    queryOptions({
      queryKey: ['notifications', 'list'],
      queryFn: ({ signal }) => apiGet<NotificationList>('/api/notifications', { pageSize: 30 }, signal),
    }),
  settings: () =>
    queryOptions({
      queryKey: ['notifications', 'settings'],
      queryFn: ({ signal }) => apiGet<NotificationSettings>('/api/notifications/settings', {}, signal),
    }),
};

export const notificationActions = {
  read: (id: number) => apiSend<{ ok: boolean }>('POST', `/api/notifications/${id}/read`),
  readAll: () => apiSend<{ ok: boolean }>('POST', '/api/notifications/read-all'),
  saveSettings: (settings: NotificationSettings) =>
    apiSend<NotificationSettings>('PUT', '/api/notifications/settings', settings),
};
