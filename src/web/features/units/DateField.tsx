/**
 * The calendar for "any other date". It is the heaviest control of the page and most visits never open it, so
 * it is a chunk of its own (default export for React.lazy).
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { IsoDate } from '../../../domain/dates';

export default function DateField({
  value,
  onChange,
  ariaLabel,
}: {
  value: IsoDate;
  onChange: (date: IsoDate) => void;
  ariaLabel: string;
}) {
  return (
    <DatePicker
      aria-label={ariaLabel}
      value={dayjs(value)}
      format="DD/MM/YYYY"
      allowClear={false}
      onChange={(picked) => {
        if (picked) onChange(picked.format('YYYY-MM-DD'));
      }}
    />
  );
}
