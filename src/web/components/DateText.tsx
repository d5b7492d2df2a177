import { formatDateVi, type IsoDate } from '../../domain/dates';

/** A calendar date as dd/mm/yyyy, in a <time> element that keeps the ISO date for machines. */
export function DateText({ value, fallback = '' }: { value: IsoDate | null | undefined; fallback?: string }) {
  if (!value) return <>{fallback}</>;
  return <time dateTime={value}>{formatDateVi(value)}</time>;
}
