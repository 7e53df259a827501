/** The calls that start or steer a run; each answers the run's summary, which goes straight into the cache. */
import { useQueryClient } from '@tanstack/react-query';
import { useContractMutation } from '../queries';
import { rememberRunSummary } from './run-cache';

type RunSteering = 'recovery.start' | 'runs.confirm' | 'runs.pause' | 'runs.resume' | 'runs.rollback' | 'runs.release';

export function useRunAction<M extends RunSteering>(method: M) {
  const queryClient = useQueryClient();
  return useContractMutation(method, (summary) => rememberRunSummary(queryClient, summary));
}
