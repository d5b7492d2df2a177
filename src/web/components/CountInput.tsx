/** A whole number typed and shown the Vietnamese way (1.234.567): counts of people, gifts, money in đồng. */
import { InputNumber } from 'antd';

const group = (value: string | number | undefined) =>
  value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const ungroup = (text: string | undefined) => Number((text ?? '').replace(/[^\d]/g, ''));

export function CountInput({
  id,
  value,
  onChange,
  max,
  suffix,
  ariaLabel,
  width = 180,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  max: number;
  suffix?: string;
  ariaLabel?: string;
  width?: number;
}) {
  return (
    <InputNumber<number>
      {...(id ? { id } : {})}
      aria-label={ariaLabel}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      min={0}
      max={max}
      precision={0}
      controls={false}
      formatter={group}
      parser={ungroup}
      {...(suffix ? { suffix } : {})}
      style={{ width }}
    />
  );
}
