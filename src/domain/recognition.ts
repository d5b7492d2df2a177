/**
 * The yearly "An toàn về an ninh, trật tự" standard (safety standard): criteria kinds, how one criterion and a whole
 * assessment are judged, the computed commune criterion (100% registered, at least 70% recognised), the yearly
 * cycle (evaluation window, deadlines, approving level) and the workflow of a unit's record. Pure rules, no I/O:
 * the criteria themselves are data (seeded from the circulars, edited by administrators).
 */
import type { IsoDate } from './dates.js';
import { formatDecimal } from './numbers.js';
import type { UnitKind } from './units.js';

/** The four kinds of unit Thông tư 124/2021/TT-BCA has criteria for; agencies and enterprises share one set. */
export const STANDARD_TARGETS = ['residential_area', 'commune', 'agency_enterprise', 'school'] as const;
export type StandardTarget = (typeof STANDARD_TARGETS)[number];
export const STANDARD_TARGET_LABELS: Record<StandardTarget, string> = {
  residential_area: 'Khu dân cư',
  commune: 'Xã, phường, đặc khu',
  agency_enterprise: 'Cơ quan, doanh nghiệp',
  school: 'Cơ sở giáo dục',
};

/** Unit kinds that take part in the standard. */
export const STANDARD_UNIT_KINDS: readonly UnitKind[] = [
  'residential_area',
  'commune',
  'agency',
  'enterprise',
  'school',
];
/** Units below a commune whose results the commune's computed criterion counts. */
export const COMMUNE_CHILD_KINDS: readonly UnitKind[] = [
  'residential_area',
  'agency',
  'enterprise',
  'school',
];

export function targetOf(kind: UnitKind): StandardTarget | null {
  switch (kind) {
    case 'residential_area':
      return 'residential_area';
    case 'commune':
      return 'commune';
    case 'agency':
    case 'enterprise':
      return 'agency_enterprise';
    case 'school':
      return 'school';
    default:
      return null;
  }
}

export const CRITERION_KINDS = ['yes_no', 'number_threshold', 'no_events', 'computed'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const CRITERION_KIND_LABELS: Record<CriterionKind, string> = {
  yes_no: 'Đạt / không đạt',
  number_threshold: 'Số liệu so với ngưỡng',
  no_events: 'Không để xảy ra các vụ việc',
  computed: 'Tính từ dữ liệu',
};

export const COMPUTED_RULES = ['children_registered_recognised'] as const;
export type ComputedRule = (typeof COMPUTED_RULES)[number];

export interface Threshold {
  comparator: 'at_least' | 'at_most';
  value: number;
  /** What is measured, e.g. "Tỷ lệ hộ gia đình đăng ký". */
  label: string;
  /** Unit of measure, e.g. "%". */
  unit: string;
}

export interface CriterionDefinition {
  code: string;
  text: string;
  kind: CriterionKind;
  threshold: Threshold | null;
  /** For `no_events`: the events, none of which may have occurred. */
  events: readonly string[] | null;
  computedRule: ComputedRule | null;
  evidenceRequired: boolean;
}

export interface CriterionAnswer {
  met: boolean | null;
  value: number | null;
  /** Indexes into the criterion's `events` that occurred. */
  occurredEvents: readonly number[];
}

export interface ChildrenCounts {
  /** Units below the commune that take part (residential areas, agencies, enterprises, schools). */
  total: number;
  registered: number;
  recognised: number;
  /** Registered but not decided yet (registered, submitted or returned). */
  pending: number;
}

export type CriterionState = 'met' | 'not_met' | 'unanswered';

export interface Problem {
  code: string;
  message: string;
  field?: string;
}

/** Share of recognised children a commune needs, in percent (Thông tư 124/2021, commune criterion 4). */
export const DEFAULT_RECOGNISED_SHARE = 70;

/**
 * The computed commune criterion: every child registered and at least `minShare` % of them recognised. Shown with
 * its numbers, "18/25 = 72%". Integer arithmetic, so that 70% of 10 is exactly 7.
 */
export function childrenRule(counts: ChildrenCounts, minShare = DEFAULT_RECOGNISED_SHARE) {
  const allRegistered = counts.total > 0 && counts.registered === counts.total;
  const shareMet = counts.total > 0 && counts.recognised * 100 >= minShare * counts.total;
  return {
    met: allRegistered && shareMet,
    allRegistered,
    shareMet,
    /** Approval must wait while a child is still undecided. */
    blocking: counts.pending > 0,
    share: counts.total === 0 ? 0 : (counts.recognised * 100) / counts.total,
    label: shareLabel(counts.recognised, counts.total),
    registeredLabel: `${counts.registered}/${counts.total} đăng ký`,
  };
}

/** "18/25 = 72%", "2/3 = 66,7%": at most one decimal, Vietnamese decimal comma. */
export function shareLabel(part: number, whole: number): string {
  if (whole === 0) return '0/0';
  const share = Math.round((part * 1000) / whole) / 10;
  return `${part}/${whole} = ${formatDecimal(share)}%`;
}

export function evaluateCriterion(
  criterion: CriterionDefinition,
  answer: CriterionAnswer | undefined,
  children?: ChildrenCounts,
): CriterionState {
  switch (criterion.kind) {
    case 'yes_no':
      if (!answer || answer.met === null) return 'unanswered';
      return answer.met ? 'met' : 'not_met';
    case 'number_threshold': {
      if (!answer || answer.value === null || !criterion.threshold) return 'unanswered';
      const { comparator, value } = criterion.threshold;
      const ok = comparator === 'at_least' ? answer.value >= value : answer.value <= value;
      return ok ? 'met' : 'not_met';
    }
    case 'no_events':
      // Ticking nothing is an answer only once the unit said so: `met` true = "none occurred".
      if (answer && answer.occurredEvents.length > 0) return 'not_met';
      if (!answer || answer.met === null) return 'unanswered';
      return answer.met ? 'met' : 'not_met';
    case 'computed': {
      if (!children) return 'unanswered';
      const minShare = criterion.threshold?.value ?? DEFAULT_RECOGNISED_SHARE;
      return childrenRule(children, minShare).met ? 'met' : 'not_met';
    }
  }
}

export interface Judgement {
  states: Record<string, CriterionState>;
  /** Every criterion met. */
  eligible: boolean;
  /** A "none of these events" criterion has an event that occurred: not recognised whatever else holds. */
  disqualified: boolean;
  unanswered: string[];
  notMet: string[];
}

export function judgeAssessment(
  criteria: ReadonlyArray<CriterionDefinition & { id: number }>,
  answers: ReadonlyMap<number, CriterionAnswer>,
  children?: ChildrenCounts,
): Judgement {
  const states: Record<string, CriterionState> = {};
  const unanswered: string[] = [];
  const notMet: string[] = [];
  let disqualified = false;
  for (const criterion of criteria) {
    const answer = answers.get(criterion.id);
    const state = evaluateCriterion(criterion, answer, children);
    states[String(criterion.id)] = state;
    if (state === 'unanswered') unanswered.push(criterion.code);
    if (state === 'not_met') notMet.push(criterion.code);
    if (criterion.kind === 'no_events' && answer && answer.occurredEvents.length > 0) disqualified = true;
  }
  return {
    states,
    eligible: !disqualified && unanswered.length === 0 && notMet.length === 0,
    disqualified,
    unanswered,
    notMet,
  };
}

/** Checks a criterion's own shape (for the admin page): the kind decides which parts it needs. */
export function criterionProblems(criterion: CriterionDefinition): Problem[] {
  const problems: Problem[] = [];
  if (criterion.text.trim().length < 5) {
    problems.push({ code: 'criteria.text_short', message: 'Nội dung tiêu chí quá ngắn', field: 'text' });
  }
  if (criterion.kind === 'number_threshold' && !criterion.threshold) {
    problems.push({
      code: 'criteria.threshold_required',
      message: 'Tiêu chí dạng số liệu cần có ngưỡng',
      field: 'threshold',
    });
  }
  if (criterion.kind === 'no_events' && (!criterion.events || criterion.events.length === 0)) {
    problems.push({
      code: 'criteria.events_required',
      message: 'Tiêu chí "không để xảy ra" cần danh sách các vụ việc',
      field: 'events',
    });
  }
  if (criterion.kind === 'computed' && !criterion.computedRule) {
    problems.push({
      code: 'criteria.rule_required',
      message: 'Tiêu chí tính từ dữ liệu cần chọn cách tính',
      field: 'computedRule',
    });
  }
  return problems;
}

// ---- the yearly cycle ------------------------------------------------------------------------------------------

export const APPROVING_LEVELS = ['commune', 'province'] as const;
export type ApprovingLevel = (typeof APPROVING_LEVELS)[number];
export const APPROVING_LEVEL_LABELS: Record<ApprovingLevel, string> = {
  commune: 'Cấp xã',
  province: 'Cấp tỉnh',
};

export interface CycleSettings {
  windowFrom: IsoDate;
  windowTo: IsoDate;
  registrationDeadline: IsoDate;
  decisionDeadline: IsoDate;
  classificationDeadline: IsoDate;
  approvingLevel: ApprovingLevel;
}

const pad = (value: number) => String(value).padStart(2, '0');
const day = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`;

/**
 * The defaults of Thông tư 124/2021 and Quyết định 510/QĐ-BCA: residential areas are judged 01/11 of the previous
 * year to 31/10, other units 16/11 to 15/11; registration in quarter I; decisions by the commune before 15/11,
 * higher levels before 20/11; classification of residential areas before 20/11, others before 30/11. After the
 * 2025 reform (Thông tư 48/2025, text unknown) communes are approved by the province. Every value can be
 * overridden per year and province.
 */
export function defaultCycle(target: StandardTarget, year: number): CycleSettings {
  const residential = target === 'residential_area';
  const approvingLevel: ApprovingLevel = target === 'commune' ? 'province' : 'commune';
  return {
    windowFrom: residential ? day(year - 1, 11, 1) : day(year - 1, 11, 16),
    windowTo: residential ? day(year, 10, 31) : day(year, 11, 15),
    registrationDeadline: day(year, 3, 31),
    decisionDeadline: approvingLevel === 'commune' ? day(year, 11, 15) : day(year, 11, 20),
    classificationDeadline: residential ? day(year, 11, 20) : day(year, 11, 30),
    approvingLevel,
  };
}

const CYCLE_DATE_LABELS = {
  windowFrom: 'Ngày bắt đầu kỳ đánh giá',
  windowTo: 'Ngày kết thúc kỳ đánh giá',
  registrationDeadline: 'Hạn đăng ký',
  decisionDeadline: 'Hạn ra quyết định công nhận',
  classificationDeadline: 'Hạn phân loại phong trào',
} as const;

/** What is wrong with a cycle's settings; with the year, every date must also lie in that year or the one before. */
export function cycleProblems(settings: CycleSettings, year?: number): Problem[] {
  const problems: Problem[] = [];
  if (year !== undefined) {
    const first = day(year - 1, 1, 1);
    const last = day(year, 12, 31);
    for (const [field, label] of Object.entries(CYCLE_DATE_LABELS)) {
      const value = settings[field as keyof typeof CYCLE_DATE_LABELS];
      if (value < first || value > last) {
        problems.push({
          code: 'cycle.year_range',
          message: `${label} của kỳ năm ${year} phải trong năm ${year - 1} hoặc ${year}`,
          field,
        });
      }
    }
  }
  if (settings.windowFrom > settings.windowTo) {
    problems.push({
      code: 'cycle.window_order',
      message: 'Ngày bắt đầu kỳ đánh giá phải trước ngày kết thúc',
      field: 'windowTo',
    });
  }
  if (settings.registrationDeadline < settings.windowFrom) {
    problems.push({
      code: 'cycle.registration_before_window',
      message: 'Hạn đăng ký không được trước ngày bắt đầu kỳ đánh giá',
      field: 'registrationDeadline',
    });
  }
  if (settings.decisionDeadline < settings.windowTo) {
    problems.push({
      code: 'cycle.decision_before_window_end',
      message: 'Hạn ra quyết định công nhận không được trước ngày kết thúc kỳ đánh giá',
      field: 'decisionDeadline',
    });
  }
  if (settings.classificationDeadline < settings.windowTo) {
    problems.push({
      code: 'cycle.classification_before_window_end',
      message: 'Hạn phân loại phong trào không được trước ngày kết thúc kỳ đánh giá',
      field: 'classificationDeadline',
    });
  }
  if (settings.registrationDeadline > settings.decisionDeadline) {
    problems.push({
      code: 'cycle.deadline_order',
      message: 'Hạn đăng ký phải trước hạn ra quyết định công nhận',
      field: 'registrationDeadline',
    });
  }
  return problems;
}

// ---- the record of one unit and year ---------------------------------------------------------------------------

export const RECORD_STATUSES = [
  'registered',
  'submitted',
  'returned',
  'recognised',
  'not_recognised',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  registered: 'Đã đăng ký, đang tự đánh giá',
  submitted: 'Đã gửi, chờ xét',
  returned: 'Bị trả lại để bổ sung',
  recognised: 'Được công nhận',
  not_recognised: 'Không được công nhận',
};
export const DECIDED_STATUSES: readonly RecordStatus[] = ['recognised', 'not_recognised'];
export const EDITABLE_STATUSES: readonly RecordStatus[] = ['registered', 'returned'];

export type RecordAction = 'self_assess' | 'submit' | 'return' | 'recognise' | 'not_recognise' | 'reopen';

const ALLOWED: Record<RecordAction, readonly RecordStatus[]> = {
  self_assess: EDITABLE_STATUSES,
  submit: EDITABLE_STATUSES,
  return: ['submitted'],
  recognise: ['submitted'],
  not_recognise: ['submitted'],
  reopen: DECIDED_STATUSES,
};

export function canTransition(status: RecordStatus, action: RecordAction): boolean {
  return ALLOWED[action].includes(status);
}

export function nextStatus(action: Exclude<RecordAction, 'self_assess'>): RecordStatus {
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'return':
      return 'returned';
    case 'recognise':
      return 'recognised';
    case 'not_recognise':
      return 'not_recognised';
    case 'reopen':
      // A reopened result goes back to the reviewer, who may return it or decide again.
      return 'submitted';
  }
}

export type OverdueKind = 'registration' | 'decision';
export const OVERDUE_LABELS: Record<OverdueKind, string> = {
  registration: 'Quá hạn đăng ký',
  decision: 'Quá hạn xét công nhận',
};

/** What is overdue for a unit on `today`: the registration, or the decision; null when nothing is. */
export function overdueOf(
  status: RecordStatus | null,
  cycle: CycleSettings,
  today: IsoDate,
): { kind: OverdueKind; deadline: IsoDate } | null {
  if (status === null) {
    return today > cycle.registrationDeadline
      ? { kind: 'registration', deadline: cycle.registrationDeadline }
      : null;
  }
  if (DECIDED_STATUSES.includes(status)) return null;
  return today > cycle.decisionDeadline ? { kind: 'decision', deadline: cycle.decisionDeadline } : null;
}

/** The year of the standard a date belongs to for a kind of unit (the window that contains it). */
export function standardYearOn(target: StandardTarget, date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return date > defaultCycle(target, year).windowTo ? year + 1 : year;
}

/** The dashboard counts a year on the hierarchy of the end of its window (or today, while it runs). */
export function countingDate(year: number, today: IsoDate): IsoDate {
  const end = day(year, 11, 15);
  return today < end ? today : end;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${formatDecimal(Math.round((part * 1000) / whole) / 10)}%`;
}
