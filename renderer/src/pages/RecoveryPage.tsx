/**
 * Guided recovery: choose the set → scope and preflight → options → review → run → done. Progress lives
 * in the wizard store; plans and runs come from the engine through react-query.
 */
import { DoneStep } from '../recovery/DoneStep';
import { OptionsStep } from '../recovery/OptionsStep';
import { ReviewStep } from '../recovery/ReviewStep';
import { RunWatchStep } from '../recovery/RunWatchStep';
import { ScopeStep } from '../recovery/ScopeStep';
import { SetChoiceStep } from '../recovery/SetChoiceStep';
import { WizardProgress } from '../recovery/WizardProgress';
import { useWizardStore } from '../recovery/wizard-store';

export function RecoveryPage() {
  const step = useWizardStore((s) => s.step);
  return (
    <>
      <WizardProgress current={step} />
      <CurrentStep />
    </>
  );
}

/** A step that needs a set or a run it does not have falls back to the step that provides it. */
function CurrentStep() {
  const { step, setId, runId } = useWizardStore();
  if ((step === 'run' || step === 'done') && runId !== null)
    return step === 'run' ? <RunWatchStep runId={runId} /> : <DoneStep runId={runId} />;
  if (setId === null) return <SetChoiceStep />;
  switch (step) {
    case 'scope':
      return <ScopeStep setId={setId} />;
    case 'options':
      return <OptionsStep />;
    case 'review':
      return <ReviewStep setId={setId} />;
    default:
      return <SetChoiceStep />;
  }
}
