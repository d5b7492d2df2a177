/**
 * A calendar date for forms and filters: shown dd/mm/yyyy, held as the ISO date of the API (YYYY-MM-DD), so that
 * forms never convert and nothing shifts with the computer's time zone.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { IsoDate } from '../../../domain/dates';

export const DATE_FORMAT = 'DD/MM/YYYY';

export function IsoDatePicker({
  id,
  value,
  onChange,
  allowClear = true,
  placeholder,
  ariaLabel,
  status,
  className,
}: {
  id?: string;
  value?: IsoDate | null;
  onChange?: (value: IsoDate | null) => void;
  allowClear?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  status?: 'error' | 'warning';
  className?: string;
}) {
  return (
    <DatePicker
      {...(id ? { id } : {})}
      {...(status ? { status } : {})}
      {...(className ? { className } : {})}
      aria-label={ariaLabel}
      value={value ? dayjs(value) : null}
      format={DATE_FORMAT}
      placeholder={placeholder ?? 'dd/mm/yyyy'}
      allowClear={allowClear}
      onChange={(picked) => onChange?.(picked ? picked.format('YYYY-MM-DD') : null)}
    />
  );
}

export function IsoRangePicker({
  value,
  onChange,
  ariaLabel,
  placeholders,
}: {
  value: [IsoDate | undefined, IsoDate | undefined];
  onChange: (value: [IsoDate | undefined, IsoDate | undefined]) => void;
  ariaLabel: string;
  placeholders: [string, string];
}) {
  return (
    <DatePicker.RangePicker
      aria-label={ariaLabel}
      value={[value[0] ? dayjs(value[0]) : null, value[1] ? dayjs(value[1]) : null]}
      format={DATE_FORMAT}
      allowEmpty={[true, true]}
      placeholder={placeholders}
      onChange={(range) =>
        onChange([
          range?.[0]?.format('YYYY-MM-DD') ?? undefined,
          range?.[1]?.format('YYYY-MM-DD') ?? undefined,
        ])
      }
    />
  );
}
