/** Which run the Runs page shows in detail; other pages open a run there with `openRunOnRunsPage`. */
import { create } from 'zustand';
import { useUiStore } from '../ui-store';

interface RunsViewState {
  selectedRunId: string | null;
  selectRun(runId: string | null): void;
}

export const useRunsViewStore = create<RunsViewState>((set) => ({
  selectedRunId: null,
  selectRun: (selectedRunId) => set({ selectedRunId }),
}));

export function openRunOnRunsPage(runId: string): void {
  useRunsViewStore.getState().selectRun(runId);
  useUiStore.getState().openPage('runs');
}
