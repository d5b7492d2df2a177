/**
 * Use cases of the teams registry: teams and groups, their members, trainings and yearly ratings, and the summary.
 * Every change runs in one transaction with its audit event; every read goes through the reader's scope.
 */
import type { ListResult } from '../../../contracts/common.js';
import type { SummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import type {
  CreateMemberBody,
  CreateTeamBody,
  DissolveTeamBody,
  LeaveBody,
  MemberDetail,
  MemberItem,
  MemberSearchQuery,
  RatingBody,
  RatingSheet,
  RatingSheetBody,
  TeamDetail,
  TeamItem,
  TeamListQuery,
  TeamMemberListQuery,
  TrainingBody,
  UpdateMemberBody,
  UpdateTeamBody,
} from '../../../contracts/teams.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { TEAM_SUMMARY_INDICATORS } from '../../../domain/indicators.js';
import { REGISTRY_SETTINGS } from '../../../domain/registry-settings.js';
import {
  checkEligibility,
  checkExcellentQuota,
  checkRatable,
  checkTeamPlacement,
  countRatings,
  LEADER_ROLES,
  MEMBER_RATING_LABELS,
  type MemberRating,
  type MemberRole,
  maxExcellent,
  memberRoleLabel,
  type RuleProblem,
  ratingPeriod,
  rolesForKind,
  serviceMonthsInPeriod,
  TEAM_KIND_INFO,
  type TeamKind,
} from '../../../domain/teams.js';
import { normalizeForSearch, tidyName } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { checkPage, checkRange, paging, searchTerm, unitFilterScope } from '../../registry/list.js';
import {
  existedOn,
  loadUnitsInScope,
  nameOn,
  toRecordUnit,
  type UnitIntervals,
} from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
import { listEntityHistory, recordAudit } from '../audit/audit.service.js';
import * as repo from './teams.repo.js';

const teamNotFound = () => notFound('teams.not_found', 'Không tìm thấy tổ, đội, ban');
const memberNotFound = () => notFound('members.not_found', 'Không tìm thấy thành viên');

const refuse = (problem: RuleProblem) => invalid(problem.code, problem.message, problem.field);

/** Empty text becomes null; text is stored NFC with single spaces. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = tidyName(value);
  return text === '' ? null : text;
}

export function cleanPhone(value: string | null | undefined): string | null {
  const text = cleanText(value);
  return text === null ? null : text.replace(/[\s.()-]/g, '');
}

/** Only the last three digits of a phone number enter the audit trail: enough to see it changed. */
export function maskPhone(phone: string | null): string | null {
  return phone === null ? null : `${'•'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;
}

// ---- mapping ---------------------------------------------------------------------------------------------------

function teamStatus(dissolvedOn: string | null, date: string): 'active' | 'dissolved' {
  return dissolvedOn !== null && dissolvedOn <= date ? 'dissolved' : 'active';
}

export function toTeamItem(row: repo.TeamListRow, date: string): TeamItem {
  const info = TEAM_KIND_INFO[row.kind];
  return {
    ...row,
    unit: toRecordUnit(row.unit),
    kindLabel: info.label,
    historical: info.historical,
    status: teamStatus(row.dissolvedOn, date),
  };
}

export function toMemberItem(row: repo.MemberListRow): MemberItem {
  return {
    ...row,
    unit: toRecordUnit(row.unit),
    roleLabel: memberRoleLabel(row.team.kind, row.role),
    ratings: row.ratings.map((rating) => ({ ...rating, ratingLabel: MEMBER_RATING_LABELS[rating.rating] })),
  };
}

export function teamAuditView(team: repo.TeamRecord): Record<string, unknown> {
  return {
    kind: team.kind,
    name: team.name,
    unitId: team.unitId,
    establishedOn: team.establishedOn,
    decisionNumber: team.decisionNumber,
    decisionDate: team.decisionDate,
    decisionSigner: team.decisionSigner,
    dissolvedOn: team.dissolvedOn,
    dissolutionNote: team.dissolutionNote,
    notes: team.notes,
  };
}

export function memberAuditView(member: repo.MemberRecord | repo.NewMember): Record<string, unknown> {
  return {
    teamId: member.teamId,
    fullName: member.fullName,
    birthYear: member.birthYear,
    gender: member.gender ?? null,
    phone: maskPhone(member.phone ?? null),
    role: member.role,
    joinedOn: member.joinedOn,
    leftOn: member.leftOn ?? null,
    leaveReason: member.leaveReason ?? null,
    position: member.position ?? null,
    organisation: member.organisation ?? null,
    residenceSince: member.residenceSince ?? null,
    eligibilityException: member.eligibilityException ?? null,
    recognitionDecisionNumber: member.recognitionDecisionNumber ?? null,
    recognitionDecisionDate: member.recognitionDecisionDate ?? null,
    certificateNumber: member.certificateNumber ?? null,
    notes: member.notes ?? null,
  };
}

// ---- teams: reading --------------------------------------------------------------------------------------------

export async function listTeams(
  db: Database,
  actor: Actor,
  query: TeamListQuery,
): Promise<ListResult<TeamItem>> {
  const paged = paging(query);
  const today = todayInVietnam();
  const date = query.asOf ?? today;
  checkRange(query.from, query.to);
  const { rows, total } = await repo.listTeams(
    db,
    {
      scope: actor.scope,
      unitScope: await unitFilterScope(db, actor.scope, query.unit),
      kinds: query.kind,
      status: query.status,
      date,
      existingOn: query.status === undefined ? query.asOf : undefined,
      from: query.from,
      to: query.to,
      search: searchTerm(query.q),
    },
    { sort: query.sort, limit: paged.limit, offset: paged.offset, today },
  );
  checkPage(paged, total);
  return {
    items: rows.map((row) => toTeamItem(row, date)),
    total,
    page: paged.page,
    pageSize: paged.pageSize,
  };
}

async function requireTeam(db: Database, actor: Actor, id: number): Promise<repo.TeamRecord> {
  const team = await repo.findTeamInScope(db, actor.scope, id);
  if (!team) throw teamNotFound();
  return team;
}

export async function getTeam(db: Database, actor: Actor, id: number, asOf?: string): Promise<TeamDetail> {
  await requireTeam(db, actor, id);
  return teamDetail(db, id, asOf ?? todayInVietnam());
}

async function teamDetail(db: Database, id: number, date: string): Promise<TeamDetail> {
  const today = todayInVietnam();
  const [row, byRole, history] = await Promise.all([
    repo.findTeamListRow(db, id, date, today),
    repo.countMembersByRole(db, id, date),
    listEntityHistory(db, 'team', id),
  ]);
  const item = toTeamItem(row!, date);
  return {
    ...item,
    membersByRole: byRole.map((entry) => ({ ...entry, label: memberRoleLabel(item.kind, entry.role) })),
    allowedRoles: [...rolesForKind(item.kind)],
    history,
  };
}

// ---- teams: changes ----------------------------------------------------------------------------------------------

export interface TeamFacts {
  kind: TeamKind;
  unitId: number;
  establishedOn: string;
  decisionDate: string | null;
}

/**
 * Everything wrong with a team's kind, unit and dates, as problems with fields (the import lists them all, a form
 * shows the first). `unit` is the unit as found in the actor's scope, or undefined when it is not there.
 */
export function teamProblems(
  facts: TeamFacts,
  unit: UnitIntervals | undefined,
  today: string,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (facts.establishedOn > today) {
    problems.push({
      code: 'teams.established_in_future',
      message: 'Ngày thành lập không được sau ngày hôm nay',
      field: 'establishedOn',
    });
  }
  if (facts.decisionDate !== null && facts.decisionDate > today) {
    problems.push({
      code: 'teams.decision_in_future',
      message: 'Ngày quyết định không được sau ngày hôm nay',
      field: 'decisionDate',
    });
  }
  if (!unit) {
    problems.push({
      code: 'teams.unit_invalid',
      message: 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn',
      field: 'unitId',
    });
    return problems;
  }
  if (!existedOn(unit, facts.establishedOn)) {
    problems.push({
      code: 'teams.unit_not_on_date',
      message: `${unit.fullName} không tồn tại vào ngày thành lập ${formatDateVi(facts.establishedOn)}: hồ sơ gắn với đơn vị của thời điểm đó`,
      field: 'establishedOn',
    });
  }
  problems.push(
    ...checkTeamPlacement({
      kind: facts.kind,
      unitKind: unit.kind,
      unitName: nameOn(unit, facts.establishedOn),
      establishedOn: facts.establishedOn,
    }),
  );
  return problems;
}

async function checkOnePerUnit(
  db: Database,
  facts: TeamFacts,
  unit: UnitIntervals,
  excludeId?: number,
): Promise<void> {
  if (!TEAM_KIND_INFO[facts.kind].onePerUnit) return;
  await repo.lockUnitTeams(db, facts.unitId);
  const [existing] = await repo.findActiveTeamsOfKind(
    db,
    facts.kind,
    [facts.unitId],
    facts.establishedOn,
    excludeId,
  );
  if (existing) {
    throw conflict(
      'teams.one_per_unit',
      `${nameOn(unit, facts.establishedOn)} đã có ${TEAM_KIND_INFO[facts.kind].label.toLowerCase()} “${existing.name}” (thành lập ${formatDateVi(existing.establishedOn)}${existing.dissolvedOn ? `, giải thể ${formatDateVi(existing.dissolvedOn)}` : ', đang hoạt động'}): mỗi đơn vị chỉ có một`,
      'unitId',
    );
  }
}

async function findUnit(db: Database, actor: Actor, unitId: number): Promise<UnitIntervals | undefined> {
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [unitId] });
  return unit;
}

export async function createTeam(db: Database, actor: Actor, body: CreateTeamBody): Promise<TeamDetail> {
  const today = todayInVietnam();
  const name = cleanText(body.name);
  if (!name) throw invalid('teams.name_required', 'Tên tổ, đội, ban không được để trống', 'name');
  const facts: TeamFacts = {
    kind: body.kind,
    unitId: body.unitId,
    establishedOn: body.establishedOn,
    decisionDate: body.decisionDate ?? null,
  };
  const id = await inTransaction(db, async (tx) => {
    const unit = await findUnit(tx, actor, body.unitId);
    const [problem] = teamProblems(facts, unit, today);
    if (problem) throw refuse(problem);
    await checkOnePerUnit(tx, facts, unit!);
    const [team] = await repo.insertTeams(tx, [
      {
        kind: body.kind,
        name,
        searchName: normalizeForSearch(name),
        unitId: body.unitId,
        provinceCode: unit!.provinceCode,
        establishedOn: body.establishedOn,
        decisionNumber: cleanText(body.decisionNumber),
        decisionDate: body.decisionDate ?? null,
        decisionSigner: cleanText(body.decisionSigner),
        notes: cleanText(body.notes),
        createdBy: actor.userId,
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'team.created',
      entityType: 'team',
      entityId: team!.id,
      unitId: team!.unitId,
      provinceCode: team!.provinceCode,
      after: teamAuditView(team!),
    });
    return team!.id;
  });
  return teamDetail(db, id, today);
}

export async function updateTeam(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateTeamBody,
): Promise<TeamDetail> {
  const today = todayInVietnam();
  await inTransaction(db, async (tx) => {
    const before = await requireTeam(tx, actor, id);
    const changes: Partial<repo.NewTeam> = {};
    if (body.name !== undefined) {
      const name = cleanText(body.name);
      if (!name) throw invalid('teams.name_required', 'Tên tổ, đội, ban không được để trống', 'name');
      changes.name = name;
      changes.searchName = normalizeForSearch(name);
    }
    if (body.decisionNumber !== undefined) changes.decisionNumber = cleanText(body.decisionNumber);
    if (body.decisionDate !== undefined) changes.decisionDate = body.decisionDate;
    if (body.decisionSigner !== undefined) changes.decisionSigner = cleanText(body.decisionSigner);
    if (body.notes !== undefined) changes.notes = cleanText(body.notes);
    const facts: TeamFacts = {
      kind: body.kind ?? (before.kind as TeamKind),
      unitId: body.unitId ?? before.unitId,
      establishedOn: body.establishedOn ?? before.establishedOn,
      decisionDate: body.decisionDate === undefined ? before.decisionDate : body.decisionDate,
    };
    const placementChanged =
      facts.kind !== before.kind ||
      facts.unitId !== before.unitId ||
      facts.establishedOn !== before.establishedOn;
    if (placementChanged || body.decisionDate !== undefined) {
      const unit = await findUnit(tx, actor, facts.unitId);
      const [problem] = teamProblems(facts, unit, today);
      if (problem) throw refuse(problem);
      if (placementChanged) await checkOnePerUnit(tx, facts, unit!, id);
      if (before.dissolvedOn !== null && facts.establishedOn >= before.dissolvedOn) {
        throw invalid('teams.dates_order', 'Ngày thành lập phải trước ngày giải thể', 'establishedOn');
      }
      const members = await repo.listMembersOfTeam(tx, id);
      const early = members.find((member) => member.joinedOn < facts.establishedOn);
      if (early) {
        throw invalid(
          'teams.members_before_establishment',
          `Có thành viên tham gia từ ${formatDateVi(early.joinedOn)}, trước ngày thành lập mới ${formatDateVi(facts.establishedOn)}`,
          'establishedOn',
        );
      }
      const allowed = rolesForKind(facts.kind);
      const misfit = members.find((member) => !allowed.includes(member.role as MemberRole));
      if (misfit) {
        throw invalid(
          'teams.kind_roles',
          `Loại mới không có chức danh “${memberRoleLabel(before.kind as TeamKind, misfit.role as MemberRole)}” mà thành viên hiện có: hãy đổi chức danh của họ trước`,
          'kind',
        );
      }
      changes.kind = facts.kind;
      changes.establishedOn = facts.establishedOn;
      if (facts.unitId !== before.unitId) {
        // A correction of the unit moves the team's members, trainings and ratings with it.
        changes.unitId = facts.unitId;
        changes.provinceCode = unit!.provinceCode;
        await repo.moveTeamRecords(tx, id, facts.unitId, unit!.provinceCode);
      }
    }
    const after = await repo.updateTeam(tx, id, changes);
    await recordAudit(tx, actor, {
      action: 'team.updated',
      entityType: 'team',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: teamAuditView(before),
      after: teamAuditView(after),
    });
  });
  return teamDetail(db, id, today);
}

export async function dissolveTeam(
  db: Database,
  actor: Actor,
  id: number,
  body: DissolveTeamBody,
): Promise<TeamDetail> {
  const today = todayInVietnam();
  await inTransaction(db, async (tx) => {
    const before = await requireTeam(tx, actor, id);
    if (before.dissolvedOn !== null) {
      throw conflict(
        'teams.already_dissolved',
        `Tổ đã giải thể từ ngày ${formatDateVi(before.dissolvedOn)}`,
        'dissolvedOn',
      );
    }
    if (body.dissolvedOn <= before.establishedOn) {
      throw invalid(
        'teams.dates_order',
        `Ngày giải thể phải sau ngày thành lập (${formatDateVi(before.establishedOn)})`,
        'dissolvedOn',
      );
    }
    if (body.dissolvedOn > today) {
      throw invalid('teams.dissolved_in_future', 'Ngày giải thể không được sau ngày hôm nay', 'dissolvedOn');
    }
    const reason = cleanText(body.reason);
    const after = await repo.updateTeam(tx, id, { dissolvedOn: body.dissolvedOn, dissolutionNote: reason });
    // Membership ends with the team: counts of members on later dates must not see members of a dissolved team.
    const ended = await repo.closeOpenMemberships(tx, id, body.dissolvedOn, 'Tổ giải thể');
    await recordAudit(tx, actor, {
      action: 'team.dissolved',
      entityType: 'team',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: teamAuditView(before),
      after: teamAuditView(after),
      details: { membersEnded: ended.length },
    });
    for (const member of ended) {
      await recordAudit(tx, actor, {
        action: 'team_member.left',
        entityType: 'team_member',
        entityId: member.id,
        unitId: member.unitId,
        provinceCode: member.provinceCode,
        details: { reason: 'team_dissolved', leftOn: body.dissolvedOn },
      });
    }
  });
  return teamDetail(db, id, today);
}

// ---- members: reading --------------------------------------------------------------------------------------------

export async function listTeamMembers(
  db: Database,
  actor: Actor,
  teamId: number,
  query: TeamMemberListQuery,
): Promise<ListResult<MemberItem>> {
  await requireTeam(db, actor, teamId);
  return listMembersWhere(db, actor, { ...query, teamId, fallbackSort: 'role' }, 500);
}

export async function searchMembers(
  db: Database,
  actor: Actor,
  query: MemberSearchQuery,
): Promise<ListResult<MemberItem>> {
  return listMembersWhere(
    db,
    actor,
    {
      ...query,
      unitScope: await unitFilterScope(db, actor.scope, query.unit),
      fallbackSort: 'fullName',
    },
    50,
  );
}

async function listMembersWhere(
  db: Database,
  actor: Actor,
  query: TeamMemberListQuery & {
    teamId?: number;
    unitScope?: Awaited<ReturnType<typeof unitFilterScope>>;
    teamKind?: readonly string[] | undefined;
    fallbackSort: string;
  },
  defaultPageSize: number,
): Promise<ListResult<MemberItem>> {
  const paged = paging(query, defaultPageSize);
  const today = todayInVietnam();
  const date = query.asOf ?? today;
  const { rows, total } = await repo.listMembers(
    db,
    {
      scope: actor.scope,
      unitScope: query.unitScope,
      teamId: query.teamId,
      roles: query.role,
      teamKinds: query.teamKind,
      status: query.status,
      date,
      existingOn: query.status === undefined ? query.asOf : undefined,
      search: searchTerm(query.q),
    },
    { sort: query.sort, fallbackSort: query.fallbackSort, limit: paged.limit, offset: paged.offset, today },
  );
  checkPage(paged, total);
  return { items: rows.map(toMemberItem), total, page: paged.page, pageSize: paged.pageSize };
}

async function requireMember(
  db: Database,
  actor: Actor,
  teamId: number,
  memberId: number,
): Promise<{ team: repo.TeamRecord; member: repo.MemberRecord }> {
  const team = await requireTeam(db, actor, teamId);
  const member = await repo.findMemberOfTeam(db, teamId, memberId);
  if (!member) throw memberNotFound();
  return { team, member };
}

export async function getMember(
  db: Database,
  actor: Actor,
  teamId: number,
  memberId: number,
): Promise<MemberDetail> {
  await requireMember(db, actor, teamId, memberId);
  return memberDetail(db, memberId);
}

async function memberDetail(db: Database, memberId: number): Promise<MemberDetail> {
  const today = todayInVietnam();
  const [row, trainings, history] = await Promise.all([
    repo.findMemberListRow(db, memberId, today, today),
    repo.listTrainings(db, memberId),
    listEntityHistory(db, 'team_member', memberId),
  ]);
  return {
    ...toMemberItem(row!),
    trainings: trainings.map((training) => ({
      id: training.id,
      course: training.course,
      fromDate: training.fromDate,
      toDate: training.toDate,
      result: training.result,
    })),
    history,
  };
}

// ---- members: changes --------------------------------------------------------------------------------------------

export interface MemberFacts {
  birthYear: number;
  role: MemberRole;
  joinedOn: string;
  leftOn: string | null;
  residenceSince: string | null;
  eligibilityException: string | null;
}

/** Everything wrong with a membership in this team, as problems with fields (leaders checked separately). */
export function memberProblems(
  team: { kind: TeamKind; establishedOn: string; dissolvedOn: string | null },
  facts: MemberFacts,
  today: string,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const currentYear = Number(today.slice(0, 4));
  if (facts.birthYear > currentYear) {
    problems.push({
      code: 'members.birth_year_future',
      message: 'Năm sinh không hợp lệ',
      field: 'birthYear',
    });
  }
  if (facts.joinedOn > today) {
    problems.push({
      code: 'members.joined_in_future',
      message: 'Ngày tham gia không được sau ngày hôm nay',
      field: 'joinedOn',
    });
  }
  if (facts.joinedOn < team.establishedOn) {
    problems.push({
      code: 'members.before_team',
      message: `Ngày tham gia ${formatDateVi(facts.joinedOn)} trước ngày thành lập tổ (${formatDateVi(team.establishedOn)})`,
      field: 'joinedOn',
    });
  }
  if (team.dissolvedOn !== null && facts.joinedOn >= team.dissolvedOn) {
    problems.push({
      code: 'members.after_dissolution',
      message: `Tổ đã giải thể từ ngày ${formatDateVi(team.dissolvedOn)}`,
      field: 'joinedOn',
    });
  }
  if (facts.leftOn !== null && facts.leftOn <= facts.joinedOn) {
    problems.push({
      code: 'members.dates_order',
      message: 'Ngày thôi phải sau ngày tham gia',
      field: 'joinedOn',
    });
  }
  const roles = rolesForKind(team.kind);
  if (!roles.includes(facts.role)) {
    problems.push({
      code: 'members.role_not_for_kind',
      message: `${TEAM_KIND_INFO[team.kind].label} không có chức danh “${memberRoleLabel(team.kind, facts.role)}”; chọn: ${roles.map((role) => memberRoleLabel(team.kind, role)).join(', ')}`,
      field: 'role',
    });
  }
  problems.push(
    ...checkEligibility({
      kind: team.kind,
      birthYear: facts.birthYear,
      joinedOn: facts.joinedOn,
      residenceSince: facts.residenceSince,
      approvedException: facts.eligibilityException,
    }),
  );
  return problems;
}

/** A leader's term must not overlap another leader's in the same team. */
export function leaderOverlaps<T extends { joinedOn: string; leftOn: string | null }>(
  facts: { joinedOn: string; leftOn: string | null },
  others: readonly T[],
): T | undefined {
  return others.find(
    (other) =>
      (other.leftOn === null || other.leftOn > facts.joinedOn) &&
      (facts.leftOn === null || facts.leftOn > other.joinedOn),
  );
}

async function checkLeader(
  db: Database,
  team: repo.TeamRecord,
  facts: MemberFacts,
  memberId?: number,
): Promise<void> {
  if (!LEADER_ROLES.includes(facts.role)) return;
  await repo.lockTeam(db, team.id);
  const leaders = (await repo.findOverlappingLeaders(db, [team.id], LEADER_ROLES)).filter(
    (leader) => leader.id !== memberId,
  );
  const clash = leaderOverlaps(facts, leaders);
  if (clash) {
    const label = memberRoleLabel(team.kind as TeamKind, facts.role);
    throw conflict(
      'members.leader_taken',
      `Tổ đã có ${label} (từ ${formatDateVi(clash.joinedOn)}${clash.leftOn ? ` đến ${formatDateVi(clash.leftOn)}` : ''}): mỗi thời điểm chỉ có một ${label}`,
      'role',
    );
  }
}

export async function addMember(
  db: Database,
  actor: Actor,
  teamId: number,
  body: CreateMemberBody,
): Promise<MemberDetail> {
  const today = todayInVietnam();
  const fullName = cleanText(body.fullName);
  if (!fullName) throw invalid('members.name_required', 'Họ tên không được để trống', 'fullName');
  const id = await inTransaction(db, async (tx) => {
    const team = await requireTeam(tx, actor, teamId);
    const facts: MemberFacts = {
      birthYear: body.birthYear,
      role: body.role,
      joinedOn: body.joinedOn,
      leftOn: null,
      residenceSince: body.residenceSince ?? null,
      eligibilityException: cleanText(body.eligibilityException),
    };
    const [problem] = memberProblems(
      { kind: team.kind as TeamKind, establishedOn: team.establishedOn, dissolvedOn: team.dissolvedOn },
      facts,
      today,
    );
    if (problem) throw refuse(problem);
    await checkLeader(tx, team, facts);
    const [member] = await repo.insertMembers(tx, [
      {
        teamId,
        unitId: team.unitId,
        provinceCode: team.provinceCode,
        fullName,
        searchName: normalizeForSearch(fullName),
        birthYear: body.birthYear,
        gender: body.gender ?? null,
        phone: cleanPhone(body.phone),
        role: body.role,
        position: cleanText(body.position),
        organisation: cleanText(body.organisation),
        joinedOn: body.joinedOn,
        residenceSince: facts.residenceSince,
        eligibilityException: facts.eligibilityException,
        recognitionDecisionNumber: cleanText(body.recognitionDecisionNumber),
        recognitionDecisionDate: body.recognitionDecisionDate ?? null,
        certificateNumber: cleanText(body.certificateNumber),
        notes: cleanText(body.notes),
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'team_member.created',
      entityType: 'team_member',
      entityId: member!.id,
      unitId: member!.unitId,
      provinceCode: member!.provinceCode,
      after: memberAuditView(member!),
    });
    return member!.id;
  });
  return memberDetail(db, id);
}

export async function updateMember(
  db: Database,
  actor: Actor,
  teamId: number,
  memberId: number,
  body: UpdateMemberBody,
): Promise<MemberDetail> {
  const today = todayInVietnam();
  await inTransaction(db, async (tx) => {
    const { team, member: before } = await requireMember(tx, actor, teamId, memberId);
    const changes: Partial<repo.NewMember> = {};
    if (body.fullName !== undefined) {
      const fullName = cleanText(body.fullName);
      if (!fullName) throw invalid('members.name_required', 'Họ tên không được để trống', 'fullName');
      changes.fullName = fullName;
      changes.searchName = normalizeForSearch(fullName);
    }
    if (body.gender !== undefined) changes.gender = body.gender;
    if (body.phone !== undefined) changes.phone = cleanPhone(body.phone);
    if (body.recognitionDecisionNumber !== undefined)
      changes.recognitionDecisionNumber = cleanText(body.recognitionDecisionNumber);
    if (body.recognitionDecisionDate !== undefined)
      changes.recognitionDecisionDate = body.recognitionDecisionDate;
    if (body.certificateNumber !== undefined) changes.certificateNumber = cleanText(body.certificateNumber);
    if (body.position !== undefined) changes.position = cleanText(body.position);
    if (body.organisation !== undefined) changes.organisation = cleanText(body.organisation);
    if (body.notes !== undefined) changes.notes = cleanText(body.notes);
    const facts: MemberFacts = {
      birthYear: body.birthYear ?? before.birthYear,
      role: body.role ?? (before.role as MemberRole),
      joinedOn: body.joinedOn ?? before.joinedOn,
      leftOn: before.leftOn,
      residenceSince: body.residenceSince === undefined ? before.residenceSince : body.residenceSince,
      eligibilityException:
        body.eligibilityException === undefined
          ? before.eligibilityException
          : cleanText(body.eligibilityException),
    };
    const entryChanged =
      facts.birthYear !== before.birthYear ||
      facts.role !== before.role ||
      facts.joinedOn !== before.joinedOn ||
      facts.residenceSince !== before.residenceSince ||
      facts.eligibilityException !== before.eligibilityException;
    if (entryChanged) {
      // The facts of entry changed: the entry is checked again as if the member joined with them.
      const [problem] = memberProblems(
        { kind: team.kind as TeamKind, establishedOn: team.establishedOn, dissolvedOn: team.dissolvedOn },
        facts,
        today,
      );
      if (problem) throw refuse(problem);
      if (facts.role !== before.role || facts.joinedOn !== before.joinedOn)
        await checkLeader(tx, team, facts, memberId);
      Object.assign(changes, {
        birthYear: facts.birthYear,
        role: facts.role,
        joinedOn: facts.joinedOn,
        residenceSince: facts.residenceSince,
        eligibilityException: facts.eligibilityException,
      });
    }
    const after = await repo.updateMember(tx, memberId, changes);
    await recordAudit(tx, actor, {
      action: 'team_member.updated',
      entityType: 'team_member',
      entityId: memberId,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: memberAuditView(before),
      after: memberAuditView(after),
    });
  });
  return memberDetail(db, memberId);
}

export async function endMembership(
  db: Database,
  actor: Actor,
  teamId: number,
  memberId: number,
  body: LeaveBody,
): Promise<MemberDetail> {
  const today = todayInVietnam();
  await inTransaction(db, async (tx) => {
    const { team, member: before } = await requireMember(tx, actor, teamId, memberId);
    if (before.leftOn !== null) {
      throw conflict(
        'members.already_left',
        `Thành viên đã thôi từ ngày ${formatDateVi(before.leftOn)}`,
        'leftOn',
      );
    }
    if (body.leftOn <= before.joinedOn) {
      throw invalid(
        'members.dates_order',
        `Ngày thôi phải sau ngày tham gia (${formatDateVi(before.joinedOn)})`,
        'leftOn',
      );
    }
    if (body.leftOn > today)
      throw invalid('members.left_in_future', 'Ngày thôi không được sau hôm nay', 'leftOn');
    if (team.dissolvedOn !== null && body.leftOn > team.dissolvedOn) {
      throw invalid(
        'members.after_dissolution',
        `Tổ đã giải thể từ ngày ${formatDateVi(team.dissolvedOn)}`,
        'leftOn',
      );
    }
    const after = await repo.updateMember(tx, memberId, {
      leftOn: body.leftOn,
      leaveReason: cleanText(body.reason),
    });
    await recordAudit(tx, actor, {
      action: 'team_member.left',
      entityType: 'team_member',
      entityId: memberId,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: memberAuditView(before),
      after: memberAuditView(after),
    });
  });
  return memberDetail(db, memberId);
}

export async function addTraining(
  db: Database,
  actor: Actor,
  teamId: number,
  memberId: number,
  body: TrainingBody,
): Promise<MemberDetail> {
  const course = cleanText(body.course);
  if (!course) throw invalid('trainings.course_required', 'Tên lớp tập huấn không được để trống', 'course');
  if (body.toDate && body.toDate < body.fromDate) {
    throw invalid('trainings.dates_order', 'Ngày kết thúc phải sau ngày bắt đầu', 'toDate');
  }
  if (body.fromDate > todayInVietnam()) {
    throw invalid('trainings.in_future', 'Ngày bắt đầu không được sau hôm nay', 'fromDate');
  }
  await inTransaction(db, async (tx) => {
    const { member } = await requireMember(tx, actor, teamId, memberId);
    const training = await repo.insertTraining(tx, {
      memberId,
      unitId: member.unitId,
      provinceCode: member.provinceCode,
      course,
      fromDate: body.fromDate,
      toDate: body.toDate ?? null,
      result: cleanText(body.result),
    });
    await recordAudit(tx, actor, {
      action: 'team_member.training_added',
      entityType: 'team_member',
      entityId: memberId,
      unitId: member.unitId,
      provinceCode: member.provinceCode,
      details: {
        trainingId: training.id,
        course,
        fromDate: body.fromDate,
        toDate: body.toDate ?? null,
        result: training.result,
      },
    });
  });
  return memberDetail(db, memberId);
}

export async function removeTraining(
  db: Database,
  actor: Actor,
  teamId: number,
  memberId: number,
  trainingId: number,
): Promise<MemberDetail> {
  await inTransaction(db, async (tx) => {
    const { member } = await requireMember(tx, actor, teamId, memberId);
    const deleted = await repo.deleteTraining(tx, memberId, trainingId);
    if (!deleted) throw notFound('trainings.not_found', 'Không tìm thấy lớp tập huấn');
    await recordAudit(tx, actor, {
      action: 'team_member.training_removed',
      entityType: 'team_member',
      entityId: memberId,
      unitId: member.unitId,
      provinceCode: member.provinceCode,
      details: { trainingId, course: deleted.course, fromDate: deleted.fromDate },
    });
  });
  return memberDetail(db, memberId);
}

// ---- ratings ------------------------------------------------------------------------------------------------------

function checkRatingYear(year: number, today: string): void {
  const period = ratingPeriod(year);
  if (period.from > today) {
    throw invalid(
      'ratings.year_not_started',
      `Kỳ đánh giá năm ${year} (${formatDateVi(period.from)} – ${formatDateVi(period.to)}) chưa bắt đầu`,
      'year',
    );
  }
}

async function ratingSheet(db: Database, team: repo.TeamRecord, year: number): Promise<RatingSheet> {
  const period = ratingPeriod(year);
  const [members, ratings] = await Promise.all([
    repo.listMembersOfTeam(db, team.id),
    repo.listTeamRatings(db, team.id, year),
  ]);
  const ratingOf = new Map(ratings.map((rating) => [rating.memberId, rating]));
  const kind = team.kind as TeamKind;
  const inPeriod = members.filter(
    (member) =>
      ratingOf.has(member.id) ||
      (member.joinedOn <= period.to && (member.leftOn === null || member.leftOn > period.from)),
  );
  const counts = countRatings(ratings.map((rating) => rating.rating));
  return {
    teamId: team.id,
    year,
    period: { from: period.from, to: period.to },
    excellentMaxPercentOfGood: REGISTRY_SETTINGS.excellentMaxPercentOfGood,
    maxExcellent: maxExcellent(counts.good),
    counts,
    members: inPeriod
      .map((member) => {
        const problem = checkRatable(member, year);
        const rating = ratingOf.get(member.id);
        return {
          memberId: member.id,
          fullName: member.fullName,
          role: member.role as MemberRole,
          roleLabel: memberRoleLabel(kind, member.role as MemberRole),
          joinedOn: member.joinedOn,
          leftOn: member.leftOn,
          serviceMonths: serviceMonthsInPeriod(member, period),
          ratable: problem === null,
          reason: problem?.message ?? null,
          rating: rating?.rating ?? null,
          note: rating?.note ?? null,
        };
      })
      .sort((a, b) => rolesForKind(kind).indexOf(a.role) - rolesForKind(kind).indexOf(b.role)),
  };
}

export async function getRatingSheet(
  db: Database,
  actor: Actor,
  teamId: number,
  year: number,
): Promise<RatingSheet> {
  const team = await requireTeam(db, actor, teamId);
  return ratingSheet(db, team, year);
}

interface RatingChange {
  member: repo.MemberRecord;
  rating: MemberRating | null;
  note: string | null;
}

/** Applies rating changes of one team and year, all checked together; the quota is judged on the result. */
async function applyRatings(
  tx: Database,
  actor: Actor,
  team: repo.TeamRecord,
  year: number,
  changes: readonly RatingChange[],
  problemPrefix: (index: number) => string,
): Promise<void> {
  checkRatingYear(year, todayInVietnam());
  await repo.lockTeam(tx, team.id);
  const current = new Map((await repo.listTeamRatings(tx, team.id, year)).map((row) => [row.memberId, row]));
  const after = new Map([...current].map(([memberId, row]) => [memberId, row.rating]));
  changes.forEach((change, index) => {
    if (change.rating === null) {
      after.delete(change.member.id);
      return;
    }
    const problem = checkRatable(change.member, year);
    if (problem) {
      throw invalid(problem.code, `${problemPrefix(index)}${problem.message}`, problem.field);
    }
    after.set(change.member.id, change.rating);
  });
  const quota = checkExcellentQuota(countRatings(after.values()));
  if (quota)
    throw new AppError('invalid', quota.code, `Năm ${year}: ${quota.message}`, { field: quota.field });
  for (const change of changes) {
    const before = current.get(change.member.id);
    if (change.rating === null) {
      if (!before) continue;
      await repo.deleteRating(tx, change.member.id, year);
    } else {
      if (before && before.rating === change.rating && before.note === change.note) continue;
      await repo.upsertRating(tx, {
        memberId: change.member.id,
        teamId: team.id,
        unitId: change.member.unitId,
        provinceCode: change.member.provinceCode,
        year,
        rating: change.rating,
        note: change.note,
      });
    }
    await recordAudit(tx, actor, {
      action: change.rating === null ? 'team_member.rating_removed' : 'team_member.rated',
      entityType: 'team_member',
      entityId: change.member.id,
      unitId: change.member.unitId,
      provinceCode: change.member.provinceCode,
      before: before ? { [`rating${year}`]: before.rating, [`ratingNote${year}`]: before.note } : null,
      after:
        change.rating === null
          ? null
          : { [`rating${year}`]: change.rating, [`ratingNote${year}`]: change.note },
    });
  }
}

export async function rateMember(
  db: Database,
  actor: Actor,
  teamId: number,
  memberId: number,
  year: number,
  body: RatingBody | null,
): Promise<RatingSheet> {
  return inTransaction(db, async (tx) => {
    const { team, member } = await requireMember(tx, actor, teamId, memberId);
    await applyRatings(
      tx,
      actor,
      team,
      year,
      [{ member, rating: body?.rating ?? null, note: cleanText(body?.note) }],
      () => '',
    );
    return ratingSheet(tx, team, year);
  });
}

export async function rateTeam(
  db: Database,
  actor: Actor,
  teamId: number,
  year: number,
  body: RatingSheetBody,
): Promise<RatingSheet> {
  return inTransaction(db, async (tx) => {
    const team = await requireTeam(tx, actor, teamId);
    const members = new Map((await repo.listMembersOfTeam(tx, teamId)).map((member) => [member.id, member]));
    const seen = new Set<number>();
    const changes = body.items.map((item, index) => {
      const member = members.get(item.memberId);
      if (!member) {
        throw invalid(
          'members.not_in_team',
          `Dòng ${index + 1}: thành viên không thuộc tổ này`,
          `items.${index}.memberId`,
        );
      }
      if (seen.has(item.memberId)) {
        throw invalid(
          'ratings.duplicate',
          `Dòng ${index + 1}: thành viên được xếp loại hai lần`,
          `items.${index}.memberId`,
        );
      }
      seen.add(item.memberId);
      return { member, rating: item.rating, note: cleanText(item.note) };
    });
    await applyRatings(tx, actor, team, year, changes, (index) => `${changes[index]!.member.fullName}: `);
    return ratingSheet(tx, team, year);
  });
}

// ---- summary ---------------------------------------------------------------------------------------------------

export async function teamsSummary(
  db: Database,
  actor: Actor,
  query: SummaryQuery,
): Promise<SummaryResponse> {
  return rollup(db, {
    definitions: TEAM_SUMMARY_INDICATORS,
    sources: repo.TEAM_INDICATOR_SOURCES,
    unitId: query.unit ?? actor.unitId,
    asOf: query.asOf ?? todayInVietnam(),
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
  });
}
