/**
 * RFC 4180 CSV, as Excel opens it: fields with a comma, quote or line break are quoted and quotes doubled;
 * lines end with CRLF. A leading =, +, - or @ is prefixed with a quote mark so a spreadsheet shows the
 * text instead of running it as a formula (a LUN label is whatever someone typed).
 */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((line) => line.map(field).join(',')).join('\r\n') + '\r\n';
}
