/**
 * The date the hierarchy is viewed on lives in the address (?ngay=YYYY-MM-DD), so a link opens a unit exactly as
 * it was on that day; without it the page shows today.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type IsoDate, isIsoDate, todayInVietnam } from '../../../domain/dates';

export const DATE_PARAM = 'ngay';

export function unitHref(id: number, asOf: IsoDate): string {
  return `/don-vi/${id}?${DATE_PARAM}=${asOf}`;
}

export interface AsOfState {
  asOf: IsoDate;
  today: IsoDate;
  /** The address named a date that is not a real calendar date; the page fell back to today. */
  invalid: boolean;
  setAsOf: (date: IsoDate) => void;
}

export function useAsOf(): AsOfState {
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const raw = params.get(DATE_PARAM);
  const invalid = raw !== null && !isIsoDate(raw);
  const asOf = raw !== null && !invalid ? raw : today;
  const setAsOf = useCallback(
    (date: IsoDate) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set(DATE_PARAM, date);
        return next;
      }),
    [setParams],
  );
  return { asOf, today, invalid, setAsOf };
}
