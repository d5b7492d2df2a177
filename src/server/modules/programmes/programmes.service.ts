/**
 * Use cases of coordination programmes: programmes with phases and the directive documents they implement, unit
 * plans, and tasks with progress notes (also used for the conclusions of steering committee meetings). Each change
 * is one transaction with its audit event.
 */
import type {
  CreateProgrammeBody,
  PlanBody,
  PlanDetail,
  PlanItem,
  ProgrammeDetail,
  ProgrammeItem,
  ProgrammeList,
  ProgressQuery,
  ProgressView,
  StateCounts,
  TaskBody,
  TaskItem,
  TaskNoteBody,
  UpdateProgrammeBody,
  UpdateTaskBody,
} from '../../../contracts/programmes.js';
import {
  PROGRAMME_LEVEL_LABELS,
  type ProgrammeLevel,
  TASK_STATE_LABELS,
  TASK_STATUS_LABELS,
  taskStateOn,
  yearViewDate,
} from '../../../domain/coordination.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../domain/documents.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { hasPermission } from '../../../domain/roles.js';
import { normalizeForSearch, tidyName } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { existedOn, loadUnitsInScope, toRecordUnit } from '../../registry/units.js';
import { recordAudit } from '../audit/audit.service.js';
import { findBySeedKeys, findDocumentVisible } from '../documents/documents.repo.js';
import { ensureSeededDocuments } from '../documents/documents.service.js';
import * as repo from './programmes.repo.js';

const programmeNotFound = () => notFound('programmes.not_found', 'Không tìm thấy chương trình phối hợp');
const planNotFound = () => notFound('programmes.plan_not_found', 'Không tìm thấy kế hoạch thực hiện');
const taskNotFound = () => notFound('tasks.not_found', 'Không tìm thấy nhiệm vụ');

/** A task found in the reader's scope that may still change (not a conclusion of a cancelled meeting). */
async function requireOpenTask(db: Database, actor: Actor, taskId: number): Promise<repo.TaskRow> {
  const task = await repo.findTaskInScope(db, actor.scope, taskId);
  if (!task) throw taskNotFound();
  if (task.meetingCancelled) {
    throw conflict(
      'tasks.meeting_cancelled',
      'Cuộc họp giao kết luận này đã bị hủy, không cập nhật kết luận được nữa',
    );
  }
  return task;
}

export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = tidyName(value);
  return text === '' ? null : text;
}

export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.normalize('NFC').trim();
  return text === '' ? null : text;
}

export const canWriteProgrammes = (actor: Actor) => hasPermission(actor.role, 'programmes.write');

function requireWriter(actor: Actor): void {
  if (!canWriteProgrammes(actor))
    throw new AppError('forbidden', 'auth.forbidden', 'Bạn không có quyền thực hiện thao tác này');
}

function notFuture(date: string, field: string, label: string, today = todayInVietnam()): void {
  if (date > today) throw invalid('programmes.date_in_future', `${label} không được sau ngày hôm nay`, field);
}

const reader = (actor: Actor): repo.Reader => ({ scope: actor.scope, unitId: actor.unitId });

// ---- tasks ------------------------------------------------------------------------------------------------------

export function toTaskItem(row: repo.TaskRow, actor: Actor, today = todayInVietnam()): TaskItem {
  const state = taskStateOn(row, today);
  return {
    id: row.id,
    title: row.title,
    ownerOrganisation: row.ownerOrganisation,
    dueOn: row.dueOn,
    status: row.status,
    statusLabel: TASK_STATUS_LABELS[row.status],
    state,
    stateLabel: TASK_STATE_LABELS[state],
    startedOn: row.startedOn,
    doneOn: row.doneOn,
    notes: row.notes,
    canEdit: canWriteProgrammes(actor) && !row.meetingCancelled,
  };
}

export function emptyCounts(): StateCounts {
  return { total: 0, done: 0, late: 0, inProgress: 0, notStarted: 0 };
}

/** Task rows ready to insert for a plan or a meeting; titles and owners are required, text is tidied. */
export function newTasks(
  owner: { planId?: number; meetingId?: number; unitId: number; provinceCode: string },
  bodies: readonly TaskBody[],
  actor: Actor,
  fieldPrefix = '',
): repo.NewTask[] {
  return bodies.map((body, index) => {
    const title = cleanText(body.title);
    const ownerOrganisation = clean(body.ownerOrganisation);
    const at = (field: string) => (fieldPrefix ? `${fieldPrefix}.${index}.${field}` : field);
    if (!title) throw invalid('tasks.title_required', 'Nội dung nhiệm vụ không được để trống', at('title'));
    if (!ownerOrganisation)
      throw invalid(
        'tasks.owner_required',
        'Cơ quan, tổ chức chủ trì không được để trống',
        at('ownerOrganisation'),
      );
    return {
      planId: owner.planId ?? null,
      meetingId: owner.meetingId ?? null,
      unitId: owner.unitId,
      provinceCode: owner.provinceCode,
      title,
      ownerOrganisation,
      dueOn: body.dueOn ?? null,
      status: 'not_started',
      createdBy: actor.userId,
    };
  });
}

function taskAuditView(
  task: Pick<repo.TaskRow, 'title' | 'ownerOrganisation' | 'dueOn' | 'status' | 'startedOn' | 'doneOn'>,
) {
  return {
    title: task.title,
    ownerOrganisation: task.ownerOrganisation,
    dueOn: task.dueOn,
    status: task.status,
    startedOn: task.startedOn,
    doneOn: task.doneOn,
  };
}

export async function updateTask(
  db: Database,
  actor: Actor,
  taskId: number,
  body: UpdateTaskBody,
): Promise<TaskItem> {
  requireWriter(actor);
  const today = todayInVietnam();
  return inTransaction(db, async (tx) => {
    const task = await requireOpenTask(tx, actor, taskId);
    await repo.lockTask(tx, task.id);
    const changes: Partial<repo.NewTask> = {};
    if (body.title !== undefined) {
      const title = cleanText(body.title);
      if (!title) throw invalid('tasks.title_required', 'Nội dung nhiệm vụ không được để trống', 'title');
      changes.title = title;
    }
    if (body.ownerOrganisation !== undefined) {
      const owner = clean(body.ownerOrganisation);
      if (!owner)
        throw invalid(
          'tasks.owner_required',
          'Cơ quan, tổ chức chủ trì không được để trống',
          'ownerOrganisation',
        );
      changes.ownerOrganisation = owner;
    }
    if (body.dueOn !== undefined) changes.dueOn = body.dueOn;
    if (body.status !== undefined && body.status !== task.status) {
      const date = body.statusDate ?? today;
      notFuture(date, 'statusDate', 'Ngày cập nhật tiến độ', today);
      changes.status = body.status;
      if (body.status === 'not_started') {
        changes.startedOn = null;
        changes.doneOn = null;
      } else if (body.status === 'in_progress') {
        changes.startedOn = task.startedOn ?? date;
        changes.doneOn = null;
      } else {
        changes.startedOn = task.startedOn ?? date;
        changes.doneOn = date;
      }
    }
    const updated = await repo.updateTask(tx, task.id, changes);
    await recordAudit(tx, actor, {
      action: 'task.updated',
      entityType: 'task',
      entityId: task.id,
      unitId: task.unitId,
      provinceCode: task.provinceCode,
      before: taskAuditView(task),
      after: taskAuditView({ ...updated, status: updated.status as repo.TaskRow['status'] }),
    });
    return toTaskItem((await repo.findTaskInScope(tx, actor.scope, task.id))!, actor, today);
  });
}

export async function addTaskNote(
  db: Database,
  actor: Actor,
  taskId: number,
  body: TaskNoteBody,
): Promise<TaskItem> {
  requireWriter(actor);
  const today = todayInVietnam();
  notFuture(body.notedOn, 'notedOn', 'Ngày ghi tiến độ', today);
  const note = cleanText(body.note);
  if (!note) throw invalid('tasks.note_required', 'Nội dung tiến độ không được để trống', 'note');
  return inTransaction(db, async (tx) => {
    const task = await requireOpenTask(tx, actor, taskId);
    await repo.insertTaskNote(tx, {
      taskId: task.id,
      notedOn: body.notedOn,
      note,
      recordedBy: actor.userId,
      recordedByName: actor.username,
    });
    await recordAudit(tx, actor, {
      action: 'task.progress_noted',
      entityType: 'task',
      entityId: task.id,
      unitId: task.unitId,
      provinceCode: task.provinceCode,
      details: { notedOn: body.notedOn, note },
    });
    return toTaskItem((await repo.findTaskInScope(tx, actor.scope, task.id))!, actor, today);
  });
}

// ---- programmes -----------------------------------------------------------------------------------------------

function toProgrammeItem(row: repo.ProgrammeRow): ProgrammeItem {
  const { unitId: _unitId, provinceCode: _provinceCode, inScope: _inScope, ...rest } = row;
  return {
    ...rest,
    level: row.level as ProgrammeLevel,
    levelLabel: PROGRAMME_LEVEL_LABELS[row.level as ProgrammeLevel],
    unit: row.unit === null ? null : toRecordUnit(row.unit),
  };
}

function toPlanItem(row: repo.PlanRow): PlanItem {
  const { unitId: _unitId, ...rest } = row;
  return { ...rest, unit: toRecordUnit(row.unit) };
}

export async function listProgrammes(db: Database, actor: Actor): Promise<ProgrammeList> {
  const rows = await repo.listProgrammes(db, reader(actor), todayInVietnam());
  return { items: rows.map(toProgrammeItem) };
}

async function requireProgramme(db: Database, actor: Actor, id: number): Promise<repo.ProgrammeRow> {
  const row = await repo.findProgramme(db, reader(actor), id, todayInVietnam());
  if (!row) throw programmeNotFound();
  return row;
}

export async function getProgramme(db: Database, actor: Actor, id: number): Promise<ProgrammeDetail> {
  const today = todayInVietnam();
  const row = await requireProgramme(db, actor, id);
  const plans = await repo.listPlans(db, actor.scope, id, today);
  return {
    ...toProgrammeItem(row),
    plans: plans.map(toPlanItem),
    canPlan: canWriteProgrammes(actor) && !actor.scope.all,
    canEdit: canWriteProgrammes(actor) && row.inScope,
  };
}

type PhaseInput = CreateProgrammeBody['phases'][number];
type DocumentInput = NonNullable<CreateProgrammeBody['documents']>[number];

function checkPhases(phases: readonly PhaseInput[]): void {
  phases.forEach((phase, index) => {
    if (!clean(phase.name))
      throw invalid(
        'programmes.phase_name_required',
        'Tên giai đoạn không được để trống',
        `phases.${index}.name`,
      );
    if (phase.endsOn && phase.endsOn < phase.startsOn) {
      throw invalid(
        'programmes.phase_invalid',
        'Ngày kết thúc giai đoạn phải sau ngày bắt đầu',
        `phases.${index}.endsOn`,
      );
    }
  });
}

function cleanParties(list: readonly string[]): string[] {
  const parties = list.map((party) => clean(party)).filter((party): party is string => party !== null);
  if (parties.length < 2)
    throw invalid('programmes.parties_required', 'Chương trình phối hợp cần ít nhất hai bên', 'parties');
  return parties;
}

/**
 * The document rows of a programme: a document of the registry (visible to the writer) takes its name from there;
 * a document not in the registry is named by free text.
 */
async function documentRows(
  db: Database,
  actor: Actor,
  inputs: readonly DocumentInput[],
): Promise<Array<{ documentId: number | null; reference: string }>> {
  const rows: Array<{ documentId: number | null; reference: string }> = [];
  for (const [index, input] of inputs.entries()) {
    if (input.documentId) {
      const document = await findDocumentVisible(db, actor.scope, input.documentId);
      if (!document) {
        throw invalid(
          'programmes.document_not_found',
          'Không tìm thấy văn bản này trong danh mục văn bản chỉ đạo',
          `documents.${index}.documentId`,
        );
      }
      if (rows.some((row) => row.documentId === document.id)) {
        throw invalid(
          'programmes.document_repeated',
          'Văn bản này đã có trong danh sách',
          `documents.${index}.documentId`,
        );
      }
      rows.push({
        documentId: document.id,
        reference: `${DOCUMENT_KIND_LABELS[document.kind as DocumentKind]} ${document.number}`,
      });
    } else {
      const reference = clean(input.reference);
      if (!reference) {
        throw invalid(
          'programmes.document_required',
          'Chọn văn bản trong danh mục hoặc nhập số, ký hiệu văn bản chưa có trong danh mục',
          `documents.${index}.reference`,
        );
      }
      rows.push({ documentId: null, reference });
    }
  }
  return rows;
}

function programmeAuditView(
  programme: Pick<repo.ProgrammeRecord, 'number' | 'title' | 'parties' | 'signedOn' | 'notes'>,
  phases: ReadonlyArray<{ name: string; startsOn: string; endsOn?: string | null | undefined }>,
  documents: ReadonlyArray<{ documentId: number | null; reference: string }>,
) {
  return {
    number: programme.number,
    title: programme.title,
    parties: programme.parties,
    signedOn: programme.signedOn,
    notes: programme.notes === null ? null : `${programme.notes.length} ký tự`,
    phases: phases.map((phase) => `${phase.name}: ${phase.startsOn} – ${phase.endsOn ?? ''}`),
    documents: documents.map((document) =>
      document.documentId ? `${document.reference} (#${document.documentId})` : document.reference,
    ),
  };
}

/**
 * Changes a programme: number, title, parties, signing date, notes, phases and the documents it implements. Only
 * a writer whose scope holds the programme's unit may (a national programme: a national writer).
 */
export async function updateProgramme(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateProgrammeBody,
): Promise<ProgrammeDetail> {
  requireWriter(actor);
  const today = todayInVietnam();
  if (body.phases) checkPhases(body.phases);
  if (body.signedOn) notFuture(body.signedOn, 'signedOn', 'Ngày ký', today);
  await inTransaction(db, async (tx) => {
    const row = await requireProgramme(tx, actor, id);
    if (!row.inScope) {
      throw new AppError(
        'forbidden',
        'programmes.not_editable',
        row.unitId === null
          ? 'Chỉ cấp Trung ương mới sửa chương trình cấp Trung ương'
          : 'Chương trình này của đơn vị ngoài phạm vi của bạn',
      );
    }
    await repo.lockProgramme(tx, id);
    const changes: Partial<repo.ProgrammeRecord> = {};
    if (body.number !== undefined) {
      const number = clean(body.number);
      if (!number)
        throw invalid('programmes.number_required', 'Số chương trình không được để trống', 'number');
      changes.number = number;
    }
    if (body.title !== undefined) {
      const title = cleanText(body.title);
      if (!title) throw invalid('programmes.title_required', 'Tên chương trình không được để trống', 'title');
      changes.title = title;
    }
    if (body.parties !== undefined) changes.parties = cleanParties(body.parties);
    if (body.signedOn !== undefined) changes.signedOn = body.signedOn;
    if (body.notes !== undefined) changes.notes = cleanText(body.notes);
    if (changes.number !== undefined || changes.title !== undefined) {
      changes.searchText = normalizeForSearch(
        `${changes.number ?? row.number} ${changes.title ?? row.title}`,
      );
    }
    const phasesBefore = await repo.listPhases(tx, id);
    if (body.phases) {
      const kept = new Set<number>();
      for (const [index, phase] of body.phases.entries()) {
        const values = {
          name: clean(phase.name)!,
          startsOn: phase.startsOn,
          endsOn: phase.endsOn ?? null,
          sortOrder: index,
          ...(phase.note !== undefined ? { note: cleanText(phase.note) } : {}),
        };
        if (phase.id !== undefined) {
          if (!phasesBefore.some((existing) => existing.id === phase.id) || kept.has(phase.id)) {
            throw invalid(
              'programmes.phase_not_found',
              'Giai đoạn không thuộc chương trình này',
              `phases.${index}.id`,
            );
          }
          kept.add(phase.id);
          await repo.updatePhase(tx, phase.id, values);
        } else {
          await repo.insertPhase(tx, { ...values, programmeId: id });
        }
      }
      for (const phase of phasesBefore.filter((existing) => !kept.has(existing.id))) {
        if (phase.plans > 0) {
          throw conflict(
            'programmes.phase_in_use',
            `Không xóa được “${phase.name}”: đã có ${phase.plans} kế hoạch thực hiện giai đoạn này`,
            'phases',
          );
        }
        await repo.deletePhase(tx, phase.id);
      }
    }
    const documentsBefore = row.documents;
    let documentsAfter: Array<{ documentId: number | null; reference: string }> = documentsBefore;
    if (body.documents) {
      documentsAfter = await documentRows(tx, actor, body.documents);
      await repo.replaceDocuments(tx, id, documentsAfter);
    }
    const updated = await repo.updateProgramme(tx, id, changes);
    await recordAudit(tx, actor, {
      action: 'programme.updated',
      entityType: 'programme',
      entityId: id,
      unitId: row.unitId,
      provinceCode: row.provinceCode,
      before: programmeAuditView({ ...row, notes: row.notes }, phasesBefore, documentsBefore),
      after: programmeAuditView(updated, await repo.listPhases(tx, id), documentsAfter),
    });
  });
  return getProgramme(db, actor, id);
}

export async function createProgramme(
  db: Database,
  actor: Actor,
  body: CreateProgrammeBody,
): Promise<ProgrammeDetail> {
  requireWriter(actor);
  const today = todayInVietnam();
  const number = clean(body.number);
  const title = cleanText(body.title);
  if (!number) throw invalid('programmes.number_required', 'Số chương trình không được để trống', 'number');
  if (!title) throw invalid('programmes.title_required', 'Tên chương trình không được để trống', 'title');
  const parties = cleanParties(body.parties);
  if (body.signedOn) notFuture(body.signedOn, 'signedOn', 'Ngày ký', today);
  checkPhases(body.phases);
  const id = await inTransaction(db, async (tx) => {
    let unitId: number | null = null;
    let provinceCode: string | null = null;
    if (body.level === 'national') {
      if (!actor.scope.all) {
        throw invalid(
          'programmes.level_invalid',
          'Chỉ cấp Trung ương mới ghi nhận chương trình cấp Trung ương',
          'level',
        );
      }
    } else {
      if (!body.unitId) throw invalid('programmes.unit_required', 'Chọn đơn vị ký chương trình', 'unitId');
      const [unit] = await loadUnitsInScope(tx, actor.scope, { ids: [body.unitId] });
      if (unit?.kind !== body.level) {
        throw invalid(
          'programmes.unit_invalid',
          'Đơn vị không đúng cấp hoặc nằm ngoài phạm vi của bạn',
          'unitId',
        );
      }
      unitId = unit.id;
      provinceCode = unit.provinceCode;
    }
    const documents = await documentRows(tx, actor, body.documents ?? []);
    const created = await repo.insertProgramme(
      tx,
      {
        number,
        title,
        searchText: normalizeForSearch(`${number} ${title}`),
        parties,
        level: body.level,
        unitId,
        provinceCode,
        signedOn: body.signedOn ?? null,
        notes: cleanText(body.notes),
        createdBy: actor.userId,
      },
      body.phases.map((phase, index) => ({
        name: clean(phase.name)!,
        startsOn: phase.startsOn,
        endsOn: phase.endsOn ?? null,
        note: cleanText(phase.note),
        sortOrder: index,
      })),
      documents,
    );
    await recordAudit(tx, actor, {
      action: 'programme.created',
      entityType: 'programme',
      entityId: created.id,
      unitId,
      provinceCode,
      after: {
        level: body.level,
        unitId,
        ...programmeAuditView(created, body.phases, documents),
      },
    });
    return created.id;
  });
  return getProgramme(db, actor, id);
}

// ---- plans ----------------------------------------------------------------------------------------------------

export async function createPlan(
  db: Database,
  actor: Actor,
  programmeId: number,
  body: PlanBody,
): Promise<PlanDetail> {
  requireWriter(actor);
  const today = todayInVietnam();
  const title = cleanText(body.title);
  if (!title) throw invalid('programmes.plan_title_required', 'Tên kế hoạch không được để trống', 'title');
  notFuture(body.issuedOn, 'issuedOn', 'Ngày ban hành', today);
  const id = await inTransaction(db, async (tx) => {
    await requireProgramme(tx, actor, programmeId);
    const [unit] = await loadUnitsInScope(tx, actor.scope, { ids: [body.unitId] });
    if (!unit || !(unit.kind === 'commune' || unit.kind === 'province')) {
      throw invalid(
        'programmes.plan_unit_invalid',
        'Kế hoạch phải của một tỉnh hoặc xã, phường trong phạm vi của bạn',
        'unitId',
      );
    }
    if (!existedOn(unit, body.issuedOn)) {
      throw invalid(
        'programmes.plan_unit_not_on_date',
        `${unit.fullName} không tồn tại vào ngày ${formatDateVi(body.issuedOn)}`,
        'issuedOn',
      );
    }
    const phaseId = body.phaseId ?? null;
    if (phaseId !== null && !(await repo.findPhase(tx, programmeId, phaseId))) {
      throw invalid('programmes.phase_not_found', 'Giai đoạn không thuộc chương trình này', 'phaseId');
    }
    const existing = await repo.findPlanFor(tx, programmeId, unit.id, phaseId);
    if (existing) {
      throw conflict(
        'programmes.plan_exists',
        `${unit.fullName} đã có kế hoạch “${existing.title}” cho chương trình, giai đoạn này`,
        'unitId',
      );
    }
    const plan = await repo.insertPlan(tx, {
      programmeId,
      phaseId,
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      number: clean(body.number),
      title,
      issuedOn: body.issuedOn,
      notes: cleanText(body.notes),
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'programme_plan.created',
      entityType: 'programme_plan',
      entityId: plan.id,
      unitId: plan.unitId,
      provinceCode: plan.provinceCode,
      after: { programmeId, phaseId, number: plan.number, title, issuedOn: plan.issuedOn },
    });
    return plan.id;
  });
  return getPlan(db, actor, id);
}

export async function getPlan(db: Database, actor: Actor, planId: number): Promise<PlanDetail> {
  const today = todayInVietnam();
  const plan = await repo.findPlan(db, actor.scope, planId, today);
  if (!plan) throw planNotFound();
  const programme = await repo.findProgramme(
    db,
    { scope: { all: true }, unitId: null },
    plan.programmeId,
    today,
  );
  const tasks = await repo.listTasks(db, { planId });
  return {
    ...toPlanItem(plan),
    programme: { id: programme!.id, number: programme!.number, title: programme!.title },
    tasks: tasks.map((task) => toTaskItem(task, actor, today)),
    canEdit: canWriteProgrammes(actor),
  };
}

export async function addPlanTask(
  db: Database,
  actor: Actor,
  planId: number,
  body: TaskBody,
): Promise<PlanDetail> {
  requireWriter(actor);
  await inTransaction(db, async (tx) => {
    const plan = await repo.findPlan(tx, actor.scope, planId, todayInVietnam());
    if (!plan) throw planNotFound();
    const [task] = await repo.insertTasks(
      tx,
      newTasks(
        { planId, unitId: plan.unitId, provinceCode: (await provinceOf(tx, plan.unitId)) ?? '' },
        [body],
        actor,
      ),
    );
    await recordAudit(tx, actor, {
      action: 'task.created',
      entityType: 'task',
      entityId: task!.id,
      unitId: plan.unitId,
      provinceCode: task!.provinceCode,
      after: { planId, title: task!.title, ownerOrganisation: task!.ownerOrganisation, dueOn: task!.dueOn },
    });
  });
  return getPlan(db, actor, planId);
}

async function provinceOf(db: Database, unitId: number): Promise<string | undefined> {
  const [unit] = await loadUnitsInScope(db, { all: true }, { ids: [unitId] });
  return unit?.provinceCode;
}

// ---- progress ---------------------------------------------------------------------------------------------------

export async function programmeProgress(
  db: Database,
  actor: Actor,
  programmeId: number,
  query: ProgressQuery,
): Promise<ProgressView> {
  const today = todayInVietnam();
  await requireProgramme(db, actor, programmeId);
  const year = query.year ?? Number(today.slice(0, 4));
  const judgedOn = yearViewDate(year, today);
  const rows = await repo.progressRows(db, actor.scope, programmeId, year, judgedOn, today);
  const total = emptyCounts();
  for (const row of rows) {
    for (const key of Object.keys(total) as Array<keyof StateCounts>) total[key] += row.counts[key];
  }
  return {
    year,
    judgedOn,
    rows: rows.map((row) => ({ ...row, unit: toRecordUnit(row.unit) })),
    total,
  };
}

// ---- reference programmes -------------------------------------------------------------------------------------

const PROGRAMME_09 = 'programme-09';

/**
 * Chương trình phối hợp số 09 between the police and the Fatherland Front, with its two phases as the movement's
 * reviews name them (2013–2023, 2023–2033). The exact signing dates are not recorded here: the phases carry the
 * years, and a note says so, until someone enters them from the signed documents.
 */
export async function ensureReferenceProgrammes(db: Database, actor: Actor): Promise<boolean> {
  if (await repo.findProgrammeByReference(db, PROGRAMME_09)) return false;
  // Programme 09 implements Chỉ thị 09-CT/TW, one of the documents installed at start-up.
  await ensureSeededDocuments(db);
  return inTransaction(db, async (tx) => {
    if (await repo.findProgrammeByReference(tx, PROGRAMME_09)) return false;
    const [directive] = await findBySeedKeys(tx, ['ct-09-2011']);
    const note =
      'Ngày bắt đầu, kết thúc ghi theo năm của giai đoạn; đối chiếu văn bản đã ký để cập nhật ngày chính xác.';
    const created = await repo.insertProgramme(
      tx,
      {
        number: '09',
        title:
          'Chương trình phối hợp giữa Bộ Công an và Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về đẩy mạnh phong trào Toàn dân bảo vệ an ninh Tổ quốc',
        searchText: normalizeForSearch(
          '09 chuong trinh phoi hop bo cong an mat tran to quoc phong trao toan dan bao ve an ninh to quoc',
        ),
        parties: ['Bộ Công an', 'Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam'],
        level: 'national',
        unitId: null,
        provinceCode: null,
        signedOn: null,
        notes:
          'Chương trình do hệ thống cài sẵn theo tài liệu nghiệp vụ; sơ kết, tổng kết là mẫu báo cáo của phân hệ báo cáo.',
        referenceKey: PROGRAMME_09,
      },
      [
        { name: 'Giai đoạn 2013–2023', startsOn: '2013-01-01', endsOn: '2023-12-31', note, sortOrder: 0 },
        { name: 'Giai đoạn 2023–2033', startsOn: '2024-01-01', endsOn: '2033-12-31', note, sortOrder: 1 },
      ],
      directive ? [{ documentId: directive.id, reference: 'Chỉ thị 09-CT/TW' }] : [],
    );
    await recordAudit(tx, actor, {
      action: 'programme.created',
      entityType: 'programme',
      entityId: created.id,
      after: { number: created.number, level: created.level, reference: PROGRAMME_09 },
    });
    return true;
  });
}
