/**
 * Vietnamese text helpers shared by server and web.
 *
 * Search is diacritic-insensitive: "nhon loc" must find "Nhơn Lộc" and "da nang" must find "Đà Nẵng".
 * NFD decomposition strips the tone and vowel marks, but "đ" is a letter of its own and must be mapped by hand.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Text stored and shown is NFC, so that the same word always has the same bytes. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** Collapses runs of white space (upstream data has e.g. "Xã  Vĩnh Tường") and trims. */
export function tidyName(text: string): string {
  return toNfc(text).replace(/\s+/g, ' ').trim();
}

const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts names the way a Vietnamese reader expects ("Phường 2" before "Phường 10"). */
export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}
