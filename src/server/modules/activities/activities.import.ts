/**
 * Excel template and import of activities: one sheet, one activity per row, checked with the same rules as the form,
 * the plausibility check included (a figure that raises a warning needs a reason in its row). Any error: nothing is
 * written, and every error names its row and column.
 */
import type { ImportResult } from '../../../contracts/registry.js';
import {
  type ActivityTrait,
  activityProblems,
  LEARNER_GROUP_LABELS,
  LEARNER_GROUPS,
  type LearnerGroup,
  ORGANISER_LABELS,
  ORGANISERS,
  type Organiser,
  PILOT_LEVEL_LABELS,
  PILOT_LEVELS,
  PLAUSIBILITY_SETTINGS,
  plausibilityWarnings,
} from '../../../domain/activities.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { invalid } from '../../../domain/errors.js';
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
import { existedOn, listUnitsForTemplate, loadUnitsInScope } from '../../registry/units.js';
import {
  buildTemplate,
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
import * as repo from './activities.repo.js';

export const ACTIVITY_SHEET = 'Hoạt động';
const LISTS = {
  kind: 'Loại hoạt động',
  unit: 'Đơn vị',
  yesNo: 'Có/Không',
  pilotLevel: 'Cấp chọn điểm',
} as const;
const YES_NO = [
  { key: 'yes', label: 'Có' },
  { key: 'no', label: 'Không' },
] as const;

export const ACTIVITY_COLUMNS: TemplateColumn[] = [
  { key: 'title', header: 'Tên hoạt động', required: true, width: 40 },
  { key: 'kindId', header: 'Loại hoạt động', required: true, list: LISTS.kind, width: 34 },
  { key: 'unitId', header: 'Đơn vị tổ chức', required: true, list: LISTS.unit, width: 46 },
  { key: 'startsOn', header: 'Ngày bắt đầu', required: true, format: 'date', width: 14 },
  { key: 'endsOn', header: 'Ngày kết thúc', format: 'date', width: 14 },
  {
    key: 'organisers',
    header: 'Lực lượng phối hợp tổ chức',
    width: 36,
    note: `Nhiều lực lượng cách nhau bằng dấu ";": ${ORGANISERS.map((code) => ORGANISER_LABELS[code]).join('; ')}`,
  },
  { key: 'participants', header: 'Số lượt người tham gia', format: 'integer', width: 14 },
  ...LEARNER_GROUPS.map(
    (group): TemplateColumn => ({
      key: `learners_${group}`,
      header: `Học viên: ${LEARNER_GROUP_LABELS[group]}`,
      format: 'integer',
      width: 14,
      note: 'Chỉ với lớp giáo dục pháp luật',
    }),
  ),
  { key: 'ceremonyHeld', header: 'Có phần lễ', list: LISTS.yesNo, width: 10, note: 'Chỉ với Ngày hội' },
  { key: 'festivalHeld', header: 'Có phần hội', list: LISTS.yesNo, width: 10, note: 'Chỉ với Ngày hội' },
  { key: 'pilot', header: 'Tổ chức làm điểm', list: LISTS.yesNo, width: 10, note: 'Chỉ với Ngày hội' },
  { key: 'pilotChosenBy', header: 'Cấp chọn điểm', list: LISTS.pilotLevel, width: 22 },
  { key: 'giftsCount', header: 'Số suất quà', format: 'integer', width: 12 },
  { key: 'giftsValueVnd', header: 'Giá trị quà (đồng)', format: 'integer', width: 16 },
  { key: 'planText', header: 'Thực hiện kế hoạch, chương trình', width: 30 },
  { key: 'notes', header: 'Ghi chú', width: 30 },
  {
    key: 'confirmation',
    header: 'Lý do xác nhận số liệu bất thường',
    width: 30,
    note: 'Chỉ cần khi số lượt người vượt dân số của đơn vị hoặc gấp nhiều lần các lần trước',
  },
];

const header = (key: string) => ACTIVITY_COLUMNS.find((column) => column.key === key)?.header ?? key;

export async function buildActivitiesTemplate(db: Database, actor: Actor): Promise<Buffer> {
  const today = todayInVietnam();
  const [units, kinds] = await Promise.all([
    listUnitsForTemplate(db, actor.scope, today, UNIT_KINDS, 50_000),
    repo.listKinds(db),
  ]);
  const example = units.find((unit) => unit.kind === 'commune') ?? units[0];
  return buildTemplate({
    title: 'Mẫu nhập danh sách hoạt động phong trào',
    instructions: [
      'Mỗi dòng một hoạt động đã diễn ra. Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/mm/yyyy.',
      'Ngày hội toàn dân bảo vệ an ninh Tổ quốc: ghi phần lễ, phần hội, tổ chức làm điểm (và cấp chọn điểm), số suất quà và giá trị quà.',
      'Lớp giáo dục pháp luật: ghi số học viên theo từng nhóm.',
      'Số lượt người vượt dân số của đơn vị, hoặc gấp nhiều lần các lần tổ chức trước: ghi lý do xác nhận ở cột cuối.',
      'Hệ thống kiểm tra toàn bộ tệp trước; nếu có bất kỳ lỗi nào thì không ghi gì và trả về danh sách lỗi theo dòng, cột.',
    ],
    lists: [
      { name: LISTS.kind, values: kinds.filter((kind) => kind.active).map((kind) => kind.name) },
      { name: LISTS.unit, values: units.map(unitOption) },
      { name: LISTS.yesNo, values: YES_NO.map((option) => option.label) },
      { name: LISTS.pilotLevel, values: PILOT_LEVELS.map((level) => PILOT_LEVEL_LABELS[level]) },
    ],
    sheets: [
      {
        name: ACTIVITY_SHEET,
        columns: ACTIVITY_COLUMNS,
        examples: example
          ? [
              {
                title: `Ngày hội toàn dân bảo vệ an ninh Tổ quốc ${example.fullName}`,
                kindId: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc',
                unitId: unitOption(example),
                startsOn: new Date(Date.UTC(2025, 7, 15)),
                organisers: 'Công an; Ủy ban MTTQ; Đoàn Thanh niên',
                participants: 450,
                ceremonyHeld: 'Có',
                festivalHeld: 'Có',
                pilot: 'Không',
                giftsCount: 20,
                giftsValueVnd: 10_000_000,
              },
            ]
          : [],
      },
    ],
  });
}

type UnitReference = { id: number } | { code: string };

interface ParsedRow {
  row: number;
  title: string;
  kind: repo.ActivityKindRecord;
  unit: UnitReference;
  startsOn: string;
  endsOn: string | null;
  organisers: Organiser[];
  organiserOther: string | null;
  participants: number | null;
  learners: Array<{ group: LearnerGroup; count: number }>;
  festival: {
    ceremonyHeld: boolean | null;
    festivalHeld: boolean | null;
    pilot: boolean | null;
    pilotChosenBy: (typeof PILOT_LEVELS)[number] | null;
    giftsCount: number | null;
    giftsValueVnd: number | null;
  };
  planText: string | null;
  notes: string | null;
  confirmation: string | null;
}

export async function runActivitiesImport(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: { dryRun: boolean },
  progress: ProgressFn,
): Promise<ImportResult> {
  const today = todayInVietnam();
  const sheets = await readSheets(
    file,
    [{ name: ACTIVITY_SHEET, columns: ACTIVITY_COLUMNS }],
    phaseReporter(progress, 'read'),
  );
  const sheet = sheets.get(ACTIVITY_SHEET)!;
  if (!sheet.found) {
    throw invalid(
      'import.no_sheets',
      `Tệp không có trang "${ACTIVITY_SHEET}" với dòng tiêu đề như tệp mẫu`,
      'file',
    );
  }
  const errors = new ImportErrors();
  for (const missing of sheet.missingColumns) {
    if (ACTIVITY_COLUMNS.some((column) => column.header === missing && column.required)) {
      errors.add(ACTIVITY_SHEET, 1, missing, 'Thiếu cột bắt buộc');
    }
  }
  const checked = phaseReporter(progress, 'check');
  const kinds = await repo.listKinds(db);
  const kindByName = new Map(kinds.map((kind) => [normalizeForSearch(kind.name), kind]));
  const organiserOptions = ORGANISERS.map((key) => ({ key, label: ORGANISER_LABELS[key] }));
  const pilotOptions = PILOT_LEVELS.map((key) => ({ key, label: PILOT_LEVEL_LABELS[key] }));
  const yesNo = (value: 'yes' | 'no' | null | undefined) =>
    value === undefined || value === null ? null : value === 'yes';

  const parsed: ParsedRow[] = [];
  for (const [index, { row, values }] of sheet.rows.entries()) {
    if (index % 500 === 0) await yieldToEventLoop();
    const at = <T>(key: string, result: Parameters<typeof take<T>>[4]) =>
      take(errors, ACTIVITY_SHEET, row, header(key), result);
    const title = at('title', parseText(values.title ?? null, 500, true));
    const kindName = at('kindId', parseText(values.kindId ?? null, 200, true));
    const unit = at('unitId', parseUnitReference(values.unitId ?? null));
    const startsOn = at('startsOn', parseDate(values.startsOn ?? null, true));
    const endsOn = at('endsOn', parseDate(values.endsOn ?? null));
    const organiserText = at('organisers', parseText(values.organisers ?? null, 1000));
    const participants = at('participants', parseInteger(values.participants ?? null, 0, 10_000_000));
    const learners: Array<{ group: LearnerGroup; count: number }> = [];
    for (const group of LEARNER_GROUPS) {
      const count = at(`learners_${group}`, parseInteger(values[`learners_${group}`] ?? null, 0, 10_000_000));
      if (count) learners.push({ group, count });
    }
    const ceremonyHeld = at('ceremonyHeld', parseChoice(values.ceremonyHeld ?? null, YES_NO));
    const festivalHeld = at('festivalHeld', parseChoice(values.festivalHeld ?? null, YES_NO));
    const pilot = at('pilot', parseChoice(values.pilot ?? null, YES_NO));
    const pilotChosenBy = at('pilotChosenBy', parseChoice(values.pilotChosenBy ?? null, pilotOptions));
    const giftsCount = at('giftsCount', parseInteger(values.giftsCount ?? null, 0, 10_000_000));
    const giftsValueVnd = at(
      'giftsValueVnd',
      parseInteger(values.giftsValueVnd ?? null, 0, 1_000_000_000_000),
    );
    const planText = at('planText', parseText(values.planText ?? null, 500));
    const notes = at('notes', parseText(values.notes ?? null, 4000));
    const confirmation = at('confirmation', parseText(values.confirmation ?? null, 1000));
    const organisers: Organiser[] = [];
    for (const piece of (organiserText ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const choice = parseChoice(piece, organiserOptions);
      if (choice.ok && choice.value) organisers.push(choice.value);
      else
        errors.add(
          ACTIVITY_SHEET,
          row,
          header('organisers'),
          `"${piece}" không có trong danh sách lực lượng`,
        );
    }
    const kind = kindName ? kindByName.get(normalizeForSearch(kindName)) : undefined;
    if (kindName && !kind) {
      errors.add(
        ACTIVITY_SHEET,
        row,
        header('kindId'),
        `"${kindName}" không có trong danh sách loại hoạt động`,
      );
    } else if (kind && !kind.active) {
      errors.add(ACTIVITY_SHEET, row, header('kindId'), `Loại hoạt động "${kind.name}" đã ngừng sử dụng`);
    }
    if (!title || !kind || !unit || !startsOn || errors.hasRow(ACTIVITY_SHEET, row)) continue;
    const festival = {
      ceremonyHeld: yesNo(ceremonyHeld),
      festivalHeld: yesNo(festivalHeld),
      pilot: yesNo(pilot),
      pilotChosenBy: pilotChosenBy ?? null,
      giftsCount: giftsCount ?? null,
      giftsValueVnd: giftsValueVnd ?? null,
    };
    const problems = activityProblems(
      {
        trait: kind.trait as ActivityTrait,
        kindName: kind.name,
        startsOn,
        endsOn: endsOn ?? null,
        participants: participants ?? null,
        learners,
        festival,
      },
      today,
    );
    for (const problem of problems)
      errors.add(ACTIVITY_SHEET, row, header(problemColumn(problem.field)), problem.message);
    if (problems.length > 0) continue;
    parsed.push({
      row,
      title,
      kind,
      unit,
      startsOn,
      endsOn: endsOn ?? null,
      organisers: [...new Set(organisers)],
      organiserOther: null,
      participants: participants ?? null,
      learners,
      festival,
      planText: planText ?? null,
      notes: notes ?? null,
      confirmation: confirmation ?? null,
    });
  }
  checked(sheet.rows.length / 2, sheet.rows.length);

  const units = await loadUnitsInScope(db, actor.scope, {
    ids: parsed.flatMap((entry) => ('id' in entry.unit ? [entry.unit.id] : [])),
    codes: parsed.flatMap((entry) => ('code' in entry.unit ? [entry.unit.code] : [])),
  });
  const resolve = (reference: UnitReference, date: string) =>
    'id' in reference
      ? units.find((unit) => unit.id === reference.id)
      : (units.find((unit) => unit.code === reference.code && existedOn(unit, date)) ??
        units.find((unit) => unit.code === reference.code));
  const resolved = parsed.map((entry) => ({ entry, unit: resolve(entry.unit, entry.startsOn) }));
  const pairs = [
    ...new Map(
      resolved.flatMap(({ entry, unit }) =>
        unit ? [[`${unit.id}:${entry.kind.id}`, { unitId: unit.id, kindId: entry.kind.id }]] : [],
      ),
    ).values(),
  ];
  const [history, populations] = await Promise.all([
    repo.previousFiguresForPairs(db, pairs),
    repo.populationsFor(db, [...new Set(pairs.map((pair) => pair.unitId))]),
  ]);
  const rows: Array<
    ParsedRow & { unitId: number; provinceCode: string; warnings: ReturnType<typeof plausibilityWarnings> }
  > = [];
  for (const { entry, unit } of resolved) {
    if (!unit) {
      errors.add(
        ACTIVITY_SHEET,
        entry.row,
        header('unitId'),
        'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn',
      );
      continue;
    }
    if (!existedOn(unit, entry.startsOn)) {
      errors.add(
        ACTIVITY_SHEET,
        entry.row,
        header('startsOn'),
        `${unit.fullName} không tồn tại vào ngày bắt đầu`,
      );
      continue;
    }
    const year = Number(entry.startsOn.slice(0, 4));
    const population = populations.find((item) => item.unitId === unit.id && item.year <= year) ?? null;
    const previous = (history.get(`${unit.id}:${entry.kind.id}`) ?? [])
      .filter((item) => item.startsOn <= entry.startsOn)
      .slice(0, PLAUSIBILITY_SETTINGS.previousFiguresCompared)
      .map((item) => item.participants);
    const warnings = plausibilityWarnings({
      participants: entry.participants,
      population: population ? { value: population.value, year: population.year } : null,
      unitName: unit.fullName,
      previousFigures: previous,
    });
    if (warnings.length > 0 && !entry.confirmation) {
      errors.add(
        ACTIVITY_SHEET,
        entry.row,
        header('participants'),
        `${warnings.map((warning) => warning.message).join('. ')}. Ghi lý do ở cột "${header('confirmation')}" nếu số liệu đúng`,
      );
      continue;
    }
    rows.push({ ...entry, unitId: unit.id, provinceCode: unit.provinceCode, warnings });
  }
  checked(sheet.rows.length, sheet.rows.length);

  const valid = sheet.rows.length - errors.rowsWithErrors(ACTIVITY_SHEET);
  const result = (created: number): ImportResult => ({
    dryRun: options.dryRun,
    committed: created > 0,
    sheets: [{ sheet: ACTIVITY_SHEET, rows: sheet.rows.length, valid, created }],
    ...errors.summary(),
  });
  if (errors.count > 0 || options.dryRun || rows.length === 0) return result(0);

  const written = phaseReporter(progress, 'write');
  await inTransaction(db, async (tx) => {
    const inserted = await repo.insertActivities(
      tx,
      rows.map((row) => {
        const reason = row.warnings.length > 0 ? row.confirmation : null;
        return {
          kindId: row.kind.id,
          title: row.title,
          searchTitle: normalizeForSearch(row.title),
          unitId: row.unitId,
          provinceCode: row.provinceCode,
          startsOn: row.startsOn,
          endsOn: row.endsOn,
          organisers: row.organisers,
          participants: row.participants,
          learners: row.kind.trait === 'class' ? row.learners : [],
          ...(row.kind.trait === 'festival' ? row.festival : {}),
          planText: row.planText,
          notes: row.notes,
          plausibilityWarnings: reason ? row.warnings : null,
          plausibilityReason: reason,
          plausibilityConfirmedBy: reason ? actor.userId : null,
          createdBy: actor.userId,
        };
      }),
    );
    written(1, 2);
    await recordAuditBatch(
      tx,
      actor,
      inserted.map(
        (activity): AuditInput => ({
          action: 'activity.imported',
          entityType: 'activity',
          entityId: activity.id,
          unitId: activity.unitId,
          provinceCode: activity.provinceCode,
          after: {
            kindId: activity.kindId,
            title: activity.title,
            unitId: activity.unitId,
            startsOn: activity.startsOn,
            endsOn: activity.endsOn,
            organisers: activity.organisers,
            participants: activity.participants,
            learners: activity.learners,
            pilot: activity.pilot,
            giftsCount: activity.giftsCount,
            giftsValueVnd: activity.giftsValueVnd,
            plausibilityReason: activity.plausibilityReason,
          },
        }),
      ),
    );
    written(2, 2);
  });
  return result(rows.length);
}

/** The template column a rule's field belongs to. */
function problemColumn(field: string): string {
  if (field.startsWith('festival.')) return field.slice('festival.'.length);
  if (field === 'festival') return 'ceremonyHeld';
  if (field === 'learners') return `learners_${LEARNER_GROUPS[0]}`;
  return field;
}
