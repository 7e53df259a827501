/**
 * The one free-text filter used by the CLI's --filter, the contract's filter params and the renderer's
 * search box: every whitespace-separated term must appear (case-insensitively) in one of the fields.
 */
export function matchesFilter(filter: string | undefined, fields: ReadonlyArray<string | null | undefined>): boolean {
  if (filter === undefined) return true;
  const terms = filter.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
  if (terms.length === 0) return true;
  const haystack = fields.filter((field): field is string => typeof field === 'string').join('\u0000').toLowerCase();
  return terms.every((term) => haystack.includes(term));
}
