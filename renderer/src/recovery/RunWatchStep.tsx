/** Step 5: the run, live. It moves on to the results by itself when the run succeeds. */
import { Button } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useContractQuery } from '../queries';
import { RunTimeline } from './RunTimeline';
import { WizardFooter } from './WizardFooter';
import { useUiStore } from '../ui-store';
import { wizardRoute } from '../routes';
import { useWizardStore } from './wizard-store';
import { SectionTitle } from './titles';

export function RunWatchStep({ runId }: { runId: string }) {
  const state = useContractQuery('runs.get', { runId }).data?.state;
  const reset = useWizardStore((s) => s.reset);
  const navigate = useUiStore((s) => s.navigate);
  useEffect(() => {
    // The run's URL moves on to its results: Back from them is the page before the run, not a finished timeline.
    if (state === 'succeeded') navigate(wizardRoute('done', null, runId), { replace: true });
  }, [state, navigate, runId]);
  return (
    <section aria-labelledby="wizard-run-heading">
      <SectionTitle id="wizard-run-heading">Recovery run</SectionTitle>
      <RunTimeline runId={runId} />
      {state === 'rolled-back' && (
        <WizardFooter>
          <Button appearance="primary" onClick={reset}>
            Start a new recovery
          </Button>
        </WizardFooter>
      )}
    </section>
  );
}
