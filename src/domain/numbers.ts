const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** 1.234 — Vietnamese thousands separator. */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** 1.234,5 — Vietnamese decimal comma. */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}
