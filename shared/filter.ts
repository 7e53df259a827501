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
