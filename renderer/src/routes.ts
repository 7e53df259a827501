/**
 * The console's URLs (hash routes, so they work from a file:// page in Electron and behind the gateway
 * alike): every page, every run and every wizard step has one, so Back and Forward work and a run can be
 * linked. Pure: parsed and formatted here, followed in ui-store.ts.
 *
 *   #/home  #/luns  #/snapshots  #/clusters  #/hosts  #/masking
 *   #/runs  #/runs/<runId>
 *   #/recovery  #/recovery/set  #/recovery/<scope|options|review>/<setId>  #/recovery/<run|done>/<runId>
 */

export const pageIds = ['home', 'luns', 'snapshots', 'clusters', 'hosts', 'masking', 'recovery', 'runs'] as const;
export type PageId = (typeof pageIds)[number];

export const wizardStepIds = ['set', 'scope', 'options', 'review', 'run', 'done'] as const;
export type WizardStepId = (typeof wizardStepIds)[number];

/** Steps that work on a chosen set (their URL carries it) and steps that watch a run (their URL carries the run). */
const setSteps: ReadonlySet<WizardStepId> = new Set(['scope', 'options', 'review']);
const runSteps: ReadonlySet<WizardStepId> = new Set(['run', 'done']);

export type Route =
  | { page: Exclude<PageId, 'runs' | 'recovery'> }
  | { page: 'runs'; runId: string | null }
  /** `step` null: the bare Recovery page, which opens on a live run if there is one, else on step 1. */
  | { page: 'recovery'; step: null }
  | { page: 'recovery'; step: 'set' }
  | { page: 'recovery'; step: 'scope' | 'options' | 'review'; setId: string }
  | { page: 'recovery'; step: 'run' | 'done'; runId: string };

export const homeRoute: Route = { page: 'home' };

const isPageId = (value: string): value is PageId => (pageIds as readonly string[]).includes(value);
const isStepId = (value: string): value is WizardStepId => (wizardStepIds as readonly string[]).includes(value);

/** A page on its own: the Runs list without a run open, the Recovery page before a step is chosen. */
export function pageRoute(page: PageId): Route {
  if (page === 'runs') return { page, runId: null };
  if (page === 'recovery') return { page, step: null };
  return { page };
}

/** The route of a location hash; anything unknown opens the first page rather than an error. */
export function parseHash(hash: string): Route {
  const [page = '', first, second] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => decodeURIComponent(part));
  if (!isPageId(page)) return homeRoute;
  if (page === 'runs') return { page, runId: first || null };
  if (page !== 'recovery') return { page };
  if (first === undefined || !isStepId(first)) return { page, step: null };
  if (first === 'set') return { page, step: first };
  if (!second) return { page, step: 'set' };
  if (setSteps.has(first)) return { page, step: first as 'scope' | 'options' | 'review', setId: second };
  return { page, step: first as 'run' | 'done', runId: second };
}

export function formatRoute(route: Route): string {
  const parts: string[] = [route.page];
  if (route.page === 'runs' && route.runId) parts.push(route.runId);
  if (route.page === 'recovery' && route.step !== null) {
    parts.push(route.step);
    if ('setId' in route) parts.push(route.setId);
    if ('runId' in route) parts.push(route.runId);
  }
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

/** The wizard's route for a step: the chosen set or the run goes in the URL; a step missing it falls back to step 1. */
export function wizardRoute(step: WizardStepId, setId: string | null, runId: string | null): Route {
  if (runSteps.has(step) && runId !== null) return { page: 'recovery', step: step as 'run' | 'done', runId };
  if (setSteps.has(step) && setId !== null) return { page: 'recovery', step: step as 'scope' | 'options' | 'review', setId };
  return { page: 'recovery', step: 'set' };
}

/** The link to a run, wherever a run id is shown. */
export const runHref = (runId: string) => formatRoute({ page: 'runs', runId });
