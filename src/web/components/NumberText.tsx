import { formatDecimal, formatInteger } from '../../domain/numbers';

/** A number in the Vietnamese notation: 1.234 or 1.234,5. */
export function NumberText({ value, decimals = false }: { value: number; decimals?: boolean }) {
  return <>{decimals ? formatDecimal(value) : formatInteger(value)}</>;
}
