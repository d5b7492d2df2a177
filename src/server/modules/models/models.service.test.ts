/**
 * Use cases of the models registry called directly: the start date carries the first status with it, ending sets
 * the end date used by counts, replication may not loop, and every change is audited.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { createVillage } from '../../../../test/helpers/factories.js';
import { findMergedCommune } from '../../../../test/helpers/registries.js';
import { AppError } from '../../../domain/errors.js';
import { type Actor, systemActor } from '../../context.js';
import { type Database, type DatabaseHandle, queryRows } from '../../db/client.js';
import { resolveScope } from '../../db/scope.js';
import * as repo from './models.repo.js';
import {
  changeStatus,
  createModel,
  endModel,
  ensureModelKinds,
  getModel,
  updateModel,
} from './models.service.js';

let database: DatabaseHandle;
let db: Database;
let actor: Actor;
let village: { id: number };
let gong = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const commune = await findMergedCommune(db, '48', 3);
  actor = { ...systemActor('kiểm thử'), unitId: commune.id, scope: await resolveScope(db, commune.id) };
  village = await createVillage(db, commune.id, { validFrom: '2025-07-01' });
  await ensureModelKinds(db);
  gong = (await repo.listKinds(db)).find((kind) => kind.code === 'security_gong')!.id;
});
afterAll(() => database.close());

const newModel = (name: string, overrides: Record<string, unknown> = {}) =>
  createModel(db, actor, {
    name,
    kindId: gong,
    leadUnitId: village.id,
    startedOn: '2025-08-01',
    ...overrides,
  });

describe('models', () => {
  it('moves the first status with a corrected start date, and refuses a start after a later change', async () => {
    const model = await newModel('Kẻng sửa ngày');
    await changeStatus(db, actor, model.id, { status: 'paused', effectiveOn: '2025-10-01' });
    const moved = await updateModel(db, actor, model.id, { startedOn: '2025-07-15' });
    expect(moved.statusHistory.map((change) => change.effectiveOn)).toEqual(['2025-07-15', '2025-10-01']);
    await expect(updateModel(db, actor, model.id, { startedOn: '2025-11-01' })).rejects.toMatchObject({
      field: 'startedOn',
    });
  });

  it('ending sets the end date, and the model no longer exists after it', async () => {
    const model = await newModel('Kẻng kết thúc');
    await endModel(db, actor, model.id, { endedOn: '2026-03-01' });
    const [row] = await queryRows<{ endedOn: string }>(
      db,
      sql`select ended_on as "endedOn" from models where id = ${model.id}`,
    );
    expect(row?.endedOn).toBe('2026-03-01');
    expect((await getModel(db, actor, model.id, '2026-02-28')).status).toBe('active');
    const actions = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_events where entity_type = 'model' and entity_id = ${String(model.id)} order by id`,
    );
    expect(actions.map((entry) => entry.action)).toEqual(['model.created', 'model.ended']);
  });

  it('refuses a replication loop and a source that started later', async () => {
    const origin = await newModel('Kẻng gốc');
    const copy = await newModel('Kẻng nhân rộng', { startedOn: '2025-09-01', replicatedFromId: origin.id });
    const loop = await updateModel(db, actor, origin.id, { replicatedFromId: copy.id }).catch(
      (error: unknown) => error,
    );
    expect(loop).toBeInstanceOf(AppError);
    expect((loop as AppError).code).toBe('models.replication_cycle');
    const later = await newModel('Kẻng sớm', { startedOn: '2025-07-20' }).then((model) =>
      updateModel(db, actor, model.id, { replicatedFromId: copy.id }).catch((error: unknown) => error),
    );
    expect((later as AppError).code).toBe('models.source_later');
  });
});
