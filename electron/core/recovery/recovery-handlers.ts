/** The recovery half of the contract: plans, runs and their steering, all through the engine. */
import type { Caller, Handlers } from '../rpc/registry';
import type { DriveOptions, RecoveryEngine } from './engine';
import { actorOf, knownActor } from './operator';

/**
 * How a request drives the run: only a caller the door vouches for (the CLI's --yes) goes through
 * destructive steps without asking, journaled as the person and door the door names.
 */
const driveOf = (caller: Caller): DriveOptions => ({ autoConfirm: caller.autoConfirm === true, actor: knownActor(caller) });

/** A decision the operator types (confirm, roll back, release): journaled with a name, which the browser must send. */
const decisionOf = (caller: Caller, named: string | undefined): DriveOptions => ({ ...driveOf(caller), actor: actorOf(caller, named) });

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
  | 'runs.release'
>;

export function recoveryHandlers(engine: RecoveryEngine): RecoveryHandlers {
  return {
    'recovery.plan': (options) => engine.plan(options),
    // An approval is a decision the operator types: journaled with a name, as a confirmation is.
    'recovery.start': ({ options, acknowledge, approval, operator }, caller) =>
      engine.start(options, acknowledge, approval === undefined ? driveOf(caller) : decisionOf(caller, operator), approval),
    'runs.list': () => engine.list(),
    'runs.get': ({ runId }) => engine.get(runId),
    'runs.settled': ({ runId }) => engine.settled(runId),
    'runs.confirm': ({ runId, stepId, typed, operator }, caller) => engine.confirm(runId, stepId, typed, decisionOf(caller, operator)),
    'runs.pause': ({ runId }) => engine.pause(runId),
    'runs.resume': ({ runId }, caller) => engine.resume(runId, driveOf(caller)),
    'runs.rollback': ({ runId, typed, operator }, caller) => engine.rollback(runId, typed, decisionOf(caller, operator)),
    'runs.release': ({ runId, typed, operator }, caller) => engine.release(runId, typed, decisionOf(caller, operator)),
  };
}
