/** How reports write times, durations and states for people: UTC with the zone said, durations in words. */
import type { RunState, StepState, Verdict } from '../../../shared/recovery';

export function formatInstant(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `${date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '')} UTC`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const labels: Record<RunState | StepState | Verdict, string> = {
  pending: 'Not run',
  'waiting-confirmation': 'Waiting for confirmation',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped (already in place)',
  compensated: 'Undone by rollback',
  paused: 'Paused',
  interrupted: 'Interrupted',
  'rolling-back': 'Rolling back',
  'rolled-back': 'Rolled back',
  damaged: 'Damaged journal',
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
};

export function stateLabel(state: RunState | StepState | Verdict): string {
  return labels[state];
}
