import { Type } from 'typebox';
import {
  ChangePasswordBody,
  CreatedUser,
  CreateUserBody,
  LoginBody,
  Ok,
  OneTimePassword,
  PasswordConfirmBody,
  RecoveryCodes,
  SessionIdParams,
  SessionInfo,
  SessionList,
  TotpConfirmBody,
  TotpEnrolment,
  UpdateUserBody,
  UserIdParams,
  UserItem,
  UserList,
  UserListQuery,
} from '../../../contracts/accounts.js';
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import type { AppDeps } from '../../app.js';
import { clearSessionCookie, requireActor, requireSession, setSessionCookie } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as accounts from './accounts.service.js';
import type { AuthService } from './auth.service.js';

const authTags = ['Đăng nhập, tài khoản của tôi'];
const userTags = ['Quản lý người dùng'];
const authErrors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

export async function accountsRoutes(api: Api, deps: AppDeps & { auth: AuthService }): Promise<void> {
  const { auth, config } = deps;
  const db = deps.database.db;
  const meta = (request: { ip: string; id: string; headers: Record<string, unknown> }) => ({
    clientIp: request.ip,
    userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
    requestId: request.id,
  });

  api.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: authTags,
        summary: 'Đăng nhập (mật khẩu, mã xác thực hai lớp nếu đã bật)',
        body: LoginBody,
        response: { 200: SessionInfo, ...authErrors },
      },
    },
    async (request, reply) => {
      const { token, session } = await auth.login(request.body, meta(request));
      setSessionCookie(reply, token, config.cookieSecure, config.sessionMaxHours * 3600);
      return session;
    },
  );

  api.get(
    '/auth/session',
    {
      config: { public: true },
      schema: {
        tags: authTags,
        summary: 'Người dùng hiện tại và mã chống giả mạo yêu cầu (CSRF)',
        response: { 200: SessionInfo, ...authErrors },
      },
    },
    async (request) => auth.sessionInfo(requireSession(request)),
  );

  api.post(
    '/auth/logout',
    {
      config: { authenticated: true, allowPendingPasswordChange: true },
      schema: { tags: authTags, summary: 'Đăng xuất', response: { 200: Ok, ...authErrors } },
    },
    async (request, reply) => {
      await auth.logout(requireSession(request), requireActor(request));
      clearSessionCookie(reply, config.cookieSecure);
      return { ok: true as const };
    },
  );

  api.post(
    '/auth/password',
    {
      config: { authenticated: true, allowPendingPasswordChange: true },
      schema: {
        tags: authTags,
        summary: 'Đổi mật khẩu của tôi',
        body: ChangePasswordBody,
        response: { 200: SessionInfo, ...authErrors },
      },
    },
    async (request) => {
      const session = requireSession(request);
      await auth.changePassword(session, requireActor(request), request.body);
      const refreshed = await auth.resolveSessionById(session.idHash);
      return auth.sessionInfo(refreshed ?? session);
    },
  );

  api.get(
    '/auth/sessions',
    {
      config: { authenticated: true },
      schema: {
        tags: authTags,
        summary: 'Các phiên đăng nhập của tôi',
        response: { 200: SessionList, ...authErrors },
      },
    },
    async (request) => auth.listSessions(requireSession(request)),
  );

  api.delete(
    '/auth/sessions/:id',
    {
      config: { authenticated: true },
      schema: {
        tags: authTags,
        summary: 'Kết thúc một phiên đăng nhập của tôi',
        params: SessionIdParams,
        response: { 200: Ok, ...authErrors },
      },
    },
    async (request) => {
      await auth.revokeSession(requireSession(request), requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/auth/totp/enrol',
    {
      config: { authenticated: true },
      schema: {
        tags: authTags,
        summary: 'Bắt đầu bật xác thực hai lớp: khóa bí mật và mã QR',
        response: { 200: TotpEnrolment, ...authErrors },
      },
    },
    async (request) => auth.startTotpEnrolment(requireSession(request), requireActor(request)),
  );

  api.post(
    '/auth/totp/confirm',
    {
      config: { authenticated: true },
      schema: {
        tags: authTags,
        summary: 'Xác nhận mã 6 số, bật xác thực hai lớp, nhận mã khôi phục',
        body: TotpConfirmBody,
        response: { 200: RecoveryCodes, ...authErrors },
      },
    },
    async (request) => ({
      recoveryCodes: await auth.confirmTotp(
        requireSession(request),
        requireActor(request),
        request.body.code,
      ),
    }),
  );

  api.post(
    '/auth/totp/disable',
    {
      config: { authenticated: true },
      schema: {
        tags: authTags,
        summary: 'Tắt xác thực hai lớp (cần mật khẩu)',
        body: PasswordConfirmBody,
        response: { 200: Ok, ...authErrors },
      },
    },
    async (request) => {
      await auth.disableTotp(requireSession(request), requireActor(request), request.body.password);
      return { ok: true as const };
    },
  );

  // ---- user management -----------------------------------------------------------------------------------------

  api.get(
    '/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags: userTags,
        summary: 'Người dùng trong phạm vi',
        querystring: UserListQuery,
        response: { 200: UserList, ...authErrors },
      },
    },
    async (request) => accounts.listUsers(db, requireActor(request), request.query),
  );

  api.get(
    '/users/:id',
    {
      config: { permission: 'users.read' },
      schema: {
        tags: userTags,
        summary: 'Một người dùng',
        params: UserIdParams,
        response: { 200: UserItem, ...authErrors },
      },
    },
    async (request) => accounts.getUser(db, requireActor(request), request.params.id),
  );

  api.post(
    '/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: userTags,
        summary: 'Tạo người dùng (mật khẩu dùng một lần nếu không nhập)',
        body: CreateUserBody,
        response: { 201: CreatedUser, 409: ErrorResponse, ...authErrors },
      },
    },
    async (request, reply) => {
      const created = await accounts.createUser(db, requireActor(request), request.body);
      return reply.status(201).send(created);
    },
  );

  api.patch(
    '/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: userTags,
        summary: 'Sửa người dùng: họ tên, chức vụ, vai trò, đơn vị, khóa/mở',
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: UserItem, ...authErrors },
      },
    },
    async (request) => accounts.updateUser(db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: userTags,
        summary: 'Cấp mật khẩu dùng một lần mới',
        params: UserIdParams,
        response: { 200: OneTimePassword, ...authErrors },
      },
    },
    async (request) => {
      const { oneTimePassword } = await accounts.resetPassword(db, requireActor(request), request.params.id);
      return { oneTimePassword: oneTimePassword! };
    },
  );

  api.post(
    '/users/:id/unlock',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: userTags,
        summary: 'Mở khóa tài khoản bị khóa do đăng nhập sai',
        params: UserIdParams,
        body: Type.Optional(Type.Object({})),
        response: { 200: UserItem, ...authErrors },
      },
    },
    async (request) => accounts.unlockUser(db, requireActor(request), request.params.id),
  );
}
