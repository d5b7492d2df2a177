/**
 * Dates on the wire and in the database are ISO calendar dates (YYYY-MM-DD); people read dd/mm/yyyy.
 * These helpers work on plain strings so that no time zone can shift a calendar date.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's calendar date in Vietnam (UTC+7, no daylight saving), which is what "today" means to every user. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** dd/mm/yyyy, the way dates are written in Vietnamese offices. */
export function formatDateVi(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const match = ISO_DATE.exec(iso.slice(0, 10));
  if (!match) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Inclusive validity interval; `null` bounds mean "open" (before records began / still valid). */
export interface ValidityInterval {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export function isValidOn(interval: ValidityInterval, date: IsoDate): boolean {
  return (
    (interval.validFrom === null || interval.validFrom <= date) &&
    (interval.validTo === null || interval.validTo >= date)
  );
}
