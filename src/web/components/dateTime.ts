/**
 * A moment (an ISO timestamp in UTC from the API) as people in Vietnam read it: dd/mm/yyyy HH:mm in Vietnam time
 * whatever the computer's own time zone. Vietnam keeps UTC+7 all year, so a fixed offset is exact.
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

const two = (value: number) => String(value).padStart(2, '0');

export function formatDateTimeVi(iso: string, options: { seconds?: boolean } = {}): string {
  const moment = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  if (Number.isNaN(moment.getTime())) return iso;
  const date = `${two(moment.getUTCDate())}/${two(moment.getUTCMonth() + 1)}/${moment.getUTCFullYear()}`;
  const time = `${two(moment.getUTCHours())}:${two(moment.getUTCMinutes())}`;
  return `${date} ${time}${options.seconds ? `:${two(moment.getUTCSeconds())}` : ''}`;
}
