import { and, eq, gt, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { RoleId } from '../../../domain/roles.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { loginThrottle, sessions, userRecoveryCodes, users } from './accounts.table.js';

export type UserRecord = typeof users.$inferSelect;

export async function findUserByUsername(db: Database, username: string): Promise<UserRecord | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function findUserById(db: Database, id: number): Promise<UserRecord | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserInScope(
  db: Database,
  scope: Scope,
  id: number,
): Promise<UserRecord | undefined> {
  const conditions: SQL[] = [eq(users.id, id)];
  if (!scope.all) conditions.push(unitInScope(scope, sql`${users.unitId}`));
  const [row] = await db
    .select()
    .from(users)
    .where(and(...conditions));
  return row;
}

export async function countUsers(db: Database): Promise<number> {
  const rows = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from users`);
  return rows[0]?.count ?? 0;
}

export type NewUser = typeof users.$inferInsert;

export async function insertUser(db: Database, user: NewUser): Promise<UserRecord> {
  const [row] = await db.insert(users).values(user).returning();
  return row!;
}

export async function updateUser(db: Database, id: number, changes: Partial<NewUser>): Promise<UserRecord> {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export interface UserListRow {
  id: number;
  username: string;
  fullName: string;
  position: string | null;
  role: RoleId;
  unitId: number | null;
  unitCode: string | null;
  unitKind: string | null;
  unitName: string | null;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

const USER_LIST_COLUMNS = sql`us.id, us.username, us.full_name as "fullName", us.position, us.role, us.unit_id as "unitId",
  un.code as "unitCode", un.kind as "unitKind",
  (select v.full_name from unit_versions v where v.unit_id = us.unit_id order by v.valid_to desc nulls first limit 1) as "unitName",
  us.active, case when lt.locked_until > now() then to_char(lt.locked_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') end as "lockedUntil",
  us.must_change_password as "mustChangePassword", us.totp_enabled as "totpEnabled",
  to_char(us.last_login_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastLoginAt",
  to_char(us.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"`;

export async function listUsers(
  db: Database,
  scope: Scope,
  filter: {
    search?: string | undefined;
    role?: RoleId | undefined;
    active?: boolean | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: UserListRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (!scope.all) conditions.push(unitInScope(scope, sql`us.unit_id`));
  if (filter.role) conditions.push(sql`us.role = ${filter.role}`);
  if (filter.active !== undefined) conditions.push(sql`us.active = ${filter.active}`);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(sql`(lower(us.username) like ${pattern} or lower(us.full_name) like ${pattern})`);
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await queryRows<UserListRow & { total: number }>(
    db,
    sql`select ${USER_LIST_COLUMNS}, count(*) over()::int as total
        from users us left join units un on un.id = us.unit_id
        left join login_throttle lt on lt.username_key = lower(us.username)
        ${where} order by us.username limit ${filter.limit} offset ${filter.offset}`,
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export async function findUserListRow(db: Database, id: number): Promise<UserListRow | undefined> {
  const rows = await queryRows<UserListRow>(
    db,
    sql`select ${USER_LIST_COLUMNS} from users us left join units un on un.id = us.unit_id
        left join login_throttle lt on lt.username_key = lower(us.username) where us.id = ${id}`,
  );
  return rows[0];
}

// ---- failed logins --------------------------------------------------------------------------------------------

export async function findThrottle(db: Database, usernameKey: string) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.usernameKey, usernameKey));
  return row;
}

/** Counts one more failure; locks the name when the limit is reached. Answers the state after the failure. */
export async function recordLoginFailure(
  db: Database,
  usernameKey: string,
  maxFailures: number,
  lockMinutes: number,
) {
  const rows = await queryRows<{ failures: number; lockedUntil: Date | null; justLocked: boolean }>(
    db,
    sql`insert into login_throttle (username_key, failures, last_failure_at, locked_until)
        values (${usernameKey}, 1, now(), case when 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) end)
        on conflict (username_key) do update set
          failures = case when login_throttle.locked_until is not null and login_throttle.locked_until <= now() then 1 else login_throttle.failures + 1 end,
          last_failure_at = now(),
          locked_until = case
            when (case when login_throttle.locked_until is not null and login_throttle.locked_until <= now() then 1 else login_throttle.failures + 1 end) >= ${maxFailures}
            then now() + make_interval(mins => ${lockMinutes}) else null end
        returning failures, locked_until as "lockedUntil", failures = ${maxFailures} as "justLocked"`,
  );
  return rows[0]!;
}

export async function clearThrottle(db: Database, usernameKey: string): Promise<boolean> {
  const deleted = await db
    .delete(loginThrottle)
    .where(eq(loginThrottle.usernameKey, usernameKey))
    .returning();
  return deleted.length > 0;
}

// ---- sessions ---------------------------------------------------------------------------------------------------

export async function insertSession(db: Database, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findLiveSession(db: Database, idHash: string, idleMinutes: number) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, idHash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
        eq(users.active, true),
      ),
    );
  return row;
}

export async function touchSession(db: Database, idHash: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, idHash));
}

export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, idHash));
}

export async function deleteSessionsOfUser(
  db: Database,
  userId: number,
  exceptIdHash?: string,
): Promise<number> {
  const conditions: SQL[] = [eq(sessions.userId, userId)];
  if (exceptIdHash) conditions.push(ne(sessions.id, exceptIdHash));
  const deleted = await db
    .delete(sessions)
    .where(and(...conditions))
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function listSessionsOfUser(db: Database, userId: number) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function deleteExpiredSessions(db: Database, idleMinutes: number): Promise<void> {
  await db
    .delete(sessions)
    .where(
      sql`${sessions.expiresAt} <= now() or ${sessions.lastSeenAt} <= now() - make_interval(mins => ${idleMinutes})`,
    );
}

// ---- recovery codes ---------------------------------------------------------------------------------------------

export async function replaceRecoveryCodes(
  db: Database,
  userId: number,
  codeHashes: string[],
): Promise<void> {
  await db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  if (codeHashes.length > 0)
    await db.insert(userRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function consumeRecoveryCode(db: Database, userId: number, codeHash: string): Promise<boolean> {
  const used = await db
    .update(userRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userRecoveryCodes.userId, userId),
        eq(userRecoveryCodes.codeHash, codeHash),
        isNull(userRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: userRecoveryCodes.id });
  return used.length > 0;
}
