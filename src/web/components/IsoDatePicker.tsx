/**
 * A date field for forms whose value is an ISO date string (what the API speaks), shown as dd/mm/yyyy; dates after
 * today can be refused, as most records of the past are.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { type IsoDate, todayInVietnam } from '../../domain/dates';

export function IsoDatePicker({
  id,
  value,
  onChange,
  noFuture = true,
  placeholder = 'dd/mm/yyyy',
}: {
  id?: string;
  value?: IsoDate | null;
  onChange?: (value: IsoDate | null) => void;
  noFuture?: boolean;
  placeholder?: string;
}) {
  const today = todayInVietnam();
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      format="DD/MM/YYYY"
      placeholder={placeholder}
      style={{ width: '100%' }}
      disabledDate={noFuture ? (day) => day.format('YYYY-MM-DD') > today : undefined}
      onChange={(picked) => onChange?.(picked ? picked.format('YYYY-MM-DD') : null)}
    />
  );
}
