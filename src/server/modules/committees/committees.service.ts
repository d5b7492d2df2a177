/**
 * Use cases of steering committees beyond the teams registry: meetings (date, agenda, minutes) and the conclusions
 * they assign, tracked as coordination tasks. Each change is one transaction with its audit event.
 */
import type {
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
import { AppError, invalid, notFound } from '../../../domain/errors.js';
import { COORDINATION_SUMMARY_INDICATORS } from '../../../domain/indicators.js';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../domain/teams.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { unitFilterScope } from '../../registry/list.js';
import { toRecordUnit } from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
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
  const tasks = await programmesRepo.listTasks(db, { meetingIds: meetings.map((meeting) => meeting.id) });
  return {
    ...toItem(row),
    members: members.map((member) => ({
      id: member.id,
      fullName: member.fullName,
      joinedOn: member.joinedOn,
      roleLabel: MEMBER_ROLE_LABELS[member.role as MemberRole] ?? member.role,
    })),
    meetings: meetings.map(
      (meeting): MeetingItem => ({
        id: meeting.id,
        committeeId: meeting.teamId,
        heldOn: meeting.heldOn,
        title: meeting.title,
        agenda: meeting.agenda,
        chairedBy: meeting.chairedBy,
        minutes: meeting.minutes,
        conclusions: tasks
          .filter((task) => task.meetingId === meeting.id)
          .map((task) => toTaskItem(task, actor, today)),
      }),
    ),
    canEdit: canWriteProgrammes(actor) && row.dissolvedOn === null,
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
    const meeting = await repo.findMeetingInScope(tx, actor.scope, meetingId);
    if (!meeting) throw meetingNotFound();
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
    const meeting = await repo.findMeetingInScope(tx, actor.scope, meetingId);
    if (!meeting) throw meetingNotFound();
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
