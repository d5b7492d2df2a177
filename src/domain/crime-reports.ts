/**
 * Crime reports (tố giác tội phạm) sent by citizens through the portal: statuses that follow the Criminal
 * Procedure Code 2015 (arts. 144–147) and joint circular 01/2017, the legal clocks, tracking codes and the
 * proof-of-work of the public form. Pure rules, shared by the server and the web.
 */
import { addDays, type IsoDate } from './dates.js';

// ---- categories ---------------------------------------------------------------------------------------------------

/** The seeded categories; the list itself is configuration (table report_categories). */
export const SEEDED_CATEGORY_CODES = [
  'drugs',
  'theft',
  'fraud',
  'trafficking',
  'gambling',
  'violence',
  'weapons',
  'fire',
  'traffic',
  'environment',
  'other',
] as const;

// ---- statuses ----------------------------------------------------------------------------------------------------

export const REPORT_STATUSES = [
  'received',
  'verifying',
  'transferred',
  'case_opened',
  'case_not_opened',
  'suspended',
  'closed_duplicate',
  'closed_unfounded',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  received: 'Đã tiếp nhận, ghi sổ',
  verifying: 'Đang kiểm tra, xác minh sơ bộ',
  transferred: 'Đã chuyển Cơ quan điều tra có thẩm quyền',
  case_opened: 'Đã khởi tố vụ án',
  case_not_opened: 'Không khởi tố vụ án',
  suspended: 'Tạm đình chỉ giải quyết',
  closed_duplicate: 'Đóng: trùng với tin đã nhận',
  closed_unfounded: 'Đóng: không có căn cứ',
};

/** What the reporter sees: no internal wording, nothing about persons. */
export const PUBLIC_STATUS_LABELS: Record<ReportStatus, string> = {
  received: 'Đã tiếp nhận',
  verifying: 'Đang xác minh',
  transferred: 'Đã chuyển cơ quan có thẩm quyền giải quyết',
  case_opened: 'Đã giải quyết',
  case_not_opened: 'Đã giải quyết',
  suspended: 'Tạm dừng giải quyết',
  closed_duplicate: 'Đã gộp với tin báo khác cùng nội dung',
  closed_unfounded: 'Đã kết thúc xác minh',
};

/** Allowed moves; a closure or a decision against a case needs a written reason. */
export const STATUS_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['verifying', 'transferred', 'closed_duplicate', 'closed_unfounded'],
  verifying: [
    'transferred',
    'case_opened',
    'case_not_opened',
    'suspended',
    'closed_duplicate',
    'closed_unfounded',
  ],
  transferred: ['case_opened', 'case_not_opened', 'suspended'],
  case_opened: [],
  case_not_opened: ['verifying'],
  suspended: ['verifying', 'case_opened', 'case_not_opened'],
  closed_duplicate: ['verifying'],
  closed_unfounded: ['verifying'],
};

export const STATUSES_NEEDING_REASON: readonly ReportStatus[] = [
  'case_not_opened',
  'suspended',
  'closed_duplicate',
  'closed_unfounded',
];

/** Statuses in which the receiving body's decision clock no longer runs. */
export const CLOCK_STOPPED_STATUSES: readonly ReportStatus[] = [
  'transferred',
  'case_opened',
  'case_not_opened',
  'suspended',
  'closed_duplicate',
  'closed_unfounded',
];

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

// ---- legal clocks --------------------------------------------------------------------------------------------------

/** Days of the week, 0 = Sunday: Saturday and Sunday are not working days. */
function isWeekend(iso: IsoDate): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(iso: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  return !isWeekend(iso) && !holidays.has(iso);
}

/** The n-th working day after `start` (the day of receipt does not count). */
export function addWorkingDays(start: IsoDate, days: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  let date = start;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The periods the law gives; kept together so that a change of the law is one edit. */
export const LEGAL_PERIODS = {
  /** Written notice to the procuracy and the reporter: within 3 working days of receipt. */
  noticeWorkingDays: 3,
  /** A decision within 20 days of receipt… */
  decisionDays: 20,
  /** …up to 2 months for a complex case… */
  firstExtensionMonths: 2,
  /** …extendable once by up to 2 more months. */
  secondExtensionMonths: 2,
  /** A clock is "due soon" when this many days or fewer are left. */
  dueSoonDays: 2,
} as const;

export type ClockState = 'done' | 'stopped' | 'running' | 'due_soon' | 'overdue';

export interface ClockFacts {
  receivedOn: IsoDate;
  status: ReportStatus;
  noticeSentOn: IsoDate | null;
  firstExtensionUntil: IsoDate | null;
  secondExtensionUntil: IsoDate | null;
  decidedOn: IsoDate | null;
}

export interface Clock {
  dueOn: IsoDate;
  state: ClockState;
  /** Calendar days left (negative when overdue); null once done or stopped. */
  daysLeft: number | null;
}

function daysFrom(today: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function runningClock(dueOn: IsoDate, today: IsoDate): Clock {
  const daysLeft = daysFrom(today, dueOn);
  const state: ClockState =
    daysLeft < 0 ? 'overdue' : daysLeft <= LEGAL_PERIODS.dueSoonDays ? 'due_soon' : 'running';
  return { dueOn, state, daysLeft };
}

export function noticeDueOn(receivedOn: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate {
  return addWorkingDays(receivedOn, LEGAL_PERIODS.noticeWorkingDays, holidays);
}

export function decisionDueOn(
  facts: Pick<ClockFacts, 'receivedOn' | 'firstExtensionUntil' | 'secondExtensionUntil'>,
): IsoDate {
  return (
    facts.secondExtensionUntil ??
    facts.firstExtensionUntil ??
    addDays(facts.receivedOn, LEGAL_PERIODS.decisionDays)
  );
}

/** The latest date an extension may reach: 2 months from receipt, then 2 more months from the first. */
export function extensionLimit(
  facts: Pick<ClockFacts, 'receivedOn' | 'firstExtensionUntil'>,
  which: 1 | 2,
): IsoDate {
  return which === 1
    ? addMonths(facts.receivedOn, LEGAL_PERIODS.firstExtensionMonths)
    : addMonths(facts.firstExtensionUntil ?? facts.receivedOn, LEGAL_PERIODS.secondExtensionMonths);
}

/** The clocks of a report from its stored due dates. */
export function clocksFromDues(
  facts: { noticeDueOn: IsoDate; decisionDueOn: IsoDate; noticeSentOn: IsoDate | null; status: ReportStatus },
  today: IsoDate,
): { notice: Clock; decision: Clock } {
  const notice: Clock = facts.noticeSentOn
    ? { dueOn: facts.noticeDueOn, state: 'done', daysLeft: null }
    : runningClock(facts.noticeDueOn, today);
  const decision: Clock = CLOCK_STOPPED_STATUSES.includes(facts.status)
    ? {
        dueOn: facts.decisionDueOn,
        state: facts.status === 'transferred' || facts.status === 'suspended' ? 'stopped' : 'done',
        daysLeft: null,
      }
    : runningClock(facts.decisionDueOn, today);
  return { notice, decision };
}

export function legalClocks(
  facts: ClockFacts,
  today: IsoDate,
  holidays: ReadonlySet<IsoDate>,
): { notice: Clock; decision: Clock } {
  const noticeDue = noticeDueOn(facts.receivedOn, holidays);
  const notice: Clock = facts.noticeSentOn
    ? { dueOn: noticeDue, state: 'done', daysLeft: null }
    : runningClock(noticeDue, today);
  const decisionDue = decisionDueOn(facts);
  const decision: Clock = CLOCK_STOPPED_STATUSES.includes(facts.status)
    ? {
        dueOn: decisionDue,
        state: facts.status === 'transferred' || facts.status === 'suspended' ? 'stopped' : 'done',
        daysLeft: null,
      }
    : runningClock(decisionDue, today);
  return { notice, decision };
}

// ---- tracking codes ------------------------------------------------------------------------------------------------

/** Crockford's base32: no I, L, O, U, so that a code read aloud or copied by hand survives. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random bytes to grouped base32: 5 bits per character. */
export function encodeBase32(bytes: Uint8Array, length: number, group: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (out.length < length) throw new Error('not enough random bytes');
  return out.match(new RegExp(`.{1,${group}}`, 'g'))!.join('-');
}

export const TRACKING_CODE_PATTERN = '^[0-9A-Za-z]{5}-?[0-9A-Za-z]{5}$';
export const SECRET_PATTERN = '^[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}$';

/** What a person types back: lower case, missing dashes, O for 0 and I/L for 1 are all accepted. */
export function normaliseCode(input: string, group: number): string {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.match(new RegExp(`.{1,${group}}`, 'g'))?.join('-') ?? '';
}

export const normaliseTrackingCode = (input: string) => normaliseCode(input, 5);
export const normaliseSecret = (input: string) => normaliseCode(input, 4);

// ---- proof of work -------------------------------------------------------------------------------------------------

/** Leading zero bits of a digest: the work a solution proves is about 2^bits hashes. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The text hashed by a solver: the challenge token and the nonce. */
export function powInput(token: string, nonce: number): string {
  return `${token}:${nonce}`;
}

/** The difficulty a token declares: `v1.<difficulty>.<expires>.<random>.<mac>`. */
export function tokenDifficulty(token: string): number {
  const difficulty = Number(token.split('.')[1]);
  return Number.isInteger(difficulty) ? difficulty : Number.NaN;
}

// ---- consent --------------------------------------------------------------------------------------------------------

/** What is kept and why, one purpose at a time (Law 91/2025: separate consent per purpose, silence is not consent). */
export const CONSENT_PURPOSES = ['contact_follow_up'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
