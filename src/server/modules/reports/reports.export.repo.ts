import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';

/** The unit a report is asked for, if it lies in the reader's scope (else undefined: the caller answers 404). */
export async function findUnitInScope(
  db: Database,
  scope: Scope,
  unitId: number,
): Promise<{ id: number; kind: string; provinceCode: string } | undefined> {
  const rows = await queryRows<{ id: number; kind: string; provinceCode: string }>(
    db,
    sql`select u.id, u.kind, u.province_code as "provinceCode" from units u
        where u.id = ${unitId} and ${unitInScope(scope, sql`u.id`)}`,
  );
  return rows[0];
}
