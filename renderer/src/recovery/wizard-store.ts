/**
 * The guided-recovery wizard's progress. Which step is open, and the set or run it works on, live in the
 * route (routes.ts: every step has a URL); this store keeps what the URL does not: the set picked on step 1,
 * the options, and the warnings the operator acknowledged. UI state only — plans and runs live in react-query.
 */
import { create } from 'zustand';
import type { RecoveryOptions } from '../../../shared/recovery';
import { wizardRoute, wizardStepIds, type Route, type WizardStepId } from '../routes';
import { useUiStore } from '../ui-store';

export type { WizardStepId } from '../routes';

const stepTitles: Record<WizardStepId, string> = {
  set: 'Choose the set',
  scope: 'Scope and preflight',
  options: 'Options',
  review: 'Review',
  run: 'Run',
  done: 'Done',
};
export const wizardSteps = wizardStepIds.map((id) => ({ id, title: stepTitles[id] }));

/** Everything of RecoveryOptions but the set, which is chosen on its own step. */
type WizardOptions = Omit<RecoveryOptions, 'setId'>;

const defaultOptions: WizardOptions = { mode: 'offline', identity: 'revert', forensicsHost: null, verify: true, leaveOut: [] };

/** Where the wizard stands, read from a route (any route: off the Recovery page it is step 1). */
export interface WizardPlace {
  step: WizardStepId;
  setId: string | null;
  runId: string | null;
}

export function wizardPlaceOf(route: Route): WizardPlace {
  if (route.page !== 'recovery' || route.step === null) return { step: 'set', setId: null, runId: null };
  return { step: route.step, setId: 'setId' in route ? route.setId : null, runId: 'runId' in route ? route.runId : null };
}

interface WizardState {
  /** The set picked on step 1 (or named by the URL of a later step). */
  setId: string | null;
  options: WizardOptions;
  /** Ids of preflight warnings the operator ticked; sent as `acknowledge` to recovery.start. */
  acknowledged: string[];
  goTo(step: WizardStepId): void;
  chooseSet(setId: string): void;
  setOptions(change: Partial<WizardOptions>): void;
  acknowledge(checkId: string, acknowledged: boolean): void;
  runStarted(runId: string): void;
  /** A fresh wizard, on step 1. */
  reset(): void;
}

const blank = { setId: null, options: defaultOptions, acknowledged: [] };
const navigate = (route: Route) => useUiStore.getState().navigate(route);

export const useWizardStore = create<WizardState>((set, get) => ({
  ...blank,
  goTo: (step) => navigate(wizardRoute(step, get().setId, wizardPlaceOf(useUiStore.getState().route).runId)),
  // Another set means other LUNs and other checks: earlier acknowledgements and LUNs left out no longer apply.
  chooseSet: (setId) =>
    set((state) => (state.setId === setId ? {} : { setId, acknowledged: [], options: { ...state.options, leaveOut: [] } })),
  setOptions: (change) => set((state) => ({ options: { ...state.options, ...change } })),
  acknowledge: (checkId, acknowledged) =>
    set((state) => ({
      acknowledged: acknowledged ? [...new Set([...state.acknowledged, checkId])] : state.acknowledged.filter((id) => id !== checkId),
    })),
  runStarted: (runId) => navigate(wizardRoute('run', get().setId, runId)),
  reset: () => {
    set(blank);
    navigate(wizardRoute('set', null, null));
  },
}));

/** The wizard's place in the current URL. */
export function useWizardPlace(): WizardPlace {
  const route = useUiStore((state) => state.route);
  return wizardPlaceOf(route);
}

/**
 * Opens the wizard on a set chosen elsewhere (the Snapshots page): a fresh wizard with that set, on its
 * preflight. A run already under way stays reachable from the run bar and the Runs page.
 */
export function startWizardWith(setId: string): void {
  useWizardStore.setState(blank);
  useWizardStore.getState().chooseSet(setId);
  navigate(wizardRoute('scope', setId, null));
}
