/**
 * The outage beside its limit, in one wording for every door: "production away 27.4 s; the operations allow
 * 27.3 s". The limit is the critical path: the least time the plan's operations allow
 * (docs/recovery-procedure.md#the-outage-and-its-limit).
 */
export function secondsText(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `outageMs`: expected (a plan) or measured (a run); null limit: a duration is not known. */
export function outageLimitText(outageMs: number | null, limitMs: number | null): string {
  const away = outageMs === null ? 'production away for an unknown time' : `production away ${secondsText(outageMs)}`;
  const limit =
    limitMs === null
      ? 'the least the operations allow is unknown (no measured durations yet)'
      : `the operations allow ${secondsText(limitMs)}`;
  return `${away}; ${limit}`;
}
