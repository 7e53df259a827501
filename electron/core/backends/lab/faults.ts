/**
 * The persisted fault table: faults an operator or a test arms against named operations. A fault is
 * consumed when the operation runs (and dropped when it has no uses left), so `--times 1` fails once.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import { isLabOperation, labOperations, type LabOperationName } from './lab-operations';
import type { FaultKind, LabFault, LabState } from './lab-model';
import { windowsFailure } from './windows-errors';

/** The exit code of a process killed by an injected crash, so a test or a drill can tell it apart. */
export const LAB_CRASH_EXIT_CODE = 86;

export interface FaultRequest {
  operation: string;
  kind: FaultKind;
  times?: number | null;
  ms?: number;
  crashPoint?: 'before' | 'after';
  /** Runs of the operation let through before the fault fires: 2 fails the third disk of a batch of four. */
  skip?: number;
}

export function addFault(state: LabState, request: FaultRequest): LabFault {
  if (!isLabOperation(request.operation)) {
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `"${request.operation}" is not an operation a fault can target. See: shadowswap lab fault ops.`,
    );
  }
  const spec = labOperations[request.operation];
  if (!spec.faultKinds.includes(request.kind)) {
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `${request.operation} cannot take a "${request.kind}" fault (it has no separate targets to split). It accepts: ${spec.faultKinds.join(', ')}.`,
    );
  }
  if (request.times !== undefined && request.times !== null && !(Number.isInteger(request.times) && request.times > 0)) {
    throw new ShadowSwapError('INVALID_REQUEST', `--times must be a whole number of 1 or more, not ${request.times}.`);
  }
  const ms = request.ms ?? 0;
  if (!(Number.isInteger(ms) && ms >= 0))
    throw new ShadowSwapError('INVALID_REQUEST', `--ms must be a whole number of milliseconds, not ${ms}.`);
  const skip = request.skip ?? 0;
  if (!(Number.isInteger(skip) && skip >= 0))
    throw new ShadowSwapError('INVALID_REQUEST', `--skip must be a whole number of 0 or more, not ${skip}.`);
  if (request.kind === 'delay' && ms === 0) throw new ShadowSwapError('INVALID_REQUEST', 'A delay fault needs --ms N (how long to add).');
  const fault: LabFault = {
    id: Math.max(0, ...state.faults.map((f) => f.id)) + 1,
    operation: request.operation,
    kind: request.kind,
    remaining: request.times ?? null,
    ms,
    crashPoint: request.crashPoint ?? 'after',
    skip,
  };
  state.faults.push(fault);
  return fault;
}

export function describeFault(fault: LabFault): string {
  const what = {
    fail: `fails with ${labOperations[fault.operation as LabOperationName]?.failsWith ?? 'an error'}`,
    delay: `takes ${fault.ms} ms longer`,
    crash: `kills the process ${fault.crashPoint} its effect is saved`,
    partial: 'reaches only some of its targets',
  }[fault.kind];
  const after = fault.skip > 0 ? ` after ${fault.skip} more run(s)` : '';
  return `#${fault.id} ${fault.operation} ${what}${after}, ${fault.remaining === null ? 'every time' : `${fault.remaining} more time(s)`}`;
}

/** The extra delay an armed delay fault adds to the next run of this operation (read before the lock). */
export function armedDelayMs(state: LabState, operation: LabOperationName): number {
  const fault = state.faults.find((f) => f.operation === operation);
  return fault?.kind === 'delay' && fault.skip === 0 ? fault.ms : 0;
}

/** Takes one use of the first fault armed for the operation; the caller saves the state. */
export function takeFault(state: LabState, operation: LabOperationName): LabFault | null {
  const index = state.faults.findIndex((f) => f.operation === operation);
  const fault = state.faults[index];
  if (!fault) return null;
  if (fault.skip > 0) {
    fault.skip -= 1;
    return null;
  }
  if (fault.remaining !== null) {
    if (fault.remaining <= 1) state.faults.splice(index, 1);
    else fault.remaining -= 1;
  }
  return fault;
}

export function injectedFailure(operation: LabOperationName): ShadowSwapError {
  return windowsFailure(
    labOperations[operation].failsWith,
    // In operator words (the summary), with the operation's name for "shadowswap lab fault list".
    `The Lab refused to ${labOperations[operation].summary.replace(/ \(.*\)$/, '')} on purpose, as the real tool fails (a fault injected with "shadowswap lab fault add --op ${operation}"). Check the inventory, then retry when the cause is fixed`,
  );
}
