/**
 * A count as the console and the reports write it (26,000). One formatter for all: `toLocaleString` builds a new
 * number formatter on every call, which a table pays on every row and every render.
 */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export const countText = (n: number): string => COUNT_FORMAT.format(n);
