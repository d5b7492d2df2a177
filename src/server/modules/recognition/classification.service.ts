/**
 * Use cases of the movement classification: a unit scores its 100-point sheet item by item with evidence, the
 * proposed level follows from the configurable thresholds, the level above approves (villages by the commune,
 * communes and others by the province, as the cycle's approving level says), and the result is locked until
 * reopened with a reason. One transaction per change, with its audit event.
 */
import type {
  ApproveBody,
  ClassificationDetail,
  ClassificationItem,
  ClassificationList,
  ClassificationListQuery,
  ClassificationReturnBody,
  CreateClassificationBody,
  LevelsBody,
  LevelsResponse,
  ScoresBody,
  Sheet,
  SheetDraftBody,
  SheetItemsBody,
  SheetList,
} from '../../../contracts/classification.js';
import type { ReopenBody } from '../../../contracts/recognition.js';
import {
  CLASSIFICATION_STATUS_LABELS,
  type ClassificationStatus,
  type LevelCode,
  type LevelSetting,
  levelFor,
  levelProblems,
  SHEET_TOTAL_POINTS,
  scoreProblems,
  sheetProblems,
  totalPoints,
} from '../../../domain/classification.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import {
  countingDate,
  STANDARD_TARGET_LABELS,
  STANDARD_UNIT_KINDS,
  type StandardTarget,
  targetOf,
} from '../../../domain/recognition.js';
import { hasPermission } from '../../../domain/roles.js';
import { tidyName } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import { checkPage, paging } from '../../registry/list.js';
import * as attachmentsRepo from '../attachments/attachments.repo.js';
import { toAttachment } from '../attachments/attachments.service.js';
import { listEntityHistory, recordAudit } from '../audit/audit.service.js';
import { findModelInScope } from '../models/models.repo.js';
import { findTeamInScope } from '../teams/teams.repo.js';
import { isInScope } from '../units/units.repo.js';
import * as repo from './classification.repo.js';
import * as recognitionRepo from './recognition.repo.js';
import { actorUnit, basePathOf, effectiveCycle, isApprover } from './recognition.service.js';

const ENTITY = 'classification_record';
const recordNotFound = () =>
  notFound('classification.not_found', 'Không tìm thấy phiếu phân loại phong trào');

async function toSheet(db: Database, sheet: repo.SheetRecord): Promise<Sheet> {
  const items = await repo.listItems(db, sheet.id);
  return {
    id: sheet.id,
    code: sheet.code,
    version: sheet.version,
    target: sheet.target as StandardTarget,
    targetLabel: STANDARD_TARGET_LABELS[sheet.target as StandardTarget],
    legalBasis: sheet.legalBasis,
    title: sheet.title,
    provinceCode: sheet.provinceCode,
    fromYear: sheet.fromYear,
    toYear: sheet.toYear,
    status: sheet.status,
    frozen: sheet.frozen,
    totalPoints: totalPoints(items.map((item) => Number(item.maxPoints))),
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      code: item.code,
      text: item.text,
      maxPoints: Number(item.maxPoints),
    })),
  };
}

export async function listSheets(db: Database, actor: Actor): Promise<SheetList> {
  const own = await actorUnit(db, actor);
  const rows = await repo.listSheets(db, actor.scope.all ? null : (own?.provinceCode ?? null));
  return { items: await Promise.all(rows.map((row) => toSheet(db, row))) };
}

function toLevels(rows: repo.LevelRecord[]): LevelSetting[] {
  const order = ['excellent', 'good', 'average', 'weak'];
  return rows
    .map((row) => ({
      code: row.code as LevelCode,
      label: row.label,
      minPoints: Number(row.minPoints),
      enabled: row.enabled,
    }))
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
}

export async function getLevels(db: Database, actor: Actor, province?: string): Promise<LevelsResponse> {
  const own = await actorUnit(db, actor);
  const provinceCode = own?.provinceCode ?? province ?? '';
  const rows = await repo.listLevels(db, provinceCode);
  return {
    provinceCode: provinceCode === '' ? null : provinceCode,
    custom: rows.some((row) => row.provinceCode !== ''),
    levels: toLevels(rows),
  };
}

export async function setLevels(db: Database, actor: Actor, body: LevelsBody): Promise<LevelsResponse> {
  const problem = levelProblems(body.levels)[0];
  if (problem) throw invalid(problem.code, problem.message, problem.field);
  if (new Set(body.levels.map((level) => level.code)).size !== body.levels.length) {
    throw invalid('levels.duplicate', 'Mỗi mức xếp loại chỉ khai báo một lần', 'levels');
  }
  const own = await actorUnit(db, actor);
  const provinceCode = own?.provinceCode ?? '';
  return inTransaction(db, async (tx) => {
    const before = toLevels(await repo.listLevels(tx, provinceCode));
    await repo.replaceLevels(
      tx,
      provinceCode,
      body.levels.map((level) => ({ ...level, label: tidyName(level.label) })),
    );
    await recordAudit(tx, actor, {
      action: 'classification.levels',
      entityType: 'classification_levels',
      entityId: provinceCode || 'national',
      provinceCode: provinceCode || null,
      before: { levels: before },
      after: { levels: body.levels },
    });
    return getLevels(tx, actor);
  });
}

// ---- records -----------------------------------------------------------------------------------------------------

async function requireRecord(db: Database, actor: Actor, id: number): Promise<repo.ClassificationRecordRow> {
  const record = await repo.findRecordInScope(db, actor.scope, id);
  if (!record) throw recordNotFound();
  return record;
}

async function itemView(
  db: Database,
  record: repo.ClassificationRecordRow,
  levels: LevelSetting[],
  unit: ClassificationItem['unit'],
): Promise<ClassificationItem> {
  const cycle = await effectiveCycle(db, record.provinceCode, record.year, record.target as StandardTarget);
  const status = record.status as ClassificationStatus;
  const code = (record.approvedLevel ?? record.proposedLevel) as LevelCode | null;
  return {
    id: record.id,
    unit,
    year: record.year,
    target: record.target as StandardTarget,
    status,
    statusLabel: CLASSIFICATION_STATUS_LABELS[status],
    totalPoints: Number(record.totalPoints),
    proposedLevel: record.proposedLevel as LevelCode | null,
    approvedLevel: record.approvedLevel as LevelCode | null,
    levelLabel: code ? (levels.find((level) => level.code === code)?.label ?? null) : null,
    deadline: cycle.settings.classificationDeadline,
    overdue: status !== 'approved' && todayInVietnam() > cycle.settings.classificationDeadline,
  };
}

async function detail(
  db: Database,
  actor: Actor,
  record: repo.ClassificationRecordRow,
): Promise<ClassificationDetail> {
  const today = todayInVietnam();
  const [sheet, scores, levelRows, history, unit, cycle, files] = await Promise.all([
    repo.findSheet(db, record.sheetId),
    repo.listScores(db, record.id),
    repo.listLevels(db, record.provinceCode),
    listEntityHistory(db, ENTITY, record.id),
    recognitionRepo.recordUnit(db, record.unitId, today),
    effectiveCycle(db, record.provinceCode, record.year, record.target as StandardTarget),
    attachmentsRepo.listFor(db, ENTITY, record.id),
  ]);
  const fileOf = (rowId: number | null) => {
    const row = rowId === null ? undefined : files.find((file) => file.id === rowId);
    return row ? toAttachment(row) : null;
  };
  const levels = toLevels(levelRows);
  const approver = await isApprover(db, actor, cycle.settings);
  const status = record.status as ClassificationStatus;
  return {
    ...(await itemView(db, record, levels, unit)),
    sheet: await toSheet(db, sheet!),
    scores: scores.map((score) => ({
      itemId: score.itemId,
      points: Number(score.points),
      evidence: score.evidence,
      teamId: score.teamId,
      modelId: score.modelId,
      attachment: fileOf(score.attachmentId),
    })),
    attachments: files.map(toAttachment),
    levels,
    reviewComment: record.reviewComment,
    can: {
      edit:
        hasPermission(actor.role, 'classification.self_assess') &&
        (status === 'draft' || status === 'returned'),
      review: approver && hasPermission(actor.role, 'classification.approve') && status === 'submitted',
      reopen: approver && hasPermission(actor.role, 'classification.approve') && status === 'approved',
    },
    history,
  };
}

export async function getRecord(db: Database, actor: Actor, id: number): Promise<ClassificationDetail> {
  return detail(db, actor, await requireRecord(db, actor, id));
}

export async function createRecord(
  db: Database,
  actor: Actor,
  body: CreateClassificationBody,
): Promise<ClassificationDetail> {
  const today = todayInVietnam();
  return inTransaction(db, async (tx) => {
    const unit = await recognitionRepo.findUnit(tx, body.unitId, today);
    if (!unit || !(await isInScope(tx, actor.scope, body.unitId))) {
      throw invalid(
        'classification.unit_invalid',
        'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn',
        'unitId',
      );
    }
    const target = targetOf(unit.kind);
    if (!target) {
      throw invalid(
        'classification.unit_kind',
        'Chỉ khu dân cư, xã, cơ quan, doanh nghiệp, cơ sở giáo dục được phân loại phong trào',
        'unitId',
      );
    }
    if (await repo.findRecordOfUnit(tx, unit.id, body.year)) {
      throw conflict(
        'classification.exists',
        `${unit.fullName} đã có phiếu phân loại năm ${body.year}`,
        'unitId',
      );
    }
    const sheet = await repo.findActiveSheet(tx, target, body.year, unit.provinceCode);
    if (!sheet) {
      throw invalid(
        'classification.no_sheet',
        `Chưa có phiếu chấm điểm áp dụng cho năm ${body.year}`,
        'year',
      );
    }
    if (!sheet.frozen) await repo.freezeSheet(tx, sheet.id);
    const record = await repo.insertRecord(tx, {
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      year: body.year,
      target,
      sheetId: sheet.id,
      status: 'draft',
    });
    await recordAudit(tx, actor, {
      action: 'classification.create',
      entityType: ENTITY,
      entityId: record.id,
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      after: { year: body.year, sheetId: sheet.id, status: 'draft' },
    });
    return detail(tx, actor, record);
  });
}

/** The record as the owner of files (attachments module): in scope or absent, locked once sent or approved. */
export async function recordAsAttachmentOwner(db: Database, scope: Scope, id: number) {
  const record = await repo.findRecordInScope(db, scope, id);
  if (!record) return undefined;
  const status = record.status as ClassificationStatus;
  return {
    unitId: record.unitId,
    provinceCode: record.provinceCode,
    locked:
      status === 'draft' || status === 'returned'
        ? null
        : `Phiếu đang ở trạng thái "${CLASSIFICATION_STATUS_LABELS[status]}" nên không thêm, bớt tệp được`,
  };
}

export const dropFileReferences = repo.dropAttachmentReferences;

async function requireEditable(
  tx: Database,
  actor: Actor,
  id: number,
): Promise<repo.ClassificationRecordRow> {
  const record = await requireRecord(tx, actor, id);
  if (record.status !== 'draft' && record.status !== 'returned') {
    throw conflict(
      'classification.locked',
      `Phiếu đang ở trạng thái "${CLASSIFICATION_STATUS_LABELS[record.status as ClassificationStatus]}" nên không sửa được`,
    );
  }
  return record;
}

export async function saveScores(
  db: Database,
  actor: Actor,
  id: number,
  body: ScoresBody,
): Promise<ClassificationDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    const items = new Map((await repo.listItems(tx, record.sheetId)).map((item) => [item.id, item]));
    const previous = new Map((await repo.listScores(tx, id)).map((score) => [score.itemId, score]));
    const changes: Record<string, unknown> = {};
    for (const [index, score] of body.scores.entries()) {
      const item = items.get(score.itemId);
      if (!item) {
        throw invalid(
          'classification.item_unknown',
          'Mục không thuộc phiếu chấm điểm',
          `scores.${index}.itemId`,
        );
      }
      const problem = scoreProblems(
        { id: item.id, code: item.code, maxPoints: Number(item.maxPoints) },
        score.points,
      )[0];
      if (problem) throw invalid(problem.code, problem.message, `scores.${index}.points`);
      if (score.teamId && !(await findTeamInScope(tx, actor.scope, score.teamId))) {
        throw invalid(
          'classification.team_invalid',
          'Tổ, đội không thuộc phạm vi của bạn',
          `scores.${index}.teamId`,
        );
      }
      if (score.modelId && !(await findModelInScope(tx, actor.scope, score.modelId))) {
        throw invalid(
          'classification.model_invalid',
          'Mô hình không thuộc phạm vi của bạn',
          `scores.${index}.modelId`,
        );
      }
      const evidence = score.evidence ? tidyName(score.evidence) || null : null;
      let attachmentId = previous.get(item.id)?.attachmentId ?? null;
      if (score.attachmentId === null) attachmentId = null;
      else if (score.attachmentId !== undefined) {
        const file = await attachmentsRepo.findByPublicId(tx, score.attachmentId);
        if (!file || file.entityType !== ENTITY || file.entityId !== id) {
          throw invalid(
            'classification.attachment_invalid',
            'Tệp không thuộc phiếu này; hãy tải tệp lên phiếu trước khi gắn làm minh chứng',
            `scores.${index}.attachmentId`,
          );
        }
        attachmentId = file.id;
      }
      await repo.upsertScore(tx, {
        recordId: id,
        itemId: item.id,
        points: score.points,
        evidence,
        teamId: score.teamId ?? null,
        modelId: score.modelId ?? null,
        attachmentId,
      });
      changes[`mục ${item.code}`] = score.points;
    }
    const scores = await repo.listScores(tx, id);
    const total = totalPoints(scores.map((score) => Number(score.points)));
    const levels = toLevels(await repo.listLevels(tx, record.provinceCode));
    const updated = await repo.updateRecord(tx, id, {
      totalPoints: total,
      proposedLevel: levelFor(total, levels)?.code ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'classification.score',
      entityType: ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: { totalPoints: Number(record.totalPoints) },
      after: { totalPoints: total, ...changes },
    });
    return detail(tx, actor, updated);
  });
}

export async function submit(db: Database, actor: Actor, id: number): Promise<ClassificationDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    const items = await repo.listItems(tx, record.sheetId);
    const scored = new Set((await repo.listScores(tx, id)).map((score) => score.itemId));
    const missing = items.find((item) => !scored.has(item.id));
    if (missing) {
      throw invalid('classification.unscored', `Chưa chấm điểm mục ${missing.code}`, `scores.${missing.id}`);
    }
    const updated = await repo.updateRecord(tx, id, { status: 'submitted', submittedAt: new Date() });
    await recordAudit(tx, actor, {
      action: 'classification.submit',
      entityType: ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: { status: record.status },
      after: {
        status: 'submitted',
        totalPoints: Number(record.totalPoints),
        proposedLevel: record.proposedLevel,
      },
    });
    return detail(tx, actor, updated);
  });
}

async function requireForApproval(
  tx: Database,
  actor: Actor,
  id: number,
  status: ClassificationStatus,
): Promise<repo.ClassificationRecordRow> {
  const record = await requireRecord(tx, actor, id);
  const cycle = await effectiveCycle(tx, record.provinceCode, record.year, record.target as StandardTarget);
  if (!(await isApprover(tx, actor, cycle.settings))) {
    throw new AppError(
      'forbidden',
      'classification.not_approving_level',
      `Phiếu này do ${cycle.settings.approvingLevel === 'province' ? 'cấp tỉnh' : 'cấp xã'} duyệt`,
    );
  }
  if (record.status !== status) {
    throw conflict(
      'classification.wrong_status',
      `Phiếu đang ở trạng thái "${CLASSIFICATION_STATUS_LABELS[record.status as ClassificationStatus]}"`,
    );
  }
  return record;
}

export async function returnRecord(
  db: Database,
  actor: Actor,
  id: number,
  body: ClassificationReturnBody,
): Promise<ClassificationDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireForApproval(tx, actor, id, 'submitted');
    const comment = body.comment.trim().normalize('NFC');
    const updated = await repo.updateRecord(tx, id, { status: 'returned', reviewComment: comment });
    await recordAudit(tx, actor, {
      action: 'classification.return',
      entityType: ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: { status: record.status },
      after: { status: 'returned' },
      details: { comment },
    });
    return detail(tx, actor, updated);
  });
}

export async function approve(
  db: Database,
  actor: Actor,
  id: number,
  body: ApproveBody,
): Promise<ClassificationDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireForApproval(tx, actor, id, 'submitted');
    const levels = toLevels(await repo.listLevels(tx, record.provinceCode));
    const level = body.level ?? (record.proposedLevel as LevelCode | null);
    if (!level || !levels.some((entry) => entry.code === level && entry.enabled)) {
      throw invalid('classification.level_invalid', 'Mức xếp loại không được áp dụng ở tỉnh này', 'level');
    }
    const updated = await repo.updateRecord(tx, id, {
      status: 'approved',
      approvedLevel: level,
      approvedAt: new Date(),
      approvedBy: actor.userId,
      reviewComment: body.comment ? tidyName(body.comment) || null : null,
    });
    await recordAudit(tx, actor, {
      action: 'classification.approve',
      entityType: ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: { status: record.status, proposedLevel: record.proposedLevel },
      after: { status: 'approved', approvedLevel: level },
    });
    return detail(tx, actor, updated);
  });
}

export async function reopen(
  db: Database,
  actor: Actor,
  id: number,
  body: ReopenBody,
): Promise<ClassificationDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireForApproval(tx, actor, id, 'approved');
    const reason = body.reason.trim().normalize('NFC');
    const updated = await repo.updateRecord(tx, id, { status: 'submitted', approvedLevel: null });
    await recordAudit(tx, actor, {
      action: 'classification.reopen',
      entityType: ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: { status: record.status, approvedLevel: record.approvedLevel },
      after: { status: 'submitted' },
      details: { reason },
    });
    return detail(tx, actor, updated);
  });
}

export async function listRecords(
  db: Database,
  actor: Actor,
  query: ClassificationListQuery,
): Promise<ClassificationList> {
  const today = todayInVietnam();
  const date = countingDate(query.year, today);
  const basePath = await basePathOf(db, actor, query.unit, date);
  const rows = await repo.listRecords(db, {
    scope: actor.scope,
    basePath,
    year: query.year,
    date,
    status: query.status,
    level: query.level,
    kinds: STANDARD_UNIT_KINDS,
  });
  const paged = paging(query);
  checkPage(paged, rows.length);
  const page = rows.slice(paged.offset, paged.offset + paged.limit);
  const units = await recognitionRepo.recordUnits(
    db,
    page.map((row) => row.unitId),
    today,
  );
  const levelsByProvince = new Map<string, LevelSetting[]>();
  const items: ClassificationItem[] = [];
  for (const row of page) {
    if (!levelsByProvince.has(row.provinceCode)) {
      levelsByProvince.set(row.provinceCode, toLevels(await repo.listLevels(db, row.provinceCode)));
    }
    items.push(await itemView(db, row, levelsByProvince.get(row.provinceCode)!, units.get(row.unitId)!));
  }
  return { items, total: rows.length, page: paged.page, pageSize: paged.pageSize };
}

// ---- editing sheets (data, like the criteria sets) ----------------------------------------------------------------

const SHEET_ENTITY = 'classification_sheet';
const sheetNotFound = () => notFound('classification.sheet_not_found', 'Không tìm thấy phiếu chấm điểm');

/** A sheet the actor may see: national sheets and their own province's. */
async function requireSheet(db: Database, actor: Actor, id: number): Promise<repo.SheetRecord> {
  const sheet = await repo.findSheet(db, id);
  if (!sheet) throw sheetNotFound();
  if (sheet.provinceCode !== null && !actor.scope.all) {
    const own = await actorUnit(db, actor);
    if (own?.provinceCode !== sheet.provinceCode) throw sheetNotFound();
  }
  return sheet;
}

/** A draft the actor may change: never a used (frozen) or replaced version; a national one only nationally. */
async function requireEditableSheet(db: Database, actor: Actor, id: number): Promise<repo.SheetRecord> {
  const sheet = await requireSheet(db, actor, id);
  if (sheet.frozen) {
    throw conflict(
      'classification.sheet_frozen',
      `Phiên bản ${sheet.version} của phiếu đã được dùng để chấm điểm nên không sửa được; hãy tạo phiên bản mới`,
    );
  }
  if (sheet.status !== 'draft') {
    throw conflict('classification.sheet_not_draft', 'Chỉ sửa được bản nháp; hãy tạo phiên bản mới');
  }
  if (sheet.provinceCode === null && !actor.scope.all) {
    throw new AppError(
      'forbidden',
      'classification.sheet_national_only',
      'Phiếu chấm điểm toàn quốc chỉ do cấp toàn quốc sửa; tỉnh hãy tạo bản của tỉnh',
    );
  }
  return sheet;
}

export async function createSheetDraft(
  db: Database,
  actor: Actor,
  id: number,
  body: SheetDraftBody,
): Promise<Sheet> {
  const source = await requireSheet(db, actor, id);
  const own = await actorUnit(db, actor);
  return inTransaction(db, async (tx) => {
    let code = source.code;
    let provinceCode = source.provinceCode;
    if (body.forProvince) {
      if (!own) {
        throw invalid(
          'classification.province_needed',
          'Chỉ tài khoản cấp tỉnh tạo được bản của tỉnh',
          'forProvince',
        );
      }
      if (source.provinceCode !== null) {
        throw invalid('classification.already_province', 'Phiếu này đã là bản của tỉnh', 'forProvince');
      }
      provinceCode = own.provinceCode;
      code = `${source.code}-${own.provinceCode}`;
    } else if (source.provinceCode === null && !actor.scope.all) {
      throw new AppError(
        'forbidden',
        'classification.sheet_national_only',
        'Phiên bản mới của phiếu toàn quốc chỉ do cấp toàn quốc tạo; tỉnh hãy tạo bản của tỉnh',
      );
    }
    const created = await repo.insertSheet(tx, {
      code,
      version: await repo.nextSheetVersion(tx, code),
      target: source.target,
      legalBasis: source.legalBasis,
      title: source.title,
      provinceCode,
      fromYear: source.fromYear,
      toYear: source.toYear,
      status: 'draft',
      frozen: false,
    });
    const items = await repo.listItems(tx, source.id);
    await repo.replaceItems(
      tx,
      created.id,
      items.map((item) => ({ code: item.code, text: item.text, maxPoints: Number(item.maxPoints) })),
    );
    await recordAudit(tx, actor, {
      action: 'classification_sheet.draft',
      entityType: SHEET_ENTITY,
      entityId: created.id,
      provinceCode,
      after: { code, version: created.version },
      details: { from: `${source.code} v${source.version}` },
    });
    return toSheet(tx, created);
  });
}

export async function saveSheetItems(
  db: Database,
  actor: Actor,
  id: number,
  body: SheetItemsBody,
): Promise<Sheet> {
  const codes = new Set<string>();
  const items = body.items.map((item, index) => {
    const code = item.code.trim();
    if (codes.has(code)) {
      throw invalid('classification.item_code_taken', `Mục số ${code} bị trùng`, `items.${index}.code`);
    }
    codes.add(code);
    return { code, text: tidyName(item.text), maxPoints: item.maxPoints };
  });
  const total = totalPoints(items.map((item) => item.maxPoints));
  if (total > SHEET_TOTAL_POINTS) {
    throw invalid(
      'classification.sheet_total',
      `Tổng điểm tối đa của phiếu không được quá ${SHEET_TOTAL_POINTS} (hiện là ${String(total).replace('.', ',')})`,
      'items',
    );
  }
  return inTransaction(db, async (tx) => {
    const sheet = await requireEditableSheet(tx, actor, id);
    const before = await repo.listItems(tx, id);
    await repo.replaceItems(tx, id, items);
    await recordAudit(tx, actor, {
      action: 'classification_sheet.items',
      entityType: SHEET_ENTITY,
      entityId: id,
      provinceCode: sheet.provinceCode,
      before: { items: before.map((item) => `${item.code}: ${Number(item.maxPoints)}`) },
      after: { items: items.map((item) => `${item.code}: ${item.maxPoints}`) },
    });
    return toSheet(tx, sheet);
  });
}

export async function activateSheet(db: Database, actor: Actor, id: number): Promise<Sheet> {
  return inTransaction(db, async (tx) => {
    const sheet = await requireEditableSheet(tx, actor, id);
    const items = await repo.listItems(tx, id);
    const problem = sheetProblems(
      items.map((item) => ({ id: item.id, code: item.code, maxPoints: Number(item.maxPoints) })),
    )[0];
    if (problem) throw invalid(problem.code, problem.message, problem.field);
    await repo.activateSheet(tx, sheet);
    await recordAudit(tx, actor, {
      action: 'classification_sheet.activate',
      entityType: SHEET_ENTITY,
      entityId: id,
      provinceCode: sheet.provinceCode,
      before: { status: sheet.status },
      after: { status: 'active' },
    });
    return toSheet(tx, { ...sheet, status: 'active' });
  });
}
