/**
 * Use cases of the self-management models registry: kinds (configurable), models run by one or several units,
 * their status over time, yearly effectiveness, the exemplary flag, replication (the spread of a model from one
 * place to others) and the summary.
 */
import type { ListResult } from '../../../contracts/common.js';
import type {
  CreateModelBody,
  CreateModelKindBody,
  EndModelBody,
  ModelDetail,
  ModelItem,
  ModelKind,
  ModelListQuery,
  ModelRatingBody,
  ModelStatusBody,
  ReplicationTree,
  UpdateModelBody,
  UpdateModelKindBody,
} from '../../../contracts/models.js';
import type { SummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { conflict, invalid, notFound } from '../../../domain/errors.js';
import { MODEL_SUMMARY_INDICATORS } from '../../../domain/indicators.js';
import {
  checkCameraCounts,
  checkStatusChange,
  MODEL_RATING_LABELS,
  MODEL_STATUS_LABELS,
  type ModelRating,
  type ModelStatus,
  SEEDED_MODEL_KINDS,
} from '../../../domain/models.js';
import type { RuleProblem } from '../../../domain/teams.js';
import { normalizeForSearch } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { checkPage, checkRange, paging, searchTerm, unitFilterScope } from '../../registry/list.js';
import { existedOn, loadUnitsInScope, toRecordUnit, type UnitIntervals } from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
import { listEntityHistory, recordAudit } from '../audit/audit.service.js';
import { cleanText } from '../teams/teams.service.js';
import * as repo from './models.repo.js';

const modelNotFound = () => notFound('models.not_found', 'Không tìm thấy mô hình');
const refuse = (problem: RuleProblem) => invalid(problem.code, problem.message, problem.field);

// ---- kinds ---------------------------------------------------------------------------------------------------

/**
 * The kinds named in the movement's reports, installed when the server starts (and before demo data): reference
 * data written by code rather than by a migration, so that a freshly migrated database stays empty for restores.
 * Idempotent; a kind an administrator renamed or retired keeps its changes, a new default kind is added.
 */
export async function ensureModelKinds(db: Database): Promise<void> {
  await repo.insertMissingKinds(
    db,
    SEEDED_MODEL_KINDS.map((kind, index) => ({
      ...kind,
      sortOrder: kind.code === 'other' ? 1000 : (index + 1) * 10,
    })),
  );
}

function toKind(row: repo.ModelKindRecord): ModelKind {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    isCamera: row.isCamera,
    active: row.active,
    sortOrder: row.sortOrder,
  };
}

export async function listKinds(db: Database): Promise<{ items: ModelKind[] }> {
  return { items: (await repo.listKinds(db)).map(toKind) };
}

export async function createKind(db: Database, actor: Actor, body: CreateModelKindBody): Promise<ModelKind> {
  const name = cleanText(body.name);
  if (!name) throw invalid('model_kinds.name_required', 'Tên loại mô hình không được để trống', 'name');
  return inTransaction(db, async (tx) => {
    const kind = await repo.insertKind(tx, {
      code: body.code,
      name,
      isCamera: body.isCamera ?? false,
      sortOrder: body.sortOrder ?? 500,
    });
    if (!kind) throw conflict('model_kinds.code_taken', `Mã loại "${body.code}" đã có`, 'code');
    await recordAudit(tx, actor, {
      action: 'model_kind.created',
      entityType: 'model_kind',
      entityId: kind.id,
      after: toKind(kind),
    });
    return toKind(kind);
  });
}

export async function updateKind(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateModelKindBody,
): Promise<ModelKind> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findKind(tx, id);
    if (!before) throw notFound('model_kinds.not_found', 'Không tìm thấy loại mô hình');
    const changes: Partial<repo.ModelKindRecord> = {};
    if (body.name !== undefined) {
      const name = cleanText(body.name);
      if (!name) throw invalid('model_kinds.name_required', 'Tên loại mô hình không được để trống', 'name');
      changes.name = name;
    }
    if (body.active !== undefined) changes.active = body.active;
    if (body.sortOrder !== undefined) changes.sortOrder = body.sortOrder;
    const after = await repo.updateKind(tx, id, changes);
    await recordAudit(tx, actor, {
      action: 'model_kind.updated',
      entityType: 'model_kind',
      entityId: id,
      before: toKind(before),
      after: toKind(after),
    });
    return toKind(after);
  });
}

// ---- reading ---------------------------------------------------------------------------------------------------

export function toModelItem(row: repo.ModelListRow): ModelItem {
  return {
    ...row,
    leadUnit: toRecordUnit(row.leadUnit),
    units: row.units.map((entry) => ({ unit: toRecordUnit(entry.unit), lead: entry.lead })),
    statusLabel: row.status ? MODEL_STATUS_LABELS[row.status] : 'Chưa bắt đầu',
    latestRating: row.latestRating
      ? { ...row.latestRating, ratingLabel: MODEL_RATING_LABELS[row.latestRating.rating] }
      : null,
  };
}

export async function listModels(
  db: Database,
  actor: Actor,
  query: ModelListQuery,
): Promise<ListResult<ModelItem>> {
  const paged = paging(query);
  const today = todayInVietnam();
  checkRange(query.from, query.to);
  const { rows, total } = await repo.listModels(db, await modelFilter(db, actor, query, today), {
    sort: query.sort,
    limit: paged.limit,
    offset: paged.offset,
    today,
  });
  checkPage(paged, total);
  return { items: rows.map(toModelItem), total, page: paged.page, pageSize: paged.pageSize };
}

export async function modelFilter(
  db: Database,
  actor: Actor,
  query: Omit<ModelListQuery, 'page' | 'pageSize'>,
  today: string,
): Promise<repo.ModelFilter> {
  return {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    kindIds: query.kind,
    statuses: query.status,
    exemplary: query.exemplary,
    camera: query.camera,
    date: query.asOf ?? today,
    existingOn: query.status === undefined ? query.asOf : undefined,
    from: query.from,
    to: query.to,
    search: searchTerm(query.q),
  };
}

async function requireModel(db: Database, actor: Actor, id: number): Promise<repo.ModelRecord> {
  const model = await repo.findModelInScope(db, actor.scope, id);
  if (!model) throw modelNotFound();
  return model;
}

export async function getModel(db: Database, actor: Actor, id: number, asOf?: string): Promise<ModelDetail> {
  await requireModel(db, actor, id);
  return modelDetail(db, actor, id, asOf ?? todayInVietnam());
}

async function modelDetail(db: Database, actor: Actor, id: number, date: string): Promise<ModelDetail> {
  const today = todayInVietnam();
  const [row, changes, ratings, history] = await Promise.all([
    repo.findModelListRow(db, actor.scope, id, date, today),
    repo.listStatusChanges(db, id),
    repo.listRatings(db, id),
    listEntityHistory(db, 'model', id),
  ]);
  return {
    ...toModelItem(row!),
    statusHistory: changes.map((change) => ({
      id: change.id,
      status: change.status as ModelStatus,
      statusLabel: MODEL_STATUS_LABELS[change.status as ModelStatus],
      effectiveOn: change.effectiveOn,
      note: change.note,
    })),
    ratings: ratings.map((rating) => ({
      year: rating.year,
      rating: rating.rating as ModelRating,
      ratingLabel: MODEL_RATING_LABELS[rating.rating as ModelRating],
      note: rating.note,
    })),
    history,
  };
}

// ---- changes -----------------------------------------------------------------------------------------------------

export interface ModelFacts {
  name: string;
  kind: repo.ModelKindRecord | undefined;
  /** Is a new choice of kind (then it must be active). */
  kindChanged: boolean;
  startedOn: string;
  lead: UnitIntervals | undefined;
  partners: ReadonlyArray<UnitIntervals | undefined>;
  exemplary: boolean;
  exemplaryYear: number | null;
  cameraPoints: number | null;
  cameras: number | null;
}

/** Everything wrong with a model's facts, as problems with fields (the import lists all, a form shows the first). */
export function modelProblems(facts: ModelFacts, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!facts.name)
    problems.push({
      code: 'models.name_required',
      message: 'Tên mô hình không được để trống',
      field: 'name',
    });
  if (facts.startedOn > today) {
    problems.push({
      code: 'models.started_in_future',
      message: 'Ngày bắt đầu không được sau hôm nay',
      field: 'startedOn',
    });
  }
  if (!facts.kind) {
    problems.push({ code: 'models.kind_invalid', message: 'Không có loại mô hình này', field: 'kindId' });
  } else {
    if (facts.kindChanged && !facts.kind.active) {
      problems.push({
        code: 'models.kind_inactive',
        message: `Loại mô hình "${facts.kind.name}" đã ngừng sử dụng`,
        field: 'kindId',
      });
    }
    problems.push(
      ...checkCameraCounts({
        isCamera: facts.kind.isCamera,
        kindName: facts.kind.name,
        cameraPoints: facts.cameraPoints,
        cameras: facts.cameras,
      }),
    );
  }
  if (!facts.lead) {
    problems.push({
      code: 'models.unit_invalid',
      message: 'Đơn vị chủ trì không tồn tại hoặc nằm ngoài phạm vi của bạn',
      field: 'leadUnitId',
    });
  } else if (!existedOn(facts.lead, facts.startedOn)) {
    problems.push({
      code: 'models.unit_not_on_date',
      message: `${facts.lead.fullName} không tồn tại vào ngày bắt đầu ${formatDateVi(facts.startedOn)}: hồ sơ gắn với đơn vị của thời điểm đó`,
      field: 'startedOn',
    });
  }
  if (facts.partners.some((partner) => partner === undefined)) {
    problems.push({
      code: 'models.partner_invalid',
      message: 'Có đơn vị cùng thực hiện không tồn tại hoặc nằm ngoài phạm vi của bạn',
      field: 'partnerUnitIds',
    });
  }
  const currentYear = Number(today.slice(0, 4));
  if (facts.exemplary && facts.exemplaryYear === null) {
    problems.push({
      code: 'models.exemplary_year_required',
      message: 'Ghi năm được công nhận điển hình tiên tiến',
      field: 'exemplaryYear',
    });
  }
  if (
    facts.exemplaryYear !== null &&
    (facts.exemplaryYear < Number(facts.startedOn.slice(0, 4)) || facts.exemplaryYear > currentYear)
  ) {
    problems.push({
      code: 'models.exemplary_year_range',
      message: `Năm điển hình phải từ năm bắt đầu (${facts.startedOn.slice(0, 4)}) đến năm nay`,
      field: 'exemplaryYear',
    });
  }
  return problems;
}

async function loadUnits(db: Database, actor: Actor, leadId: number, partnerIds: readonly number[]) {
  const units = await loadUnitsInScope(db, actor.scope, { ids: [leadId, ...partnerIds] });
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return {
    lead: byId.get(leadId),
    partners: [...new Set(partnerIds)].filter((id) => id !== leadId).map((id) => byId.get(id)),
    partnerIds: [...new Set(partnerIds)].filter((id) => id !== leadId),
  };
}

/** The source of a replication must exist, start no later, and not be the model or one of its replicas. */
async function checkReplicatedFrom(
  db: Database,
  actor: Actor,
  sourceId: number,
  model: { id?: number; startedOn: string },
): Promise<void> {
  const source = await repo.findModelById(db, sourceId);
  if (!source) throw invalid('models.source_not_found', 'Không tìm thấy mô hình gốc', 'replicatedFromId');
  if (model.id !== undefined) {
    const family = await repo.listDescendants(db, actor.scope, model.id, todayInVietnam());
    if (family.some((member) => member.id === sourceId)) {
      throw invalid(
        'models.replication_cycle',
        'Mô hình gốc không thể là chính mô hình này hoặc mô hình nhân rộng từ nó',
        'replicatedFromId',
      );
    }
  }
  if (source.startedOn > model.startedOn) {
    throw invalid(
      'models.source_later',
      `Mô hình gốc bắt đầu ngày ${formatDateVi(source.startedOn)}, sau ngày bắt đầu của mô hình này`,
      'replicatedFromId',
    );
  }
}

function auditView(model: repo.ModelRecord, units: ReadonlyArray<{ unitId: number; lead: boolean }>) {
  return {
    name: model.name,
    kindId: model.kindId,
    leadUnitId: model.leadUnitId,
    partnerUnitIds: units.filter((unit) => !unit.lead).map((unit) => unit.unitId),
    startedOn: model.startedOn,
    endedOn: model.endedOn,
    exemplary: model.exemplary,
    exemplaryYear: model.exemplaryYear,
    exemplaryDecision: model.exemplaryDecision,
    cameraPoints: model.cameraPoints,
    cameras: model.cameras,
    replicatedFromId: model.replicatedFromId,
    notes: model.notes,
  };
}

export async function createModel(db: Database, actor: Actor, body: CreateModelBody): Promise<ModelDetail> {
  const today = todayInVietnam();
  const id = await inTransaction(db, async (tx) => {
    const { lead, partners, partnerIds } = await loadUnits(
      tx,
      actor,
      body.leadUnitId,
      body.partnerUnitIds ?? [],
    );
    const name = cleanText(body.name) ?? '';
    const exemplary = body.exemplary ?? false;
    const facts: ModelFacts = {
      name,
      kind: await repo.findKind(tx, body.kindId),
      kindChanged: true,
      startedOn: body.startedOn,
      lead,
      partners,
      exemplary,
      exemplaryYear: exemplary ? (body.exemplaryYear ?? null) : null,
      cameraPoints: body.cameraPoints ?? null,
      cameras: body.cameras ?? null,
    };
    const [problem] = modelProblems(facts, today);
    if (problem) throw refuse(problem);
    if (body.replicatedFromId)
      await checkReplicatedFrom(tx, actor, body.replicatedFromId, { startedOn: body.startedOn });
    const [model] = await repo.insertModels(tx, [
      {
        name,
        searchName: normalizeForSearch(name),
        kindId: body.kindId,
        leadUnitId: lead!.id,
        provinceCode: lead!.provinceCode,
        startedOn: body.startedOn,
        exemplary,
        exemplaryYear: facts.exemplaryYear,
        exemplaryDecision: exemplary ? cleanText(body.exemplaryDecision) : null,
        cameraPoints: facts.cameraPoints,
        cameras: facts.cameras,
        replicatedFromId: body.replicatedFromId ?? null,
        notes: cleanText(body.notes),
        createdBy: actor.userId,
      },
    ]);
    const units = [
      { unitId: lead!.id, lead: true, provinceCode: lead!.provinceCode },
      ...partnerIds.map((unitId, index) => ({
        unitId,
        lead: false,
        provinceCode: partners[index]!.provinceCode,
      })),
    ];
    await repo.replaceModelUnits(tx, model!.id, units);
    await repo.insertStatusChanges(tx, [
      {
        modelId: model!.id,
        unitId: lead!.id,
        provinceCode: lead!.provinceCode,
        status: 'active',
        effectiveOn: body.startedOn,
        note: null,
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'model.created',
      entityType: 'model',
      entityId: model!.id,
      unitId: lead!.id,
      provinceCode: lead!.provinceCode,
      after: auditView(model!, units),
    });
    return model!.id;
  });
  return modelDetail(db, actor, id, today);
}

export async function updateModel(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateModelBody,
): Promise<ModelDetail> {
  const today = todayInVietnam();
  await inTransaction(db, async (tx) => {
    const before = await requireModel(tx, actor, id);
    const unitsBefore = await repo.listModelUnits(tx, id);
    const leadId = body.leadUnitId ?? before.leadUnitId;
    const partnerIds =
      body.partnerUnitIds ?? unitsBefore.filter((unit) => !unit.lead).map((unit) => unit.unitId);
    const { lead, partners, partnerIds: cleanPartners } = await loadUnits(tx, actor, leadId, partnerIds);
    const exemplary = body.exemplary ?? before.exemplary;
    const kindId = body.kindId ?? before.kindId;
    const facts: ModelFacts = {
      name: body.name === undefined ? before.name : (cleanText(body.name) ?? ''),
      kind: await repo.findKind(tx, kindId),
      kindChanged: kindId !== before.kindId,
      startedOn: body.startedOn ?? before.startedOn,
      lead,
      partners,
      exemplary,
      exemplaryYear: exemplary
        ? body.exemplaryYear === undefined
          ? before.exemplaryYear
          : body.exemplaryYear
        : null,
      cameraPoints: body.cameraPoints === undefined ? before.cameraPoints : body.cameraPoints,
      cameras: body.cameras === undefined ? before.cameras : body.cameras,
    };
    // A model moved to a kind without cameras drops its counts rather than failing on them.
    if (facts.kind && !facts.kind.isCamera && body.cameraPoints === undefined && body.cameras === undefined) {
      facts.cameraPoints = null;
      facts.cameras = null;
    }
    const [problem] = modelProblems(facts, today);
    if (problem) throw refuse(problem);
    const changes = await repo.listStatusChanges(tx, id);
    const second = changes[1];
    if (second && facts.startedOn > second.effectiveOn) {
      throw invalid(
        'models.start_after_status',
        `Ngày bắt đầu phải trước lần đổi trạng thái ngày ${formatDateVi(second.effectiveOn)}`,
        'startedOn',
      );
    }
    const sourceId = body.replicatedFromId === undefined ? before.replicatedFromId : body.replicatedFromId;
    if (sourceId !== null && (body.replicatedFromId !== undefined || body.startedOn !== undefined)) {
      await checkReplicatedFrom(tx, actor, sourceId, { id, startedOn: facts.startedOn });
    }
    const after = await repo.updateModel(tx, id, {
      name: facts.name,
      searchName: normalizeForSearch(facts.name),
      kindId,
      leadUnitId: lead!.id,
      provinceCode: lead!.provinceCode,
      startedOn: facts.startedOn,
      exemplary,
      exemplaryYear: facts.exemplaryYear,
      exemplaryDecision: exemplary
        ? body.exemplaryDecision === undefined
          ? before.exemplaryDecision
          : cleanText(body.exemplaryDecision)
        : null,
      cameraPoints: facts.cameraPoints,
      cameras: facts.cameras,
      replicatedFromId: sourceId,
      notes: body.notes === undefined ? before.notes : cleanText(body.notes),
    });
    const units = [
      { unitId: lead!.id, lead: true, provinceCode: lead!.provinceCode },
      ...cleanPartners.map((unitId, index) => ({
        unitId,
        lead: false,
        provinceCode: partners[index]!.provinceCode,
      })),
    ];
    await repo.replaceModelUnits(tx, id, units);
    if (facts.startedOn !== before.startedOn) await repo.moveStart(tx, id, facts.startedOn);
    if (lead!.id !== before.leadUnitId) await repo.moveModelRecords(tx, id, lead!.id, lead!.provinceCode);
    await recordAudit(tx, actor, {
      action: 'model.updated',
      entityType: 'model',
      entityId: id,
      unitId: after.leadUnitId,
      provinceCode: after.provinceCode,
      before: auditView(before, unitsBefore),
      after: auditView(after, units),
    });
  });
  return modelDetail(db, actor, id, today);
}

export async function changeStatus(
  db: Database,
  actor: Actor,
  id: number,
  body: ModelStatusBody,
): Promise<ModelDetail> {
  const today = todayInVietnam();
  await inTransaction(db, async (tx) => {
    const model = await requireModel(tx, actor, id);
    if (body.effectiveOn > today) {
      throw invalid('models.status_in_future', 'Ngày thay đổi không được sau hôm nay', 'effectiveOn');
    }
    if (body.effectiveOn < model.startedOn) {
      throw invalid(
        'models.status_before_start',
        `Ngày thay đổi trước ngày bắt đầu (${formatDateVi(model.startedOn)})`,
        'effectiveOn',
      );
    }
    const history = await repo.listStatusChanges(tx, id);
    const problem = checkStatusChange(
      history.map((change) => ({ status: change.status as ModelStatus, effectiveOn: change.effectiveOn })),
      { status: body.status, effectiveOn: body.effectiveOn },
    );
    if (problem) throw refuse(problem);
    const note = cleanText(body.note);
    await repo.insertStatusChanges(tx, [
      {
        modelId: id,
        unitId: model.leadUnitId,
        provinceCode: model.provinceCode,
        status: body.status,
        effectiveOn: body.effectiveOn,
        note,
      },
    ]);
    if (body.status === 'ended') await repo.updateModel(tx, id, { endedOn: body.effectiveOn });
    else await repo.updateModel(tx, id, {});
    await recordAudit(tx, actor, {
      action: body.status === 'ended' ? 'model.ended' : 'model.status_changed',
      entityType: 'model',
      entityId: id,
      unitId: model.leadUnitId,
      provinceCode: model.provinceCode,
      details: { status: body.status, effectiveOn: body.effectiveOn, note },
    });
  });
  return modelDetail(db, actor, id, today);
}

export async function endModel(
  db: Database,
  actor: Actor,
  id: number,
  body: EndModelBody,
): Promise<ModelDetail> {
  return changeStatus(db, actor, id, { status: 'ended', effectiveOn: body.endedOn, note: body.note ?? null });
}

export async function rateModel(
  db: Database,
  actor: Actor,
  id: number,
  year: number,
  body: ModelRatingBody | null,
): Promise<ModelDetail> {
  const today = todayInVietnam();
  await inTransaction(db, async (tx) => {
    const model = await requireModel(tx, actor, id);
    if (body !== null) {
      const first = Number(model.startedOn.slice(0, 4));
      const last = Math.min(
        Number(today.slice(0, 4)),
        model.endedOn ? Number(model.endedOn.slice(0, 4)) : 9999,
      );
      if (year < first || year > last) {
        throw invalid('models.rating_year', `Năm đánh giá phải từ ${first} đến ${last}`, 'year');
      }
      const note = cleanText(body.note);
      await repo.upsertRating(tx, {
        modelId: id,
        unitId: model.leadUnitId,
        provinceCode: model.provinceCode,
        year,
        rating: body.rating,
        note,
      });
      await recordAudit(tx, actor, {
        action: 'model.rated',
        entityType: 'model',
        entityId: id,
        unitId: model.leadUnitId,
        provinceCode: model.provinceCode,
        details: { year, rating: body.rating, note },
      });
    } else {
      const deleted = await repo.deleteRating(tx, id, year);
      if (!deleted) throw notFound('models.rating_not_found', `Mô hình chưa được đánh giá năm ${year}`);
      await recordAudit(tx, actor, {
        action: 'model.rating_removed',
        entityType: 'model',
        entityId: id,
        unitId: model.leadUnitId,
        provinceCode: model.provinceCode,
        details: { year, rating: deleted.rating },
      });
    }
  });
  return modelDetail(db, actor, id, today);
}

// ---- replication ------------------------------------------------------------------------------------------

export async function replicationTree(db: Database, actor: Actor, id: number): Promise<ReplicationTree> {
  await requireModel(db, actor, id);
  const today = todayInVietnam();
  const [family, ancestors] = await Promise.all([
    repo.listDescendants(db, actor.scope, id, today),
    repo.listAncestors(db, actor.scope, id),
  ]);
  const byId = new Map(family.map((row) => [row.id, row]));
  const nodes: ReplicationTree['nodes'] = [];
  const nodeIndex = new Map<number, number>();
  /** For each family member: its nearest visible ancestor in the tree, and whether the way there is hidden. */
  const anchor = new Map<number, { visibleId: number; depth: number; hidden: boolean }>();
  let hiddenCount = 0;
  for (const row of family) {
    if (row.id === id) {
      anchor.set(row.id, { visibleId: row.id, depth: 0, hidden: false });
      nodeIndex.set(row.id, nodes.length);
      nodes.push({ ...nodeOf(row), parentId: null, depth: 0, viaHidden: false, hiddenChildren: 0 });
      continue;
    }
    const parent = anchor.get(row.replicatedFromId!);
    if (!parent || !byId.has(row.replicatedFromId!)) continue;
    if (row.visible) {
      anchor.set(row.id, { visibleId: row.id, depth: parent.depth + 1, hidden: false });
      nodeIndex.set(row.id, nodes.length);
      nodes.push({
        ...nodeOf(row),
        parentId: parent.visibleId,
        depth: parent.depth + 1,
        viaHidden: parent.hidden,
        hiddenChildren: 0,
      });
    } else {
      hiddenCount += 1;
      anchor.set(row.id, { visibleId: parent.visibleId, depth: parent.depth, hidden: true });
      const owner = nodes[nodeIndex.get(parent.visibleId)!]!;
      owner.hiddenChildren += 1;
    }
  }
  return {
    ancestors: [...ancestors].reverse().map((ancestor) => ({
      id: ancestor.id,
      name: ancestor.visible ? ancestor.name : null,
      visible: ancestor.visible,
    })),
    nodes,
    visibleCount: nodes.length - 1,
    hiddenCount,
  };
}

function nodeOf(row: repo.FamilyRow) {
  return {
    id: row.id,
    name: row.name,
    kindName: row.kindName,
    leadUnit: toRecordUnit(row.leadUnit),
    startedOn: row.startedOn,
    status: row.status,
  };
}

// ---- summary ---------------------------------------------------------------------------------------------------

export async function modelsSummary(
  db: Database,
  actor: Actor,
  query: SummaryQuery,
): Promise<SummaryResponse> {
  const kinds = await repo.listKinds(db);
  return rollup(db, {
    definitions: MODEL_SUMMARY_INDICATORS,
    sources: repo.MODEL_INDICATOR_SOURCES,
    unitId: query.unit ?? actor.unitId,
    asOf: query.asOf ?? todayInVietnam(),
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
    dynamicValues: { model_kind: kinds.map((kind) => ({ key: kind.code, label: kind.name })) },
  });
}
