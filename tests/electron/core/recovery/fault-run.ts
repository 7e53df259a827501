/**
 * Starts a recovery that meets an injected Lab fault at one chosen step: the fault is armed the moment
 * every step before it is done, so an operation shared by several steps (setLunMask) fails in the step
 * under test and not earlier. Used in-process by fault-matrix.test.ts and in a child by fault-driver.ts.
 */
import type { RunSummary } from '../../../../shared/recovery';
import type { EventBus } from '../../../../electron/core/rpc/event-bus';
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import type { FaultRequest } from '../../../../electron/core/backends/lab/faults';
import type { RecoveryEngine } from '../../../../electron/core/recovery/engine';

export async function runIntoFault(
  engine: RecoveryEngine,
  bus: EventBus,
  dataDir: string,
  setId: string,
  stepIndex: number,
  fault: FaultRequest,
): Promise<RunSummary> {
  // The Lab's next operation reads the state after this process's queued writes, so it meets the fault.
  let arming: Promise<string> | null = null;
  const stop = bus.subscribe((event, payload) => {
    if (arming !== null || event !== 'run.updated') return;
    if ((payload as RunSummary).stepsDone === stepIndex) arming = armFault(dataDir, { ...fault, times: 1 });
  });
  try {
    const run = await engine.start({ setId }, ['all'], { autoConfirm: true });
    return await engine.settled(run.id);
  } finally {
    stop();
    await arming;
  }
}
