/**
 * The one free-text filter used by the CLI's --filter, the contract's filter params and the renderer's
 * search box: every whitespace-separated term must appear (case-insensitively) in one of the fields.
 */

/** The filter's terms, lower-cased; none means everything matches. */
export function filterTerms(filter: string | undefined): string[] {
  return (filter ?? '').toLowerCase().split(/\s+/).filter((term) => term.length > 0);
}

/** For callers that check many rows against one filter: terms from filterTerms, text already lower-cased. */
export function matchesTerms(terms: readonly string[], lowerCaseText: string): boolean {
  return terms.every((term) => lowerCaseText.includes(term));
}

export function matchesFilter(filter: string | undefined, fields: ReadonlyArray<string | null | undefined>): boolean {
  const terms = filterTerms(filter);
  if (terms.length === 0) return true;
  return matchesTerms(terms, fields.filter((field): field is string => typeof field === 'string').join('\u0000').toLowerCase());
}
