/**
 * The one free-text filter used by the CLI's --filter, the contract's filter params and the renderer's
 * search box: every whitespace-separated term must appear (case-insensitively) in one of the fields.
 */

/** The filter's terms, lower-cased; none means everything matches. */
export function filterTerms(filter: string | undefined): string[] {
  return (filter ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

/** A `field:value` term of a filter: the row's field must equal the value (any case). */
export interface FieldTerm {
  field: string;
  value: string;
}

/**
 * The terms of a filter split into `field:value` terms, for the fields a table knows, and plain words.
 * A word whose part before the colon names no field stays a plain word (a WWN, a drive letter "C:").
 */
export function splitFieldTerms(terms: readonly string[], fields: ReadonlySet<string>): { words: string[]; fieldTerms: FieldTerm[] } {
  const words: string[] = [];
  const fieldTerms: FieldTerm[] = [];
  for (const term of terms) {
    const colon = term.indexOf(':');
    const field = term.slice(0, colon);
    const value = term.slice(colon + 1);
    if (colon > 0 && value.length > 0 && fields.has(field)) fieldTerms.push({ field, value });
    else words.push(term);
  }
  return { words, fieldTerms };
}

/** For callers that check many rows against one filter: terms from filterTerms, text already lower-cased. */
export function matchesTerms(terms: readonly string[], lowerCaseText: string): boolean {
  return terms.every((term) => lowerCaseText.includes(term));
}

export function matchesFilter(filter: string | undefined, fields: ReadonlyArray<string | null | undefined>): boolean {
  const terms = filterTerms(filter);
  return terms.length === 0 || matchesTerms(terms, searchableText(fields));
}

/**
 * The items of `list` that match the filter; with no terms, `list` itself (no copy, and no text built per
 * item), which keeps an unfiltered read of a large inventory as cheap as handing back the list.
 */
export function filterList<T>(list: T[], filter: string | undefined, fieldsOf: (item: T) => ReadonlyArray<string | null | undefined>): T[] {
  const terms = filterTerms(filter);
  if (terms.length === 0) return list;
  return list.filter((item) => matchesTerms(terms, searchableText(fieldsOf(item))));
}

function searchableText(fields: ReadonlyArray<string | null | undefined>): string {
  return fields
    .filter((field): field is string => typeof field === 'string')
    .join('\u0000')
    .toLowerCase();
}
