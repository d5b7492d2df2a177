import type { ListResult } from '../../../contracts/common.js';
import type {
  AnswersBody,
  AnswerView,
  CriteriaSetDetail,
  CriteriaSetItem,
  CriteriaSetQuery,
  CriterionBody,
  CycleBody,
  CycleItem,
  CycleList,
  CycleQuery,
  DashboardQuery,
  DashboardResponse,
  DecideBody,
  EvidenceBody,
  MeetingBody,
  NewDraftBody,
  RecordDetail,
  RegisterBody,
  ReopenBody,
  ReturnBody,
  UnitStatusItem,
  UnitStatusQuery,
  UpdateRegistrationBody,
  UpdateSetBody,
} from '../../../contracts/recognition.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { STANDARD_INDICATORS } from '../../../domain/indicators.js';
import {
  type ApprovingLevel,
  type ChildrenCounts,
  COMMUNE_CHILD_KINDS,
  type CriterionAnswer,
  type CriterionDefinition,
  type CycleSettings,
  canTransition,
  childrenRule,
  countingDate,
  criterionProblems,
  cycleProblems,
  defaultCycle,
  EDITABLE_STATUSES,
  evaluateCriterion,
  judgeAssessment,
  OVERDUE_LABELS,
  overdueOf,
  type Problem,
  percent,
  RECORD_STATUS_LABELS,
  type RecordStatus,
  STANDARD_TARGET_LABELS,
  type StandardTarget,
  targetOf,
} from '../../../domain/recognition.js';
import { hasPermission } from '../../../domain/roles.js';
import { tidyName } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import { checkPage, paging, searchTerm } from '../../registry/list.js';
import { type IndicatorSources, rollup } from '../../reporting/rollup.js';
import * as attachmentsRepo from '../attachments/attachments.repo.js';
import { toAttachment } from '../attachments/attachments.service.js';
import { listEntityHistory, recordAudit } from '../audit/audit.service.js';
import { findModelInScope } from '../models/models.repo.js';
import { findTeamInScope } from '../teams/teams.repo.js';
import { isInScope } from '../units/units.repo.js';
import * as repo from './recognition.repo.js';

const SET_ENTITY = 'criteria_set';
const RECORD_ENTITY = 'recognition_record';

const setNotFound = () => notFound('criteria.set_not_found', 'Không tìm thấy bộ tiêu chí');
const recordNotFound = () => notFound('recognition.not_found', 'Không tìm thấy hồ sơ đăng ký tiêu chuẩn');
const refuse = (problem: Problem) => invalid(problem.code, problem.message, problem.field);

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = tidyName(value);
  return text === '' ? null : text;
}

/** The actor's own unit on today's hierarchy (null for a national user). */
export async function actorUnit(db: Database, actor: Actor): Promise<repo.UnitOnDate | null> {
  if (actor.unitId === null) return null;
  return (await repo.findUnit(db, actor.unitId, todayInVietnam())) ?? null;
}

// ---- criteria sets -------------------------------------------------------------------------------------------

function toSetItem(set: repo.SetRecord, criteriaCount: number): CriteriaSetItem {
  return {
    id: set.id,
    code: set.code,
    version: set.version,
    target: set.target as StandardTarget,
    targetLabel: STANDARD_TARGET_LABELS[set.target as StandardTarget],
    legalBasis: set.legalBasis,
    title: set.title,
    provinceCode: set.provinceCode,
    baseSetId: set.baseSetId,
    fromYear: set.fromYear,
    toYear: set.toYear,
    status: set.status as CriteriaSetItem['status'],
    frozen: set.frozen,
    note: set.note,
    criteriaCount,
  };
}

export function toCriterion(row: repo.CriterionRecord): CriteriaSetDetail['criteria'][number] {
  return {
    id: row.id,
    position: row.position,
    code: row.code,
    text: row.text,
    kind: row.kind,
    threshold: row.threshold ?? null,
    events: row.events ?? null,
    computedRule: row.computedRule ?? null,
    evidenceRequired: row.evidenceRequired,
    addedByProvince: row.addedByProvince,
  };
}

export async function listSets(
  db: Database,
  actor: Actor,
  query: CriteriaSetQuery,
): Promise<ListResult<CriteriaSetItem>> {
  const own = await actorUnit(db, actor);
  const rows = await repo.listSets(db, {
    target: query.target,
    status: query.status,
    provinceCode: actor.scope.all ? 'all' : (own?.provinceCode ?? null),
  });
  const paged = paging(query, 100);
  checkPage(paged, rows.length);
  return {
    items: rows
      .slice(paged.offset, paged.offset + paged.limit)
      .map((row) => toSetItem(row, row.criteriaCount)),
    total: rows.length,
    page: paged.page,
    pageSize: paged.pageSize,
  };
}

/** A set the actor may see: national sets, and their own province's. */
async function requireSet(db: Database, actor: Actor, id: number): Promise<repo.SetRecord> {
  const set = await repo.findSet(db, id);
  if (!set) throw setNotFound();
  if (set.provinceCode !== null && !actor.scope.all) {
    const own = await actorUnit(db, actor);
    if (own?.provinceCode !== set.provinceCode) throw setNotFound();
  }
  return set;
}

export async function getSet(db: Database, actor: Actor, id: number): Promise<CriteriaSetDetail> {
  const set = await requireSet(db, actor, id);
  return setDetail(db, set);
}

async function setDetail(db: Database, set: repo.SetRecord): Promise<CriteriaSetDetail> {
  const [rows, history] = await Promise.all([
    repo.listCriteria(db, set.id),
    listEntityHistory(db, SET_ENTITY, set.id),
  ]);
  return { ...toSetItem(set, rows.length), criteria: rows.map(toCriterion), history };
}

/**
 * A set the actor may change: not frozen (a used version never changes), not retired; national sets only by a
 * national user, a province's set only by that province.
 */
async function requireEditableSet(db: Database, actor: Actor, id: number): Promise<repo.SetRecord> {
  const set = await requireSet(db, actor, id);
  if (set.frozen) {
    throw conflict(
      'criteria.frozen',
      `Phiên bản ${set.version} của bộ tiêu chí đã được dùng để đánh giá nên không sửa được; hãy tạo phiên bản mới`,
    );
  }
  if (set.status === 'retired') {
    throw conflict('criteria.retired', 'Phiên bản này đã được thay thế, không sửa được');
  }
  if (set.provinceCode === null && !actor.scope.all) {
    throw new AppError(
      'forbidden',
      'criteria.national_only',
      'Bộ tiêu chí của thông tư chỉ do cấp toàn quốc sửa; tỉnh hãy tạo bản của tỉnh để bổ sung tiêu chí',
    );
  }
  return set;
}

function setAuditView(set: repo.SetRecord): Record<string, unknown> {
  return {
    code: set.code,
    version: set.version,
    title: set.title,
    status: set.status,
    fromYear: set.fromYear,
    toYear: set.toYear,
    note: set.note,
  };
}

/** A new draft: the next version of the same line, or (forProvince) the first version of the province's own set. */
export async function createDraft(
  db: Database,
  actor: Actor,
  id: number,
  body: NewDraftBody,
): Promise<CriteriaSetDetail> {
  const source = await requireSet(db, actor, id);
  const own = await actorUnit(db, actor);
  return inTransaction(db, async (tx) => {
    let code = source.code;
    let provinceCode = source.provinceCode;
    let baseSetId = source.baseSetId;
    if (body.forProvince) {
      if (!own) {
        throw invalid(
          'criteria.province_needed',
          'Chỉ tài khoản cấp tỉnh tạo được bản của tỉnh',
          'forProvince',
        );
      }
      if (source.provinceCode !== null) {
        throw invalid('criteria.already_province', 'Bộ tiêu chí này đã là bản của tỉnh', 'forProvince');
      }
      provinceCode = own.provinceCode;
      code = `${source.code}-${own.provinceCode}`;
      baseSetId = source.id;
    } else if (source.provinceCode === null && !actor.scope.all) {
      throw new AppError(
        'forbidden',
        'criteria.national_only',
        'Phiên bản mới của bộ tiêu chí thông tư chỉ do cấp toàn quốc tạo',
      );
    }
    const version = await repo.nextVersion(tx, code);
    const created = await repo.insertSet(tx, {
      code,
      version,
      target: source.target,
      legalBasis: source.legalBasis,
      title: source.title,
      provinceCode,
      baseSetId,
      fromYear: source.fromYear,
      toYear: source.toYear,
      status: 'draft',
      frozen: false,
      note: source.note,
    });
    const rows = await repo.listCriteria(tx, source.id);
    await repo.insertCriteria(
      tx,
      rows.map(({ id: _id, setId: _setId, ...rest }) => ({ ...rest, setId: created.id })),
    );
    await recordAudit(tx, actor, {
      action: 'criteria_set.draft',
      entityType: SET_ENTITY,
      entityId: created.id,
      provinceCode,
      after: setAuditView(created),
      details: { from: `${source.code} v${source.version}` },
    });
    return setDetail(tx, created);
  });
}

export async function updateSet(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateSetBody,
): Promise<CriteriaSetDetail> {
  return inTransaction(db, async (tx) => {
    const set = await requireEditableSet(tx, actor, id);
    const changes: Partial<repo.SetRecord> = {};
    if (body.title !== undefined) changes.title = tidyName(body.title);
    if (body.fromYear !== undefined) changes.fromYear = body.fromYear;
    if (body.toYear !== undefined) changes.toYear = body.toYear;
    if (body.note !== undefined) changes.note = clean(body.note);
    const next = { ...set, ...changes };
    if (next.toYear !== null && next.toYear < next.fromYear) {
      throw invalid('criteria.years', 'Năm kết thúc áp dụng phải sau năm bắt đầu', 'toYear');
    }
    await repo.updateSet(tx, id, changes);
    await recordAudit(tx, actor, {
      action: 'criteria_set.update',
      entityType: SET_ENTITY,
      entityId: id,
      provinceCode: set.provinceCode,
      before: setAuditView(set),
      after: setAuditView(next),
    });
    return setDetail(tx, next);
  });
}

function criterionFromBody(body: CriterionBody): CriterionDefinition {
  return {
    code: body.code.trim(),
    text: tidyName(body.text),
    kind: body.kind,
    threshold: body.kind === 'number_threshold' || body.kind === 'computed' ? (body.threshold ?? null) : null,
    events: body.kind === 'no_events' ? (body.events ?? []).map(tidyName) : null,
    computedRule: body.kind === 'computed' ? (body.computedRule ?? null) : null,
    evidenceRequired: body.evidenceRequired,
  };
}

export async function addCriterion(
  db: Database,
  actor: Actor,
  setId: number,
  body: CriterionBody,
): Promise<CriteriaSetDetail> {
  return inTransaction(db, async (tx) => {
    const set = await requireEditableSet(tx, actor, setId);
    const definition = criterionFromBody(body);
    const problem = criterionProblems(definition)[0];
    if (problem) throw refuse(problem);
    const existing = await repo.listCriteria(tx, setId);
    if (existing.some((row) => row.code === definition.code)) {
      throw invalid('criteria.code_taken', `Đã có tiêu chí số ${definition.code} trong bộ này`, 'code');
    }
    const [created] = await repo.insertCriteria(tx, [
      {
        ...definition,
        events: definition.events ? [...definition.events] : null,
        setId,
        position: body.position ?? existing.length + 1,
        addedByProvince: set.provinceCode,
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'criteria_set.criterion_add',
      entityType: SET_ENTITY,
      entityId: setId,
      provinceCode: set.provinceCode,
      after: { criterion: created!.code, text: created!.text, kind: created!.kind },
    });
    return setDetail(tx, set);
  });
}

async function requireEditableCriterion(
  tx: Database,
  actor: Actor,
  setId: number,
  criterionId: number,
): Promise<{ set: repo.SetRecord; row: repo.CriterionRecord }> {
  const set = await requireEditableSet(tx, actor, setId);
  const row = await repo.findCriterion(tx, setId, criterionId);
  if (!row) throw notFound('criteria.not_found', 'Không tìm thấy tiêu chí');
  if (set.provinceCode !== null && row.addedByProvince === null) {
    throw invalid(
      'criteria.national_locked',
      'Tiêu chí của thông tư không sửa được trong bản của tỉnh; tỉnh chỉ sửa các tiêu chí tỉnh bổ sung',
      'criterionId',
    );
  }
  return { set, row };
}

export async function updateCriterion(
  db: Database,
  actor: Actor,
  setId: number,
  criterionId: number,
  body: CriterionBody,
): Promise<CriteriaSetDetail> {
  return inTransaction(db, async (tx) => {
    const { set, row } = await requireEditableCriterion(tx, actor, setId, criterionId);
    const definition = criterionFromBody(body);
    const problem = criterionProblems(definition)[0];
    if (problem) throw refuse(problem);
    const changes = {
      ...definition,
      events: definition.events ? [...definition.events] : null,
      position: body.position ?? row.position,
    };
    await repo.updateCriterion(tx, criterionId, changes);
    await recordAudit(tx, actor, {
      action: 'criteria_set.criterion_update',
      entityType: SET_ENTITY,
      entityId: setId,
      provinceCode: set.provinceCode,
      before: { criterion: row.code, text: row.text, kind: row.kind, evidenceRequired: row.evidenceRequired },
      after: {
        criterion: changes.code,
        text: changes.text,
        kind: changes.kind,
        evidenceRequired: changes.evidenceRequired,
      },
    });
    return setDetail(tx, set);
  });
}

export async function removeCriterion(
  db: Database,
  actor: Actor,
  setId: number,
  criterionId: number,
): Promise<CriteriaSetDetail> {
  return inTransaction(db, async (tx) => {
    const { set, row } = await requireEditableCriterion(tx, actor, setId, criterionId);
    await repo.deleteCriterion(tx, criterionId);
    await recordAudit(tx, actor, {
      action: 'criteria_set.criterion_remove',
      entityType: SET_ENTITY,
      entityId: setId,
      provinceCode: set.provinceCode,
      before: { criterion: row.code, text: row.text },
    });
    return setDetail(tx, set);
  });
}

/** The draft becomes the version new records are judged by; the previous active version of its line retires. */
export async function activateSet(db: Database, actor: Actor, id: number): Promise<CriteriaSetDetail> {
  return inTransaction(db, async (tx) => {
    const set = await requireEditableSet(tx, actor, id);
    if (set.status !== 'draft') throw conflict('criteria.not_draft', 'Chỉ áp dụng được bản nháp');
    const rows = await repo.listCriteria(tx, id);
    if (rows.length === 0) throw invalid('criteria.empty', 'Bộ tiêu chí chưa có tiêu chí nào', 'criteria');
    for (const row of rows) {
      const problem = criterionProblems({
        ...row,
        threshold: row.threshold ?? null,
        events: row.events ?? null,
      });
      if (problem[0])
        throw invalid(problem[0].code, `Tiêu chí ${row.code}: ${problem[0].message}`, 'criteria');
    }
    await repo.retireOtherVersions(tx, set.code, id);
    await repo.updateSet(tx, id, { status: 'active' });
    await recordAudit(tx, actor, {
      action: 'criteria_set.activate',
      entityType: SET_ENTITY,
      entityId: id,
      provinceCode: set.provinceCode,
      before: { status: set.status },
      after: { status: 'active' },
    });
    return setDetail(tx, { ...set, status: 'active' });
  });
}

// ---- cycles ------------------------------------------------------------------------------------------------------

export async function effectiveCycle(
  db: Database,
  provinceCode: string,
  year: number,
  target: StandardTarget,
): Promise<{ settings: CycleSettings; custom: boolean }> {
  const rows = await repo.listCycles(db, provinceCode, year);
  const row = rows.find((entry) => entry.target === target);
  if (!row) return { settings: defaultCycle(target, year), custom: false };
  return { settings: cycleFromRow(row), custom: true };
}

function cycleFromRow(row: repo.CycleRecord): CycleSettings {
  return {
    windowFrom: row.windowFrom,
    windowTo: row.windowTo,
    registrationDeadline: row.registrationDeadline,
    decisionDeadline: row.decisionDeadline,
    classificationDeadline: row.classificationDeadline,
    approvingLevel: row.approvingLevel as ApprovingLevel,
  };
}

const provinceNotFound = (code: string) =>
  notFound('cycle.province_not_found', `Không tìm thấy tỉnh, thành phố có mã ${code}`);

async function provinceOf(db: Database, actor: Actor, requested: string | undefined): Promise<string> {
  const own = await actorUnit(db, actor);
  if (own) {
    // Another province's cycle is outside the actor's scope: it does not exist for them.
    if (requested !== undefined && requested !== own.provinceCode) throw provinceNotFound(requested);
    return own.provinceCode;
  }
  if (requested === undefined) {
    throw invalid('cycle.province_required', 'Hãy chọn tỉnh', 'province');
  }
  if (!(await repo.provinceExists(db, requested))) throw provinceNotFound(requested);
  return requested;
}

export async function listCycles(db: Database, actor: Actor, query: CycleQuery): Promise<CycleList> {
  const provinceCode = await provinceOf(db, actor, query.province);
  const rows = await repo.listCycles(db, provinceCode, query.year);
  const items: CycleItem[] = (['residential_area', 'commune', 'agency_enterprise', 'school'] as const).map(
    (target) => {
      const row = rows.find((entry) => entry.target === target);
      return {
        target,
        targetLabel: STANDARD_TARGET_LABELS[target],
        year: query.year,
        provinceCode,
        custom: row !== undefined,
        settings: row ? cycleFromRow(row) : defaultCycle(target, query.year),
      };
    },
  );
  return { items };
}

export async function setCycle(
  db: Database,
  actor: Actor,
  year: number,
  target: StandardTarget,
  body: CycleBody,
): Promise<CycleList> {
  const { provinceCode: requested, ...settings } = body;
  const provinceCode = await provinceOf(db, actor, requested);
  const problem = cycleProblems(settings, year)[0];
  if (problem) throw refuse(problem);
  return inTransaction(db, async (tx) => {
    const before = await effectiveCycle(tx, provinceCode, year, target);
    await repo.upsertCycle(tx, { provinceCode, year, target, ...settings });
    await recordAudit(tx, actor, {
      action: 'recognition_cycle.update',
      entityType: 'recognition_cycle',
      entityId: `${provinceCode}:${year}:${target}`,
      provinceCode,
      before: { ...before.settings },
      after: { ...settings },
    });
    return listCycles(tx, actor, { year, province: provinceCode });
  });
}

// ---- records: reading ----------------------------------------------------------------------------------------

async function requireRecord(db: Database, actor: Actor, id: number): Promise<repo.RecordRow> {
  const record = await repo.findRecordInScope(db, actor.scope, id);
  if (!record) throw recordNotFound();
  return record;
}

function toAnswer(row: repo.AnswerRecord | undefined): CriterionAnswer | undefined {
  if (!row) return undefined;
  return {
    met: row.met,
    value: row.value === null ? null : Number(row.value),
    occurredEvents: row.occurredEvents,
  };
}

function definitionOf(row: repo.CriterionRecord): CriterionDefinition & { id: number } {
  return {
    ...row,
    threshold: row.threshold ?? null,
    events: row.events ?? null,
    computedRule: row.computedRule ?? null,
  };
}

/** Whether the actor's own unit is the level that approves records of this kind in this province and year. */
export async function isApprover(db: Database, actor: Actor, cycle: CycleSettings): Promise<boolean> {
  const own = await actorUnit(db, actor);
  return own !== null && own.kind === cycle.approvingLevel;
}

interface RecordContext {
  record: repo.RecordRow;
  set: repo.SetRecord;
  criteria: repo.CriterionRecord[];
  answers: Map<number, repo.AnswerRecord>;
  children: ChildrenCounts | undefined;
  cycle: CycleSettings;
}

async function loadContext(db: Database, record: repo.RecordRow): Promise<RecordContext> {
  const target = record.target as StandardTarget;
  const [set, rows, answers, cycle] = await Promise.all([
    repo.findSet(db, record.setId),
    repo.listCriteria(db, record.setId),
    repo.listAnswers(db, record.id),
    effectiveCycle(db, record.provinceCode, record.year, target),
  ]);
  let children: ChildrenCounts | undefined;
  if (rows.some((row) => row.kind === 'computed')) {
    const today = todayInVietnam();
    // Children are counted on the hierarchy of the window's end, or of today while the window runs.
    const date = [cycle.settings.windowTo, today].sort()[0]!;
    children = await repo.childrenCounts(db, record.unitId, record.year, date, COMMUNE_CHILD_KINDS);
  }
  return {
    record,
    set: set!,
    criteria: rows,
    answers: new Map(answers.map((answer) => [answer.criterionId, answer])),
    children,
    cycle: cycle.settings,
  };
}

function judge(context: RecordContext) {
  const answers = new Map<number, CriterionAnswer>();
  for (const [id, row] of context.answers) answers.set(id, toAnswer(row)!);
  return judgeAssessment(context.criteria.map(definitionOf), answers, context.children);
}

export async function getRecord(db: Database, actor: Actor, id: number): Promise<RecordDetail> {
  const record = await requireRecord(db, actor, id);
  return recordDetail(db, actor, record);
}

async function recordDetail(db: Database, actor: Actor, record: repo.RecordRow): Promise<RecordDetail> {
  const today = todayInVietnam();
  const context = await loadContext(db, record);
  const [unit, evidence, history, approver, files] = await Promise.all([
    repo.recordUnit(db, record.unitId, today),
    repo.listEvidence(db, record.id),
    listEntityHistory(db, RECORD_ENTITY, record.id),
    isApprover(db, actor, context.cycle),
    attachmentsRepo.listFor(db, RECORD_ENTITY, record.id),
  ]);
  const fileOf = (rowId: number | null) => {
    const row = rowId === null ? undefined : files.find((file) => file.id === rowId);
    return row ? toAttachment(row) : null;
  };
  const judgement = judge(context);
  const status = record.status as RecordStatus;
  const minShare = context.criteria.find((row) => row.kind === 'computed')?.threshold?.value;
  const rule = context.children ? childrenRule(context.children, minShare) : null;
  const answers: AnswerView[] = context.criteria.map((criterion) => {
    const row = context.answers.get(criterion.id);
    return {
      criterionId: criterion.id,
      met: row?.met ?? null,
      value: row?.value === null || row?.value === undefined ? null : Number(row.value),
      occurredEvents: row?.occurredEvents ?? [],
      note: row?.note ?? null,
      reviewerComment: row?.reviewerComment ?? null,
      returned: row?.returned ?? false,
      state: evaluateCriterion(definitionOf(criterion), toAnswer(row), context.children),
      computedLabel: criterion.kind === 'computed' && rule ? rule.label : null,
    };
  });
  const overdue = overdueOf(status, context.cycle, today);
  const can = {
    edit: hasPermission(actor.role, 'recognition.self_assess') && EDITABLE_STATUSES.includes(status),
    submit: hasPermission(actor.role, 'recognition.self_assess') && canTransition(status, 'submit'),
    review: approver && hasPermission(actor.role, 'recognition.review') && canTransition(status, 'return'),
    decide:
      approver && hasPermission(actor.role, 'recognition.approve') && canTransition(status, 'recognise'),
    reopen: approver && hasPermission(actor.role, 'recognition.approve') && canTransition(status, 'reopen'),
    certificate: status === 'recognised',
  };
  return {
    ...recordItem(record, unit, context.set),
    resolutionRef: record.resolutionRef,
    planRef: record.planRef,
    registrationFormRef: record.registrationFormRef,
    householdsTotal: record.householdsTotal,
    householdsRegistered: record.householdsRegistered,
    meetingDate: record.meetingDate,
    meetingChair: record.meetingChair,
    meetingAttendees: record.meetingAttendees,
    meetingMinutes: record.meetingMinutes,
    minutesFile: fileOf(record.minutesAttachmentId),
    attachments: files.map(toAttachment),
    reviewComment: record.reviewComment,
    decisionSigner: record.decisionSigner,
    decisionSignerTitle: record.decisionSignerTitle,
    issuingBody: record.issuingBody,
    reopenReason: record.reopenReason,
    criteriaSet: toSetItem(context.set, context.criteria.length),
    criteria: context.criteria.map(toCriterion),
    answers,
    evidence: evidence.map((row) => ({
      id: row.id,
      criterionId: row.criterionId,
      kind: row.kind as RecordDetail['evidence'][number]['kind'],
      teamId: row.teamId,
      modelId: row.modelId,
      attachment: fileOf(row.attachmentId),
      description: row.description,
      linkedName: row.linkedName,
      createdAt: new Date(row.createdAt).toISOString(),
    })),
    children:
      context.children && rule
        ? {
            ...context.children,
            label: rule.label,
            registeredLabel: rule.registeredLabel,
            met: rule.met,
            blocking: rule.blocking,
          }
        : null,
    judgement: {
      eligible: judgement.eligible,
      disqualified: judgement.disqualified,
      unanswered: judgement.unanswered,
      notMet: judgement.notMet,
    },
    cycle: context.cycle,
    overdue: overdue ? { ...overdue, label: OVERDUE_LABELS[overdue.kind] } : null,
    can,
    history,
  };
}

function recordItem(record: repo.RecordRow, unit: RecordDetail['unit'], set: repo.SetRecord) {
  const status = record.status as RecordStatus;
  return {
    id: record.id,
    unit,
    year: record.year,
    target: record.target as StandardTarget,
    status,
    statusLabel: RECORD_STATUS_LABELS[status],
    registeredOn: record.registeredOn,
    submittedAt: record.submittedAt ? record.submittedAt.toISOString() : null,
    decidedAt: record.decidedAt ? record.decidedAt.toISOString() : null,
    decisionNumber: record.decisionNumber,
    decisionDate: record.decisionDate,
    setId: record.setId,
    setLabel: `${set.legalBasis}${set.provinceCode ? ` (bản của tỉnh ${set.provinceCode})` : ''}, phiên bản ${set.version}`,
  };
}

function recordAuditView(record: repo.RecordRow): Record<string, unknown> {
  return {
    status: record.status,
    registeredOn: record.registeredOn,
    resolutionRef: record.resolutionRef,
    planRef: record.planRef,
    registrationFormRef: record.registrationFormRef,
    householdsTotal: record.householdsTotal,
    householdsRegistered: record.householdsRegistered,
    meetingDate: record.meetingDate,
    meetingChair: record.meetingChair,
    meetingAttendees: record.meetingAttendees,
    minutesAttachmentId: record.minutesAttachmentId,
    decisionNumber: record.decisionNumber,
    decisionDate: record.decisionDate,
  };
}

// ---- records: changes --------------------------------------------------------------------------------------------

function checkHouseholds(total: number | null | undefined, registered: number | null | undefined): void {
  if (
    total !== null &&
    total !== undefined &&
    registered !== null &&
    registered !== undefined &&
    registered > total
  ) {
    throw invalid(
      'recognition.households',
      'Số hộ đăng ký không được lớn hơn tổng số hộ',
      'householdsRegistered',
    );
  }
}

export async function register(db: Database, actor: Actor, body: RegisterBody): Promise<RecordDetail> {
  const today = todayInVietnam();
  if (body.registeredOn > today) {
    throw invalid(
      'recognition.registered_in_future',
      'Ngày đăng ký không được sau ngày hôm nay',
      'registeredOn',
    );
  }
  if (body.year > Number(today.slice(0, 4)) + 1) {
    throw invalid('recognition.year_far', 'Chỉ đăng ký được cho năm nay hoặc năm sau', 'year');
  }
  checkHouseholds(body.householdsTotal, body.householdsRegistered);
  return inTransaction(db, async (tx) => {
    const unit = await repo.findUnit(tx, body.unitId, today);
    if (!unit || !(await isInScope(tx, actor.scope, body.unitId))) {
      throw invalid(
        'recognition.unit_invalid',
        'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn',
        'unitId',
      );
    }
    const target = targetOf(unit.kind);
    if (!target) {
      throw invalid(
        'recognition.unit_kind',
        'Chỉ khu dân cư, xã, cơ quan, doanh nghiệp, cơ sở giáo dục đăng ký tiêu chuẩn',
        'unitId',
      );
    }
    if (await repo.findRecordOfUnit(tx, unit.id, body.year)) {
      throw conflict(
        'recognition.already_registered',
        `${unit.fullName} đã đăng ký năm ${body.year}`,
        'unitId',
      );
    }
    const set = await repo.findActiveSetFor(tx, target, body.year, unit.provinceCode);
    if (!set) {
      throw invalid(
        'recognition.no_criteria_set',
        `Chưa có bộ tiêu chí áp dụng cho năm ${body.year}`,
        'year',
      );
    }
    if (!set.frozen) await repo.updateSet(tx, set.id, { frozen: true });
    const record = await repo.insertRecord(tx, {
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      year: body.year,
      target,
      setId: set.id,
      status: 'registered',
      registeredOn: body.registeredOn,
      resolutionRef: clean(body.resolutionRef),
      planRef: clean(body.planRef),
      registrationFormRef: clean(body.registrationFormRef),
      householdsTotal: body.householdsTotal ?? null,
      householdsRegistered: body.householdsRegistered ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'recognition.register',
      entityType: RECORD_ENTITY,
      entityId: record.id,
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      after: { ...recordAuditView(record), year: record.year, setId: set.id },
    });
    return recordDetail(tx, actor, record);
  });
}

async function requireEditable(tx: Database, actor: Actor, id: number): Promise<repo.RecordRow> {
  const record = await requireRecord(tx, actor, id);
  if (!EDITABLE_STATUSES.includes(record.status as RecordStatus)) {
    throw conflict(
      'recognition.locked',
      `Hồ sơ đang ở trạng thái "${RECORD_STATUS_LABELS[record.status as RecordStatus]}" nên không sửa được`,
    );
  }
  return record;
}

export async function updateRegistration(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateRegistrationBody,
): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    const changes: Partial<repo.RecordRow> = {};
    if (body.registeredOn !== undefined) {
      if (body.registeredOn > todayInVietnam()) {
        throw invalid(
          'recognition.registered_in_future',
          'Ngày đăng ký không được sau ngày hôm nay',
          'registeredOn',
        );
      }
      changes.registeredOn = body.registeredOn;
    }
    if (body.resolutionRef !== undefined) changes.resolutionRef = clean(body.resolutionRef);
    if (body.planRef !== undefined) changes.planRef = clean(body.planRef);
    if (body.registrationFormRef !== undefined) changes.registrationFormRef = clean(body.registrationFormRef);
    if (body.householdsTotal !== undefined) changes.householdsTotal = body.householdsTotal;
    if (body.householdsRegistered !== undefined) changes.householdsRegistered = body.householdsRegistered;
    const next = { ...record, ...changes };
    checkHouseholds(next.householdsTotal, next.householdsRegistered);
    const updated = await repo.updateRecord(tx, id, changes);
    await recordAudit(tx, actor, {
      action: 'recognition.registration_update',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: recordAuditView(record),
      after: recordAuditView(updated),
    });
    return recordDetail(tx, actor, updated);
  });
}

export async function saveAnswers(
  db: Database,
  actor: Actor,
  id: number,
  body: AnswersBody,
): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    const rows = await repo.listCriteria(tx, record.setId);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const existing = new Map((await repo.listAnswers(tx, id)).map((row) => [row.criterionId, row]));
    for (const [index, answer] of body.answers.entries()) {
      const criterion = byId.get(answer.criterionId);
      const field = `answers.${index}`;
      if (!criterion) {
        throw invalid(
          'recognition.criterion_unknown',
          'Tiêu chí không thuộc bộ tiêu chí của hồ sơ',
          `${field}.criterionId`,
        );
      }
      if (criterion.kind === 'computed') {
        throw invalid(
          'recognition.criterion_computed',
          `Tiêu chí ${criterion.code} được tính tự động từ kết quả của các đơn vị trực thuộc`,
          `${field}.criterionId`,
        );
      }
      const events = criterion.events ?? [];
      const occurred = [...new Set(answer.occurredEvents ?? [])].sort((a, b) => a - b);
      if (occurred.some((event) => event >= events.length)) {
        throw invalid(
          'recognition.event_unknown',
          `Vụ việc không có trong danh sách của tiêu chí ${criterion.code}`,
          `${field}.occurredEvents`,
        );
      }
      const value = criterion.kind === 'number_threshold' ? (answer.value ?? null) : null;
      if (criterion.threshold?.unit === '%' && value !== null && value > 100) {
        throw invalid(
          'recognition.percent_range',
          `Tỷ lệ của tiêu chí ${criterion.code} phải từ 0 đến 100`,
          `${field}.value`,
        );
      }
      const met = criterion.kind === 'number_threshold' ? null : (answer.met ?? null);
      const note = clean(answer.note);
      const previous = existing.get(criterion.id);
      before[`tiêu chí ${criterion.code}`] = previous
        ? {
            met: previous.met,
            value: previous.value,
            occurredEvents: previous.occurredEvents,
            note: previous.note,
          }
        : null;
      after[`tiêu chí ${criterion.code}`] = { met, value, occurredEvents: occurred, note };
      await repo.upsertAnswer(tx, {
        recordId: id,
        criterionId: criterion.id,
        met,
        value,
        occurredEvents: occurred,
        note,
      });
    }
    await recordAudit(tx, actor, {
      action: 'recognition.self_assess',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before,
      after,
    });
    return recordDetail(tx, actor, await repo.updateRecord(tx, id, {}));
  });
}

export async function saveMeeting(
  db: Database,
  actor: Actor,
  id: number,
  body: MeetingBody,
): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    if (body.meetingDate > todayInVietnam()) {
      throw invalid('recognition.meeting_in_future', 'Ngày họp không được sau ngày hôm nay', 'meetingDate');
    }
    const minutes = body.meetingMinutes?.trim().normalize('NFC') || null;
    const minutesFile =
      body.minutesAttachmentId === undefined
        ? record.minutesAttachmentId
        : body.minutesAttachmentId === null
          ? null
          : (await requireRecordFile(tx, id, body.minutesAttachmentId, 'minutesAttachmentId')).id;
    if (!minutes && minutesFile === null) {
      throw invalid(
        'recognition.minutes_required',
        'Hãy ghi nội dung, kết luận của cuộc họp hoặc tải lên bản chụp biên bản họp',
        'meetingMinutes',
      );
    }
    const updated = await repo.updateRecord(tx, id, {
      meetingDate: body.meetingDate,
      meetingChair: tidyName(body.meetingChair),
      meetingAttendees: body.meetingAttendees,
      meetingMinutes: minutes,
      minutesAttachmentId: minutesFile,
    });
    await recordAudit(tx, actor, {
      action: 'recognition.meeting',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: recordAuditView(record),
      after: recordAuditView(updated),
    });
    return recordDetail(tx, actor, updated);
  });
}

export async function addEvidence(
  db: Database,
  actor: Actor,
  id: number,
  body: EvidenceBody,
): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    const criterionId = body.criterionId ?? null;
    if (criterionId !== null && !(await repo.findCriterion(tx, record.setId, criterionId))) {
      throw invalid(
        'recognition.criterion_unknown',
        'Tiêu chí không thuộc bộ tiêu chí của hồ sơ',
        'criterionId',
      );
    }
    const link = {
      teamId: null as number | null,
      modelId: null as number | null,
      attachmentId: null as number | null,
    };
    if (body.kind === 'team') {
      if (!body.teamId || !(await findTeamInScope(tx, actor.scope, body.teamId))) {
        throw invalid('recognition.team_invalid', 'Hãy chọn một tổ, đội trong phạm vi của bạn', 'teamId');
      }
      link.teamId = body.teamId;
    } else if (body.kind === 'model') {
      if (!body.modelId || !(await findModelInScope(tx, actor.scope, body.modelId))) {
        throw invalid('recognition.model_invalid', 'Hãy chọn một mô hình trong phạm vi của bạn', 'modelId');
      }
      link.modelId = body.modelId;
    } else if (body.kind === 'attachment') {
      if (!body.attachmentId) {
        throw invalid('recognition.attachment_required', 'Hãy chọn tệp đính kèm', 'attachmentId');
      }
      link.attachmentId = (await requireRecordFile(tx, id, body.attachmentId, 'attachmentId')).id;
    }
    const created = await repo.insertEvidence(tx, {
      recordId: id,
      criterionId,
      kind: body.kind,
      ...link,
      description: tidyName(body.description),
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'recognition.evidence_add',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      after: {
        evidence: created.id,
        kind: created.kind,
        criterionId,
        description: created.description,
        ...link,
      },
    });
    return recordDetail(tx, actor, record);
  });
}

/** The record as the owner of files (attachments module): in scope or absent, locked once sent or decided. */
export async function recordAsAttachmentOwner(db: Database, scope: Scope, id: number) {
  const record = await repo.findRecordInScope(db, scope, id);
  if (!record) return undefined;
  const status = record.status as RecordStatus;
  return {
    unitId: record.unitId,
    provinceCode: record.provinceCode,
    locked: EDITABLE_STATUSES.includes(status)
      ? null
      : `Hồ sơ đang ở trạng thái "${RECORD_STATUS_LABELS[status]}" nên không thêm, bớt tệp được`,
  };
}

/** A file of the record was removed: evidence pointing to it, and the minutes link, go with it. */
export const dropFileReferences = repo.dropAttachmentReferences;

/** A file attached to this very record (POST /api/attachments?entityType=recognition_record&entityId=…). */
async function requireRecordFile(
  tx: Database,
  recordId: number,
  publicId: string,
  field: string,
): Promise<attachmentsRepo.AttachmentRecord> {
  const file = await attachmentsRepo.findByPublicId(tx, publicId);
  if (!file || file.entityType !== RECORD_ENTITY || file.entityId !== recordId) {
    throw invalid(
      'recognition.attachment_invalid',
      'Tệp không thuộc hồ sơ này; hãy tải tệp lên hồ sơ trước khi gắn làm minh chứng',
      field,
    );
  }
  return file;
}

export async function removeEvidence(
  db: Database,
  actor: Actor,
  id: number,
  evidenceId: number,
): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    const evidence = await repo.findEvidence(tx, id, evidenceId);
    if (!evidence) throw notFound('recognition.evidence_not_found', 'Không tìm thấy minh chứng');
    await repo.deleteEvidence(tx, evidenceId);
    await recordAudit(tx, actor, {
      action: 'recognition.evidence_remove',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: { evidence: evidence.id, kind: evidence.kind, description: evidence.description },
    });
    return recordDetail(tx, actor, record);
  });
}

/** What keeps a record from being sent: unanswered criteria, missing evidence, no meeting record. */
function submitProblems(context: RecordContext, evidence: repo.EvidenceRecord[]): Problem[] {
  const problems: Problem[] = [];
  for (const criterion of context.criteria) {
    if (criterion.kind === 'computed') continue;
    const state = evaluateCriterion(definitionOf(criterion), toAnswer(context.answers.get(criterion.id)));
    if (state === 'unanswered') {
      problems.push({
        code: 'recognition.unanswered',
        message: `Chưa tự đánh giá tiêu chí ${criterion.code}`,
        field: `answers.${criterion.id}`,
      });
    }
    if (criterion.evidenceRequired && !evidence.some((row) => row.criterionId === criterion.id)) {
      const text = criterion.text.length > 80 ? `${criterion.text.slice(0, 80).trimEnd()}…` : criterion.text;
      problems.push({
        code: 'recognition.evidence_required',
        message: `Tiêu chí ${criterion.code} ("${text}") bắt buộc có minh chứng: hãy tải tệp (ảnh, biên bản, PDF), liên kết tổ, mô hình hoặc ghi văn bản làm minh chứng`,
        field: `evidence.${criterion.id}`,
      });
    }
  }
  const record = context.record;
  if (
    !record.meetingDate ||
    !record.meetingChair ||
    (!record.meetingMinutes && record.minutesAttachmentId === null)
  ) {
    problems.push({
      code: 'recognition.meeting_required',
      message: 'Chưa có biên bản họp tự đánh giá (ngày họp, chủ trì, nội dung hoặc bản chụp biên bản)',
      field: 'meetingDate',
    });
  }
  return problems;
}

export async function submit(db: Database, actor: Actor, id: number): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const record = await requireEditable(tx, actor, id);
    const context = await loadContext(tx, record);
    const problem = submitProblems(context, await repo.listEvidence(tx, id))[0];
    if (problem) throw refuse(problem);
    await repo.clearReturnedMarks(tx, id);
    const updated = await repo.updateRecord(tx, id, { status: 'submitted', submittedAt: new Date() });
    await recordAudit(tx, actor, {
      action: 'recognition.submit',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: { status: record.status },
      after: { status: 'submitted' },
    });
    return recordDetail(tx, actor, updated);
  });
}

/** The record, in scope, in a status the action allows, and the actor at the approving level. */
async function requireForReview(
  tx: Database,
  actor: Actor,
  id: number,
  action: 'return' | 'recognise' | 'reopen',
): Promise<RecordContext> {
  const record = await requireRecord(tx, actor, id);
  const context = await loadContext(tx, record);
  if (!(await isApprover(tx, actor, context.cycle))) {
    throw new AppError(
      'forbidden',
      'recognition.not_approving_level',
      `Hồ sơ này do ${context.cycle.approvingLevel === 'province' ? 'cấp tỉnh' : 'cấp xã'} xét công nhận`,
    );
  }
  if (!canTransition(record.status as RecordStatus, action)) {
    throw conflict(
      'recognition.wrong_status',
      `Hồ sơ đang ở trạng thái "${RECORD_STATUS_LABELS[record.status as RecordStatus]}"`,
    );
  }
  return context;
}

export async function returnRecord(
  db: Database,
  actor: Actor,
  id: number,
  body: ReturnBody,
): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const context = await requireForReview(tx, actor, id, 'return');
    const byId = new Map(context.criteria.map((row) => [row.id, row]));
    const comments: Record<string, string> = {};
    for (const [index, entry] of body.criteria.entries()) {
      const criterion = byId.get(entry.criterionId);
      if (!criterion) {
        throw invalid(
          'recognition.criterion_unknown',
          'Tiêu chí không thuộc bộ tiêu chí của hồ sơ',
          `criteria.${index}.criterionId`,
        );
      }
      const comment = entry.comment.trim().normalize('NFC');
      comments[`tiêu chí ${criterion.code}`] = comment;
      await repo.setReviewerComment(tx, id, criterion.id, comment);
    }
    const updated = await repo.updateRecord(tx, id, {
      status: 'returned',
      reviewComment: clean(body.comment),
    });
    await recordAudit(tx, actor, {
      action: 'recognition.return',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: context.record.unitId,
      provinceCode: context.record.provinceCode,
      before: { status: context.record.status },
      after: { status: 'returned' },
      details: { comments, comment: clean(body.comment) },
    });
    return recordDetail(tx, actor, updated);
  });
}

export async function decide(
  db: Database,
  actor: Actor,
  id: number,
  body: DecideBody,
): Promise<RecordDetail> {
  if (body.decisionDate > todayInVietnam()) {
    throw invalid(
      'recognition.decision_in_future',
      'Ngày quyết định không được sau ngày hôm nay',
      'decisionDate',
    );
  }
  return inTransaction(db, async (tx) => {
    const context = await requireForReview(tx, actor, id, 'recognise');
    const record = context.record;
    if (body.outcome === 'recognised') {
      if (context.children) {
        const rule = childrenRule(context.children);
        if (rule.blocking) {
          throw conflict(
            'recognition.children_pending',
            `Còn ${context.children.pending} đơn vị trực thuộc chưa được xét công nhận; hãy xét xong trước khi công nhận xã`,
          );
        }
      }
      const judgement = judge(context);
      if (judgement.disqualified) {
        throw invalid(
          'recognition.disqualified',
          'Đơn vị để xảy ra vụ việc thuộc tiêu chí "không để xảy ra" nên không thể công nhận',
          'outcome',
        );
      }
      if (!judgement.eligible) {
        const missing = [...judgement.notMet, ...judgement.unanswered];
        throw invalid(
          'recognition.criteria_not_met',
          `Chưa đạt tiêu chí ${missing.join(', ')} nên không thể công nhận`,
          'outcome',
        );
      }
    } else if (!clean(body.comment)) {
      throw invalid('recognition.reason_required', 'Hãy ghi lý do không công nhận', 'comment');
    }
    const unit = await repo.findUnit(tx, actor.unitId!, todayInVietnam());
    const updated = await repo.updateRecord(tx, id, {
      status: body.outcome,
      decidedAt: new Date(),
      decidedBy: actor.userId,
      decisionNumber: body.decisionNumber.trim(),
      decisionDate: body.decisionDate,
      decisionSigner: tidyName(body.decisionSigner),
      decisionSignerTitle: clean(body.decisionSignerTitle) ?? 'CHỦ TỊCH',
      issuingBody:
        clean(body.issuingBody) ?? `ỦY BAN NHÂN DÂN ${(unit?.fullName ?? '').toLocaleUpperCase('vi')}`,
      reviewComment: clean(body.comment),
      reopenReason: null,
    });
    await recordAudit(tx, actor, {
      action: body.outcome === 'recognised' ? 'recognition.recognise' : 'recognition.not_recognise',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: record.unitId,
      provinceCode: record.provinceCode,
      before: recordAuditView(record),
      after: recordAuditView(updated),
    });
    return recordDetail(tx, actor, updated);
  });
}

export async function reopen(
  db: Database,
  actor: Actor,
  id: number,
  body: ReopenBody,
): Promise<RecordDetail> {
  return inTransaction(db, async (tx) => {
    const context = await requireForReview(tx, actor, id, 'reopen');
    const reason = body.reason.trim().normalize('NFC');
    const updated = await repo.updateRecord(tx, id, { status: 'submitted', reopenReason: reason });
    await recordAudit(tx, actor, {
      action: 'recognition.reopen',
      entityType: RECORD_ENTITY,
      entityId: id,
      unitId: context.record.unitId,
      provinceCode: context.record.provinceCode,
      before: { status: context.record.status },
      after: { status: 'submitted' },
      details: { reason },
    });
    return recordDetail(tx, actor, updated);
  });
}

// ---- unit lists and dashboard ------------------------------------------------------------------------------------

export async function basePathOf(db: Database, actor: Actor, unitId: number | undefined, date: string) {
  const id = unitId ?? actor.unitId;
  if (id === null) return null;
  if (!(await isInScope(db, actor.scope, id))) {
    throw notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${id}`);
  }
  const unit = await repo.findUnit(db, id, date);
  if (!unit) throw notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${id}`);
  return unit.path;
}

export async function listUnitStatus(
  db: Database,
  actor: Actor,
  query: UnitStatusQuery,
): Promise<ListResult<UnitStatusItem>> {
  const today = todayInVietnam();
  const date = countingDate(query.year, today);
  const basePath = await basePathOf(db, actor, query.unit, date);
  const paged = paging(query);
  const { rows, total } = await repo.listUnitStatuses(db, {
    scope: actor.scope,
    basePath,
    year: query.year,
    date,
    today,
    search: searchTerm(query.q),
    target: query.target,
    state: query.state,
    limit: paged.limit,
    offset: paged.offset,
  });
  checkPage(paged, total);
  const units = await repo.recordUnits(
    db,
    rows.map((row) => row.unitId),
    today,
  );
  return {
    items: rows.map((row) => ({
      unit: units.get(row.unitId)!,
      target: row.target,
      recordId: row.recordId,
      status: row.status,
      statusLabel: row.status ? RECORD_STATUS_LABELS[row.status] : 'Chưa đăng ký',
      overdue:
        row.overdueKind && row.overdueDeadline
          ? { kind: row.overdueKind, deadline: row.overdueDeadline, label: OVERDUE_LABELS[row.overdueKind] }
          : null,
      classificationLevel: row.classificationLevel,
    })),
    total,
    page: paged.page,
    pageSize: paged.pageSize,
  };
}

/**
 * The facts behind the standard's indicators (STANDARD_INDICATORS) for a year: units taking part, records by
 * status, overdue units (deadlines of the province's cycle or the circular's), approved classification levels.
 * The dashboard rolls them up; a report computing the same indicators can use the same sources.
 */
export function standardFactSources(year: number, today: string): IndicatorSources {
  return repo.recognitionIndicatorSources(year, today);
}

/**
 * Counts below a unit for a year, on the hierarchy the reader chooses: units taking part, records by status,
 * overdue units, and the classification by level; plus the share recognised of every row.
 */
export async function dashboard(
  db: Database,
  actor: Actor,
  query: DashboardQuery & { asOf?: string | undefined },
): Promise<DashboardResponse> {
  const today = todayInVietnam();
  const asOf = query.asOf ?? countingDate(query.year, today);
  const unitId = query.unit ?? actor.unitId;
  const year = query.year;
  const summary = await rollup(db, {
    definitions: STANDARD_INDICATORS,
    sources: standardFactSources(year, today),
    unitId: unitId ?? null,
    asOf,
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
  });
  const shareOf = (values: Record<string, number>) => {
    const units = values.standard_units ?? 0;
    const recognised = values['standard_records:recognised'] ?? 0;
    return {
      share: units === 0 ? 0 : (recognised * 100) / units,
      label: `${recognised}/${units} = ${percent(recognised, units)}`,
    };
  };
  return {
    year,
    summary,
    shares: Object.fromEntries(summary.rows.map((row) => [row.key, shareOf(row.values)])),
    totalShare: shareOf(summary.total),
  };
}
