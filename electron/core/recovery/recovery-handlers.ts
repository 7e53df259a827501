/** The recovery half of the contract: plans, runs and their steering, all through the engine. */
import type { Handlers } from '../rpc/registry';
import type { RecoveryEngine } from './engine';

type RecoveryHandlers = Pick<
  Handlers,
  'recovery.plan' | 'recovery.start' | 'runs.list' | 'runs.get' | 'runs.confirm' | 'runs.pause' | 'runs.resume' | 'runs.rollback'
>;

export function recoveryHandlers(engine: RecoveryEngine): RecoveryHandlers {
  return {
    'recovery.plan': (options) => engine.plan(options),
    'recovery.start': ({ options, acknowledge }) => engine.start(options, acknowledge),
    'runs.list': () => engine.list(),
    'runs.get': ({ runId }) => engine.get(runId),
    'runs.confirm': ({ runId, stepId, typed }) => engine.confirm(runId, stepId, typed),
    'runs.pause': ({ runId }) => engine.pause(runId),
    'runs.resume': ({ runId }) => engine.resume(runId),
    'runs.rollback': ({ runId, typed }) => engine.rollback(runId, typed),
  };
}
