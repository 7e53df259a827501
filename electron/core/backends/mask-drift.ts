/**
 * Drift: right before a mask change, the LUN's access list on the array is not the one the plan was made from
 * (someone else changed the masking). Both backends refuse then, before changing anything, with this error.
 */
import { ShadowSwapError } from '../../../shared/errors';
import { ALL_HOSTS } from '../backend';

const text = (hosts: readonly string[]) => (hosts.includes(ALL_HOSTS) ? '* (every host)' : hosts.join(', ') || '(nobody)');
const upper = (hosts: readonly string[]) => new Set(hosts.map((h) => h.toUpperCase()));

export function sameAccessList(a: readonly string[], b: readonly string[]): boolean {
  const left = upper(a);
  const right = upper(b);
  return left.size === right.size && [...left].every((h) => right.has(h));
}

/** The refusal when `actual` (what the array shows) is not `expected` (what the plan assumed); null when they agree. */
export function maskDrift(
  lun: { id: string; name: string },
  expected: readonly string[],
  actual: readonly string[],
): ShadowSwapError | null {
  if (sameAccessList(expected, actual)) return null;
  const gained = actual.filter((h) => !upper(expected).has(h.toUpperCase()));
  const lost = expected.filter((h) => !upper(actual).has(h.toUpperCase()));
  const difference = [gained.length > 0 ? `${gained.join(', ')} gained it` : '', lost.length > 0 ? `${lost.join(', ')} lost it` : '']
    .filter(Boolean)
    .join('; ');
  return new ShadowSwapError(
    'PRECONDITION_FAILED',
    `${lun.name}'s access list changed since the plan was made: the array shows ${text(actual)}, the plan expected ${text(expected)} (${difference}). ` +
      'Nothing was changed. Someone else changed the masking: find out who, then plan again (shadowswap plan) so the recovery starts from what the array shows.',
    { lunId: lun.id, expected: [...expected], actual: [...actual] },
  );
}
