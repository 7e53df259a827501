/**
 * Load on the browser door: N WebSocket clients on loopback page through the inventory while a recovery
 * runs on the Lab through the same core (zero latency). Used by the load test (correctness: every request
 * answered, the recovery succeeds, the two overlap) and by the benchmark (the p99 figure).
 * The server side (core, gateway, recovery) runs here; the clients run in a worker thread
 * (bench/load-clients.ts) with an event loop of their own, as browsers would be separate processes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { createCore } from '../electron/core/app';
import { initLab } from '../electron/core/backends/lab/lab-admin';
import { LabBackend } from '../electron/core/backends/lab/lab-backend';
import { startGateway } from '../electron/gateway/server';
import type { RunState } from '../shared/recovery';
import type { LoadClientsInput, LoadClientsMessage } from './load-clients';
import { processClock } from './measure';

export interface LoadResult {
  latencies: number[];
  failures: string[];
  answeredDuringRecovery: number;
  recoveryState: RunState;
  recoveryMs: number;
  wallMs: number;
}

let clientsCode: string | null = null;

/**
 * The worker's code, bundled once per process from its TypeScript source: this module runs both as
 * TypeScript (vitest) and inside the one-file CommonJS bench bundle, and a bundled string evaluated with
 * `eval: true` works the same in both. In the bench bundle, scripts/bench.mjs defines import.meta.dirname
 * as this folder.
 */
function loadClientsCode(): string {
  clientsCode ??=
    buildSync({
      entryPoints: [path.join(import.meta.dirname, 'load-clients.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    }).outputFiles[0]?.text ?? '';
  return clientsCode;
}

/** Starts the clients; `onUnderWay` is called once every client has had one answer. */
function startClients(
  input: LoadClientsInput,
  onUnderWay: () => void,
): { done: Promise<Extract<LoadClientsMessage, { type: 'done' }>>; stop(): Promise<number> } {
  const worker = new Worker(loadClientsCode(), { eval: true, workerData: input });
  const done = new Promise<Extract<LoadClientsMessage, { type: 'done' }>>((resolve, reject) => {
    worker.on('message', (message: LoadClientsMessage) => (message.type === 'under-way' ? onUnderWay() : resolve(message)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The load clients stopped (exit code ${code}) before reporting their latencies.`)));
  });
  return { done, stop: () => worker.terminate() };
}

export async function runGatewayLoad(clientCount: number, requestsPerClient: number): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-load-'));
  await initLab(dataDir, 'two-node-sql', false);
  const core = createCore({ backend: await LabBackend.open(dataDir, { latencyScale: 0 }), dataDir, version: 'load' });
  const gateway = await startGateway({ registry: core.registry, port: 0, staticDir: fs.mkdtempSync(path.join(dataDir, 'static-')) });
  let loadUnderWay!: () => void;
  const underWay = new Promise<void>((resolve) => (loadUnderWay = resolve));
  const clients = startClients({ port: gateway.port, token: gateway.token, clientCount, requestsPerClient }, loadUnderWay);
  try {
    // The recovery starts once every client has had an answer, so it runs in the thick of the load.
    await Promise.race([underWay, clients.done]);
    const [set] = await core.backend.listSnapshotSets();
    const recoveryAt = processClock();
    const run = await core.engine.start({ setId: set?.id ?? '' }, ['all'], { autoConfirm: true });
    const finished = await core.engine.settled(run.id);
    const recoveredAt = processClock();
    const load = await clients.done;
    return {
      latencies: load.latencies,
      failures: load.failures,
      answeredDuringRecovery: load.answeredAt.filter((at) => at >= recoveryAt && at <= recoveredAt).length,
      recoveryState: finished.state,
      recoveryMs: recoveredAt - recoveryAt,
      wallMs: Math.max(recoveredAt, ...load.answeredAt) - load.startedAt,
    };
  } finally {
    await clients.stop();
    await gateway.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
