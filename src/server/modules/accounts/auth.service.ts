/**
 * Logging in and out, sessions, the second factor and one's own password. Answers for an unknown user and a wrong
 * password are the same, and take about as long (the password is checked against a dummy hash).
 */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import type { CurrentUser, SessionInfo } from '../../../contracts/accounts.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { AppError, invalid, notFound } from '../../../domain/errors.js';
import { checkPasswordStrength } from '../../../domain/passwords.js';
import { ROLE_LABELS, ROLE_PERMISSIONS, type RoleId } from '../../../domain/roles.js';
import type { Config } from '../../config.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { type FieldCipher, randomToken, sha256 } from '../../lib/crypto.js';
import { recordAudit } from '../audit/audit.service.js';
import { findRefsOn } from '../units/units.repo.js';
import * as repo from './accounts.repo.js';

export const SESSION_COOKIE = 'antq_session';

export interface RequestMeta {
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type AuthSettings = Pick<
  Config,
  'sessionIdleMinutes' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes'
>;

/** A resolved session: who is behind the cookie, for the request hooks. */
export interface LiveSession {
  idHash: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: repo.UserRecord;
}

const invalidCredentials = () =>
  new AppError('unauthenticated', 'auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng');

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

function randomString(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Readable when dictated over the phone: no 0/O, 1/l/I; 16 characters from 56 symbols is about 93 bits. */
export function generateOneTimePassword(): string {
  return randomString('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', 16);
}

function usernameKey(username: string): string {
  return username.trim().toLowerCase().normalize('NFC');
}

function recoveryCodeHash(userId: number, code: string): string {
  return sha256(
    `${userId}:${code
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}`,
  );
}

export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Database,
    private readonly settings: AuthSettings,
    private readonly cipher: FieldCipher,
  ) {}

  private async checkPasswordAgainst(passwordHash: string | undefined, password: string): Promise<boolean> {
    this.dummyHash ??= hashPassword(randomToken(16));
    try {
      return await verify(passwordHash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }

  private actorFor(user: repo.UserRecord, meta: RequestMeta): Actor {
    return {
      userId: user.id,
      username: user.username,
      role: user.role as RoleId,
      unitId: user.unitId,
      scope: { all: true },
      requestId: meta.requestId,
      clientIp: meta.clientIp,
    };
  }

  private async failLogin(
    key: string,
    user: repo.UserRecord | undefined,
    meta: RequestMeta,
    reason: string,
    error: AppError,
  ): Promise<never> {
    await inTransaction(this.db, async (tx) => {
      const state = await repo.recordLoginFailure(
        tx,
        key,
        this.settings.loginMaxFailures,
        this.settings.loginLockMinutes,
      );
      if (user) {
        const actor = this.actorFor(user, meta);
        await recordAudit(tx, actor, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
          details: { reason, failures: state.failures },
        });
        if (state.justLocked) {
          await recordAudit(tx, actor, {
            action: 'auth.locked',
            entityType: 'user',
            entityId: user.id,
            unitId: user.unitId,
            details: { failures: state.failures, minutes: this.settings.loginLockMinutes },
          });
        }
      }
    });
    throw error;
  }

  async login(
    input: { username: string; password: string; totp?: string | undefined },
    meta: RequestMeta,
  ): Promise<{ token: string; session: SessionInfo }> {
    const key = usernameKey(input.username);
    const throttle = await repo.findThrottle(this.db, key);
    const user = await repo.findUserByUsername(this.db, key);
    const passwordOk = await this.checkPasswordAgainst(
      user?.active ? user.passwordHash : undefined,
      input.password,
    );
    if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
      const minutes = Math.max(1, Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 60_000));
      throw new AppError(
        'unauthenticated',
        'auth.locked',
        `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút hoặc liên hệ quản trị viên.`,
      );
    }
    if (!user?.active || !passwordOk) {
      return this.failLogin(key, user?.active ? user : undefined, meta, 'password', invalidCredentials());
    }
    let usedRecoveryCode = false;
    if (user.totpEnabled && user.totpSecret) {
      if (!input.totp) {
        throw new AppError(
          'unauthenticated',
          'auth.totp_required',
          'Nhập mã xác thực 6 số từ ứng dụng xác thực (hoặc một mã khôi phục)',
          { field: 'totp' },
        );
      }
      const code = input.totp.replace(/\s/g, '');
      const secret = this.cipher.decrypt(user.totpSecret);
      const totpOk = /^\d{6}$/.test(code) && verifySync({ secret, token: code, epochTolerance: 30 }).valid;
      if (!totpOk) {
        usedRecoveryCode = await repo.consumeRecoveryCode(this.db, user.id, recoveryCodeHash(user.id, code));
        if (!usedRecoveryCode) {
          return this.failLogin(
            key,
            user,
            meta,
            'totp',
            new AppError('unauthenticated', 'auth.totp_invalid', 'Mã xác thực không đúng hoặc đã hết hạn', {
              field: 'totp',
            }),
          );
        }
      }
    }
    const token = randomToken(32);
    const idHash = sha256(token);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(Date.now() + this.settings.sessionMaxHours * 3600_000);
    await inTransaction(this.db, async (tx) => {
      const actor = this.actorFor(user, meta);
      if (throttle) {
        await repo.clearThrottle(tx, key);
        if (throttle.lockedUntil) {
          await recordAudit(tx, actor, {
            action: 'auth.unlocked',
            entityType: 'user',
            entityId: user.id,
            unitId: user.unitId,
            details: { automatic: true },
          });
        }
      }
      await repo.insertSession(tx, {
        id: idHash,
        userId: user.id,
        csrfToken,
        expiresAt,
        clientIp: meta.clientIp,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await repo.updateUser(tx, user.id, { lastLoginAt: new Date() });
      await recordAudit(tx, actor, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
        ...(usedRecoveryCode ? { details: { recoveryCode: true } } : {}),
      });
    });
    return {
      token,
      session: { user: await this.currentUser(user), csrfToken, expiresAt: expiresAt.toISOString() },
    };
  }

  async resolveSession(token: string): Promise<LiveSession | undefined> {
    const idHash = sha256(token);
    const row = await repo.findLiveSession(this.db, idHash, this.settings.sessionIdleMinutes);
    if (!row) return undefined;
    // Writing last_seen_at on every request would turn every read into a write; once a minute is enough.
    if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) await repo.touchSession(this.db, idHash);
    return {
      idHash,
      csrfToken: row.session.csrfToken,
      expiresAt: row.session.expiresAt,
      lastSeenAt: row.session.lastSeenAt,
      user: row.user,
    };
  }

  /** The same session read again, after a change to its user. */
  async resolveSessionById(idHash: string): Promise<LiveSession | undefined> {
    const row = await repo.findLiveSession(this.db, idHash, this.settings.sessionIdleMinutes);
    if (!row) return undefined;
    return {
      idHash,
      csrfToken: row.session.csrfToken,
      expiresAt: row.session.expiresAt,
      lastSeenAt: row.session.lastSeenAt,
      user: row.user,
    };
  }

  async currentUser(user: repo.UserRecord): Promise<CurrentUser> {
    const [unit] = user.unitId === null ? [] : await findRefsOn(this.db, [user.unitId], todayInVietnam());
    const role = user.role as RoleId;
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      position: user.position,
      role,
      roleLabel: ROLE_LABELS[role],
      permissions: [...ROLE_PERMISSIONS[role]],
      unit: unit ?? null,
      mustChangePassword: user.mustChangePassword,
      totpEnabled: user.totpEnabled,
    };
  }

  async sessionInfo(session: LiveSession): Promise<SessionInfo> {
    return {
      user: await this.currentUser(session.user),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  async logout(session: LiveSession, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await repo.deleteSession(tx, session.idHash);
      await recordAudit(tx, actor, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: session.user.id,
        unitId: session.user.unitId,
      });
    });
  }

  async changePassword(
    session: LiveSession,
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const user = session.user;
    if (!(await this.checkPasswordAgainst(user.passwordHash, input.currentPassword))) {
      throw invalid('auth.current_password_wrong', 'Mật khẩu hiện tại không đúng', 'currentPassword');
    }
    if (input.newPassword === input.currentPassword) {
      throw invalid('password.same_as_current', 'Mật khẩu mới phải khác mật khẩu hiện tại', 'newPassword');
    }
    const problem = checkPasswordStrength(input.newPassword, { username: user.username });
    if (problem) throw invalid(problem.code, problem.message, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await inTransaction(this.db, async (tx) => {
      await repo.updateUser(tx, user.id, {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
      });
      const ended = await repo.deleteSessionsOfUser(tx, user.id, session.idHash);
      await recordAudit(tx, actor, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
        details: { otherSessionsEnded: ended, firstLogin: user.mustChangePassword },
      });
    });
  }

  async startTotpEnrolment(session: LiveSession, actor: Actor) {
    if (session.user.totpEnabled)
      throw invalid('totp.already_enabled', 'Xác thực hai lớp đã được bật', 'code');
    const secret = generateSecret();
    const otpauthUrl = generateURI({ issuer: 'ANTQ', label: session.user.username, secret });
    await inTransaction(this.db, async (tx) => {
      await repo.updateUser(tx, session.user.id, { totpPendingSecret: this.cipher.encrypt(secret) });
      await recordAudit(tx, actor, {
        action: 'user.totp_enrolment_started',
        entityType: 'user',
        entityId: session.user.id,
        unitId: session.user.unitId,
      });
    });
    return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
  }

  async confirmTotp(session: LiveSession, actor: Actor, code: string): Promise<string[]> {
    const user = await repo.findUserById(this.db, session.user.id);
    if (!user?.totpPendingSecret)
      throw invalid('totp.not_started', 'Hãy bắt đầu đăng ký xác thực hai lớp trước', 'code');
    const secret = this.cipher.decrypt(user.totpPendingSecret);
    if (!verifySync({ secret, token: code, epochTolerance: 30 }).valid) {
      throw invalid(
        'totp.code_invalid',
        'Mã xác thực không đúng, hãy nhập mã đang hiện trong ứng dụng',
        'code',
      );
    }
    const codes = Array.from({ length: 10 }, () => {
      const raw = randomString('abcdefghjkmnpqrstuvwxyz23456789', 12);
      return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
    });
    await inTransaction(this.db, async (tx) => {
      await repo.updateUser(tx, user.id, {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabled: true,
      });
      await repo.replaceRecoveryCodes(
        tx,
        user.id,
        codes.map((item) => recoveryCodeHash(user.id, item)),
      );
      await recordAudit(tx, actor, {
        action: 'user.totp_enabled',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
      });
    });
    return codes;
  }

  async disableTotp(session: LiveSession, actor: Actor, password: string): Promise<void> {
    if (!(await this.checkPasswordAgainst(session.user.passwordHash, password))) {
      throw invalid('auth.current_password_wrong', 'Mật khẩu không đúng', 'password');
    }
    await inTransaction(this.db, async (tx) => {
      await repo.updateUser(tx, session.user.id, {
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabled: false,
      });
      await repo.replaceRecoveryCodes(tx, session.user.id, []);
      await recordAudit(tx, actor, {
        action: 'user.totp_disabled',
        entityType: 'user',
        entityId: session.user.id,
        unitId: session.user.unitId,
      });
    });
  }

  async listSessions(session: LiveSession) {
    const rows = await repo.listSessionsOfUser(this.db, session.user.id);
    const items = rows.map((row) => ({
      id: row.id.slice(0, 16),
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      clientIp: row.clientIp,
      userAgent: row.userAgent,
      current: row.id === session.idHash,
    }));
    return { items, total: items.length, page: 1, pageSize: Math.max(1, items.length) };
  }

  async revokeSession(session: LiveSession, actor: Actor, publicId: string): Promise<void> {
    const rows = await repo.listSessionsOfUser(this.db, session.user.id);
    const target = rows.find((row) => row.id.startsWith(publicId));
    if (!target) throw notFound('sessions.not_found', 'Không tìm thấy phiên đăng nhập này');
    await inTransaction(this.db, async (tx) => {
      await repo.deleteSession(tx, target.id);
      await recordAudit(tx, actor, {
        action: 'auth.session_revoked',
        entityType: 'user',
        entityId: session.user.id,
        unitId: session.user.unitId,
      });
    });
  }
}
