/**
 * Scope is security: a user acts within their unit's subtree on today's hierarchy, plus everything that came
 * into it through mergers (a user of a merged commune sees the records of the communes it was formed from).
 * Every repository read of protected data filters with `unitInScope`, so no page can forget it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { todayInVietnam } from '../../domain/dates.js';
import { type Database, queryRows } from './client.js';

export type Scope =
  | { readonly all: true }
  /** rootPaths: materialised paths whose subtrees (at any date) are in scope. */
  | { readonly all: false; readonly unitId: number; readonly rootPaths: readonly string[] };

export const NATIONAL_SCOPE: Scope = { all: true };

function likePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Drops paths that lie inside another path of the list. */
function minimalPaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const candidate of sorted) {
    if (!kept.some((root) => candidate.startsWith(root))) kept.push(candidate);
  }
  return kept.sort();
}

export async function resolveScope(
  db: Database,
  unitId: number | null,
  today: string = todayInVietnam(),
): Promise<Scope> {
  if (unitId === null) return NATIONAL_SCOPE;
  const own = await queryRows<{ path: string }>(
    db,
    sql`select path from unit_versions where unit_id = ${unitId}
        order by (valid_from is null or valid_from <= ${today}::date) and (valid_to is null or valid_to >= ${today}::date) desc,
                 valid_to desc nulls first
        limit 1`,
  );
  const ownPath = own[0]?.path;
  if (!ownPath) return { all: false, unitId, rootPaths: [] };
  const predecessorPaths = await queryRows<{ path: string }>(
    db,
    sql`with recursive subtree as (
          select distinct v.unit_id from unit_versions v
          where v.path like ${likePrefix(ownPath)}
            and (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)
        ), predecessors(unit_id) as (
          select l.predecessor_id from unit_lineage l join subtree s on s.unit_id = l.successor_id
          union
          select l.predecessor_id from unit_lineage l join predecessors p on p.unit_id = l.successor_id
        )
        select distinct v.path from unit_versions v where v.unit_id in (select unit_id from predecessors)`,
  );
  return {
    all: false,
    unitId,
    rootPaths: minimalPaths([ownPath, ...predecessorPaths.map((row) => row.path)]),
  };
}

/** SQL condition: the unit id expression names a unit inside the scope. */
export function unitInScope(scope: Scope, unitIdExpression: SQL): SQL {
  if (scope.all) return sql`true`;
  if (scope.rootPaths.length === 0) return sql`false`;
  const matches = sql.join(
    scope.rootPaths.map((root) => sql`sv.path like ${likePrefix(root)}`),
    sql` or `,
  );
  return sql`${unitIdExpression} in (select sv.unit_id from unit_versions sv where ${matches})`;
}

/** In-memory cache of resolved scopes: scopes change only when the hierarchy does, and a minute is harmless. */
export class ScopeCache {
  private readonly entries = new Map<string, { scope: Scope; expires: number }>();

  constructor(private readonly ttlMs = 60_000) {}

  async get(db: Database, unitId: number | null): Promise<Scope> {
    if (unitId === null) return NATIONAL_SCOPE;
    const today = todayInVietnam();
    const key = `${unitId}:${today}`;
    const cached = this.entries.get(key);
    if (cached && cached.expires > Date.now()) return cached.scope;
    const scope = await resolveScope(db, unitId, today);
    this.entries.set(key, { scope, expires: Date.now() + this.ttlMs });
    return scope;
  }

  clear(): void {
    this.entries.clear();
  }
}
