/** The plan for the wizard's set and options, planned by the engine from the live estate (it changes nothing). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RecoveryPlan } from '../../../shared/recovery';
import { client } from '../client';
import { useContractQuery } from '../queries';
import { contractKey } from '../query-keys';
import { useWizardStore } from './wizard-store';

export function useWizardPlan(setId: string) {
  const options = useWizardStore((s) => s.options);
  return useContractQuery('recovery.plan', { setId, ...options });
}

/**
 * The same plan, kept on screen while an option change is replanned (isPlaceholderData says so), so the page holds
 * still under the operator's hand; another set's plan is never shown.
 */
export function useReplannedWizardPlan(setId: string) {
  const options = useWizardStore((s) => s.options);
  const params = { setId, ...options };
  return useQuery<RecoveryPlan, Error>({
    queryKey: contractKey('recovery.plan', params),
    queryFn: () => client.invoke('recovery.plan', params),
    placeholderData: (previous) => (previous?.setId === setId ? keepPreviousData(previous) : undefined),
  });
}
