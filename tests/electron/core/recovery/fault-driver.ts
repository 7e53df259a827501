/**
 * Run in a child process by fault-matrix.test.ts, so an injected crash really ends a process: starts a
 * recovery of the estate's first set and arms a fault just before one step.
 * Usage: node fault-driver.cjs DATA_DIR STEP_INDEX FAULT_JSON
 */
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { LabBackend } from '../../../../electron/core/backends/lab/lab-backend';
import { RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { FIXED_NOW } from '../backends/lab/lab-fixture';
import { runIntoFault } from './fault-run';

const [dataDir = '', stepIndex = '0', fault = '{}'] = process.argv.slice(2);

async function main(): Promise<void> {
  const backend = await LabBackend.open(dataDir, { latencyScale: 0, now: () => FIXED_NOW });
  const bus = new EventBus();
  const engine = new RecoveryEngine({ backend, dataDir, bus, operator: 'tester', machine: 'testbox' });
  const [set] = await backend.listSnapshotSets();
  const summary = await runIntoFault(engine, bus, dataDir, set?.id ?? '', Number(stepIndex), JSON.parse(fault));
  // Reaching here means the crash did not happen: the test reports the state it ended in.
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
