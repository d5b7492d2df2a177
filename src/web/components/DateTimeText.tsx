import { formatDateTimeVi } from './dateTime';

/** A moment as dd/mm/yyyy HH:mm(:ss) in Vietnam time, in a <time> element that keeps the exact instant. */
export function DateTimeText({ value, seconds = false }: { value: string; seconds?: boolean }) {
  return <time dateTime={value}>{formatDateTimeVi(value, { seconds })}</time>;
}
