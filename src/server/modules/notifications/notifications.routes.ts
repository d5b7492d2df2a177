import { Type } from 'typebox';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  NotificationList,
  NotificationParams,
  NotificationQuery,
  NotificationSettings,
} from '../../../contracts/notifications.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as notifications from './notifications.service.js';

const tags = ['Thông báo'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const Done = Type.Object({ ok: Type.Boolean() });

export async function notificationsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  api.get(
    '/notifications',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Thông báo của tôi, mới nhất trước',
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errors },
      },
    },
    (request) => notifications.listNotifications(db, requireActor(request), request.query),
  );
  api.post(
    '/notifications/:id/read',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc',
        params: NotificationParams,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      await notifications.markRead(db, requireActor(request), request.params.id);
      return { ok: true };
    },
  );
  api.post(
    '/notifications/read-all',
    {
      config: { authenticated: true },
      schema: { tags, summary: 'Đánh dấu tất cả đã đọc', response: { 200: Done, ...errors } },
    },
    async (request) => {
      await notifications.markRead(db, requireActor(request), 'all');
      return { ok: true };
    },
  );
  api.get(
    '/notifications/settings',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Địa chỉ nhận thông báo qua thư điện tử',
        response: { 200: NotificationSettings, ...errors },
      },
    },
    (request) => notifications.getSettings(db, requireActor(request)),
  );
  api.put(
    '/notifications/settings',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Đặt hoặc tắt địa chỉ nhận thông báo qua thư điện tử',
        body: NotificationSettings,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    (request) => notifications.saveSettings(db, requireActor(request), request.body),
  );
}
