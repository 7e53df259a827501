/** The plan for the wizard's set and options, planned by the engine from the live estate (it changes nothing). */
import { useContractQuery } from '../queries';
import { useWizardStore } from './wizard-store';

export function useWizardPlan(setId: string) {
  const options = useWizardStore((s) => s.options);
  return useContractQuery('recovery.plan', { setId, ...options });
}
