/**
 * Use cases of the teams registry called directly: one transaction per use case (a refused batch writes nothing),
 * the audit event written with the change, corrections that move a team's records with it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune, type MergedCommune } from '../../../../test/helpers/registries.js';
import { AppError } from '../../../domain/errors.js';
import { type Actor, systemActor } from '../../context.js';
import { type Database, type DatabaseHandle, queryRows } from '../../db/client.js';
import { resolveScope } from '../../db/scope.js';
import {
  addMember,
  createTeam,
  dissolveTeam,
  getRatingSheet,
  leaderOverlaps,
  listTeams,
  rateTeam,
  updateTeam,
} from './teams.service.js';

let database: DatabaseHandle;
let db: Database;
let commune: MergedCommune;
let actor: Actor;

async function appErrorOf(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

async function auditActions(entityType: string, entityId: number): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    db,
    sql`select action from audit_events where entity_type = ${entityType} and entity_id = ${String(entityId)} order by id`,
  );
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  commune = await findMergedCommune(db, '48', 2);
  actor = { ...systemActor('kiểm thử'), unitId: commune.id, scope: await resolveScope(db, commune.id) };
});
afterAll(() => database.close());

const member = (fullName: string, role: 'team_leader' | 'member' = 'member') => ({
  fullName,
  birthYear: 1980,
  role,
  joinedOn: '2025-08-01',
  residenceSince: '2000-01-01',
});

describe('teams', () => {
  it('a refused rating sheet writes nothing: the whole sheet is one transaction', async () => {
    const village = await createVillage(db, commune.id, { validFrom: '2025-07-01' });
    const team = await createTeam(db, actor, {
      kind: 'people_security_group',
      name: 'Tổ an ninh nhân dân giao dịch',
      unitId: village.id,
      establishedOn: '2025-07-20',
    });
    const ids: number[] = [];
    for (let index = 0; index < 6; index++)
      ids.push((await addMember(db, actor, team.id, member(`Người ${index}`))).id);
    const error = await appErrorOf(() =>
      rateTeam(db, actor, team.id, 2026, {
        items: [
          ...ids.slice(0, 4).map((memberId) => ({ memberId, rating: 'good' as const })),
          ...ids.slice(4).map((memberId) => ({ memberId, rating: 'excellent' as const })),
        ],
      }),
    );
    expect(error.message).toBe('Năm 2026: Đã có 2 thành viên xuất sắc trên 4 thành viên tốt: tối đa 20% (0)');
    expect((await getRatingSheet(db, actor, team.id, 2026)).counts.good).toBe(0);
    expect(await auditActions('team_member', ids[0]!)).toEqual(['team_member.created']);
  });

  it('dissolving ends the memberships and audits each of them in the same transaction', async () => {
    const village = await createVillage(db, commune.id, { validFrom: '2025-07-01' });
    const team = await createTeam(db, actor, {
      kind: 'grassroots_security_team',
      name: 'Tổ giải thể',
      unitId: village.id,
      establishedOn: '2025-07-20',
    });
    const leader = await addMember(db, actor, team.id, member('Trưởng', 'team_leader'));
    await dissolveTeam(db, actor, team.id, { dissolvedOn: '2026-01-01' });
    expect(await auditActions('team', team.id)).toEqual(['team.created', 'team.dissolved']);
    expect(await auditActions('team_member', leader.id)).toEqual(['team_member.created', 'team_member.left']);
    // A new team may then be set up for the village: the old one no longer occupies it.
    const next = await createTeam(db, actor, {
      kind: 'grassroots_security_team',
      name: 'Tổ mới',
      unitId: village.id,
      establishedOn: '2026-01-01',
    });
    expect(next.status).toBe('active');
  });

  it('correcting the unit moves the members with the team; a kind whose roles do not fit is refused', async () => {
    const [first, second] = [
      await createVillage(db, commune.id, { validFrom: '2025-07-01' }),
      await createVillage(db, commune.id, { validFrom: '2025-07-01' }),
    ];
    const team = await createTeam(db, actor, {
      kind: 'people_security_group',
      name: 'Tổ ghi nhầm thôn',
      unitId: first.id,
      establishedOn: '2025-07-20',
    });
    await addMember(db, actor, team.id, member('Tổ trưởng', 'team_leader'));
    await updateTeam(db, actor, team.id, { unitId: second.id });
    const units = await queryRows<{ unitId: number }>(
      db,
      sql`select distinct unit_id as "unitId" from team_members where team_id = ${team.id}`,
    );
    expect(units).toEqual([{ unitId: second.id }]);
    const error = await appErrorOf(() => updateTeam(db, actor, team.id, { kind: 'urban_block_guard_board' }));
    expect(error.field).toBe('kind');
  });

  it('lists only what lies in the actor’s scope', async () => {
    const outside = { ...systemActor(), unitId: commune.provinceId, scope: await resolveScope(db, 1) };
    const mine = await listTeams(db, actor, {});
    expect(mine.total).toBeGreaterThan(0);
    expect((await listTeams(db, outside, {})).total).toBe(0);
  });
});

describe('leader terms', () => {
  it('overlap when both are open or the intervals cross; a term ending the day the next begins does not', () => {
    expect(
      leaderOverlaps({ joinedOn: '2025-01-01', leftOn: null }, [{ joinedOn: '2024-01-01', leftOn: null }]),
    ).toBeDefined();
    expect(
      leaderOverlaps({ joinedOn: '2025-01-01', leftOn: null }, [
        { joinedOn: '2024-01-01', leftOn: '2025-01-01' },
      ]),
    ).toBeUndefined();
    expect(
      leaderOverlaps({ joinedOn: '2024-01-01', leftOn: '2024-06-01' }, [
        { joinedOn: '2024-05-01', leftOn: null },
      ]),
    ).toBeDefined();
  });
});
