/**
 * Managing staff accounts: administrators and province staff, within their scope, hand out roles no stronger than
 * allowed. Every change is audited; passwords never enter the trail.
 */
import { sql } from 'drizzle-orm';
import type { CreateUserBody, UpdateUserBody, UserItem, UserListQuery } from '../../../contracts/accounts.js';
import type { ListResult } from '../../../contracts/common.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { checkPasswordStrength } from '../../../domain/passwords.js';
import { assignableRoles, type RoleId } from '../../../domain/roles.js';
import { normalizeForSearch } from '../../../domain/text.js';
import type { UnitKind } from '../../../domain/units.js';
import type { Actor } from '../../context.js';
import { type Database, queryRows } from '../../db/client.js';
import { unitInScope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUnitIdByCode } from '../units/units.repo.js';
import * as repo from './accounts.repo.js';
import { generateOneTimePassword, hashPassword } from './auth.service.js';

const userNotFound = () => notFound('users.not_found', 'Không tìm thấy người dùng');

function toItem(row: repo.UserListRow): UserItem {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    position: row.position,
    role: row.role,
    unit:
      row.unitId === null
        ? null
        : {
            id: row.unitId,
            code: row.unitCode ?? '',
            kind: (row.unitKind ?? 'commune') as UnitKind,
            fullName: row.unitName ?? '',
          },
    active: row.active,
    locked: row.lockedUntil !== null,
    lockedUntil: row.lockedUntil,
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabled,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

/** What the trail keeps of a user: no hashes, no secrets. */
function auditView(user: repo.UserRecord): Record<string, unknown> {
  return {
    username: user.username,
    fullName: user.fullName,
    position: user.position,
    role: user.role,
    unitId: user.unitId,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
  };
}

async function checkRole(actor: Actor, role: RoleId): Promise<void> {
  if (!assignableRoles(actor.role).includes(role)) {
    throw new AppError('forbidden', 'users.role_not_assignable', 'Bạn không được cấp vai trò này', {
      field: 'role',
    });
  }
}

/** The unit must exist today and lie inside the manager's own scope; null (national) only for national managers. */
async function checkUnit(db: Database, actor: Actor, unitId: number | null): Promise<string | null> {
  if (unitId === null) {
    if (!actor.scope.all)
      throw invalid('users.unit_required', 'Hãy chọn đơn vị phạm vi cho người dùng', 'unitId');
    return null;
  }
  const today = todayInVietnam();
  const rows = await queryRows<{ provinceCode: string }>(
    db,
    sql`select u.province_code as "provinceCode" from units u join unit_versions v on v.unit_id = u.id
        where u.id = ${unitId} and (v.valid_from is null or v.valid_from <= ${today}::date)
          and (v.valid_to is null or v.valid_to >= ${today}::date) and ${unitInScope(actor.scope, sql`u.id`)}
        limit 1`,
  );
  if (!rows[0])
    throw invalid(
      'users.unit_invalid',
      'Đơn vị không tồn tại, đã giải thể hoặc nằm ngoài phạm vi của bạn',
      'unitId',
    );
  return rows[0].provinceCode;
}

export async function listUsers(
  db: Database,
  actor: Actor,
  query: UserListQuery,
): Promise<ListResult<UserItem>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { rows, total } = await repo.listUsers(db, actor.scope, {
    search: query.q ? query.q.trim().toLowerCase() : undefined,
    role: query.role,
    active: query.active,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map(toItem), total, page, pageSize };
}

export async function getUser(db: Database, actor: Actor, id: number): Promise<UserItem> {
  const user = await repo.findUserInScope(db, actor.scope, id);
  if (!user) throw userNotFound();
  return toItem((await repo.findUserListRow(db, id))!);
}

export async function createUser(
  db: Database,
  actor: Actor,
  body: CreateUserBody,
): Promise<{ user: UserItem; oneTimePassword: string | null }> {
  await checkRole(actor, body.role);
  const username = body.username.trim().toLowerCase();
  const oneTimePassword = body.password ? null : generateOneTimePassword();
  const password = body.password ?? oneTimePassword!;
  if (body.password) {
    const problem = checkPasswordStrength(body.password, { username });
    if (problem) throw invalid(problem.code, problem.message, 'password');
  }
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const provinceCode = await checkUnit(tx, actor, body.unitId);
    if (await repo.findUserByUsername(tx, username)) {
      throw conflict('users.username_taken', `Tên đăng nhập "${username}" đã có người dùng`, 'username');
    }
    const user = await repo.insertUser(tx, {
      username,
      fullName: body.fullName.trim(),
      position: body.position?.trim() || null,
      role: body.role,
      unitId: body.unitId,
      provinceCode,
      passwordHash,
      // A password chosen by someone else is only good until first use; one given for automation is final.
      mustChangePassword: body.password === undefined,
    });
    await recordAudit(tx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unitId,
      provinceCode,
      after: auditView(user),
    });
    return { user: toItem((await repo.findUserListRow(tx, user.id))!), oneTimePassword };
  });
}

export async function updateUser(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateUserBody,
): Promise<UserItem> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findUserInScope(tx, actor.scope, id);
    if (!before) throw userNotFound();
    if (before.role === 'admin' && actor.role !== 'admin') {
      throw new AppError(
        'forbidden',
        'users.admin_protected',
        'Chỉ quản trị hệ thống được sửa tài khoản quản trị',
      );
    }
    if (body.role !== undefined) await checkRole(actor, body.role);
    if (
      id === actor.userId &&
      (body.active === false || (body.role !== undefined && body.role !== before.role))
    ) {
      throw invalid(
        'users.self_change',
        'Không thể tự khóa hoặc tự đổi vai trò của chính mình',
        body.active === false ? 'active' : 'role',
      );
    }
    const changes: Partial<repo.NewUser> = {};
    if (body.fullName !== undefined) changes.fullName = body.fullName.trim();
    if (body.position !== undefined) changes.position = body.position?.trim() || null;
    if (body.role !== undefined) changes.role = body.role;
    if (body.active !== undefined) changes.active = body.active;
    if (body.unitId !== undefined) {
      changes.provinceCode = await checkUnit(tx, actor, body.unitId);
      changes.unitId = body.unitId;
    }
    const after = await repo.updateUser(tx, id, changes);
    if (
      body.active === false ||
      (body.unitId !== undefined && body.unitId !== before.unitId) ||
      (body.role !== undefined && body.role !== before.role)
    ) {
      // A new role, scope or a disabled account takes effect now, not at the next login.
      await repo.deleteSessionsOfUser(tx, id);
    }
    await recordAudit(tx, actor, {
      action: body.active === false && before.active ? 'user.disabled' : 'user.updated',
      entityType: 'user',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: auditView(before),
      after: auditView(after),
    });
    return toItem((await repo.findUserListRow(tx, id))!);
  });
}

export async function resetPassword(
  db: Database,
  actor: Actor,
  id: number,
  password?: string,
): Promise<{ oneTimePassword: string | null }> {
  const user = await repo.findUserInScope(db, actor.scope, id);
  if (!user) throw userNotFound();
  if (user.role === 'admin' && actor.role !== 'admin') {
    throw new AppError(
      'forbidden',
      'users.admin_protected',
      'Chỉ quản trị hệ thống được đặt lại mật khẩu quản trị',
    );
  }
  if (password) {
    const problem = checkPasswordStrength(password, { username: user.username });
    if (problem) throw invalid(problem.code, problem.message, 'password');
  }
  const oneTimePassword = password ? null : generateOneTimePassword();
  const passwordHash = await hashPassword(password ?? oneTimePassword!);
  await inTransaction(db, async (tx) => {
    await repo.updateUser(tx, id, {
      passwordHash,
      mustChangePassword: password === undefined,
      passwordChangedAt: new Date(),
    });
    const ended = await repo.deleteSessionsOfUser(tx, id);
    await repo.clearThrottle(tx, user.username.toLowerCase());
    await recordAudit(tx, actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      unitId: user.unitId,
      details: { sessionsEnded: ended, oneTime: password === undefined },
    });
  });
  return { oneTimePassword };
}

export async function unlockUser(db: Database, actor: Actor, id: number): Promise<UserItem> {
  const user = await repo.findUserInScope(db, actor.scope, id);
  if (!user) throw userNotFound();
  return inTransaction(db, async (tx) => {
    const cleared = await repo.clearThrottle(tx, user.username.toLowerCase());
    if (cleared) {
      await recordAudit(tx, actor, {
        action: 'auth.unlocked',
        entityType: 'user',
        entityId: id,
        unitId: user.unitId,
        details: { automatic: false },
      });
    }
    return toItem((await repo.findUserListRow(tx, id))!);
  });
}

// ---- for the CLI and the first start ---------------------------------------------------------------------------

/** "VN" (or "toan-quoc") names the national scope; any other code is a unit valid today. */
export async function resolveUnitCode(db: Database, code: string): Promise<number | null> {
  const trimmed = code.trim();
  if (['vn', 'toan-quoc', 'toanquoc'].includes(normalizeForSearch(trimmed).replace(/ /g, '-'))) return null;
  const id = await findUnitIdByCode(db, trimmed, todayInVietnam());
  if (id === undefined)
    throw invalid(
      'users.unit_code_unknown',
      `Không có đơn vị mã "${trimmed}" trong danh mục hiện hành`,
      'unit',
    );
  return id;
}

export async function findUserIdByUsername(db: Database, username: string): Promise<number> {
  const user = await repo.findUserByUsername(db, username.trim().toLowerCase());
  if (!user) throw invalid('users.not_found', `Không có người dùng "${username}"`, 'username');
  return user.id;
}

/** On an installation without any user: an administrator with national scope and a one-time password. */
export async function ensureInitialAdmin(db: Database, actor: Actor): Promise<string | null> {
  if ((await repo.countUsers(db)) > 0) return null;
  const { oneTimePassword } = await createUser(db, actor, {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    role: 'admin',
    unitId: null,
  });
  return oneTimePassword;
}
