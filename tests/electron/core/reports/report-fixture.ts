/** Recorded runs on the Lab for the report tests: one per way a run can end, journals made by the real engine. */
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import type { LabOperationName } from '../../../../electron/core/backends/lab/lab-operations';
import type { RecoveryOptionsInput } from '../../../../shared/recovery';
import { openRecovery, type RecoveryFixture } from '../recovery/recovery-fixture';

export interface RecordedRun {
  fixture: RecoveryFixture;
  runId: string;
}

type Ending = 'succeeded' | 'failed' | 'resumed' | 'rolled-back' | 'waiting';

/** Runs a recovery on a fresh Lab until it ends the way asked; a fault makes `failOn` fail once. */
export async function recordRun(
  ending: Ending,
  options: Partial<RecoveryOptionsInput> = {},
  failOn: LabOperationName = 'breakSnapshotSet',
): Promise<RecordedRun> {
  const fixture = await openRecovery();
  if (ending !== 'succeeded' && ending !== 'waiting') await armFault(fixture.dataDir, { operation: failOn, kind: 'fail', times: 1 });
  const run = await fixture.engine.start({ setId: fixture.setId, ...options }, ['all'], { autoConfirm: ending !== 'waiting' });
  await fixture.engine.settled(run.id);
  if (ending === 'resumed') await fixture.engine.resume(run.id, { autoConfirm: true });
  if (ending === 'rolled-back') await fixture.engine.rollback(run.id, 'SQLCLUS');
  await fixture.engine.settled(run.id);
  return { fixture, runId: run.id };
}
