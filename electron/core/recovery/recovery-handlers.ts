/** The recovery half of the contract: plans, runs and their steering, all through the engine. */
import type { Caller, Handlers } from '../rpc/registry';
import type { DriveOptions, RecoveryEngine } from './engine';

/** Only a caller the door vouches for (the CLI's --yes) drives through destructive steps without asking. */
const driveOf = (caller: Caller): DriveOptions => ({ autoConfirm: caller.autoConfirm === true });

type RecoveryHandlers = Pick<
  Handlers,
  | 'recovery.plan'
  | 'recovery.start'
  | 'runs.list'
  | 'runs.get'
  | 'runs.settled'
  | 'runs.confirm'
  | 'runs.pause'
  | 'runs.resume'
  | 'runs.rollback'
>;

export function recoveryHandlers(engine: RecoveryEngine): RecoveryHandlers {
  return {
    'recovery.plan': (options) => engine.plan(options),
    'recovery.start': ({ options, acknowledge }, caller) => engine.start(options, acknowledge, driveOf(caller)),
    'runs.list': () => engine.list(),
    'runs.get': ({ runId }) => engine.get(runId),
    'runs.settled': ({ runId }) => engine.settled(runId),
    'runs.confirm': ({ runId, stepId, typed }, caller) => engine.confirm(runId, stepId, typed, driveOf(caller)),
    'runs.pause': ({ runId }) => engine.pause(runId),
    'runs.resume': ({ runId }, caller) => engine.resume(runId, driveOf(caller)),
    'runs.rollback': ({ runId, typed }, caller) => engine.rollback(runId, typed, driveOf(caller)),
  };
}
