/**
 * The dashboard's pure rules: which indicators it shows, the period it compares with, how a period is cut into
 * trend buckets, and the change between two values. The server computes every value with the one roll-up, so the
 * dashboard agrees with the reports.
 */
import { addDays, daysInMonth, formatDateVi, type IsoDate } from './dates.js';
import { INDICATORS, type IndicatorDefinition } from './indicators.js';

/** Indicators whose values depend on crime reports: only roles that may read crime reports see them. */
export const CRIME_REPORT_INDICATOR_CODES: readonly string[] = [
  INDICATORS.crimeReportsReceived.code,
  INDICATORS.crimeReportsValuable.code,
];

export interface KpiDefinition {
  /** Key of the card; also the indicator column read from the roll-up (`indicator` or `indicator:value`). */
  key: string;
  indicator: IndicatorDefinition;
  label: string;
  /** Stock (counted on the last day) or flow (counted over the period). */
  measure: 'stock' | 'flow';
}

export const DASHBOARD_KPIS: readonly KpiDefinition[] = [
  { key: 'teams', indicator: INDICATORS.teams, label: 'Tổ, đội, ban đang hoạt động', measure: 'stock' },
  {
    key: 'team_members',
    indicator: INDICATORS.teamMembers,
    label: 'Thành viên tổ, đội, ban',
    measure: 'stock',
  },
  { key: 'models', indicator: INDICATORS.models, label: 'Mô hình đang duy trì', measure: 'stock' },
  { key: 'cameras', indicator: INDICATORS.cameras, label: 'Camera an ninh', measure: 'stock' },
  { key: 'activities', indicator: INDICATORS.activities, label: 'Hoạt động đã tổ chức', measure: 'flow' },
  {
    key: 'activity_participants',
    indicator: INDICATORS.activityParticipants,
    label: 'Lượt người tham gia',
    measure: 'flow',
  },
  {
    key: 'awards_by_recipient',
    indicator: INDICATORS.awardsByRecipient,
    label: 'Khen thưởng (tập thể, cá nhân)',
    measure: 'flow',
  },
  {
    key: 'crime_reports_received',
    indicator: INDICATORS.crimeReportsReceived,
    label: 'Tin báo, tố giác tội phạm tiếp nhận',
    measure: 'flow',
  },
  {
    key: 'crime_reports_valuable',
    indicator: INDICATORS.crimeReportsValuable,
    label: 'Tin báo có giá trị',
    measure: 'flow',
  },
  {
    key: 'feedback_received',
    indicator: INDICATORS.feedbackReceived,
    label: 'Ý kiến phản ánh tiếp nhận',
    measure: 'flow',
  },
  {
    key: 'feedback_answered',
    indicator: INDICATORS.feedbackAnswered,
    label: 'Ý kiến phản ánh đã trả lời',
    measure: 'flow',
  },
];

/** The indicators drawn month by month (year by year over a long phase), with the short names of the legend. */
export const TREND_INDICATORS: ReadonlyArray<{ indicator: IndicatorDefinition; label: string }> = [
  { indicator: INDICATORS.activities, label: 'Hoạt động' },
  { indicator: INDICATORS.activityParticipants, label: 'Lượt người tham gia' },
  { indicator: INDICATORS.feedbackReceived, label: 'Ý kiến phản ánh' },
  { indicator: INDICATORS.crimeReportsReceived, label: 'Tin báo, tố giác' },
];

/** What the map may colour the units by: the dashboard's indicators, plus a few more of the catalogue. */
export const MAP_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.activities,
  INDICATORS.activityParticipants,
  INDICATORS.teams,
  INDICATORS.teamMembers,
  INDICATORS.models,
  INDICATORS.cameras,
  INDICATORS.cameraPoints,
  INDICATORS.festivalSites,
  INDICATORS.awardsByRecipient,
  INDICATORS.feedbackReceived,
  INDICATORS.feedbackAnswered,
  INDICATORS.crimeReportsReceived,
  INDICATORS.crimeReportsValuable,
];
export const DEFAULT_MAP_INDICATOR = INDICATORS.activities.code;

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Days in a period, both ends included. */
export function periodDays({ from, to }: Period): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const monthStart = (iso: IsoDate) => `${iso.slice(0, 7)}-01`;
const monthEnd = (iso: IsoDate) =>
  `${iso.slice(0, 7)}-${String(daysInMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)))).padStart(2, '0')}`;
const isWholeMonths = ({ from, to }: Period) => from === monthStart(from) && to === monthEnd(to);
const monthsBetween = ({ from, to }: Period) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7)) +
  1;

/** Shifts a date by whole months, keeping the day within the target month (31/03 − 1 month = 28 or 29/02). */
function shiftMonths(iso: IsoDate, months: number, keepMonthEnd: boolean): IsoDate {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = daysInMonth(year, month);
  const day = keepMonthEnd ? last : Math.min(Number(iso.slice(8, 10)), last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The period of equal length just before. A period that starts on the 1st of a month steps back by the months it
 * spans, so that a quarter compares with the previous quarter, a year (or a year to date) with the same dates of
 * the previous year, and 2014–2023 with 2004–2013; any other range gives the same number of days ending the day
 * before it starts.
 */
export function previousPeriod(period: Period): Period {
  if (period.from === monthStart(period.from)) {
    const months = monthsBetween(period);
    return {
      from: shiftMonths(period.from, -months, false),
      to: shiftMonths(period.to, -months, period.to === monthEnd(period.to)),
    };
  }
  const to = addDays(period.from, -1);
  return { from: addDays(to, -(periodDays(period) - 1)), to };
}

/** "01/01/2026 – 31/12/2026", or "năm 2026", "tháng 03/2026", "quý I/2026", "2014–2023" when it is one of those. */
export function periodLabel(period: Period): string {
  const { from, to } = period;
  if (isWholeMonths(period)) {
    const months = monthsBetween(period);
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    if (months === 1) return `tháng ${from.slice(5, 7)}/${from.slice(0, 4)}`;
    if (months === 12 && from.slice(5, 7) === '01') return `năm ${from.slice(0, 4)}`;
    if (months === 3 && sameYear && (Number(from.slice(5, 7)) - 1) % 3 === 0) {
      const quarter = ['I', 'II', 'III', 'IV'][(Number(from.slice(5, 7)) - 1) / 3];
      return `quý ${quarter}/${from.slice(0, 4)}`;
    }
    if (months === 6 && sameYear && (from.slice(5, 7) === '01' || from.slice(5, 7) === '07')) {
      return `6 tháng ${from.slice(5, 7) === '01' ? 'đầu' : 'cuối'} năm ${from.slice(0, 4)}`;
    }
    if (months % 12 === 0 && from.slice(5, 7) === '01')
      return `giai đoạn ${from.slice(0, 4)}–${to.slice(0, 4)}`;
  }
  if (from.slice(5) === '01-01' && from.slice(0, 4) === to.slice(0, 4)) {
    return `năm ${from.slice(0, 4)} (đến ${formatDateVi(to)})`;
  }
  return `${formatDateVi(from)} – ${formatDateVi(to)}`;
}

export interface TrendBucket extends Period {
  key: string;
  label: string;
}

/** Trends run by month; a period longer than two years runs by year. Buckets are clipped to the period. */
export function trendBuckets(period: Period): { granularity: 'month' | 'year'; buckets: TrendBucket[] } {
  const byYear = monthsBetween(period) > 24;
  const buckets: TrendBucket[] = [];
  let start = period.from;
  while (start <= period.to) {
    let to = byYear ? `${start.slice(0, 4)}-12-31` : monthEnd(start);
    if (to > period.to) to = period.to;
    buckets.push({
      key: byYear ? start.slice(0, 4) : start.slice(0, 7),
      label: byYear ? start.slice(0, 4) : `${start.slice(5, 7)}/${start.slice(0, 4)}`,
      from: start,
      to,
    });
    start = addDays(to, 1);
  }
  return { granularity: byYear ? 'year' : 'month', buckets };
}

export interface Change {
  /** value − previous. */
  delta: number;
  /** Percent change with one decimal; null when the previous value is 0. */
  percent: number | null;
}

export function changeOf(value: number, previous: number): Change {
  const delta = Math.round((value - previous) * 10) / 10;
  return {
    delta,
    percent: previous === 0 ? null : Math.round(((value - previous) / Math.abs(previous)) * 1000) / 10,
  };
}
