/**
 * Who is asking, and may they: the session cookie becomes `request.actor`, mutating requests must carry the CSRF
 * token, and every /api route declares either `config.public` or the `config.permission` it needs — a route that
 * declares neither is refused at start-up, so none can be forgotten.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors.js';
import { hasPermission, type Permission, type RoleId } from '../../domain/roles.js';
import type { Actor } from '../context.js';
import type { Database } from '../db/client.js';
import type { ScopeCache } from '../db/scope.js';
import { safeEqual } from '../lib/crypto.js';
import { type AuthService, type LiveSession, SESSION_COOKIE } from '../modules/accounts/auth.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open to everyone, no session needed (health, login, the public portal). */
    public?: boolean;
    /** The permission a signed-in user needs; a list means any one of them (the service narrows further). */
    permission?: Permission | readonly Permission[];
    /** Any signed-in user (their own account, sessions, logout). */
    authenticated?: boolean;
    /** Reachable while the user must still change a one-time password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: LiveSession | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthPluginOptions {
  auth: AuthService;
  db: Database;
  scopes: ScopeCache;
  cookieSecure: boolean;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'auth.required', 'Vui lòng đăng nhập');
  return request.actor;
}

export function requireSession(request: FastifyRequest): LiveSession {
  if (!request.session) throw new AppError('unauthenticated', 'auth.required', 'Vui lòng đăng nhập');
  return request.session;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secure: boolean,
  maxAgeSeconds: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

async function authPlugin(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (
      !route.url.startsWith('/api/') ||
      route.url.startsWith('/api/docs') ||
      route.url === '/api/openapi.json'
    )
      return;
    const config = route.config as
      | { public?: boolean; permission?: Permission | readonly Permission[]; authenticated?: boolean }
      | undefined;
    if (!config?.public && !config?.permission && !config?.authenticated) {
      throw new Error(
        `Route ${route.method} ${route.url} must declare config.public, config.authenticated or config.permission`,
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await options.auth.resolveSession(token);
    if (!session) return;
    request.session = session;
    request.actor = {
      userId: session.user.id,
      username: session.user.username,
      role: session.user.role as RoleId,
      unitId: session.user.unitId,
      scope: await options.scopes.get(options.db, session.user.unitId),
      requestId: request.id,
      clientIp: request.ip,
    };
  });

  app.addHook('preHandler', async (request) => {
    const config = request.routeOptions.config;
    // Only the API is guarded here: the web app's files and the API reference are public by nature.
    if (config.public || !request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    if (!request.actor || !request.session)
      throw new AppError('unauthenticated', 'auth.required', 'Vui lòng đăng nhập');
    if (MUTATING.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.session.csrfToken)) {
        throw new AppError(
          'forbidden',
          'auth.csrf',
          'Phiên làm việc không hợp lệ, hãy tải lại trang và thử lại',
        );
      }
    }
    if (request.session.user.mustChangePassword && !config.allowPendingPasswordChange) {
      throw new AppError(
        'forbidden',
        'auth.password_change_required',
        'Bạn cần đổi mật khẩu trước khi tiếp tục',
      );
    }
    const needed: readonly Permission[] =
      config.permission === undefined
        ? []
        : typeof config.permission === 'string'
          ? [config.permission]
          : config.permission;
    const actor = request.actor;
    if (needed.length > 0 && !needed.some((permission) => hasPermission(actor.role, permission))) {
      throw new AppError('forbidden', 'auth.forbidden', 'Bạn không có quyền thực hiện thao tác này');
    }
  });
}

export default fp(authPlugin, { name: 'antq-auth' });
