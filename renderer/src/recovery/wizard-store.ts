/**
 * The guided-recovery wizard's progress: which step is open, the chosen set, the options, the warnings the
 * operator acknowledged and the run it started. UI state only — plans and runs live in react-query.
 */
import { create } from 'zustand';
import type { RecoveryOptions } from '../../../shared/recovery';
import { useUiStore } from '../ui-store';

export const wizardSteps = [
  { id: 'set', title: 'Choose the set' },
  { id: 'scope', title: 'Scope and preflight' },
  { id: 'options', title: 'Options' },
  { id: 'review', title: 'Review' },
  { id: 'run', title: 'Run' },
  { id: 'done', title: 'Done' },
] as const;
export type WizardStepId = (typeof wizardSteps)[number]['id'];

/** Everything of RecoveryOptions but the set, which is chosen on its own step. */
type WizardOptions = Omit<RecoveryOptions, 'setId'>;

const defaultOptions: WizardOptions = { mode: 'offline', identity: 'revert', forensicsHost: null, verify: true };

interface WizardState {
  step: WizardStepId;
  setId: string | null;
  options: WizardOptions;
  /** Ids of preflight warnings the operator ticked; sent as `acknowledge` to recovery.start. */
  acknowledged: string[];
  runId: string | null;
  goTo(step: WizardStepId): void;
  chooseSet(setId: string): void;
  setOptions(change: Partial<WizardOptions>): void;
  acknowledge(checkId: string, acknowledged: boolean): void;
  runStarted(runId: string): void;
  reset(): void;
}

const blank = { step: 'set' as WizardStepId, setId: null, options: defaultOptions, acknowledged: [], runId: null };

export const useWizardStore = create<WizardState>((set) => ({
  ...blank,
  goTo: (step) => set({ step }),
  // Another set means other LUNs and other checks: earlier acknowledgements no longer apply.
  chooseSet: (setId) => set((state) => (state.setId === setId ? {} : { setId, acknowledged: [] })),
  setOptions: (change) => set((state) => ({ options: { ...state.options, ...change } })),
  acknowledge: (checkId, acknowledged) =>
    set((state) => ({
      acknowledged: acknowledged ? [...new Set([...state.acknowledged, checkId])] : state.acknowledged.filter((id) => id !== checkId),
    })),
  runStarted: (runId) => set({ runId, step: 'run' }),
  reset: () => set(blank),
}));

/**
 * Opens the wizard on a set chosen elsewhere (the Snapshots page): a fresh wizard with that set, on its
 * preflight. A run already under way in the wizard is left alone: it stays on the Runs page.
 */
export function startWizardWith(setId: string): void {
  useWizardStore.getState().reset();
  useWizardStore.getState().chooseSet(setId);
  useWizardStore.getState().goTo('scope');
  useUiStore.getState().openPage('recovery');
}
