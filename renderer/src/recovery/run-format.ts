/** How runs and their steps read on screen: state words and colours, durations and times. */
import type { RunState, StepState } from '../../../shared/recovery';
import { formatDateTime } from '../inventory/time-text';

type BadgeColor = 'brand' | 'danger' | 'important' | 'informative' | 'severe' | 'subtle' | 'success' | 'warning';

export const runStateText: Record<RunState, { label: string; color: BadgeColor }> = {
  running: { label: 'Running', color: 'brand' },
  'waiting-confirmation': { label: 'Waiting for your confirmation', color: 'warning' },
  paused: { label: 'Paused', color: 'warning' },
  interrupted: { label: 'Interrupted (its process ended)', color: 'severe' },
  failed: { label: 'Failed', color: 'danger' },
  'rolling-back': { label: 'Rolling back', color: 'severe' },
  succeeded: { label: 'Succeeded', color: 'success' },
  'rolled-back': { label: 'Rolled back', color: 'informative' },
  damaged: { label: 'Damaged journal', color: 'danger' },
};

export const stepStateText: Record<StepState, string> = {
  pending: 'Not started',
  'waiting-confirmation': 'Waiting for your confirmation',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  compensated: 'Undone',
};

/** Runs that stopped before the end and can be resumed or rolled back. */
export function isUnfinished(state: RunState): boolean {
  return state !== 'succeeded' && state !== 'rolled-back';
}

/** "850 ms", "4.2 s", "3 min 05 s", "1 h 02 min": precise when short, readable when long. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Downtime in a table cell: null means production storage is away right now. */
export function formatDowntime(ms: number | null): string {
  if (ms === null) return 'still down';
  return ms === 0 ? 'none' : formatDuration(ms);
}

/** A run's times, to the second and with their zone. */
export const formatTime = (iso: string): string => formatDateTime(iso, 'second');

/** Time a step took, or has taken so far while it runs (`now` ticks then). */
export function stepElapsedMs(startedAt: string | null, endedAt: string | null, now: number): number | null {
  if (startedAt === null) return null;
  return (endedAt === null ? now : Date.parse(endedAt)) - Date.parse(startedAt);
}
