/**
 * What every Lab operation shares: the context the runner gives it (the clock, whether a `partial`
 * fault is armed) and how it reports what happened.
 */
import type { OperationResult } from '../../../../shared/domain';
import type { ShadowSwapError } from '../../../../shared/errors';

export interface OperationContext {
  now: Date;
  /** A `partial` fault is armed: apply the effect to some targets only. */
  partial: boolean;
}

/**
 * A failure whose effect is real and must be saved before it is reported, as when a cluster resource
 * fails to come online and stays Failed.
 */
export class FailedWithEffect {
  constructor(readonly error: ShadowSwapError) {}
}

export function report(
  operation: string,
  summary: string,
  extra: Partial<Pick<OperationResult, 'changes' | 'warnings' | 'status'>> = {},
): OperationResult {
  return { operation, summary, changes: extra.changes ?? [], warnings: extra.warnings ?? [], status: extra.status ?? null };
}

/** The targets a partial effect reaches: the first half, rounded down (so one target gets nothing). */
export function partialShare<T>(targets: readonly T[], partial: boolean): T[] {
  return partial ? targets.slice(0, Math.floor(targets.length / 2)) : [...targets];
}

export function listNames(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : '(nobody)';
}
