import { type Static, Type } from 'typebox';
import { PERMISSIONS, ROLE_IDS } from '../domain/roles.js';
import { Id, ListResponse, PageQuery, StringEnum } from './common.js';
import { UnitRef } from './units.js';

export const RoleId = StringEnum(ROLE_IDS, { description: 'Vai trò' });
export const PermissionId = StringEnum(PERMISSIONS, { description: 'Quyền' });

export const Username = Type.String({
  minLength: 3,
  maxLength: 50,
  pattern: '^[a-z0-9][a-z0-9._-]*$',
  description: 'Chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang',
});

export const CurrentUser = Type.Object({
  id: Id,
  username: Type.String(),
  fullName: Type.String(),
  position: Type.Union([Type.String(), Type.Null()]),
  role: RoleId,
  roleLabel: Type.String(),
  permissions: Type.Array(PermissionId),
  unit: Type.Union([UnitRef, Type.Null()], { description: 'Đơn vị phạm vi; null là toàn quốc' }),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
});
export type CurrentUser = Static<typeof CurrentUser>;

export const SessionInfo = Type.Object({
  user: CurrentUser,
  csrfToken: Type.String({
    description: 'Gửi lại trong tiêu đề x-csrf-token với mọi yêu cầu thay đổi dữ liệu',
  }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    totp: Type.Optional(
      Type.String({ minLength: 6, maxLength: 20, description: 'Mã xác thực 6 số hoặc mã khôi phục' }),
    ),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const TotpEnrolment = Type.Object({
  secret: Type.String({ description: 'Khóa bí mật (nhập tay nếu không quét được mã QR)' }),
  otpauthUrl: Type.String(),
  qrDataUrl: Type.String({ description: 'Ảnh mã QR dạng data URL' }),
});

export const TotpConfirmBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
export const PasswordConfirmBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const SessionItem = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  clientIp: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
export const SessionList = ListResponse(SessionItem);
export const SessionIdParams = Type.Object({ id: Type.String({ minLength: 8, maxLength: 64 }) });

export const Ok = Type.Object({ ok: Type.Literal(true) });

// ---- user management ----------------------------------------------------------------------------------------

export const UserItem = Type.Object({
  id: Id,
  username: Type.String(),
  fullName: Type.String(),
  position: Type.Union([Type.String(), Type.Null()]),
  role: RoleId,
  unit: Type.Union([UnitRef, Type.Null()]),
  active: Type.Boolean(),
  locked: Type.Boolean(),
  lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UserItem = Static<typeof UserItem>;
export const UserList = ListResponse(UserItem);

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(RoleId),
    active: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const CreateUserBody = Type.Object(
  {
    username: Username,
    fullName: Type.String({ minLength: 1, maxLength: 150 }),
    position: Type.Optional(Type.String({ maxLength: 150 })),
    role: RoleId,
    unitId: Type.Union([Id, Type.Null()], {
      description: 'Đơn vị phạm vi; null là toàn quốc (chỉ quản trị toàn quốc)',
    }),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 150 })),
    position: Type.Optional(Type.Union([Type.String({ maxLength: 150 }), Type.Null()])),
    role: Type.Optional(RoleId),
    unitId: Type.Optional(Type.Union([Id, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserIdParams = Type.Object({ id: Id });

export const CreatedUser = Type.Object({
  user: UserItem,
  oneTimePassword: Type.Union([Type.String(), Type.Null()], {
    description: 'Mật khẩu dùng một lần, chỉ hiện một lần',
  }),
});
export const OneTimePassword = Type.Object({ oneTimePassword: Type.String() });
