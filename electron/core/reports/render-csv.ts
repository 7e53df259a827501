/**
 * The steps as CSV (RFC 4180: CRLF rows, every field quoted, quotes doubled), one row per step, for a
 * change board's spreadsheet. A field that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe, OWASP's guard against CSV injection: step output comes from tools and names
 * an attacker may have chosen. The JSON report stays the exact record.
 */
import type { ReportModel } from '../../../shared/report';
import { changeText } from '../../../shared/change-text';

const columns = [
  'step',
  'id',
  'title',
  'kind',
  'destructive',
  'state',
  'started_at',
  'ended_at',
  'duration_ms',
  'confirmed_by',
  'confirmed_from',
  'confirmed_typed',
  'confirmed_at',
  'changes',
  'commands',
  'error',
  'failures',
  'output',
] as const;

function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${guarded.replace(/"/g, '""')}"`;
}

export function renderCsv(model: ReportModel): string {
  const rows = model.steps.map((step) => [
    step.number,
    step.id,
    step.title,
    step.kind,
    step.destructive,
    step.state,
    step.startedAt,
    step.endedAt,
    step.durationMs,
    step.confirmations.map((c) => c.by).join('\n'),
    step.confirmations.map((c) => c.door ?? '').join('\n'),
    step.confirmations.map((c) => c.typed).join('\n'),
    step.confirmations.map((c) => c.at).join('\n'),
    step.changes.map(changeText).join('\n'),
    step.commands.map((c) => `${c.tool} on ${c.runsOn}:\n${c.text.replace(/\r\n/g, '\n').replace(/\n$/, '')}`).join('\n\n'),
    step.error,
    step.failures.map((f) => `${f.at} (${f.during}): ${f.message}`).join('\n'),
    step.output.map((line) => line.text).join('\n'),
  ]);
  return [columns as readonly string[], ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
