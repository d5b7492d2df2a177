/**
 * Use cases of awards: configurable forms and issuers, awards to a unit, a team, a member or a named person, and the
 * proposal workflow: drafted at commune level (awards.propose), approved or refused above it (awards.approve by a
 * user whose scope unit lies above the recipient's commune).
 */
import type {
  ApproveAwardBody,
  AwardDetail,
  AwardItem,
  AwardListQuery,
  AwardOption,
  AwardOptions,
  CreateAwardBody,
  CreateAwardOptionBody,
  RefuseAwardBody,
  UpdateAwardBody,
  UpdateAwardOptionBody,
} from '../../../contracts/awards.js';
import type { ListResult } from '../../../contracts/common.js';
import type { PeriodSummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import {
  AWARD_REASON_LABELS,
  AWARD_STATUS_LABELS,
  type AwardReason,
  type AwardStatus,
  periodLabel,
  type RecipientClass,
  type RecipientType,
  recipientClass,
  SEEDED_AWARD_FORMS,
  SEEDED_AWARD_ISSUERS,
} from '../../../domain/awards.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { AWARD_SUMMARY_INDICATORS } from '../../../domain/indicators.js';
import { hasPermission } from '../../../domain/roles.js';
import { normalizeForSearch } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import type { FileService } from '../../lib/files/file-service.js';
import { checkPage, checkRange, paging, searchTerm, unitFilterScope } from '../../registry/list.js';
import { loadUnitsInScope, toRecordUnit } from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
import { attachmentsOf, discardFiles, removeAttachmentsOf } from '../attachments/attachments.service.js';
import { listEntityHistory, recordAudit } from '../audit/audit.service.js';
import { cleanText } from '../teams/teams.service.js';
import * as repo from './awards.repo.js';

const awardNotFound = () => notFound('awards.not_found', 'Không tìm thấy khen thưởng');
const forbidden = (message: string) => new AppError('forbidden', 'awards.forbidden', message);

// ---- forms and issuers -------------------------------------------------------------------------------------------

export async function ensureAwardOptions(db: Database): Promise<void> {
  await repo.insertMissingOptions(
    db,
    'forms',
    SEEDED_AWARD_FORMS.map((form, index) => ({ ...form, sortOrder: (index + 1) * 10 })),
  );
  await repo.insertMissingOptions(
    db,
    'issuers',
    SEEDED_AWARD_ISSUERS.map((issuer, index) => ({ ...issuer, sortOrder: (index + 1) * 10 })),
  );
}

const toOption = (row: {
  id: number;
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
}): AwardOption => ({
  id: row.id,
  code: row.code,
  name: row.name,
  active: row.active,
  sortOrder: row.sortOrder,
});

export async function listOptions(db: Database): Promise<AwardOptions> {
  const [forms, issuers] = await Promise.all([
    repo.listOptions(db, 'forms'),
    repo.listOptions(db, 'issuers'),
  ]);
  return { forms: forms.map(toOption), issuers: issuers.map(toOption) };
}

export async function createOption(
  db: Database,
  actor: Actor,
  list: 'forms' | 'issuers',
  body: CreateAwardOptionBody,
): Promise<AwardOption> {
  const name = cleanText(body.name);
  if (!name) throw invalid('award_options.name_required', 'Tên không được để trống', 'name');
  return inTransaction(db, async (tx) => {
    const row = await repo.insertOption(tx, list, {
      code: body.code,
      name,
      sortOrder: body.sortOrder ?? 500,
    });
    if (!row) throw conflict('award_options.code_taken', `Mã "${body.code}" đã có`, 'code');
    await recordAudit(tx, actor, {
      action: list === 'forms' ? 'award_form.created' : 'award_issuer.created',
      entityType: list === 'forms' ? 'award_form' : 'award_issuer',
      entityId: row.id,
      after: toOption(row),
    });
    return toOption(row);
  });
}

export async function updateOption(
  db: Database,
  actor: Actor,
  list: 'forms' | 'issuers',
  id: number,
  body: UpdateAwardOptionBody,
): Promise<AwardOption> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findOption(tx, list, id);
    if (!before) throw notFound('award_options.not_found', 'Không tìm thấy mục này trong danh mục');
    const changes: { name?: string; active?: boolean; sortOrder?: number } = {};
    if (body.name !== undefined) {
      const name = cleanText(body.name);
      if (!name) throw invalid('award_options.name_required', 'Tên không được để trống', 'name');
      changes.name = name;
    }
    if (body.active !== undefined) changes.active = body.active;
    if (body.sortOrder !== undefined) changes.sortOrder = body.sortOrder;
    const after = await repo.updateOption(tx, list, id, changes);
    await recordAudit(tx, actor, {
      action: list === 'forms' ? 'award_form.updated' : 'award_issuer.updated',
      entityType: list === 'forms' ? 'award_form' : 'award_issuer',
      entityId: id,
      before: toOption(before),
      after: toOption(after),
    });
    return toOption(after);
  });
}

// ---- reading -----------------------------------------------------------------------------------------------------

export function toAwardItem(row: repo.AwardListRow): AwardItem {
  return {
    ...row,
    status: row.status as AwardStatus,
    statusLabel: AWARD_STATUS_LABELS[row.status as AwardStatus],
    recipientType: row.recipientType as RecipientType,
    recipientClass: row.recipientClass as RecipientClass,
    unit: toRecordUnit(row.unit),
    reason: row.reason as AwardReason,
    reasonLabel: AWARD_REASON_LABELS[row.reason as AwardReason],
    periodLabel: periodLabel(row.periodFrom, row.periodTo),
  };
}

export async function awardFilter(
  db: Database,
  actor: Actor,
  query: Omit<AwardListQuery, 'page' | 'pageSize'>,
): Promise<repo.AwardFilter> {
  checkRange(query.from, query.to);
  return {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    statuses: query.status,
    formIds: query.form,
    issuerIds: query.issuer,
    recipientClass: query.recipientClass,
    from: query.from,
    to: query.to,
    decidedBy: query.asOf,
    search: searchTerm(query.q),
  };
}

export async function listAwards(
  db: Database,
  actor: Actor,
  query: AwardListQuery,
): Promise<ListResult<AwardItem>> {
  const paged = paging(query);
  const { rows, total } = await repo.listAwards(db, await awardFilter(db, actor, query), {
    sort: query.sort,
    limit: paged.limit,
    offset: paged.offset,
    today: todayInVietnam(),
  });
  checkPage(paged, total);
  return { items: rows.map(toAwardItem), total, page: paged.page, pageSize: paged.pageSize };
}

export async function findAward(db: Database, scope: Scope, id: number) {
  return repo.findAwardInScope(db, scope, id);
}

export async function getAward(db: Database, actor: Actor, id: number): Promise<AwardDetail> {
  if (!(await repo.findAwardInScope(db, actor.scope, id))) throw awardNotFound();
  return awardDetail(db, id);
}

async function awardDetail(db: Database, id: number): Promise<AwardDetail> {
  const [row, attachments, history] = await Promise.all([
    repo.findAwardRow(db, id, todayInVietnam()),
    attachmentsOf(db, 'award', id),
    listEntityHistory(db, 'award', id),
  ]);
  return { ...toAwardItem(row!), attachments, history };
}

// ---- changes -----------------------------------------------------------------------------------------------------

async function resolveRecipient(db: Database, actor: Actor, body: CreateAwardBody) {
  const outside = (field: string) =>
    invalid(
      'awards.recipient_invalid',
      'Người, tập thể được khen không tồn tại hoặc nằm ngoài phạm vi của bạn',
      field,
    );
  let unitId: number;
  let name: string;
  let teamId: number | null = null;
  let memberId: number | null = null;
  let workplace = cleanText(body.recipientWorkplace);
  switch (body.recipientType) {
    case 'unit': {
      if (!body.recipientUnitId)
        throw invalid('awards.recipient_required', 'Chọn đơn vị được khen', 'recipientUnitId');
      const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [body.recipientUnitId] });
      if (!unit) throw outside('recipientUnitId');
      unitId = unit.id;
      name = unit.fullName;
      break;
    }
    case 'team': {
      if (!body.recipientTeamId)
        throw invalid('awards.recipient_required', 'Chọn tổ, đội được khen', 'recipientTeamId');
      const team = await repo.findTeam(db, actor.scope, body.recipientTeamId);
      if (!team) throw outside('recipientTeamId');
      unitId = team.unitId;
      name = team.name;
      teamId = team.id;
      break;
    }
    case 'member': {
      if (!body.recipientMemberId) {
        throw invalid('awards.recipient_required', 'Chọn thành viên được khen', 'recipientMemberId');
      }
      const member = await repo.findMember(db, actor.scope, body.recipientMemberId);
      if (!member) throw outside('recipientMemberId');
      unitId = member.unitId;
      name = member.fullName;
      memberId = member.id;
      workplace = workplace ?? member.teamName;
      break;
    }
    case 'person': {
      const person = cleanText(body.recipientName);
      if (!person)
        throw invalid('awards.recipient_name_required', 'Ghi họ tên người được khen', 'recipientName');
      if (!body.unitId)
        throw invalid('awards.unit_required', 'Chọn đơn vị quản lý hồ sơ khen thưởng này', 'unitId');
      const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [body.unitId] });
      if (!unit) throw outside('unitId');
      unitId = unit.id;
      name = person;
      break;
    }
  }
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [unitId] });
  return { unitId, provinceCode: unit!.provinceCode, name, teamId, memberId, workplace };
}

interface AwardFacts {
  formId: number;
  issuerId: number;
  reason: AwardReason;
  reasonText: string | null;
  periodFrom: number;
  periodTo: number | null;
  decisionDate: string | null;
}

async function checkFacts(db: Database, facts: AwardFacts, changed: { form: boolean; issuer: boolean }) {
  const form = await repo.findOption(db, 'forms', facts.formId);
  if (!form || (changed.form && !form.active)) {
    throw invalid('awards.form_invalid', 'Không có hình thức khen thưởng này', 'formId');
  }
  const issuer = await repo.findOption(db, 'issuers', facts.issuerId);
  if (!issuer || (changed.issuer && !issuer.active)) {
    throw invalid('awards.issuer_invalid', 'Không có cấp khen thưởng này', 'issuerId');
  }
  if (facts.reason === 'other' && !facts.reasonText) {
    throw invalid('awards.reason_text_required', 'Ghi lý do khen thưởng', 'reasonText');
  }
  if (facts.periodTo !== null && facts.periodTo < facts.periodFrom) {
    throw invalid('awards.period_order', 'Năm cuối của giai đoạn phải từ năm đầu trở đi', 'periodTo');
  }
  const today = todayInVietnam();
  if (facts.periodFrom > Number(today.slice(0, 4))) {
    throw invalid('awards.period_future', 'Năm khen thưởng không được sau năm nay', 'periodFrom');
  }
  if (facts.decisionDate && facts.decisionDate > today) {
    throw invalid('awards.decision_in_future', 'Ngày quyết định không được sau hôm nay', 'decisionDate');
  }
}

/** Approval belongs above the commune: the approver's scope unit must lie strictly above the recipient's unit. */
async function checkApprover(db: Database, actor: Actor, unitId: number): Promise<void> {
  // The system itself (command line, demo data) records decided awards as it finds them.
  if (actor.userId === null && actor.scope.all) return;
  if (!hasPermission(actor.role, 'awards.approve')) {
    throw forbidden('Bạn chỉ được lập đề nghị khen thưởng; việc duyệt do cấp trên thực hiện');
  }
  if (actor.scope.all) return;
  const unit = await repo.unitKindAndAncestry(db, unitId, actor.unitId);
  const approverKind =
    actor.unitId === null ? null : (await repo.unitKindAndAncestry(db, actor.unitId, null))?.kind;
  if (!unit?.below || approverKind === 'commune' || approverKind === 'residential_area') {
    throw forbidden('Đề nghị khen thưởng phải do cấp trên của đơn vị được khen duyệt');
  }
}

function auditView(row: repo.AwardRecord) {
  return {
    status: row.status,
    recipientType: row.recipientType,
    recipientTeamId: row.recipientTeamId,
    recipientMemberId: row.recipientMemberId,
    recipientName: row.recipientName,
    recipientPosition: row.recipientPosition,
    recipientWorkplace: row.recipientWorkplace,
    unitId: row.unitId,
    formId: row.formId,
    issuerId: row.issuerId,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    reason: row.reason,
    reasonText: row.reasonText,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    phase: row.phase,
    notes: row.notes,
  };
}

function searchTextOf(row: {
  recipientName: string;
  decisionNumber: string | null;
  recipientWorkplace: string | null;
}) {
  return normalizeForSearch(
    [row.recipientName, row.decisionNumber, row.recipientWorkplace].filter(Boolean).join(' '),
  );
}

export async function createAward(db: Database, actor: Actor, body: CreateAwardBody): Promise<AwardDetail> {
  const id = await inTransaction(db, async (tx) => {
    const recipient = await resolveRecipient(tx, actor, body);
    const status = body.status ?? 'proposed';
    const facts: AwardFacts = {
      formId: body.formId,
      issuerId: body.issuerId,
      reason: body.reason,
      reasonText: cleanText(body.reasonText),
      periodFrom: body.periodFrom,
      periodTo: body.periodTo ?? null,
      decisionDate: body.decisionDate ?? null,
    };
    await checkFacts(tx, facts, { form: true, issuer: true });
    const decisionNumber = cleanText(body.decisionNumber);
    if (status === 'approved') {
      await checkApprover(tx, actor, recipient.unitId);
      if (!decisionNumber)
        throw invalid('awards.decision_required', 'Ghi số quyết định khen thưởng', 'decisionNumber');
      if (!facts.decisionDate)
        throw invalid('awards.decision_date_required', 'Ghi ngày quyết định', 'decisionDate');
    }
    const row = await repo.insertAward(tx, {
      status,
      recipientType: body.recipientType,
      recipientClass: recipientClass(body.recipientType),
      recipientTeamId: recipient.teamId,
      recipientMemberId: recipient.memberId,
      recipientName: recipient.name,
      recipientPosition: cleanText(body.recipientPosition),
      recipientWorkplace: recipient.workplace,
      searchText: searchTextOf({
        recipientName: recipient.name,
        decisionNumber,
        recipientWorkplace: recipient.workplace,
      }),
      unitId: recipient.unitId,
      provinceCode: recipient.provinceCode,
      formId: facts.formId,
      issuerId: facts.issuerId,
      decisionNumber: status === 'approved' ? decisionNumber : null,
      decisionDate: status === 'approved' ? facts.decisionDate : null,
      reason: facts.reason,
      reasonText: facts.reasonText,
      periodFrom: facts.periodFrom,
      periodTo: facts.periodTo,
      phase: cleanText(body.phase),
      proposedOn: status === 'proposed' ? todayInVietnam() : null,
      proposedBy: status === 'proposed' ? actor.userId : null,
      decidedBy: status === 'approved' ? actor.userId : null,
      notes: cleanText(body.notes),
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: status === 'proposed' ? 'award.proposed' : 'award.recorded',
      entityType: 'award',
      entityId: row.id,
      unitId: row.unitId,
      provinceCode: row.provinceCode,
      after: auditView(row),
    });
    return row.id;
  });
  return awardDetail(db, id);
}

export async function updateAward(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateAwardBody,
): Promise<AwardDetail> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findAwardInScope(tx, actor.scope, id);
    if (!before) throw awardNotFound();
    // A decided award is changed only by those who may decide; a proposal by those who may propose.
    if (before.status !== 'proposed') await checkApprover(tx, actor, before.unitId);
    else if (!hasPermission(actor.role, 'awards.propose'))
      throw forbidden('Bạn không có quyền sửa đề nghị khen thưởng');
    const facts: AwardFacts = {
      formId: body.formId ?? before.formId,
      issuerId: body.issuerId ?? before.issuerId,
      reason: body.reason ?? (before.reason as AwardReason),
      reasonText: body.reasonText === undefined ? before.reasonText : cleanText(body.reasonText),
      periodFrom: body.periodFrom ?? before.periodFrom,
      periodTo: body.periodTo === undefined ? before.periodTo : body.periodTo,
      decisionDate: body.decisionDate === undefined ? before.decisionDate : body.decisionDate,
    };
    await checkFacts(tx, facts, {
      form: facts.formId !== before.formId,
      issuer: facts.issuerId !== before.issuerId,
    });
    const decisionNumber =
      body.decisionNumber === undefined ? before.decisionNumber : cleanText(body.decisionNumber);
    if (before.status === 'approved' && (!decisionNumber || !facts.decisionDate)) {
      throw invalid(
        'awards.decision_required',
        'Khen thưởng đã quyết định phải có số và ngày quyết định',
        'decisionNumber',
      );
    }
    if (before.status === 'proposed' && (body.decisionNumber || body.decisionDate)) {
      throw invalid(
        'awards.decision_on_proposal',
        'Số, ngày quyết định ghi khi duyệt đề nghị',
        'decisionNumber',
      );
    }
    const workplace =
      body.recipientWorkplace === undefined ? before.recipientWorkplace : cleanText(body.recipientWorkplace);
    const after = await repo.updateAward(tx, id, {
      formId: facts.formId,
      issuerId: facts.issuerId,
      reason: facts.reason,
      reasonText: facts.reasonText,
      periodFrom: facts.periodFrom,
      periodTo: facts.periodTo,
      phase: body.phase === undefined ? before.phase : cleanText(body.phase),
      recipientPosition:
        body.recipientPosition === undefined ? before.recipientPosition : cleanText(body.recipientPosition),
      recipientWorkplace: workplace,
      decisionNumber,
      decisionDate: facts.decisionDate,
      searchText: searchTextOf({
        recipientName: before.recipientName,
        decisionNumber,
        recipientWorkplace: workplace,
      }),
      notes: body.notes === undefined ? before.notes : cleanText(body.notes),
    });
    await recordAudit(tx, actor, {
      action: 'award.updated',
      entityType: 'award',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return awardDetail(db, id);
}

export async function decideAward(
  db: Database,
  actor: Actor,
  id: number,
  decision: { approve: ApproveAwardBody } | { refuse: RefuseAwardBody },
): Promise<AwardDetail> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findAwardInScope(tx, actor.scope, id);
    if (!before) throw awardNotFound();
    await checkApprover(tx, actor, before.unitId);
    if (before.status !== 'proposed') {
      throw conflict(
        'awards.not_proposal',
        `Hồ sơ đang ở trạng thái "${AWARD_STATUS_LABELS[before.status as AwardStatus]}", không còn là đề nghị`,
      );
    }
    let after: repo.AwardRecord;
    if ('approve' in decision) {
      const body = decision.approve;
      if (body.decisionDate > todayInVietnam()) {
        throw invalid('awards.decision_in_future', 'Ngày quyết định không được sau hôm nay', 'decisionDate');
      }
      if (before.proposedOn && body.decisionDate < before.proposedOn) {
        throw invalid(
          'awards.decision_before_proposal',
          `Ngày quyết định trước ngày lập đề nghị (${formatDateVi(before.proposedOn)})`,
          'decisionDate',
        );
      }
      const decisionNumber = cleanText(body.decisionNumber)!;
      after = await repo.updateAward(tx, id, {
        status: 'approved',
        decisionNumber,
        decisionDate: body.decisionDate,
        decisionNote: cleanText(body.note),
        decidedBy: actor.userId,
        searchText: searchTextOf({
          recipientName: before.recipientName,
          decisionNumber,
          recipientWorkplace: before.recipientWorkplace,
        }),
      });
    } else {
      after = await repo.updateAward(tx, id, {
        status: 'refused',
        decisionNote: cleanText(decision.refuse.note),
        decidedBy: actor.userId,
      });
    }
    await recordAudit(tx, actor, {
      action: after.status === 'approved' ? 'award.approved' : 'award.refused',
      entityType: 'award',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: auditView(before),
      after: auditView(after),
      details: { note: after.decisionNote },
    });
  });
  return awardDetail(db, id);
}

export async function awardsSummary(
  db: Database,
  actor: Actor,
  query: PeriodSummaryQuery,
): Promise<SummaryResponse> {
  const { forms, issuers } = await listOptions(db);
  const asOf = query.asOf ?? todayInVietnam();
  checkRange(query.from, asOf);
  return rollup(db, {
    definitions: AWARD_SUMMARY_INDICATORS,
    sources: repo.AWARD_INDICATOR_SOURCES,
    unitId: query.unit ?? actor.unitId,
    asOf,
    ...(query.from ? { from: query.from } : {}),
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
    dynamicValues: {
      award_form: forms.map((form) => ({ key: form.code, label: form.name })),
      award_issuer: issuers.map((issuer) => ({ key: issuer.code, label: issuer.name })),
    },
  });
}

export async function awardsForTimeline(db: Database, actor: Actor, area: Scope, from: string, to: string) {
  const { rows } = await repo.listAwards(
    db,
    { scope: actor.scope, unitScope: area, from, to, statuses: ['approved'] },
    { sort: '-decisionDate', limit: 500, offset: 0, today: todayInVietnam() },
  );
  return rows.map((row) => ({
    date: row.decisionDate!,
    id: row.id,
    title: `${row.form.name}: ${row.recipientName}`,
    detail: `${row.issuer.name}${row.decisionNumber ? `, Quyết định ${row.decisionNumber}` : ''}`,
    unit: toRecordUnit(row.unit),
  }));
}

/**
 * Deletes an award or proposal entered by mistake. A proposal goes by those who may propose; a decided award (the
 * record of a decision) only by those who may decide it, as for changing it. The record as it was and the reason
 * go to the audit trail.
 */
export async function deleteAward(
  db: Database,
  files: FileService,
  actor: Actor,
  id: number,
  reason: string,
): Promise<void> {
  const removed = await inTransaction(db, async (tx) => {
    const before = await repo.findAwardInScope(tx, actor.scope, id);
    if (!before) throw awardNotFound();
    if (before.status !== 'proposed') await checkApprover(tx, actor, before.unitId);
    const attachments = await removeAttachmentsOf(tx, 'award', id);
    await repo.deleteAward(tx, id);
    await recordAudit(tx, actor, {
      action: 'award.deleted',
      entityType: 'award',
      entityId: id,
      unitId: before.unitId,
      provinceCode: before.provinceCode,
      before: auditView(before),
      details: { reason: cleanText(reason), attachments: attachments.map((row) => row.publicId) },
    });
    return attachments;
  });
  await discardFiles(files, removed);
}
