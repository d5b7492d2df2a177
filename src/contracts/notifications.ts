import { type Static, Type } from 'typebox';
import { Id, ListResponse, PageQuery } from './common.js';
import { Nullable } from './registry.js';

export const NotificationItem = Type.Object({
  id: Id,
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});
export type NotificationItem = Static<typeof NotificationItem>;
export const NotificationList = Type.Object({
  ...ListResponse(NotificationItem).properties,
  unread: Type.Integer({ minimum: 0 }),
});
export type NotificationList = Static<typeof NotificationList>;
export const NotificationQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export const NotificationParams = Type.Object({ id: Id });
export const NotificationSettings = Type.Object(
  {
    email: Nullable(
      Type.String({
        format: 'email',
        maxLength: 200,
        description: 'Nhận thông báo qua thư điện tử; null để tắt',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NotificationSettings = Static<typeof NotificationSettings>;
