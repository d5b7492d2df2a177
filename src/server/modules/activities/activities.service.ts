/**
 * Use cases of the activities registry: kinds (configurable), activities with their festival-day and class facts,
 * the plausibility check of participant figures (warn, then keep the reason the person confirms with), the
 * calendar, a unit's timeline and the summary.
 */
import type {
  ActivityDetail,
  ActivityItem,
  ActivityKind,
  ActivityListQuery,
  Calendar,
  CalendarQuery,
  CreateActivityBody,
  CreateActivityKindBody,
  PlausibilityCheckBody,
  PlausibilityCheckResult,
  PopulationBody,
  PopulationList,
  Timeline,
  TimelineQuery,
  UpdateActivityBody,
  UpdateActivityKindBody,
} from '../../../contracts/activities.js';
import type { ListResult } from '../../../contracts/common.js';
import type { PeriodSummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import {
  type ActivityTrait,
  activityProblems,
  LEARNER_GROUP_LABELS,
  type LearnerGroup,
  ORGANISER_LABELS,
  type Organiser,
  type PilotLevel,
  PLAUSIBILITY_SETTINGS,
  type PlausibilityWarning,
  plausibilityWarnings,
  SEEDED_ACTIVITY_KINDS,
} from '../../../domain/activities.js';
import { daysInMonth, formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../domain/documents.js';
import { conflict, invalid, notFound } from '../../../domain/errors.js';
import { ACTIVITY_SUMMARY_INDICATORS } from '../../../domain/indicators.js';
import { hasPermission } from '../../../domain/roles.js';
import type { RuleProblem } from '../../../domain/teams.js';
import { normalizeForSearch } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import type { FileService } from '../../lib/files/file-service.js';
import { checkPage, checkRange, paging, searchTerm, unitFilterScope } from '../../registry/list.js';
import { existedOn, loadUnitsInScope, toRecordUnit } from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
import {
  attachmentsOf,
  discardFiles,
  moveAttachments,
  removeAttachmentsOf,
} from '../attachments/attachments.service.js';
import { listEntityHistory, recordAudit } from '../audit/audit.service.js';
import { awardsForTimeline } from '../awards/awards.service.js';
import { documentsForTimeline, findVisibleDocument } from '../documents/documents.service.js';
import { feedbackForTimeline } from '../feedback/feedback.service.js';
import { cleanText } from '../teams/teams.service.js';
import * as repo from './activities.repo.js';

const activityNotFound = () => notFound('activities.not_found', 'Không tìm thấy hoạt động');
const refuse = (problem: RuleProblem) => invalid(problem.code, problem.message, problem.field);

// ---- kinds -------------------------------------------------------------------------------------------------------

/** Installs the kinds of DOMAIN.md when the server starts; kinds renamed or retired later keep their changes. */
export async function ensureActivityKinds(db: Database): Promise<void> {
  await repo.insertMissingKinds(
    db,
    SEEDED_ACTIVITY_KINDS.map((kind, index) => ({ ...kind, sortOrder: (index + 1) * 10 })),
  );
}

function toKind(row: repo.ActivityKindRecord): ActivityKind {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    trait: row.trait as ActivityTrait,
    active: row.active,
    sortOrder: row.sortOrder,
  };
}

export async function listKinds(db: Database): Promise<{ items: ActivityKind[] }> {
  return { items: (await repo.listKinds(db)).map(toKind) };
}

export async function createKind(
  db: Database,
  actor: Actor,
  body: CreateActivityKindBody,
): Promise<ActivityKind> {
  const name = cleanText(body.name);
  if (!name) throw invalid('activity_kinds.name_required', 'Tên loại hoạt động không được để trống', 'name');
  return inTransaction(db, async (tx) => {
    const kind = await repo.insertKind(tx, {
      code: body.code,
      name,
      trait: body.trait ?? 'general',
      sortOrder: body.sortOrder ?? 500,
    });
    if (!kind) throw conflict('activity_kinds.code_taken', `Mã loại "${body.code}" đã có`, 'code');
    await recordAudit(tx, actor, {
      action: 'activity_kind.created',
      entityType: 'activity_kind',
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
  body: UpdateActivityKindBody,
): Promise<ActivityKind> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findKind(tx, id);
    if (!before) throw notFound('activity_kinds.not_found', 'Không tìm thấy loại hoạt động');
    const changes: Partial<repo.ActivityKindRecord> = {};
    if (body.name !== undefined) {
      const name = cleanText(body.name);
      if (!name)
        throw invalid('activity_kinds.name_required', 'Tên loại hoạt động không được để trống', 'name');
      changes.name = name;
    }
    if (body.active !== undefined) changes.active = body.active;
    if (body.sortOrder !== undefined) changes.sortOrder = body.sortOrder;
    const after = await repo.updateKind(tx, id, changes);
    await recordAudit(tx, actor, {
      action: 'activity_kind.updated',
      entityType: 'activity_kind',
      entityId: id,
      before: toKind(before),
      after: toKind(after),
    });
    return toKind(after);
  });
}

// ---- reading -----------------------------------------------------------------------------------------------------

export function toActivityItem(row: repo.ActivityListRow): ActivityItem {
  const festival =
    row.kind.trait === 'festival'
      ? {
          ceremonyHeld: row.ceremonyHeld,
          festivalHeld: row.festivalHeld,
          pilot: row.pilot,
          pilotChosenBy: row.pilotChosenBy as PilotLevel | null,
          giftsCount: row.giftsCount,
          giftsValueVnd: row.giftsValueVnd === null ? null : Number(row.giftsValueVnd),
        }
      : null;
  return {
    id: row.id,
    kind: { ...row.kind, trait: row.kind.trait as ActivityTrait },
    title: row.title,
    unit: toRecordUnit(row.unit),
    provinceCode: row.provinceCode,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    organisers: row.organisers as Organiser[],
    organiserLabels: row.organisers.map((code) => ORGANISER_LABELS[code as Organiser] ?? code),
    organiserOther: row.organiserOther,
    participants: row.participants,
    learners: row.learners.map((learner) => ({
      group: learner.group as LearnerGroup,
      groupLabel: LEARNER_GROUP_LABELS[learner.group as LearnerGroup] ?? learner.group,
      count: learner.count,
    })),
    learnerTotal: row.learners.reduce((sum, learner) => sum + learner.count, 0),
    festival,
    plan: row.plan
      ? {
          ...row.plan,
          kind: row.plan.kind as DocumentKind,
          kindLabel: DOCUMENT_KIND_LABELS[row.plan.kind as DocumentKind],
        }
      : null,
    planText: row.planText,
    notes: row.notes,
    plausibility:
      row.plausibilityReason && row.plausibilityWarnings
        ? {
            warnings: row.plausibilityWarnings as Array<PlausibilityWarning>,
            reason: row.plausibilityReason,
          }
        : null,
    attachmentCount: row.attachmentCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function activityFilter(
  db: Database,
  actor: Actor,
  query: Omit<ActivityListQuery, 'page' | 'pageSize'>,
): Promise<repo.ActivityFilter> {
  checkRange(query.from, query.to);
  return {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    kindIds: query.kind,
    trait: query.trait,
    pilot: query.pilot,
    planId: query.plan,
    flagged: query.flagged,
    from: query.from,
    to: query.to,
    startedBy: query.asOf,
    search: searchTerm(query.q),
  };
}

export async function listActivities(
  db: Database,
  actor: Actor,
  query: ActivityListQuery,
): Promise<ListResult<ActivityItem>> {
  const paged = paging(query);
  const { rows, total } = await repo.listActivities(db, await activityFilter(db, actor, query), {
    sort: query.sort,
    limit: paged.limit,
    offset: paged.offset,
    today: todayInVietnam(),
  });
  checkPage(paged, total);
  return { items: rows.map(toActivityItem), total, page: paged.page, pageSize: paged.pageSize };
}

/** The activity when it lies in the scope (attachments and feedback of other modules ask through this). */
export async function findActivity(db: Database, scope: Scope, id: number) {
  return repo.findActivityInScope(db, scope, id);
}

export async function getActivity(db: Database, actor: Actor, id: number): Promise<ActivityDetail> {
  if (!(await repo.findActivityInScope(db, actor.scope, id))) throw activityNotFound();
  return activityDetail(db, id);
}

async function activityDetail(db: Database, id: number): Promise<ActivityDetail> {
  const [row, attachments, feedbackCount, history] = await Promise.all([
    repo.findActivityRow(db, id, todayInVietnam()),
    attachmentsOf(db, 'activity', id),
    repo.countFeedbackAt(db, id),
    listEntityHistory(db, 'activity', id),
  ]);
  return { ...toActivityItem(row!), attachments, feedbackCount, history };
}

// ---- plausibility ---------------------------------------------------------------------------------------------------

async function plausibilityFor(
  db: Database,
  input: {
    unitId: number;
    unitName: string;
    kindId: number;
    startsOn: string;
    participants: number | null;
    excludeId: number | null;
  },
) {
  const [population, previous] = await Promise.all([
    repo.populationFor(db, input.unitId, Number(input.startsOn.slice(0, 4))),
    repo.previousFigures(db, {
      unitId: input.unitId,
      kindId: input.kindId,
      before: input.startsOn,
      excludeId: input.excludeId,
      limit: PLAUSIBILITY_SETTINGS.previousFiguresCompared,
    }),
  ]);
  return {
    population,
    previousFigures: previous,
    warnings: plausibilityWarnings({
      participants: input.participants,
      population,
      unitName: input.unitName,
      previousFigures: previous,
    }),
  };
}

/** What the form shows before saving: the warnings a figure would raise. */
export async function checkPlausibility(
  db: Database,
  actor: Actor,
  body: PlausibilityCheckBody,
): Promise<PlausibilityCheckResult> {
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [body.unitId] });
  if (!unit)
    throw invalid('activities.unit_invalid', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn', 'unitId');
  return plausibilityFor(db, {
    unitId: unit.id,
    unitName: unit.fullName,
    kindId: body.kindId,
    startsOn: body.startsOn,
    participants: body.participants,
    excludeId: body.activityId ?? null,
  });
}

/**
 * With warnings, the figure is saved only with a reason: the new one given now, or the one kept from before when
 * the figure itself did not change. Without warnings no reason is kept.
 */
function confirmedReason(
  warnings: readonly PlausibilityWarning[],
  given: string | undefined,
  kept: string | null,
): string | null {
  if (warnings.length === 0) return null;
  const reason = cleanText(given) ?? kept;
  if (!reason) {
    throw conflict(
      'activities.figure_unconfirmed',
      `${warnings.map((warning) => warning.message).join('. ')}. Hãy kiểm tra lại, hoặc xác nhận số liệu kèm lý do.`,
      'participants',
    );
  }
  return reason;
}

// ---- changes -----------------------------------------------------------------------------------------------------

interface Resolved {
  kind: repo.ActivityKindRecord;
  unit: { id: number; fullName: string; provinceCode: string };
  planDocumentId: number | null;
}

async function resolveFacts(
  db: Database,
  actor: Actor,
  input: {
    kindId: number;
    kindChanged: boolean;
    unitId: number;
    startsOn: string;
    endsOn: string | null;
    participants: number | null;
    learners: ReadonlyArray<{ group: LearnerGroup; count: number }>;
    festival: CreateActivityBody['festival'];
    planDocumentId: number | null;
    title: string;
  },
): Promise<Resolved> {
  if (!input.title) throw invalid('activities.title_required', 'Tên hoạt động không được để trống', 'title');
  const kind = await repo.findKind(db, input.kindId);
  if (!kind) throw invalid('activities.kind_invalid', 'Không có loại hoạt động này', 'kindId');
  if (input.kindChanged && !kind.active) {
    throw invalid('activities.kind_inactive', `Loại hoạt động "${kind.name}" đã ngừng sử dụng`, 'kindId');
  }
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [input.unitId] });
  if (!unit)
    throw invalid('activities.unit_invalid', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn', 'unitId');
  if (!existedOn(unit, input.startsOn)) {
    throw invalid(
      'activities.unit_not_on_date',
      `${unit.fullName} không tồn tại vào ngày ${formatDateVi(input.startsOn)}: hoạt động gắn với đơn vị của thời điểm đó`,
      'startsOn',
    );
  }
  const festival = input.festival ?? {};
  const [problem] = activityProblems(
    {
      trait: kind.trait as ActivityTrait,
      kindName: kind.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      participants: input.participants,
      learners: input.learners,
      festival: {
        ceremonyHeld: festival.ceremonyHeld ?? null,
        festivalHeld: festival.festivalHeld ?? null,
        pilot: festival.pilot ?? null,
        pilotChosenBy: festival.pilotChosenBy ?? null,
        giftsCount: festival.giftsCount ?? null,
        giftsValueVnd: festival.giftsValueVnd ?? null,
      },
    },
    todayInVietnam(),
  );
  if (problem) throw refuse(problem);
  if (input.planDocumentId !== null && !(await findVisibleDocument(db, actor.scope, input.planDocumentId))) {
    throw invalid(
      'activities.plan_not_found',
      'Không tìm thấy văn bản kế hoạch, chương trình',
      'planDocumentId',
    );
  }
  return { kind, unit, planDocumentId: input.planDocumentId };
}

function auditView(row: repo.ActivityRecord) {
  return {
    kindId: row.kindId,
    title: row.title,
    unitId: row.unitId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    organisers: row.organisers,
    organiserOther: row.organiserOther,
    participants: row.participants,
    learners: row.learners,
    ceremonyHeld: row.ceremonyHeld,
    festivalHeld: row.festivalHeld,
    pilot: row.pilot,
    pilotChosenBy: row.pilotChosenBy,
    giftsCount: row.giftsCount,
    giftsValueVnd: row.giftsValueVnd,
    planDocumentId: row.planDocumentId,
    planText: row.planText,
    notes: row.notes,
    plausibilityReason: row.plausibilityReason,
  };
}

function festivalColumns(trait: string, festival: CreateActivityBody['festival']) {
  const value = trait === 'festival' ? (festival ?? {}) : {};
  return {
    ceremonyHeld: value.ceremonyHeld ?? null,
    festivalHeld: value.festivalHeld ?? null,
    pilot: value.pilot ?? null,
    pilotChosenBy: value.pilotChosenBy ?? null,
    giftsCount: value.giftsCount ?? null,
    giftsValueVnd: value.giftsValueVnd ?? null,
  };
}

export async function createActivity(
  db: Database,
  actor: Actor,
  body: CreateActivityBody,
): Promise<ActivityDetail> {
  const id = await inTransaction(db, async (tx) => {
    const title = cleanText(body.title) ?? '';
    const learners = body.learners ?? [];
    const participants = body.participants ?? null;
    const { kind, unit, planDocumentId } = await resolveFacts(tx, actor, {
      kindId: body.kindId,
      kindChanged: true,
      unitId: body.unitId,
      startsOn: body.startsOn,
      endsOn: body.endsOn ?? null,
      participants,
      learners,
      festival: body.festival,
      planDocumentId: body.planDocumentId ?? null,
      title,
    });
    const { warnings } = await plausibilityFor(tx, {
      unitId: unit.id,
      unitName: unit.fullName,
      kindId: kind.id,
      startsOn: body.startsOn,
      participants,
      excludeId: null,
    });
    const reason = confirmedReason(warnings, body.confirmation?.reason, null);
    const [row] = await repo.insertActivities(tx, [
      {
        kindId: kind.id,
        title,
        searchTitle: normalizeForSearch(title),
        unitId: unit.id,
        provinceCode: unit.provinceCode,
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? null,
        organisers: [...new Set(body.organisers ?? [])],
        organiserOther: cleanText(body.organiserOther),
        participants,
        learners: kind.trait === 'class' ? learners : [],
        ...festivalColumns(kind.trait, body.festival),
        planDocumentId,
        planText: cleanText(body.planText),
        notes: cleanText(body.notes),
        plausibilityWarnings: reason ? warnings : null,
        plausibilityReason: reason,
        plausibilityConfirmedBy: reason ? actor.userId : null,
        createdBy: actor.userId,
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'activity.created',
      entityType: 'activity',
      entityId: row!.id,
      unitId: row!.unitId,
      provinceCode: row!.provinceCode,
      after: auditView(row!),
      ...(reason
        ? { details: { plausibilityWarnings: warnings.map((warning) => warning.code), reason } }
        : {}),
    });
    return row!.id;
  });
  return activityDetail(db, id);
}

export async function updateActivity(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateActivityBody,
): Promise<ActivityDetail> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findActivityInScope(tx, actor.scope, id);
    if (!before) throw activityNotFound();
    const kindId = body.kindId ?? before.kindId;
    const title = body.title === undefined ? before.title : (cleanText(body.title) ?? '');
    const participants = body.participants === undefined ? before.participants : body.participants;
    const startsOn = body.startsOn ?? before.startsOn;
    const endsOn = body.endsOn === undefined ? before.endsOn : body.endsOn;
    const learners = body.learners ?? (before.learners as Array<{ group: LearnerGroup; count: number }>);
    const festival =
      body.festival === undefined
        ? {
            ceremonyHeld: before.ceremonyHeld,
            festivalHeld: before.festivalHeld,
            pilot: before.pilot,
            pilotChosenBy: before.pilotChosenBy as PilotLevel | null,
            giftsCount: before.giftsCount,
            giftsValueVnd: before.giftsValueVnd,
          }
        : body.festival;
    const { kind, unit, planDocumentId } = await resolveFacts(tx, actor, {
      kindId,
      kindChanged: kindId !== before.kindId,
      unitId: body.unitId ?? before.unitId,
      startsOn,
      endsOn,
      participants,
      learners,
      festival,
      planDocumentId: body.planDocumentId === undefined ? before.planDocumentId : body.planDocumentId,
      title,
    });
    const { warnings } = await plausibilityFor(tx, {
      unitId: unit.id,
      unitName: unit.fullName,
      kindId: kind.id,
      startsOn,
      participants,
      excludeId: id,
    });
    const figureUnchanged =
      participants === before.participants && unit.id === before.unitId && kind.id === before.kindId;
    const reason = confirmedReason(
      warnings,
      body.confirmation?.reason,
      figureUnchanged ? before.plausibilityReason : null,
    );
    const after = await repo.updateActivity(tx, id, {
      kindId: kind.id,
      title,
      searchTitle: normalizeForSearch(title),
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      startsOn,
      endsOn,
      organisers: body.organisers ? [...new Set(body.organisers)] : before.organisers,
      organiserOther:
        body.organiserOther === undefined ? before.organiserOther : cleanText(body.organiserOther),
      participants,
      learners: kind.trait === 'class' ? learners : [],
      ...festivalColumns(kind.trait, festival),
      planDocumentId,
      planText: body.planText === undefined ? before.planText : cleanText(body.planText),
      notes: body.notes === undefined ? before.notes : cleanText(body.notes),
      plausibilityWarnings: reason ? warnings : null,
      plausibilityReason: reason,
      plausibilityConfirmedBy: reason
        ? reason === before.plausibilityReason
          ? before.plausibilityConfirmedBy
          : actor.userId
        : null,
    });
    if (after.unitId !== before.unitId)
      await moveAttachments(tx, 'activity', id, after.unitId, after.provinceCode);
    await recordAudit(tx, actor, {
      action: 'activity.updated',
      entityType: 'activity',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: auditView(before),
      after: auditView(after),
      ...(reason && reason !== before.plausibilityReason
        ? { details: { plausibilityWarnings: warnings.map((warning) => warning.code), reason } }
        : {}),
    });
  });
  return activityDetail(db, id);
}

// ---- population ------------------------------------------------------------------------------------------------

export async function listPopulations(db: Database, actor: Actor, unitId: number): Promise<PopulationList> {
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [unitId] });
  if (!unit) throw notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${unitId}`);
  return { items: await repo.listPopulations(db, unitId) };
}

export async function setPopulation(
  db: Database,
  actor: Actor,
  unitId: number,
  year: number,
  body: PopulationBody,
): Promise<PopulationList> {
  await inTransaction(db, async (tx) => {
    const [unit] = await loadUnitsInScope(tx, actor.scope, { ids: [unitId] });
    if (!unit) throw notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${unitId}`);
    if (year > Number(todayInVietnam().slice(0, 4))) {
      throw invalid('population.year_future', 'Năm không được sau năm nay', 'year');
    }
    const source = cleanText(body.source);
    await repo.upsertPopulation(tx, {
      unitId,
      year,
      population: body.population,
      provinceCode: unit.provinceCode,
      source,
    });
    await recordAudit(tx, actor, {
      action: 'unit.population_set',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      provinceCode: unit.provinceCode,
      details: { year, population: body.population, source },
    });
  });
  return listPopulations(db, actor, unitId);
}

// ---- calendar, timeline, summary ------------------------------------------------------------------------------------

const CALENDAR_LIMIT = 2000;

export async function calendar(db: Database, actor: Actor, query: CalendarQuery): Promise<Calendar> {
  const from = `${query.year}-${String(query.month ?? 1).padStart(2, '0')}-01`;
  const lastMonth = query.month ?? 12;
  const to = `${query.year}-${String(lastMonth).padStart(2, '0')}-${String(daysInMonth(query.year, lastMonth)).padStart(2, '0')}`;
  const filter: repo.ActivityFilter = {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    kindIds: query.kind,
    from,
    to,
  };
  const today = todayInVietnam();
  const [rows, perDay] = await Promise.all([
    repo.listCalendar(db, filter, CALENDAR_LIMIT + 1, today),
    repo.countByStartDay(db, filter),
  ]);
  const months = new Map<number, number>();
  for (const day of perDay) {
    if (day.date < from) continue;
    const month = Number(day.date.slice(5, 7));
    months.set(month, (months.get(month) ?? 0) + day.count);
  }
  return {
    from,
    to,
    items: rows.slice(0, CALENDAR_LIMIT).map((row) => ({
      ...row,
      kind: { ...row.kind, trait: row.kind.trait as ActivityTrait },
      unit: toRecordUnit(row.unit),
    })),
    truncated: rows.length > CALENDAR_LIMIT,
    days: perDay.filter((day) => day.date >= from),
    months: [...months.entries()].sort((a, b) => a[0] - b[0]).map(([month, count]) => ({ month, count })),
  };
}

/** What happened at a unit (and below it), newest first: activities, awards, feedback, local documents. */
export async function timeline(db: Database, actor: Actor, query: TimelineQuery): Promise<Timeline> {
  checkRange(query.from, query.to);
  const today = todayInVietnam();
  const to = query.to ?? today;
  const from = query.from ?? `${Number(to.slice(0, 4)) - 4}-01-01`;
  const area = (await unitFilterScope(db, actor.scope, query.unit))!;
  const exact: Scope | null = query.subtree === false ? area : null;
  const onlyUnit = (unit: { id: number } | null) => exact === null || unit?.id === query.unit;
  const items: Timeline['items'] = [];
  if (hasPermission(actor.role, 'activities.read')) {
    const { rows } = await repo.listActivities(
      db,
      { scope: actor.scope, unitScope: area, from, to },
      { sort: '-startsOn', limit: 500, offset: 0, today },
    );
    for (const row of rows) {
      const unit = toRecordUnit(row.unit);
      if (!onlyUnit(unit)) continue;
      items.push({
        date: row.startsOn,
        type: 'activity',
        id: row.id,
        title: row.title,
        detail: `${row.kind.name}${row.participants !== null ? `, ${row.participants.toLocaleString('vi-VN')} lượt người` : ''}`,
        unit,
      });
    }
  }
  if (hasPermission(actor.role, 'awards.read')) {
    for (const entry of await awardsForTimeline(db, actor, area, from, to)) {
      if (onlyUnit(entry.unit)) items.push({ ...entry, type: 'award' });
    }
  }
  if (hasPermission(actor.role, 'feedback.read')) {
    for (const entry of await feedbackForTimeline(db, actor, area, from, to)) {
      if (onlyUnit(entry.unit)) items.push({ ...entry, type: 'feedback' });
    }
  }
  if (hasPermission(actor.role, 'documents.read')) {
    for (const entry of await documentsForTimeline(db, actor, area, from, to)) {
      if (onlyUnit(entry.unit)) items.push({ ...entry, type: 'document' });
    }
  }
  items.sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  return { from, to, items };
}

export async function activitiesSummary(
  db: Database,
  actor: Actor,
  query: PeriodSummaryQuery,
): Promise<SummaryResponse> {
  const kinds = await repo.listKinds(db);
  const asOf = query.asOf ?? todayInVietnam();
  checkRange(query.from, asOf);
  return rollup(db, {
    definitions: ACTIVITY_SUMMARY_INDICATORS,
    sources: repo.ACTIVITY_INDICATOR_SOURCES,
    unitId: query.unit ?? actor.unitId,
    asOf,
    ...(query.from ? { from: query.from } : {}),
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
    dynamicValues: { activity_kind: kinds.map((kind) => ({ key: kind.code, label: kind.name })) },
  });
}

/**
 * Deletes an activity entered by mistake (twice, or at the wrong unit): the record as it was, its attachments and the
 * reason go into the audit trail. Refused while residents' feedback heard at it is linked to it.
 */
export async function deleteActivity(
  db: Database,
  files: FileService,
  actor: Actor,
  id: number,
  reason: string,
): Promise<void> {
  const removed = await inTransaction(db, async (tx) => {
    const before = await repo.findActivityInScope(tx, actor.scope, id);
    if (!before) throw activityNotFound();
    const feedbackCount = await repo.countFeedbackAt(tx, id);
    if (feedbackCount > 0) {
      throw conflict(
        'activities.has_feedback',
        `Hoạt động này có ${feedbackCount} ý kiến phản ánh của Nhân dân gắn với nó: gỡ hoặc xóa các ý kiến đó trước`,
      );
    }
    const attachments = await removeAttachmentsOf(tx, 'activity', id);
    await repo.deleteActivity(tx, id);
    await recordAudit(tx, actor, {
      action: 'activity.deleted',
      entityType: 'activity',
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
