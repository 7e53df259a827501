/**
 * Run in a child process by crash.test.ts and lab-store.test.ts: opens the Lab in a data directory and runs one Backend
 * operation, so an armed crash fault really ends a process. Usage: node driver.cjs DIR OPERATION PARAMS_JSON
 */
import { LabBackend } from '../../../../../electron/core/backends/lab/lab-backend';
import { FIXED_NOW } from './lab-fixture';

const [dataDir, operation, params] = process.argv.slice(2);
async function main(): Promise<void> {
  const backend = await LabBackend.open(dataDir ?? '', { latencyScale: 0, now: () => FIXED_NOW });
  const method = (backend as unknown as Record<string, (p: unknown) => Promise<unknown>>)[operation ?? ''];
  if (!method) throw new Error(`no operation ${operation}`);
  await method.call(backend, JSON.parse(params ?? '{}'));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
