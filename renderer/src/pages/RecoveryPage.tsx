/**
 * Guided recovery: choose the set → scope and preflight → options → review → run → done. The step and the
 * set or run it works on come from the URL (routes.ts); the choices made on the way from the wizard store;
 * plans and runs from the engine through react-query.
 */
import { useEffect } from 'react';
import { useContractQuery } from '../queries';
import { DoneStep } from '../recovery/DoneStep';
import { OptionsStep } from '../recovery/OptionsStep';
import { ReviewStep } from '../recovery/ReviewStep';
import { RunWatchStep } from '../recovery/RunWatchStep';
import { ScopeStep } from '../recovery/ScopeStep';
import { SetChoiceStep } from '../recovery/SetChoiceStep';
import { WizardProgress } from '../recovery/WizardProgress';
import { liveRunOf } from '../recovery/run-attention';
import { useWizardPlace, useWizardStore } from '../recovery/wizard-store';
import { useUiStore } from '../ui-store';
import { wizardRoute } from '../routes';

export function RecoveryPage() {
  useReopenLiveRun();
  useAdoptSetOfUrl();
  const { step } = useWizardPlace();
  return (
    <>
      <WizardProgress current={step} />
      <CurrentStep />
    </>
  );
}

/**
 * The bare Recovery page (its tab after a reload, or #/recovery) reopens the run that is under way or waits
 * for the operator, rather than a fresh step 1 beside production storage that is away.
 */
function useReopenLiveRun() {
  const route = useUiStore((state) => state.route);
  const navigate = useUiStore((state) => state.navigate);
  const runs = useContractQuery('runs.list', {});
  const bare = route.page === 'recovery' && route.step === null;
  const live = runs.data ? liveRunOf(runs.data) : undefined;
  useEffect(() => {
    if (!bare || !runs.data) return;
    navigate(live ? wizardRoute('run', null, live.id) : wizardRoute('set', null, null), { replace: true });
  }, [bare, runs.data, live, navigate]);
}

/** A step opened from its URL (a reload, a link) works on the set the URL names. */
function useAdoptSetOfUrl() {
  const { setId } = useWizardPlace();
  const chooseSet = useWizardStore((s) => s.chooseSet);
  useEffect(() => {
    if (setId !== null) chooseSet(setId);
  }, [setId, chooseSet]);
}

function CurrentStep() {
  const { step, setId, runId } = useWizardPlace();
  if (step === 'run' && runId !== null) return <RunWatchStep runId={runId} />;
  if (step === 'done' && runId !== null) return <DoneStep runId={runId} />;
  if (setId === null) return <SetChoiceStep />;
  switch (step) {
    case 'scope':
      return <ScopeStep setId={setId} />;
    case 'options':
      return <OptionsStep setId={setId} />;
    case 'review':
      return <ReviewStep setId={setId} />;
    default:
      return <SetChoiceStep />;
  }
}
