import { describe, expect, it } from 'vitest';
import { formatRoute, pageIds, pageRoute, parseHash, wizardRoute, type Route } from '../../renderer/src/routes';

const everyKind: Route[] = [
  { page: 'luns' },
  { page: 'masking' },
  { page: 'runs', runId: null },
  { page: 'runs', runId: 'run-20261201-2300-ab12' },
  { page: 'recovery', step: null },
  { page: 'recovery', step: 'set' },
  { page: 'recovery', step: 'review', setId: '{5c1e...}/odd id' },
  { page: 'recovery', step: 'done', runId: 'run-1' },
];

describe('routes', () => {
  it.each(everyKind)('a route survives its URL: %j', (route) => {
    expect(parseHash(formatRoute(route))).toEqual(route);
  });

  it.each(pageIds)('the bare link of the %s page names that page alone', (page) => {
    expect(formatRoute(pageRoute(page))).toBe(`#/${page}`);
    expect(parseHash(formatRoute(pageRoute(page)))).toEqual(pageRoute(page));
  });

  it('writes readable hashes', () => {
    expect(formatRoute({ page: 'runs', runId: 'run-1' })).toBe('#/runs/run-1');
    expect(formatRoute({ page: 'recovery', step: 'scope', setId: 'abc' })).toBe('#/recovery/scope/abc');
  });

  it('opens the first page for an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ page: 'home' });
    expect(parseHash('#/nowhere/at/all')).toEqual({ page: 'home' });
  });

  it('sends a step that lacks its set back to step 1, and an unknown step to the bare Recovery page', () => {
    expect(parseHash('#/recovery/review')).toEqual({ page: 'recovery', step: 'set' });
    expect(parseHash('#/recovery/warp')).toEqual({ page: 'recovery', step: null });
  });

  it('wizardRoute carries the set or the run the step needs', () => {
    expect(wizardRoute('options', 's', null)).toEqual({ page: 'recovery', step: 'options', setId: 's' });
    expect(wizardRoute('run', 's', 'r')).toEqual({ page: 'recovery', step: 'run', runId: 'r' });
    expect(wizardRoute('review', null, null)).toEqual({ page: 'recovery', step: 'set' });
  });
});
