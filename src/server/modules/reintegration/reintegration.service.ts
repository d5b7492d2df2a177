/**
 * Use cases of reintegration files. Each change is one transaction with its audit event; each read of a file is
 * itself an audit event (recordSensitiveRead), in the transaction of the read. Personal data never enters the
 * audit trail or the logs: the trail names which personal fields changed, not their values.
 */
import type { ListResult } from '../../../contracts/common.js';
import type { SummaryResponse } from '../../../contracts/registry.js';
import type {
  CaseDetail,
  CaseItem,
  CaseListQuery,
  CheckIn,
  CheckInBody,
  CreateCaseBody,
  Destinations,
  HelperBody,
  HelperCandidates,
  ReintegrationSummaryQuery,
  RetentionResult,
  StatusBody,
  Support,
  SupportBody,
  SupportOutcomeBody,
  TransferBody,
  UpdateCaseBody,
} from '../../../contracts/reintegration.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import {
  addRatios,
  REINTEGRATION_SUMMARY_INDICATORS,
  REINTEGRATION_SUMMARY_RATIOS,
} from '../../../domain/indicators.js';
import {
  CASE_STATUS_LABELS,
  type CaseOrigin,
  type EndReason,
  isEndReason,
  retentionCutoff,
  SUPPORT_KIND_LABELS,
  SUPPORT_OUTCOME_LABELS,
  type SupportKind,
  type SupportOutcome,
  statusOn,
} from '../../../domain/reintegration.js';
import { hasPermission } from '../../../domain/roles.js';
import { normalizeForSearch, tidyName } from '../../../domain/text.js';
import { type Actor, systemActor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { NATIONAL_SCOPE } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { checkPage, paging, searchTerm, unitFilterScope } from '../../registry/list.js';
import { existedOn, loadUnitsInScope, toRecordUnit, type UnitIntervals } from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
import { recordAudit, recordSensitiveRead } from '../audit/audit.service.js';
import * as repo from './reintegration.repo.js';

const ENTITY = 'reintegration_case';
const caseNotFound = () => notFound('reintegration.not_found', 'Không tìm thấy hồ sơ');
const forbidden = (message: string) => new AppError('forbidden', 'auth.forbidden', message);

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = tidyName(value);
  return text === '' ? null : text;
}

/** Multi-line free text keeps its line breaks; only the ends are trimmed. */
function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.normalize('NFC').trim();
  return text === '' ? null : text;
}

// ---- who may do what ---------------------------------------------------------------------------------------------

export function visibilityOf(actor: Actor, today = todayInVietnam()): repo.Visibility {
  if (hasPermission(actor.role, 'reintegration.read')) return { scope: actor.scope, today };
  if (hasPermission(actor.role, 'reintegration.help') && actor.userId !== null) {
    return { scope: actor.scope, helperUserId: actor.userId, today };
  }
  throw forbidden('Bạn không có quyền xem hồ sơ tái hòa nhập cộng đồng');
}

const canManage = (actor: Actor) => hasPermission(actor.role, 'reintegration.write');
/** Managers and the Front officers assigned to the file record support and check-ins. */
const canHelp = (actor: Actor) => canManage(actor) || hasPermission(actor.role, 'reintegration.help');
/** The sentence summary is for the police handling the file; the Front officer helping does not read it. */
const readsSentence = (actor: Actor) => hasPermission(actor.role, 'reintegration.read');

async function requireVisible(db: Database, actor: Actor, id: number): Promise<repo.CaseRecord> {
  const found = await repo.findVisibleCase(db, visibilityOf(actor), id);
  if (!found) throw caseNotFound();
  return found;
}

async function requireManaged(db: Database, actor: Actor, id: number): Promise<repo.CaseRecord> {
  if (!canManage(actor)) throw forbidden('Bạn không có quyền sửa hồ sơ tái hòa nhập cộng đồng');
  const found = await requireVisible(db, actor, id);
  await repo.lockCase(db, id);
  return (await repo.findCase(db, found.id))!;
}

async function requireHelped(db: Database, actor: Actor, id: number): Promise<repo.CaseRecord> {
  if (!canHelp(actor)) throw forbidden('Bạn không có quyền ghi nhận hỗ trợ cho hồ sơ này');
  const found = await requireVisible(db, actor, id);
  await repo.lockCase(db, id);
  return (await repo.findCase(db, found.id))!;
}

function requireOpen(record: repo.CaseRecord, today: string): void {
  if (record.endedOn !== null && record.endedOn <= today) {
    throw conflict(
      'reintegration.case_ended',
      `Hồ sơ đã kết thúc ngày ${formatDateVi(record.endedOn)} (${CASE_STATUS_LABELS[record.endReason as EndReason]}): chỉ còn để tra cứu`,
    );
  }
}

function requireNotFuture(date: string, field: string, today: string, label: string): void {
  if (date > today)
    throw invalid('reintegration.date_in_future', `${label} không được sau ngày hôm nay`, field);
}

function requireNotBeforeOpening(record: repo.CaseRecord, date: string, field: string, label: string): void {
  if (date < record.openedOn) {
    throw invalid(
      'reintegration.date_before_opening',
      `${label} không được trước ngày mở hồ sơ ${formatDateVi(record.openedOn)}`,
      field,
    );
  }
}

// ---- mapping -------------------------------------------------------------------------------------------------

function toItem(row: repo.CaseListRow, today: string): CaseItem {
  const status =
    statusOn(
      {
        openedOn: row.openedOn,
        reintegratedOn: row.reintegratedOn,
        endedOn: row.endedOn,
        endReason: row.endReason,
      },
      today,
    ) ?? 'being_helped';
  return {
    ...row,
    unit: toRecordUnit(row.unit),
    origin: row.origin as CaseOrigin,
    status,
    statusLabel: CASE_STATUS_LABELS[status],
  };
}

function toSupport(record: repo.SupportRecord): Support {
  return {
    id: record.id,
    kind: record.kind as SupportKind,
    kindLabel: SUPPORT_KIND_LABELS[record.kind as SupportKind],
    givenOn: record.givenOn,
    outcome: record.outcome as SupportOutcome,
    outcomeLabel: SUPPORT_OUTCOME_LABELS[record.outcome as SupportOutcome],
    outcomeOn: record.outcomeOn,
    note: record.note,
  };
}

function toCheckIn(row: repo.CheckInRow): CheckIn {
  return { id: row.id, checkedOn: row.checkedOn, note: row.note, recordedBy: row.recordedBy };
}

/** What the trail keeps of a file: facts about the file, never the person's data. */
function auditView(record: repo.CaseRecord | repo.NewCase): Record<string, unknown> {
  return {
    unitId: record.unitId,
    origin: record.origin,
    releasedOn: record.releasedOn,
    openedOn: record.openedOn,
    reintegratedOn: record.reintegratedOn ?? null,
    endedOn: record.endedOn ?? null,
    endReason: record.endReason ?? null,
    transferredFromId: record.transferredFromId ?? null,
    transferredToUnitId: record.transferredToUnitId ?? null,
  };
}

const PERSONAL_FIELDS = [
  'fullName',
  'birthYear',
  'residenceUnitId',
  'residenceAddress',
  'idNumber',
  'sentenceSummary',
  'releasingFacility',
  'notes',
] as const;

// ---- reading -------------------------------------------------------------------------------------------------

export async function listCases(
  db: Database,
  actor: Actor,
  query: CaseListQuery,
): Promise<ListResult<CaseItem>> {
  const today = todayInVietnam();
  const visibility = visibilityOf(actor, today);
  const paged = paging(query);
  return inTransaction(db, async (tx) => {
    const { rows, total } = await repo.listCases(
      tx,
      {
        visibility,
        unitScope: await unitFilterScope(tx, actor.scope, query.unit),
        state: query.status ? 'all' : (query.state ?? 'active'),
        status: query.status,
        search: searchTerm(query.q),
      },
      { sort: query.sort, limit: paged.limit, offset: paged.offset },
    );
    checkPage(paged, total);
    // A list shows names: which files it showed, to whom, is part of the trail like the opening of a file.
    if (rows.length > 0) {
      await recordAudit(tx, actor, {
        action: `${ENTITY}.list_read`,
        entityType: ENTITY,
        unitId: actor.unitId,
        details: { caseIds: rows.map((row) => row.id) },
      });
    }
    return {
      items: rows.map((row) => toItem(row, today)),
      total,
      page: paged.page,
      pageSize: paged.pageSize,
    };
  });
}

export async function getCase(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
): Promise<CaseDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireVisible(tx, actor, id);
    await recordSensitiveRead(tx, actor, {
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
    });
    return caseDetail(tx, cipher, actor, record);
  });
}

async function caseDetail(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  record: repo.CaseRecord,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  // The files this one continues (the person moved here): their history travels with the person.
  const previous: repo.CaseRecord[] = [];
  let fromId = record.transferredFromId;
  while (fromId !== null && previous.length < 20) {
    const earlier = await repo.findCase(db, fromId);
    if (!earlier) break;
    previous.push(earlier);
    fromId = earlier.transferredFromId;
  }
  const caseIds = [record.id, ...previous.map((earlier) => earlier.id)];
  const [row, helpers, supports, checkIns, continuation] = await Promise.all([
    repo.findCaseListRow(db, record.id, today),
    repo.listHelpers(db, record.id),
    repo.listSupports(db, caseIds),
    repo.listCheckIns(db, caseIds),
    repo.findContinuation(db, visibilityOf(actor, today), record.id),
  ]);
  const previousFiles = await Promise.all(
    previous.map(async (earlier) => {
      const unitRow = await repo.findCaseListRow(db, earlier.id, today);
      return {
        id: earlier.id,
        unit: toRecordUnit(unitRow.unit),
        openedOn: earlier.openedOn,
        endedOn: earlier.endedOn,
        supports: supports.filter((support) => support.caseId === earlier.id).map(toSupport),
        checkIns: checkIns.filter((checkIn) => checkIn.caseId === earlier.id).map(toCheckIn),
      };
    }),
  );
  for (const earlier of previous) {
    await recordSensitiveRead(db, actor, {
      entityType: ENTITY,
      entityId: earlier.id,
      unitId: earlier.unitId,
      provinceCode: earlier.provinceCode,
      purpose: `hồ sơ trước của hồ sơ #${record.id}`,
    });
  }
  const sentenceVisible = readsSentence(actor);
  const open = record.endedOn === null || record.endedOn > today;
  return {
    ...toItem(row, today),
    residenceUnitId: record.residenceUnitId,
    residenceAddress: record.residenceAddress,
    idNumber: record.idNumberEncrypted === null ? null : cipher.decrypt(record.idNumberEncrypted),
    sentenceSummary:
      sentenceVisible && record.sentenceSummaryEncrypted !== null
        ? cipher.decrypt(record.sentenceSummaryEncrypted)
        : null,
    sentenceSummaryHidden: !sentenceVisible,
    releasingFacility: record.releasingFacility,
    notes: record.notes,
    endNote: record.endNote,
    personalDataRemovedOn: record.personalDataRemovedOn,
    transferredFromId: record.transferredFromId,
    transferredToCaseId: continuation ?? null,
    helpersDetail: helpers.map((helper) => ({
      id: helper.id,
      organisation: helper.organisation,
      personName: helper.personName,
      helperUser:
        helper.helperUserId !== null && helper.helperFullName !== null && helper.helperUsername !== null
          ? { id: helper.helperUserId, fullName: helper.helperFullName, username: helper.helperUsername }
          : null,
      decisionNumber: helper.decisionNumber,
      decisionDate: helper.decisionDate,
      assignedOn: helper.assignedOn,
      endedOn: helper.endedOn,
    })),
    supports: supports.filter((support) => support.caseId === record.id).map(toSupport),
    checkIns: checkIns.filter((checkIn) => checkIn.caseId === record.id).map(toCheckIn),
    previousFiles,
    canManage: canManage(actor) && open,
    canHelp: canHelp(actor) && open,
  };
}

// ---- creating and editing ------------------------------------------------------------------------------------

async function findCommune(db: Database, actor: Actor, unitId: number): Promise<UnitIntervals> {
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [unitId] });
  if (unit?.kind !== 'commune') {
    throw invalid(
      'reintegration.unit_invalid',
      'Hồ sơ phải thuộc một xã, phường, đặc khu trong phạm vi của bạn',
      'unitId',
    );
  }
  return unit;
}

async function checkResidence(
  db: Database,
  communeId: number,
  residenceUnitId: number | null,
): Promise<void> {
  if (residenceUnitId === null) return;
  if (!(await repo.isResidentialAreaOf(db, residenceUnitId, communeId))) {
    throw invalid(
      'reintegration.residence_invalid',
      'Nơi cư trú phải là một thôn, tổ dân phố của xã, phường giữ hồ sơ',
      'residenceUnitId',
    );
  }
}

function encrypt(cipher: FieldCipher, value: string | null): string | null {
  return value === null ? null : cipher.encrypt(value);
}

export async function createCase(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  body: CreateCaseBody,
): Promise<CaseDetail> {
  if (!canManage(actor)) throw forbidden('Bạn không có quyền lập hồ sơ tái hòa nhập cộng đồng');
  const today = todayInVietnam();
  const fullName = clean(body.fullName);
  if (!fullName) throw invalid('reintegration.name_required', 'Họ và tên không được để trống', 'fullName');
  const openedOn = body.openedOn ?? body.releasedOn;
  requireNotFuture(body.releasedOn, 'releasedOn', today, 'Ngày chấp hành xong án');
  requireNotFuture(openedOn, 'openedOn', today, 'Ngày mở hồ sơ');
  if (openedOn < body.releasedOn) {
    throw invalid(
      'reintegration.opened_before_release',
      'Ngày mở hồ sơ không được trước ngày chấp hành xong án',
      'openedOn',
    );
  }
  if (body.birthYear > Number(today.slice(0, 4)) - 14) {
    throw invalid('reintegration.birth_year_invalid', 'Năm sinh không hợp lệ', 'birthYear');
  }
  return inTransaction(db, async (tx) => {
    const commune = await findCommune(tx, actor, body.unitId);
    if (!existedOn(commune, openedOn)) {
      throw invalid(
        'reintegration.unit_not_on_date',
        `${commune.fullName} không tồn tại vào ngày mở hồ sơ ${formatDateVi(openedOn)}`,
        'openedOn',
      );
    }
    await checkResidence(tx, commune.id, body.residenceUnitId ?? null);
    const values: repo.NewCase = {
      unitId: commune.id,
      provinceCode: commune.provinceCode,
      origin: 'released',
      fullName,
      searchName: normalizeForSearch(fullName),
      birthYear: body.birthYear,
      residenceUnitId: body.residenceUnitId ?? null,
      residenceAddress: clean(body.residenceAddress),
      idNumberEncrypted: encrypt(cipher, clean(body.idNumber)),
      sentenceSummaryEncrypted: encrypt(cipher, cleanText(body.sentenceSummary)),
      releasedOn: body.releasedOn,
      releasingFacility: clean(body.releasingFacility),
      openedOn,
      notes: cleanText(body.notes),
      createdBy: actor.userId,
    };
    const created = await repo.insertCase(tx, values);
    await recordAudit(tx, actor, {
      action: `${ENTITY}.created`,
      entityType: ENTITY,
      entityId: created.id,
      unitId: created.unitId,
      provinceCode: created.provinceCode,
      after: auditView(created),
      details: { personalFieldsSet: PERSONAL_FIELDS.filter((field) => body[field] != null) },
    });
    return caseDetail(tx, cipher, actor, created);
  });
}

export async function updateCase(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  body: UpdateCaseBody,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  return inTransaction(db, async (tx) => {
    const record = await requireManaged(tx, actor, id);
    if (record.personalDataRemovedOn !== null) {
      throw conflict(
        'reintegration.personal_data_removed',
        'Thông tin cá nhân của hồ sơ này đã được xóa theo thời hạn lưu trữ',
      );
    }
    const changes: Partial<repo.NewCase> = {};
    if (body.fullName !== undefined) {
      const fullName = clean(body.fullName);
      if (!fullName)
        throw invalid('reintegration.name_required', 'Họ và tên không được để trống', 'fullName');
      changes.fullName = fullName;
      changes.searchName = normalizeForSearch(fullName);
    }
    if (body.birthYear !== undefined) changes.birthYear = body.birthYear;
    if (body.residenceUnitId !== undefined) {
      await checkResidence(tx, record.unitId, body.residenceUnitId);
      changes.residenceUnitId = body.residenceUnitId;
    }
    if (body.residenceAddress !== undefined) changes.residenceAddress = clean(body.residenceAddress);
    if (body.idNumber !== undefined) changes.idNumberEncrypted = encrypt(cipher, clean(body.idNumber));
    if (body.sentenceSummary !== undefined)
      changes.sentenceSummaryEncrypted = encrypt(cipher, cleanText(body.sentenceSummary));
    if (body.releasingFacility !== undefined) changes.releasingFacility = clean(body.releasingFacility);
    if (body.notes !== undefined) changes.notes = cleanText(body.notes);
    if (body.releasedOn !== undefined) {
      requireNotFuture(body.releasedOn, 'releasedOn', today, 'Ngày chấp hành xong án');
      if (body.releasedOn > record.openedOn) {
        throw invalid(
          'reintegration.opened_before_release',
          'Ngày chấp hành xong án không được sau ngày mở hồ sơ',
          'releasedOn',
        );
      }
      changes.releasedOn = body.releasedOn;
    }
    const updated = await repo.updateCase(tx, record.id, changes);
    await recordAudit(tx, actor, {
      action: `${ENTITY}.updated`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: auditView(record),
      after: auditView(updated),
      details: { personalFieldsChanged: PERSONAL_FIELDS.filter((field) => body[field] !== undefined) },
    });
    return caseDetail(tx, cipher, actor, updated);
  });
}

// ---- status, transfer ----------------------------------------------------------------------------------------

export async function changeStatus(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  body: StatusBody,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  requireNotFuture(body.date, 'date', today, 'Ngày');
  return inTransaction(db, async (tx) => {
    const record = await requireManaged(tx, actor, id);
    requireOpen(record, today);
    requireNotBeforeOpening(record, body.date, 'date', 'Ngày');
    const changes: Partial<repo.NewCase> = {};
    if (body.status === 'being_helped') changes.reintegratedOn = null;
    else if (body.status === 'reintegrated') changes.reintegratedOn = body.date;
    else if (isEndReason(body.status)) {
      changes.endedOn = body.date;
      changes.endReason = body.status;
      changes.endNote = cleanText(body.note);
    }
    const updated = await repo.updateCase(tx, record.id, changes);
    await recordAudit(tx, actor, {
      action: `${ENTITY}.status_changed`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: auditView(record),
      after: auditView(updated),
      details: { status: body.status },
    });
    return caseDetail(tx, cipher, actor, updated);
  });
}

/**
 * The person moved to another commune: this file ends ("moved") and stays here as history; a new file opens in
 * the new commune, carrying the person's data, so that the new commune's police see it at once.
 */
export async function transferCase(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  body: TransferBody,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  requireNotFuture(body.date, 'date', today, 'Ngày chuyển');
  return inTransaction(db, async (tx) => {
    const record = await requireManaged(tx, actor, id);
    requireOpen(record, today);
    requireNotBeforeOpening(record, body.date, 'date', 'Ngày chuyển');
    if (body.toUnitId === record.unitId) {
      throw invalid(
        'reintegration.transfer_same_unit',
        'Xã, phường nhận hồ sơ phải khác xã, phường hiện tại',
        'toUnitId',
      );
    }
    // The new commune is usually outside the sender's scope: any commune of the country existing that day.
    const [destination] = await loadUnitsInScope(tx, NATIONAL_SCOPE, { ids: [body.toUnitId] });
    if (destination?.kind !== 'commune' || !existedOn(destination, body.date)) {
      throw invalid(
        'reintegration.transfer_unit_invalid',
        `Xã, phường nhận hồ sơ không tồn tại vào ngày ${formatDateVi(body.date)}`,
        'toUnitId',
      );
    }
    const ended = await repo.updateCase(tx, record.id, {
      endedOn: body.date,
      endReason: 'moved',
      endNote: cleanText(body.note),
      transferredToUnitId: destination.id,
    });
    const continued = await repo.insertCase(tx, {
      unitId: destination.id,
      provinceCode: destination.provinceCode,
      origin: 'transferred_in',
      transferredFromId: record.id,
      fullName: record.fullName,
      searchName: record.searchName,
      birthYear: record.birthYear,
      idNumberEncrypted: record.idNumberEncrypted,
      sentenceSummaryEncrypted: record.sentenceSummaryEncrypted,
      releasedOn: record.releasedOn,
      releasingFacility: record.releasingFacility,
      openedOn: body.date,
      reintegratedOn: record.reintegratedOn === null ? null : body.date,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: `${ENTITY}.transferred_out`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: auditView(record),
      after: auditView(ended),
      details: { toCaseId: continued.id },
    });
    await recordAudit(tx, actor, {
      action: `${ENTITY}.transferred_in`,
      entityType: ENTITY,
      entityId: continued.id,
      unitId: continued.unitId,
      provinceCode: continued.provinceCode,
      after: auditView(continued),
      details: { fromCaseId: record.id },
    });
    return caseDetail(tx, cipher, actor, ended);
  });
}

// ---- helpers, support, check-ins -------------------------------------------------------------------------------

export async function addHelper(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  body: HelperBody,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  const organisation = clean(body.organisation);
  const personName = clean(body.personName);
  const helperUserId = body.helperUserId ?? null;
  if (!organisation && !personName) {
    throw invalid(
      'reintegration.helper_required',
      'Nhập tổ chức hoặc người được phân công giúp đỡ',
      'organisation',
    );
  }
  requireNotFuture(body.assignedOn, 'assignedOn', today, 'Ngày phân công');
  if (body.decisionDate) requireNotFuture(body.decisionDate, 'decisionDate', today, 'Ngày quyết định');
  return inTransaction(db, async (tx) => {
    const record = await requireManaged(tx, actor, id);
    requireOpen(record, today);
    requireNotBeforeOpening(record, body.assignedOn, 'assignedOn', 'Ngày phân công');
    if (helperUserId !== null) {
      const candidates = await repo.listHelperCandidates(tx, record.unitId, today);
      if (!candidates.some((candidate) => candidate.id === helperUserId)) {
        throw invalid(
          'reintegration.helper_user_invalid',
          'Tài khoản được chọn không phải cán bộ Ủy ban MTTQ của xã, phường này hoặc cấp trên',
          'helperUserId',
        );
      }
    }
    const helper = await repo.insertHelper(tx, {
      caseId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      organisation,
      personName,
      helperUserId,
      decisionNumber: clean(body.decisionNumber),
      decisionDate: body.decisionDate ?? null,
      assignedOn: body.assignedOn,
    });
    await recordAudit(tx, actor, {
      action: `${ENTITY}.helper_assigned`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      details: {
        helperId: helper.id,
        organisation,
        helperUserId,
        decisionNumber: helper.decisionNumber,
        assignedOn: helper.assignedOn,
      },
    });
    return caseDetail(tx, cipher, actor, record);
  });
}

export async function endHelper(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  helperId: number,
  endedOn: string,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  requireNotFuture(endedOn, 'endedOn', today, 'Ngày thôi giúp đỡ');
  return inTransaction(db, async (tx) => {
    const record = await requireManaged(tx, actor, id);
    const helper = await repo.findHelper(tx, record.id, helperId);
    if (!helper) throw notFound('reintegration.helper_not_found', 'Không tìm thấy người giúp đỡ');
    if (helper.endedOn !== null) {
      throw conflict('reintegration.helper_ended', 'Phân công này đã kết thúc', 'endedOn');
    }
    if (endedOn < helper.assignedOn) {
      throw invalid(
        'reintegration.helper_end_invalid',
        'Ngày thôi giúp đỡ không được trước ngày phân công',
        'endedOn',
      );
    }
    await repo.endHelper(tx, helper.id, endedOn);
    await recordAudit(tx, actor, {
      action: `${ENTITY}.helper_ended`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      details: { helperId: helper.id, endedOn },
    });
    return caseDetail(tx, cipher, actor, record);
  });
}

function checkOutcome(
  givenOn: string,
  outcome: SupportOutcome,
  outcomeOn: string | null,
  today: string,
): void {
  if (outcomeOn === null) return;
  requireNotFuture(outcomeOn, 'outcomeOn', today, 'Ngày có kết quả');
  if (outcomeOn < givenOn) {
    throw invalid(
      'reintegration.outcome_before_support',
      'Ngày có kết quả không được trước ngày hỗ trợ',
      'outcomeOn',
    );
  }
  if (outcome === 'in_progress') {
    throw invalid(
      'reintegration.outcome_date_pending',
      'Hỗ trợ đang thực hiện thì chưa có ngày kết quả',
      'outcomeOn',
    );
  }
}

export async function addSupport(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  body: SupportBody,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  requireNotFuture(body.givenOn, 'givenOn', today, 'Ngày hỗ trợ');
  const outcomeOn = body.outcomeOn ?? (body.outcome === 'in_progress' ? null : body.givenOn);
  checkOutcome(body.givenOn, body.outcome, outcomeOn, today);
  return inTransaction(db, async (tx) => {
    const record = await requireHelped(tx, actor, id);
    requireOpen(record, today);
    requireNotBeforeOpening(record, body.givenOn, 'givenOn', 'Ngày hỗ trợ');
    const support = await repo.insertSupport(tx, {
      caseId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      kind: body.kind,
      givenOn: body.givenOn,
      outcome: body.outcome,
      outcomeOn,
      note: cleanText(body.note),
      recordedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: `${ENTITY}.support_added`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      details: {
        supportId: support.id,
        kind: support.kind,
        givenOn: support.givenOn,
        outcome: support.outcome,
      },
    });
    return caseDetail(tx, cipher, actor, record);
  });
}

export async function recordSupportOutcome(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  supportId: number,
  body: SupportOutcomeBody,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  return inTransaction(db, async (tx) => {
    const record = await requireHelped(tx, actor, id);
    requireOpen(record, today);
    const support = await repo.findSupport(tx, record.id, supportId);
    if (!support) throw notFound('reintegration.support_not_found', 'Không tìm thấy lần hỗ trợ');
    const outcomeOn = body.outcomeOn ?? (body.outcome === 'in_progress' ? null : today);
    checkOutcome(support.givenOn, body.outcome, outcomeOn, today);
    const updated = await repo.updateSupport(tx, support.id, {
      outcome: body.outcome,
      outcomeOn,
      ...(body.note !== undefined ? { note: cleanText(body.note) } : {}),
    });
    await recordAudit(tx, actor, {
      action: `${ENTITY}.support_outcome`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      details: {
        supportId: support.id,
        kind: support.kind,
        outcome: { before: support.outcome, after: updated.outcome },
        outcomeOn: updated.outcomeOn,
      },
    });
    return caseDetail(tx, cipher, actor, record);
  });
}

export async function addCheckIn(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  body: CheckInBody,
): Promise<CaseDetail> {
  const today = todayInVietnam();
  requireNotFuture(body.checkedOn, 'checkedOn', today, 'Ngày nắm tình hình');
  const note = cleanText(body.note);
  if (!note) throw invalid('reintegration.check_in_note_required', 'Nhập nội dung nắm tình hình', 'note');
  return inTransaction(db, async (tx) => {
    const record = await requireHelped(tx, actor, id);
    requireOpen(record, today);
    requireNotBeforeOpening(record, body.checkedOn, 'checkedOn', 'Ngày nắm tình hình');
    const checkIn = await repo.insertCheckIn(tx, {
      caseId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      checkedOn: body.checkedOn,
      note,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: `${ENTITY}.checked_in`,
      entityType: ENTITY,
      entityId: record.id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      details: { checkInId: checkIn.id, checkedOn: checkIn.checkedOn },
    });
    return caseDetail(tx, cipher, actor, record);
  });
}

export async function searchDestinations(db: Database, actor: Actor, q: string): Promise<Destinations> {
  if (!canManage(actor)) throw forbidden('Bạn không có quyền chuyển hồ sơ');
  const term = searchTerm(q);
  return { items: term ? await repo.searchCommunes(db, term, todayInVietnam()) : [] };
}

export async function helperCandidates(db: Database, actor: Actor, id: number): Promise<HelperCandidates> {
  if (!canManage(actor)) throw forbidden('Bạn không có quyền phân công người giúp đỡ');
  const record = await requireVisible(db, actor, id);
  return { items: await repo.listHelperCandidates(db, record.unitId, todayInVietnam()) };
}

// ---- summary and retention -----------------------------------------------------------------------------------

export async function reintegrationSummary(
  db: Database,
  actor: Actor,
  query: ReintegrationSummaryQuery,
): Promise<SummaryResponse> {
  const summary = await rollup(db, {
    definitions: REINTEGRATION_SUMMARY_INDICATORS,
    sources: repo.REINTEGRATION_INDICATOR_SOURCES,
    unitId: query.unit ?? actor.unitId,
    asOf: query.asOf ?? todayInVietnam(),
    from: query.from,
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
  });
  return addRatios(summary, REINTEGRATION_SUMMARY_RATIOS);
}

/**
 * Removes personal fields of files ended at least `years` years ago (Law 91/2025: no longer than needed). The
 * files, their dates, statuses and kinds of support stay, so every count is unchanged. One audit event per run.
 */
export async function runRetention(
  db: Database,
  options: { years: number; today?: string; actor?: Actor },
): Promise<RetentionResult> {
  const today = options.today ?? todayInVietnam();
  const cutoff = retentionCutoff(today, options.years);
  return inTransaction(db, async (tx) => {
    const ids = await repo.removePersonalData(tx, cutoff, today);
    if (ids.length > 0) {
      await recordAudit(tx, options.actor ?? systemActor('lưu trữ tự động'), {
        action: `${ENTITY}.personal_data_removed`,
        entityType: ENTITY,
        details: { caseIds: ids, cutoff, years: options.years },
      });
    }
    return { cutoff, years: options.years, cases: ids.length };
  });
}
