import { words } from '../shared/text-key';

/** InnoDB indexes no shorter words (innodb_ft_min_token_size); such terms are matched as substrings. */
export const FULL_TEXT_MIN_LENGTH = 3;
const MAX_TERMS = 8;

export interface SearchTerms {
  /** Matched as word prefixes by the full-text index. */
  fullText: string[];
  /** Matched as substrings of the search text. */
  substring: string[];
}

/**
 * Splits what someone typed into terms every engine treats alike: only letters and digits survive (no
 * operator reaches MATCH … AGAINST or FTS5), lower case without diacritics, like the indexed text.
 */
export function searchTerms(q: string | undefined): SearchTerms {
  const unique = [...new Set(words(q ?? ''))].slice(0, MAX_TERMS);
  return {
    fullText: unique.filter((term) => term.length >= FULL_TEXT_MIN_LENGTH),
    substring: unique.filter((term) => term.length < FULL_TEXT_MIN_LENGTH),
  };
}

/** `+zorg* +dementie*` for MariaDB's BOOLEAN MODE: every term required, as a word prefix. */
export const mariadbBooleanQuery = (terms: string[]) => terms.map((term) => `+${term}*`).join(' ');

/** `"zorg"* "dementie"*` for FTS5: implicit AND of prefix queries. */
export const fts5Query = (terms: string[]) => terms.map((term) => `"${term}"*`).join(' ');
