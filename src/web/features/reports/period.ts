/** The period fields of the report page, and the dates they stand for (the API speaks from–to ISO dates). */
import { daysInMonth } from '../../../domain/dates';

export type PeriodKindValue = 'month' | 'quarter' | 'half_year' | 'year' | 'phase' | 'custom';

export interface PeriodChoice {
  kind: PeriodKindValue;
  year: number;
  month: number;
  quarter: number;
  half: 1 | 2;
  fromYear: number;
  toYear: number;
  from: string | null;
  to: string | null;
}

const pad = (value: number) => String(value).padStart(2, '0');
const lastDay = (year: number, month: number) => `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;

export function defaultPeriod(kind: PeriodKindValue, today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return {
    kind,
    year,
    month,
    quarter: Math.floor((month - 1) / 3) + 1,
    half: month <= 6 ? 1 : 2,
    fromYear: year - 9,
    toYear: year,
    from: kind === 'custom' ? `${year}-07-01` : null,
    to: kind === 'custom' ? `${year}-08-19` : null,
  };
}

/** The first and last day of the chosen period; null when it is not complete or not in order. */
export function periodRange(choice: PeriodChoice): { from: string; to: string } | null {
  switch (choice.kind) {
    case 'month':
      return { from: `${choice.year}-${pad(choice.month)}-01`, to: lastDay(choice.year, choice.month) };
    case 'quarter': {
      const first = (choice.quarter - 1) * 3 + 1;
      return { from: `${choice.year}-${pad(first)}-01`, to: lastDay(choice.year, first + 2) };
    }
    case 'half_year':
      return choice.half === 1
        ? { from: `${choice.year}-01-01`, to: `${choice.year}-06-30` }
        : { from: `${choice.year}-07-01`, to: `${choice.year}-12-31` };
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'phase':
      return choice.fromYear <= choice.toYear
        ? { from: `${choice.fromYear}-01-01`, to: `${choice.toYear}-12-31` }
        : null;
    case 'custom':
      return choice.from && choice.to && choice.from <= choice.to
        ? { from: choice.from, to: choice.to }
        : null;
  }
}
