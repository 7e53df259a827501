/**
 * Getting rows out of the console: one row onto the clipboard as JSON, or the rows a table shows into a
 * CSV file. Over plain http (the gateway on another machine) navigator.clipboard does not exist, so copying
 * falls back to a hidden textarea and the old copy command; the caller is told when both fail.
 */
import { toCsv } from '../../../shared/csv';
import { saveBlob } from '../download';

export async function copyText(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Denied (no user gesture, or a policy): try the old way before giving up.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  try {
    // execCommand is deprecated but is the only clipboard left where the async API is unavailable.
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy');
  } finally {
    area.remove();
    focused?.focus();
  }
}

export function downloadCsv(fileStem: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  // A byte-order mark so Excel reads the file as UTF-8 (host names and labels may not be ASCII).
  const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  saveBlob(`${fileStem}-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}.csv`, blob);
}
