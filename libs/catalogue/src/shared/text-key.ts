/**
 * Lower case without diacritics ("Easterwâlde" → "easterwalde"): what search and the place filter compare,
 * so SQLite (case- and accent-sensitive) and MariaDB (utf8mb4_unicode_ci, insensitive) agree.
 */
export function textKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text as search sees them (letters and digits; everything else separates). */
export function words(value: string): string[] {
  return textKey(value).match(/[\p{L}\p{N}]+/gu) ?? [];
}
