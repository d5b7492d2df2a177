/** The custom period of the overview, dd/mm/yyyy; a chunk of its own, as the date picker is heavy. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export default function PeriodRange({
  label,
  from,
  to,
  onChange,
}: {
  label: string;
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}) {
  return (
    <DatePicker.RangePicker
      size="small"
      format="DD/MM/YYYY"
      aria-label={label}
      allowClear={false}
      value={[dayjs(from), dayjs(to)]}
      onChange={(range) => {
        if (range?.[0] && range[1]) onChange(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
      }}
    />
  );
}
