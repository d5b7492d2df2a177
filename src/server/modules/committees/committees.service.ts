/**
 * Use cases of steering committees beyond the teams registry: meetings (date, agenda, minutes) and the conclusions
 * they assign, tracked as coordination tasks. Each change is one transaction with its audit event.
 */
import type {
  CancelMeetingBody,
  CommitteeDetail,
  CommitteeItem,
  CommitteeList,
  CommitteeListQuery,
  MeetingBody,
  MeetingItem,
  UpdateMeetingBody,
} from '../../../contracts/committees.js';
import type { TaskBody } from '../../../contracts/programmes.js';
import type { SummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { COORDINATION_SUMMARY_INDICATORS } from '../../../domain/indicators.js';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../domain/teams.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import { unitFilterScope } from '../../registry/list.js';
import { toRecordUnit } from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
import { attachmentsOf } from '../attachments/attachments.service.js';
import { recordAudit } from '../audit/audit.service.js';
import * as programmesRepo from '../programmes/programmes.repo.js';
import {
  canWriteProgrammes,
  clean,
  cleanText,
  newTasks,
  toTaskItem,
} from '../programmes/programmes.service.js';
import * as repo from './committees.repo.js';

const committeeNotFound = () => notFound('committees.not_found', 'Không tìm thấy Ban Chỉ đạo');
const meetingNotFound = () => notFound('committees.meeting_not_found', 'Không tìm thấy cuộc họp');
const meetingCancelled = () =>
  conflict('committees.meeting_cancelled', 'Cuộc họp này đã bị hủy, không sửa được nữa');

/** A meeting inside the reader's scope, for the attachments module (its files follow the meeting's unit). */
export async function findMeeting(db: Database, scope: Scope, id: number) {
  return repo.findMeetingInScope(db, scope, id);
}

/** A meeting in scope that may still change. */
async function requireOpenMeeting(db: Database, actor: Actor, id: number): Promise<repo.MeetingRecord> {
  const meeting = await repo.findMeetingInScope(db, actor.scope, id);
  if (!meeting) throw meetingNotFound();
  if (meeting.cancelledOn !== null) throw meetingCancelled();
  return meeting;
}

function requireWriter(actor: Actor): void {
  if (!canWriteProgrammes(actor))
    throw new AppError('forbidden', 'auth.forbidden', 'Bạn không có quyền thực hiện thao tác này');
}

function toItem(row: repo.CommitteeRow): CommitteeItem {
  const { unitId: _unitId, provinceCode: _provinceCode, ...rest } = row;
  return { ...rest, unit: toRecordUnit(row.unit) };
}

export async function listCommittees(
  db: Database,
  actor: Actor,
  query: CommitteeListQuery,
): Promise<CommitteeList> {
  const rows = await repo.listCommittees(
    db,
    actor.scope,
    await unitFilterScope(db, actor.scope, query.unit),
    todayInVietnam(),
  );
  return { items: rows.map(toItem) };
}

export async function getCommittee(db: Database, actor: Actor, id: number): Promise<CommitteeDetail> {
  const today = todayInVietnam();
  const row = await repo.findCommittee(db, actor.scope, id, today);
  if (!row) throw committeeNotFound();
  const [members, meetings] = await Promise.all([repo.listMembers(db, id, today), repo.listMeetings(db, id)]);
  const [tasks, files] = await Promise.all([
    programmesRepo.listTasks(db, { meetingIds: meetings.map((meeting) => meeting.id) }),
    Promise.all(meetings.map((meeting) => attachmentsOf(db, 'committee_meeting', meeting.id))),
  ]);
  const canEdit = canWriteProgrammes(actor) && row.dissolvedOn === null;
  return {
    ...toItem(row),
    members: members.map((member) => ({
      id: member.id,
      fullName: member.fullName,
      position: member.position,
      organisation: member.organisation,
      joinedOn: member.joinedOn,
      roleLabel: MEMBER_ROLE_LABELS[member.role as MemberRole] ?? member.role,
    })),
    meetings: meetings.map(
      (meeting, index): MeetingItem => ({
        id: meeting.id,
        committeeId: meeting.teamId,
        heldOn: meeting.heldOn,
        title: meeting.title,
        agenda: meeting.agenda,
        chairedBy: meeting.chairedBy,
        minutes: meeting.minutes,
        cancelledOn: meeting.cancelledOn,
        cancelReason: meeting.cancelReason,
        attachments: files[index]!,
        conclusions: tasks
          .filter((task) => task.meetingId === meeting.id)
          .map((task) => toTaskItem(task, actor, today)),
        canEdit: canEdit && meeting.cancelledOn === null,
      }),
    ),
    canEdit,
  };
}

function checkHeldOn(committee: repo.CommitteeRow, heldOn: string, today: string): void {
  if (heldOn > today)
    throw invalid('committees.meeting_in_future', 'Ngày họp không được sau ngày hôm nay', 'heldOn');
  if (
    heldOn < committee.establishedOn ||
    (committee.dissolvedOn !== null && heldOn >= committee.dissolvedOn)
  ) {
    throw invalid(
      'committees.meeting_outside_life',
      `Ngày họp phải trong thời gian Ban Chỉ đạo hoạt động (từ ${formatDateVi(committee.establishedOn)}${committee.dissolvedOn ? ` đến trước ${formatDateVi(committee.dissolvedOn)}` : ''})`,
      'heldOn',
    );
  }
}

export async function addMeeting(
  db: Database,
  actor: Actor,
  id: number,
  body: MeetingBody,
): Promise<CommitteeDetail> {
  requireWriter(actor);
  const today = todayInVietnam();
  const title = clean(body.title);
  const agenda = cleanText(body.agenda);
  if (!title) throw invalid('committees.title_required', 'Tên cuộc họp không được để trống', 'title');
  if (!agenda)
    throw invalid('committees.agenda_required', 'Nội dung, chương trình họp không được để trống', 'agenda');
  await inTransaction(db, async (tx) => {
    const committee = await repo.findCommittee(tx, actor.scope, id, today);
    if (!committee) throw committeeNotFound();
    checkHeldOn(committee, body.heldOn, today);
    const meeting = await repo.insertMeeting(tx, {
      teamId: committee.id,
      unitId: committee.unitId,
      provinceCode: committee.provinceCode,
      heldOn: body.heldOn,
      title,
      agenda,
      chairedBy: clean(body.chairedBy),
      minutes: cleanText(body.minutes),
      createdBy: actor.userId,
    });
    const tasks = await programmesRepo.insertTasks(
      tx,
      newTasks(
        { meetingId: meeting.id, unitId: committee.unitId, provinceCode: committee.provinceCode },
        body.conclusions ?? [],
        actor,
        'conclusions',
      ),
    );
    await recordAudit(tx, actor, {
      action: 'committee_meeting.created',
      entityType: 'committee_meeting',
      entityId: meeting.id,
      unitId: committee.unitId,
      provinceCode: committee.provinceCode,
      after: { committeeId: committee.id, heldOn: meeting.heldOn, title, chairedBy: meeting.chairedBy },
      details: { conclusions: tasks.map((task) => ({ id: task.id, title: task.title, dueOn: task.dueOn })) },
    });
  });
  return getCommittee(db, actor, id);
}

export async function updateMeeting(
  db: Database,
  actor: Actor,
  meetingId: number,
  body: UpdateMeetingBody,
): Promise<CommitteeDetail> {
  requireWriter(actor);
  const today = todayInVietnam();
  const committeeId = await inTransaction(db, async (tx) => {
    const meeting = await requireOpenMeeting(tx, actor, meetingId);
    const committee = (await repo.findCommittee(tx, actor.scope, meeting.teamId, today))!;
    const changes: Partial<repo.MeetingRecord> = {};
    if (body.heldOn !== undefined) {
      checkHeldOn(committee, body.heldOn, today);
      changes.heldOn = body.heldOn;
    }
    if (body.title !== undefined) {
      const title = clean(body.title);
      if (!title) throw invalid('committees.title_required', 'Tên cuộc họp không được để trống', 'title');
      changes.title = title;
    }
    if (body.agenda !== undefined) {
      const agenda = cleanText(body.agenda);
      if (!agenda)
        throw invalid(
          'committees.agenda_required',
          'Nội dung, chương trình họp không được để trống',
          'agenda',
        );
      changes.agenda = agenda;
    }
    if (body.chairedBy !== undefined) changes.chairedBy = clean(body.chairedBy);
    if (body.minutes !== undefined) changes.minutes = cleanText(body.minutes);
    const updated = await repo.updateMeeting(tx, meeting.id, changes);
    const view = (record: repo.MeetingRecord) => ({
      heldOn: record.heldOn,
      title: record.title,
      agenda: record.agenda,
      chairedBy: record.chairedBy,
      minutes: record.minutes === null ? null : `${record.minutes.length} ký tự`,
    });
    await recordAudit(tx, actor, {
      action: 'committee_meeting.updated',
      entityType: 'committee_meeting',
      entityId: meeting.id,
      unitId: meeting.unitId,
      provinceCode: meeting.provinceCode,
      before: view(meeting),
      after: view(updated),
    });
    return meeting.teamId;
  });
  return getCommittee(db, actor, committeeId);
}

export async function addConclusion(
  db: Database,
  actor: Actor,
  meetingId: number,
  body: TaskBody,
): Promise<CommitteeDetail> {
  requireWriter(actor);
  const committeeId = await inTransaction(db, async (tx) => {
    const meeting = await requireOpenMeeting(tx, actor, meetingId);
    const [task] = await programmesRepo.insertTasks(
      tx,
      newTasks({ meetingId, unitId: meeting.unitId, provinceCode: meeting.provinceCode }, [body], actor),
    );
    await recordAudit(tx, actor, {
      action: 'task.created',
      entityType: 'task',
      entityId: task!.id,
      unitId: meeting.unitId,
      provinceCode: meeting.provinceCode,
      after: {
        meetingId,
        title: task!.title,
        ownerOrganisation: task!.ownerOrganisation,
        dueOn: task!.dueOn,
      },
    });
    return meeting.teamId;
  });
  return getCommittee(db, actor, committeeId);
}

/**
 * Cancels a meeting recorded by mistake or not held: it stays (with its files and conclusions) for the trail, but
 * no longer counts and its conclusions are no longer tracked.
 */
export async function cancelMeeting(
  db: Database,
  actor: Actor,
  meetingId: number,
  body: CancelMeetingBody,
): Promise<CommitteeDetail> {
  requireWriter(actor);
  const reason = cleanText(body.reason);
  if (!reason) throw invalid('committees.cancel_reason_required', 'Nhập lý do hủy cuộc họp', 'reason');
  const today = todayInVietnam();
  const committeeId = await inTransaction(db, async (tx) => {
    const meeting = await requireOpenMeeting(tx, actor, meetingId);
    await repo.updateMeeting(tx, meeting.id, { cancelledOn: today, cancelReason: reason });
    await recordAudit(tx, actor, {
      action: 'committee_meeting.cancelled',
      entityType: 'committee_meeting',
      entityId: meeting.id,
      unitId: meeting.unitId,
      provinceCode: meeting.provinceCode,
      before: { cancelledOn: null },
      after: { cancelledOn: today },
      details: { reason },
    });
    return meeting.teamId;
  });
  return getCommittee(db, actor, committeeId);
}

/** Meetings held, conclusions by state, and programme tasks by state: per unit and period. */
export async function coordinationSummary(
  db: Database,
  actor: Actor,
  query: SummaryQuery & { from?: string | undefined },
): Promise<SummaryResponse> {
  return rollup(db, {
    definitions: COORDINATION_SUMMARY_INDICATORS,
    sources: { ...repo.COMMITTEE_INDICATOR_SOURCES, ...programmesRepo.PROGRAMME_INDICATOR_SOURCES },
    unitId: query.unit ?? actor.unitId,
    asOf: query.asOf ?? todayInVietnam(),
    from: query.from,
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
  });
}
