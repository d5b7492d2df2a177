/**
 * Excel template and import of teams and members. One workbook, two sheets: "Tổ, đội, ban" (each team with a
 * short key of the file's own, e.g. T1) and "Thành viên" (each member naming the team by that key, or by the id of a
 * team already registered). Every row is checked with the same rules as the forms; the errors come back per row and
 * column, and only a file without a single error is written, in one transaction.
 */
import type { ImportResult } from '../../../contracts/registry.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { invalid } from '../../../domain/errors.js';
import {
  GENDER_LABELS,
  GENDERS,
  type Gender,
  LEADER_ROLES,
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  type MemberRole,
  type RuleProblem,
  TEAM_KIND_INFO,
  TEAM_KIND_LABELS,
  TEAM_KINDS,
  type TeamKind,
} from '../../../domain/teams.js';
import { normalizeForSearch } from '../../../domain/text.js';
import { UNIT_KINDS } from '../../../domain/units.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import {
  ImportErrors,
  type ProgressFn,
  phaseReporter,
  take,
  yieldToEventLoop,
} from '../../registry/import.js';
import {
  existedOn,
  listUnitsForTemplate,
  loadUnitsInScope,
  type UnitIntervals,
} from '../../registry/units.js';
import {
  buildTemplate,
  type CellValue,
  type Parsed,
  parseChoice,
  parseDate,
  parseInteger,
  parseText,
  parseUnitReference,
  readSheets,
  type TemplateColumn,
  unitOption,
} from '../../registry/xlsx.js';
import { type AuditInput, recordAuditBatch } from '../audit/audit.service.js';
import * as repo from './teams.repo.js';
import {
  cleanPhone,
  cleanText,
  leaderOverlaps,
  memberAuditView,
  memberProblems,
  type TeamFacts,
  teamAuditView,
  teamProblems,
} from './teams.service.js';

export const TEAM_SHEET = 'Tổ, đội, ban';
export const MEMBER_SHEET = 'Thành viên';

const LISTS = { kind: 'Loại tổ', unit: 'Đơn vị', role: 'Chức danh', gender: 'Giới tính' } as const;

export const TEAM_COLUMNS: TemplateColumn[] = [
  {
    key: 'key',
    header: 'Mã tổ trong tệp',
    required: true,
    width: 14,
    note: 'Mã ngắn tự đặt (T1, T2…) để trang Thành viên chỉ tới tổ này',
  },
  { key: 'kind', header: 'Loại', required: true, list: LISTS.kind, width: 34 },
  { key: 'name', header: 'Tên tổ, đội, ban', required: true, width: 36 },
  {
    key: 'unitId',
    header: 'Đơn vị',
    required: true,
    list: LISTS.unit,
    width: 46,
    note: 'Chọn trong danh sách, hoặc ghi mã đơn vị hành chính',
  },
  { key: 'establishedOn', header: 'Ngày thành lập', required: true, format: 'date', width: 16 },
  { key: 'decisionNumber', header: 'Số quyết định thành lập', width: 22 },
  { key: 'decisionDate', header: 'Ngày quyết định', format: 'date', width: 16 },
  { key: 'decisionSigner', header: 'Người ký quyết định', width: 24 },
  { key: 'notes', header: 'Ghi chú', width: 30 },
];

export const MEMBER_COLUMNS: TemplateColumn[] = [
  { key: 'teamKey', header: 'Mã tổ trong tệp', width: 14, note: 'Mã của tổ ở trang "Tổ, đội, ban"' },
  {
    key: 'teamId',
    header: 'Số định danh tổ đã có',
    width: 14,
    note: 'Thêm thành viên vào tổ đã có trong hệ thống (xem ở trang chi tiết tổ)',
  },
  { key: 'fullName', header: 'Họ và tên', required: true, width: 28 },
  { key: 'birthYear', header: 'Năm sinh', required: true, format: 'integer', width: 10 },
  { key: 'gender', header: 'Giới tính', list: LISTS.gender, width: 10 },
  { key: 'phone', header: 'Số điện thoại', width: 16 },
  { key: 'role', header: 'Chức danh', required: true, list: LISTS.role, width: 16 },
  { key: 'joinedOn', header: 'Ngày tham gia', required: true, format: 'date', width: 16 },
  { key: 'residenceSince', header: 'Cư trú tại địa bàn từ ngày', format: 'date', width: 18 },
  { key: 'eligibilityException', header: 'Lý do ngoại lệ về tuổi được chấp thuận', width: 30 },
  { key: 'recognitionDecisionNumber', header: 'Số quyết định công nhận', width: 22 },
  { key: 'recognitionDecisionDate', header: 'Ngày quyết định công nhận', format: 'date', width: 16 },
  { key: 'certificateNumber', header: 'Số thẻ thành viên', width: 16 },
  { key: 'notes', header: 'Ghi chú', width: 30 },
];

const header = (columns: TemplateColumn[], key: string) =>
  columns.find((column) => column.key === key)?.header ?? key;

const KIND_OPTIONS = TEAM_KINDS.map((kind) => ({ key: kind, label: TEAM_KIND_LABELS[kind] }));
const ROLE_OPTIONS: Array<{ key: MemberRole; label: string }> = [
  ...MEMBER_ROLES.map((role) => ({ key: role, label: MEMBER_ROLE_LABELS[role] })),
  { key: 'team_leader', label: 'Đội trưởng' },
  { key: 'deputy_leader', label: 'Đội phó' },
  { key: 'member', label: 'Đội viên' },
];
const GENDER_OPTIONS = GENDERS.map((gender) => ({ key: gender, label: GENDER_LABELS[gender] }));
const TEMPLATE_UNIT_LIMIT = 50_000;

export async function buildTeamsTemplate(db: Database, actor: Actor): Promise<Buffer> {
  const today = todayInVietnam();
  const units = await listUnitsForTemplate(db, actor.scope, today, UNIT_KINDS, TEMPLATE_UNIT_LIMIT);
  const example = units.find((unit) => unit.kind === 'residential_area') ?? units[0];
  return buildTemplate({
    title: 'Mẫu nhập danh sách tổ, đội, ban và thành viên',
    instructions: [
      'Trang "Tổ, đội, ban": mỗi dòng một tổ. Cột "Mã tổ trong tệp" là mã ngắn tự đặt (T1, T2…), chỉ dùng để trang "Thành viên" chỉ tới tổ đó.',
      'Trang "Thành viên": mỗi dòng một người. Ghi "Mã tổ trong tệp" nếu tổ nằm ở trang trước, hoặc "Số định danh tổ đã có" nếu tổ đã có trong hệ thống.',
      'Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/mm/yyyy. Loại, đơn vị, chức danh, giới tính: chọn trong danh sách thả xuống.',
      'Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở phải từ 18 đến 70 tuổi (trừ khi có lý do ngoại lệ được chấp thuận) và cư trú tại địa bàn từ 1 năm trở lên.',
      'Mỗi khu dân cư chỉ có một Tổ bảo vệ an ninh, trật tự ở cơ sở; mỗi tổ chỉ có một Tổ trưởng (Trưởng ban) tại một thời điểm.',
      'Hệ thống kiểm tra toàn bộ tệp trước; nếu có bất kỳ lỗi nào thì không ghi gì và trả về danh sách lỗi theo trang, dòng, cột.',
      'Dữ liệu cá nhân của thành viên chỉ dùng cho công tác quản lý lực lượng; không chia sẻ tệp này ra ngoài.',
    ],
    lists: [
      { name: LISTS.kind, values: KIND_OPTIONS.map((option) => option.label) },
      { name: LISTS.unit, values: units.map(unitOption) },
      { name: LISTS.role, values: ROLE_OPTIONS.map((option) => option.label) },
      { name: LISTS.gender, values: GENDER_OPTIONS.map((option) => option.label) },
    ],
    sheets: [
      {
        name: TEAM_SHEET,
        columns: TEAM_COLUMNS,
        examples: example
          ? [
              {
                key: 'T1',
                kind: TEAM_KIND_LABELS.grassroots_security_team,
                name: `Tổ bảo vệ an ninh, trật tự ${example.fullName}`,
                unitId: unitOption(example),
                establishedOn: new Date(Date.UTC(2024, 6, 1)),
                decisionNumber: '123/QĐ-UBND',
                decisionDate: new Date(Date.UTC(2024, 5, 25)),
                decisionSigner: 'Chủ tịch UBND xã',
              },
            ]
          : [],
      },
      {
        name: MEMBER_SHEET,
        columns: MEMBER_COLUMNS,
        examples: example
          ? [
              {
                teamKey: 'T1',
                fullName: 'Nguyễn Văn Mẫu',
                birthYear: 1980,
                gender: 'Nam',
                role: 'Tổ trưởng',
                joinedOn: new Date(Date.UTC(2024, 6, 1)),
                residenceSince: new Date(Date.UTC(2000, 0, 1)),
              },
            ]
          : [],
      },
    ],
  });
}

// ---- the import -----------------------------------------------------------------------------------------------------

interface TeamRow {
  row: number;
  key: string;
  facts: TeamFacts;
  unit: UnitIntervals;
  name: string;
  decisionNumber: string | null;
  decisionSigner: string | null;
  notes: string | null;
  valid: boolean;
}

interface MemberRow {
  row: number;
  team: { key: string } | { id: number };
  fields: Omit<repo.NewMember, 'teamId' | 'unitId' | 'provinceCode'>;
}

const BATCH = 5000;

export async function runTeamsImport(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: { dryRun: boolean },
  progress: ProgressFn,
): Promise<ImportResult> {
  const today = todayInVietnam();
  const sheets = await readSheets(
    file,
    [
      { name: TEAM_SHEET, columns: TEAM_COLUMNS },
      { name: MEMBER_SHEET, columns: MEMBER_COLUMNS },
    ],
    phaseReporter(progress, 'read'),
  );
  const teamSheet = sheets.get(TEAM_SHEET)!;
  const memberSheet = sheets.get(MEMBER_SHEET)!;
  if (!teamSheet.found && !memberSheet.found) {
    throw invalid(
      'import.no_sheets',
      `Tệp không có trang "${TEAM_SHEET}" hoặc "${MEMBER_SHEET}" với dòng tiêu đề như tệp mẫu`,
      'file',
    );
  }
  const errors = new ImportErrors();
  for (const [sheet, read, columns] of [
    [TEAM_SHEET, teamSheet, TEAM_COLUMNS],
    [MEMBER_SHEET, memberSheet, MEMBER_COLUMNS],
  ] as const) {
    const requiredMissing = read.missingColumns.filter((missing) =>
      columns.some((column) => column.header === missing && column.required),
    );
    for (const missing of requiredMissing) errors.add(sheet, 1, missing, 'Thiếu cột bắt buộc');
  }
  const totalRows = teamSheet.rows.length + memberSheet.rows.length;
  const checked = phaseReporter(progress, 'check');
  checked(0, totalRows);

  // ---- teams -----------------------------------------------------------------------------------------------
  const teamRows = await checkTeams(db, actor, teamSheet.rows, errors, today);
  const teamByKey = new Map<string, TeamRow>();
  for (const team of teamRows) {
    if (teamByKey.has(team.key)) {
      errors.add(
        TEAM_SHEET,
        team.row,
        header(TEAM_COLUMNS, 'key'),
        `Mã tổ "${team.key}" trùng với dòng ${teamByKey.get(team.key)!.row}`,
      );
      team.valid = false;
      continue;
    }
    teamByKey.set(team.key, team);
  }
  checked(teamSheet.rows.length, totalRows);

  // ---- members ---------------------------------------------------------------------------------------------
  const memberRows: MemberRow[] = [];
  const existingIds = new Set<number>();
  for (const [index, read] of memberSheet.rows.entries()) {
    if (index % 2000 === 1999) await yieldToEventLoop();
    const parsed = parseMember(read.row, read.values, errors);
    if (parsed) {
      memberRows.push(parsed);
      if ('id' in parsed.team) existingIds.add(parsed.team.id);
    }
  }
  const existingTeams = new Map(
    (await repo.findTeamsInScope(db, actor.scope, [...existingIds])).map((team) => [team.id, team]),
  );
  const leaderTerms = new Map<
    string,
    Array<{ joinedOn: string; leftOn: string | null; row: number | null }>
  >();
  for (const leader of await repo.findOverlappingLeaders(db, [...existingTeams.keys()], LEADER_ROLES)) {
    const list = leaderTerms.get(`id:${leader.teamId}`) ?? [];
    list.push({ joinedOn: leader.joinedOn, leftOn: leader.leftOn, row: null });
    leaderTerms.set(`id:${leader.teamId}`, list);
  }
  const memberHeader = (key: string) => header(MEMBER_COLUMNS, key);
  let done = teamSheet.rows.length;
  for (const member of memberRows) {
    done += 1;
    if (done % 2000 === 0) {
      checked(done, totalRows);
      await yieldToEventLoop();
    }
    let teamFacts: { kind: TeamKind; establishedOn: string; dissolvedOn: string | null } | undefined;
    let linkKey: string;
    if ('key' in member.team) {
      const team = teamByKey.get(member.team.key);
      linkKey = `key:${member.team.key}`;
      if (!team) {
        errors.add(
          MEMBER_SHEET,
          member.row,
          memberHeader('teamKey'),
          `Không có tổ mã "${member.team.key}" ở trang "${TEAM_SHEET}"`,
        );
        continue;
      }
      // A member of a team whose own row is wrong is not checked against it: the team's row says what to fix.
      if (!team.valid) continue;
      teamFacts = { kind: team.facts.kind, establishedOn: team.facts.establishedOn, dissolvedOn: null };
    } else {
      const team = existingTeams.get(member.team.id);
      linkKey = `id:${member.team.id}`;
      if (!team) {
        errors.add(
          MEMBER_SHEET,
          member.row,
          memberHeader('teamId'),
          `Không có tổ số ${member.team.id} trong phạm vi của bạn`,
        );
        continue;
      }
      teamFacts = {
        kind: team.kind as TeamKind,
        establishedOn: team.establishedOn,
        dissolvedOn: team.dissolvedOn,
      };
    }
    const facts = {
      birthYear: member.fields.birthYear,
      role: member.fields.role as MemberRole,
      joinedOn: member.fields.joinedOn,
      leftOn: null,
      residenceSince: member.fields.residenceSince ?? null,
      eligibilityException: member.fields.eligibilityException ?? null,
    };
    const problems = memberProblems(teamFacts, facts, today);
    for (const problem of problems) addProblem(errors, MEMBER_SHEET, member.row, MEMBER_COLUMNS, problem);
    if (problems.length === 0 && LEADER_ROLES.includes(facts.role)) {
      const terms = leaderTerms.get(linkKey) ?? [];
      const clash = leaderOverlaps(facts, terms);
      if (clash) {
        errors.add(
          MEMBER_SHEET,
          member.row,
          memberHeader('role'),
          clash.row === null
            ? 'Tổ đã có người giữ chức danh này trong cùng thời gian'
            : `Trùng chức danh với dòng ${clash.row}: mỗi tổ chỉ có một người đứng đầu tại một thời điểm`,
        );
      } else {
        terms.push({ joinedOn: facts.joinedOn, leftOn: null, row: member.row });
        leaderTerms.set(linkKey, terms);
      }
    }
  }
  checked(totalRows, totalRows);

  const validTeams = teamRows.filter((team) => !errors.hasRow(TEAM_SHEET, team.row)).length;
  const validMembers = memberSheet.rows.length - errors.rowsWithErrors(MEMBER_SHEET);
  const base = (created: { teams: number; members: number }): ImportResult => ({
    dryRun: options.dryRun,
    committed: created.teams + created.members > 0,
    sheets: [
      { sheet: TEAM_SHEET, rows: teamSheet.rows.length, valid: validTeams, created: created.teams },
      { sheet: MEMBER_SHEET, rows: memberSheet.rows.length, valid: validMembers, created: created.members },
    ],
    ...errors.summary(),
  });
  if (errors.count > 0 || options.dryRun || totalRows === 0) return base({ teams: 0, members: 0 });

  // ---- write everything, or nothing ----------------------------------------------------------------------------
  const written = phaseReporter(progress, 'write');
  const work = teamRows.length * 2 + memberRows.length * 2;
  let writtenCount = 0;
  const step = (count: number) => {
    writtenCount += count;
    written(writtenCount, work);
  };
  await inTransaction(db, async (tx) => {
    const teamIdByKey = new Map<string, repo.TeamRecord>();
    for (let start = 0; start < teamRows.length; start += BATCH) {
      const batch = teamRows.slice(start, start + BATCH);
      const inserted = await repo.insertTeams(
        tx,
        batch.map((team) => ({
          kind: team.facts.kind,
          name: team.name,
          searchName: normalizeForSearch(team.name),
          unitId: team.facts.unitId,
          provinceCode: team.unit.provinceCode,
          establishedOn: team.facts.establishedOn,
          decisionNumber: team.decisionNumber,
          decisionDate: team.facts.decisionDate,
          decisionSigner: team.decisionSigner,
          notes: team.notes,
          createdBy: actor.userId,
        })),
      );
      batch.forEach((team, index) => {
        teamIdByKey.set(team.key, inserted[index]!);
      });
      await recordAuditBatch(
        tx,
        actor,
        inserted.map(
          (team): AuditInput => ({
            action: 'team.imported',
            entityType: 'team',
            entityId: team.id,
            unitId: team.unitId,
            provinceCode: team.provinceCode,
            after: teamAuditView(team),
          }),
        ),
      );
      step(batch.length * 2);
    }
    for (let start = 0; start < memberRows.length; start += BATCH) {
      const batch = memberRows.slice(start, start + BATCH).map((member): repo.NewMember => {
        const team =
          'key' in member.team ? teamIdByKey.get(member.team.key)! : existingTeams.get(member.team.id)!;
        return { ...member.fields, teamId: team.id, unitId: team.unitId, provinceCode: team.provinceCode };
      });
      const ids = await repo.insertMemberBatch(tx, batch);
      await recordAuditBatch(
        tx,
        actor,
        batch.map(
          (member, index): AuditInput => ({
            action: 'team_member.imported',
            entityType: 'team_member',
            entityId: ids[index]!,
            unitId: member.unitId,
            provinceCode: member.provinceCode,
            after: memberAuditView(member),
          }),
        ),
      );
      step(batch.length * 2);
      await yieldToEventLoop();
    }
  });
  return base({ teams: teamRows.length, members: memberRows.length });
}

function addProblem(
  errors: ImportErrors,
  sheet: string,
  row: number,
  columns: TemplateColumn[],
  problem: RuleProblem,
): void {
  errors.add(sheet, row, header(columns, problem.field), problem.message);
}

async function checkTeams(
  db: Database,
  actor: Actor,
  rows: ReadonlyArray<{ row: number; values: Record<string, CellValue> }>,
  errors: ImportErrors,
  today: string,
): Promise<TeamRow[]> {
  const headerOf = (key: string) => header(TEAM_COLUMNS, key);
  const parsed: Array<{
    row: number;
    key: string;
    kind: TeamKind;
    name: string;
    unit: { id: number } | { code: string };
    establishedOn: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    decisionSigner: string | null;
    notes: string | null;
  }> = [];
  for (const { row, values } of rows) {
    const at = <T>(key: string, result: Parsed<T>) => take(errors, TEAM_SHEET, row, headerOf(key), result);
    const key = at('key', parseText(values.key ?? null, 40, true));
    const kind = at('kind', parseChoice(values.kind ?? null, KIND_OPTIONS, true));
    const name = at('name', parseText(values.name ?? null, 200, true));
    const unit = at('unitId', parseUnitReference(values.unitId ?? null));
    const establishedOn = at('establishedOn', parseDate(values.establishedOn ?? null, true));
    const decisionNumber = at('decisionNumber', parseText(values.decisionNumber ?? null, 100));
    const decisionDate = at('decisionDate', parseDate(values.decisionDate ?? null));
    const decisionSigner = at('decisionSigner', parseText(values.decisionSigner ?? null, 150));
    const notes = at('notes', parseText(values.notes ?? null, 2000));
    if (!key || !kind || !name || !unit || !establishedOn || decisionNumber === undefined) continue;
    if (decisionDate === undefined || decisionSigner === undefined || notes === undefined) continue;
    parsed.push({
      row,
      key,
      kind,
      name,
      unit,
      establishedOn,
      decisionNumber,
      decisionDate,
      decisionSigner,
      notes,
    });
  }
  const units = await loadUnitsInScope(db, actor.scope, {
    ids: parsed.flatMap((team) => ('id' in team.unit ? [team.unit.id] : [])),
    codes: parsed.flatMap((team) => ('code' in team.unit ? [team.unit.code] : [])),
  });
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const result: TeamRow[] = [];
  const onePerUnit = new Map<string, TeamRow>();
  for (const team of parsed) {
    let unit: UnitIntervals | undefined;
    if ('id' in team.unit) {
      unit = byId.get(team.unit.id);
    } else {
      const code = team.unit.code;
      const matches = units.filter(
        (candidate) => candidate.code === code && existedOn(candidate, team.establishedOn),
      );
      if (matches.length > 1) {
        errors.add(
          TEAM_SHEET,
          team.row,
          headerOf('unitId'),
          `Mã "${code}" ứng với nhiều đơn vị: hãy chọn đơn vị trong danh sách`,
        );
        continue;
      }
      unit = matches[0] ?? units.find((candidate) => candidate.code === code);
    }
    const facts: TeamFacts = {
      kind: team.kind,
      unitId: unit?.id ?? 0,
      establishedOn: team.establishedOn,
      decisionDate: team.decisionDate,
    };
    const problems = teamProblems(facts, unit, today);
    for (const problem of problems) addProblem(errors, TEAM_SHEET, team.row, TEAM_COLUMNS, problem);
    if (!unit) continue;
    const row: TeamRow = {
      row: team.row,
      key: team.key,
      facts,
      unit,
      name: team.name,
      decisionNumber: team.decisionNumber,
      decisionSigner: team.decisionSigner,
      notes: team.notes,
      valid: problems.length === 0,
    };
    if (problems.length === 0 && TEAM_KIND_INFO[team.kind].onePerUnit) {
      const slot = `${team.kind}:${unit.id}`;
      const other = onePerUnit.get(slot);
      if (other) {
        errors.add(
          TEAM_SHEET,
          team.row,
          headerOf('unitId'),
          `Đơn vị này đã có ${TEAM_KIND_LABELS[team.kind].toLowerCase()} ở dòng ${other.row}: mỗi đơn vị chỉ có một`,
        );
        row.valid = false;
      } else {
        onePerUnit.set(slot, row);
      }
    }
    result.push(row);
  }
  // The same rule against teams already registered, one query per kind.
  const byKind = new Map<TeamKind, TeamRow[]>();
  for (const team of result) {
    if (!team.valid || !TEAM_KIND_INFO[team.facts.kind].onePerUnit) continue;
    byKind.set(team.facts.kind, [...(byKind.get(team.facts.kind) ?? []), team]);
  }
  for (const [kind, list] of byKind) {
    const earliest = list.map((team) => team.facts.establishedOn).sort()[0]!;
    const existing = await repo.findActiveTeamsOfKind(
      db,
      kind,
      list.map((team) => team.facts.unitId),
      earliest,
    );
    for (const team of list) {
      const clash = existing.find(
        (other) =>
          other.unitId === team.facts.unitId &&
          (other.dissolvedOn === null || other.dissolvedOn > team.facts.establishedOn),
      );
      if (clash) {
        errors.add(
          TEAM_SHEET,
          team.row,
          headerOf('unitId'),
          `Đơn vị này đã có ${TEAM_KIND_LABELS[kind].toLowerCase()} “${clash.name}” trong hệ thống: mỗi đơn vị chỉ có một`,
        );
        team.valid = false;
      }
    }
  }
  return result;
}

function parseMember(
  row: number,
  values: Record<string, CellValue>,
  errors: ImportErrors,
): MemberRow | undefined {
  const headerOf = (key: string) => header(MEMBER_COLUMNS, key);
  const at = <T>(key: string, result: Parsed<T>) => take(errors, MEMBER_SHEET, row, headerOf(key), result);
  const teamKey = at('teamKey', parseText(values.teamKey ?? null, 40));
  const teamId = at('teamId', parseInteger(values.teamId ?? null, 1, 2147483647));
  const fullName = at('fullName', parseText(values.fullName ?? null, 150, true));
  const birthYear = at('birthYear', parseInteger(values.birthYear ?? null, 1900, 2100, true));
  const gender = at('gender', parseChoice<Gender>(values.gender ?? null, GENDER_OPTIONS));
  const phoneText = at('phone', parseText(values.phone ?? null, 20));
  const role = at('role', parseChoice(values.role ?? null, ROLE_OPTIONS, true));
  const joinedOn = at('joinedOn', parseDate(values.joinedOn ?? null, true));
  const residenceSince = at('residenceSince', parseDate(values.residenceSince ?? null));
  const eligibilityException = at(
    'eligibilityException',
    parseText(values.eligibilityException ?? null, 500),
  );
  const recognitionDecisionNumber = at(
    'recognitionDecisionNumber',
    parseText(values.recognitionDecisionNumber ?? null, 100),
  );
  const recognitionDecisionDate = at(
    'recognitionDecisionDate',
    parseDate(values.recognitionDecisionDate ?? null),
  );
  const certificateNumber = at('certificateNumber', parseText(values.certificateNumber ?? null, 100));
  const notes = at('notes', parseText(values.notes ?? null, 2000));
  const phone = phoneText ? cleanPhone(phoneText) : phoneText;
  if (phone && !/^\+?[0-9]{8,15}$/.test(phone)) {
    errors.add(MEMBER_SHEET, row, headerOf('phone'), `"${phoneText}" không phải số điện thoại`);
    return undefined;
  }
  if (teamKey === null && teamId === null) {
    errors.add(
      MEMBER_SHEET,
      row,
      headerOf('teamKey'),
      `Ghi "${headerOf('teamKey')}" hoặc "${headerOf('teamId')}"`,
    );
    return undefined;
  }
  if (teamKey && teamId) {
    errors.add(
      MEMBER_SHEET,
      row,
      headerOf('teamKey'),
      `Chỉ ghi một trong hai: "${headerOf('teamKey')}" hoặc "${headerOf('teamId')}"`,
    );
    return undefined;
  }
  const values2 = [fullName, birthYear, gender, phone, role, joinedOn, residenceSince, eligibilityException];
  const values3 = [
    recognitionDecisionNumber,
    recognitionDecisionDate,
    certificateNumber,
    notes,
    teamKey,
    teamId,
  ];
  if (
    [...values2, ...values3].some((value) => value === undefined) ||
    !fullName ||
    !birthYear ||
    !role ||
    !joinedOn
  ) {
    return undefined;
  }
  return {
    row,
    team: teamKey ? { key: teamKey } : { id: teamId! },
    fields: {
      fullName: cleanText(fullName)!,
      searchName: normalizeForSearch(fullName),
      birthYear,
      gender: gender ?? null,
      phone: phone ?? null,
      role,
      joinedOn,
      residenceSince: residenceSince ?? null,
      eligibilityException: eligibilityException ?? null,
      recognitionDecisionNumber: recognitionDecisionNumber ?? null,
      recognitionDecisionDate: recognitionDecisionDate ?? null,
      certificateNumber: certificateNumber ?? null,
      notes: notes ?? null,
    },
  };
}
