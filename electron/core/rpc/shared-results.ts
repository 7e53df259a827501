/**
 * Results that are immutable snapshots shared by every caller: a backend's views of one state revision,
 * replaced (never changed) when the state changes. Marking one lets a door that must serialise it (the
 * gateway) do that once per snapshot instead of once per request. The top level is frozen so a caller
 * that sorts or splices a shared list fails at once instead of changing what every other caller sees.
 */

const sharedResults = new WeakSet<object>();

export function markShared<T extends object>(value: T): T {
  sharedResults.add(Object.freeze(value));
  return value;
}

export function isShared(value: unknown): value is object {
  return typeof value === 'object' && value !== null && sharedResults.has(value);
}
