/**
 * Load on the browser door: N WebSocket clients on loopback page through the inventory while a recovery
 * runs on the Lab through the same core (zero latency, one process). Used by the load test (correctness:
 * every request answered, the recovery succeeds, the two overlap) and by the benchmark (the p99 figure).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createCore } from '../electron/core/app';
import { initLab } from '../electron/core/backends/lab/lab-admin';
import { LabBackend } from '../electron/core/backends/lab/lab-backend';
import { startGateway } from '../electron/gateway/server';
import type { RunState } from '../shared/recovery';
import { createWsChannel, type SocketLike, type WsChannel } from '../shared/ws-channel';

const readers = [
  { method: 'inventory.lunPage', params: (i: number) => ({ offset: (i * 3) % 8, limit: 50 }) },
  { method: 'inventory.hostPage', params: () => ({ offset: 0, limit: 50 }) },
  { method: 'inventory.snapshotPage', params: (i: number) => ({ offset: 0, limit: 50, filter: i % 2 === 0 ? '' : 'SQL' }) },
  { method: 'inventory.clusterPage', params: () => ({ offset: 0, limit: 50 }) },
] as const;

export interface LoadResult {
  latencies: number[];
  failures: string[];
  answeredDuringRecovery: number;
  recoveryState: RunState;
  recoveryMs: number;
  wallMs: number;
}

export async function runGatewayLoad(clientCount: number, requestsPerClient: number): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-load-'));
  initLab(dataDir, 'two-node-sql', false);
  const core = createCore({ backend: LabBackend.open(dataDir, { latencyScale: 0 }), dataDir, version: 'load' });
  const gateway = await startGateway({ registry: core.registry, port: 0, staticDir: fs.mkdtempSync(path.join(dataDir, 'static-')) });
  const connect = () =>
    new Promise<{ socket: WebSocket; channel: WsChannel }>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${gateway.port}/rpc`, { headers: { cookie: `shadowswap_token=${gateway.token}` } });
      socket.once('open', () => resolve({ socket, channel: createWsChannel(socket as unknown as SocketLike) }));
      socket.once('error', reject);
    });
  try {
    const clients = await Promise.all(Array.from({ length: clientCount }, () => connect()));
    // One unmeasured read of each table first, so the figures are the steady state, not the first index build.
    for (const reader of readers) await clients[0]?.channel.invoke(reader.method, reader.params(0));
    const latencies: number[] = [];
    const failures: string[] = [];
    let answered = 0;
    let answeredDuringRecovery = 0;
    let recovering = false;
    let loadUnderWay!: () => void;
    const underWay = new Promise<void>((resolve) => (loadUnderWay = resolve));

    const started = performance.now();
    const load = clients.map(async ({ channel }, client) => {
      for (let i = 0; i < requestsPerClient; i += 1) {
        const reader = readers[(client + i) % readers.length] as (typeof readers)[number];
        const sent = performance.now();
        const outcome = await channel.invoke(reader.method, reader.params(client + i));
        latencies.push(performance.now() - sent);
        if (!outcome.ok) failures.push(`${reader.method}: ${outcome.error.code} ${outcome.error.message}`);
        else if ((outcome.result as { rows?: unknown[] }).rows === undefined) failures.push(`${reader.method}: no rows in the answer`);
        answered += 1;
        if (recovering) answeredDuringRecovery += 1;
        if (answered === clientCount) loadUnderWay();
      }
    });

    // The recovery starts once every client has had an answer, so it runs in the thick of the load.
    await underWay;
    const [set] = await core.backend.listSnapshotSets();
    const recoveryAt = performance.now();
    recovering = true;
    const run = await core.engine.start({ setId: set?.id ?? '' }, ['all'], { autoConfirm: true });
    const finished = await core.engine.settled(run.id);
    recovering = false;
    const recoveryMs = performance.now() - recoveryAt;
    await Promise.all(load);
    const wallMs = performance.now() - started;
    for (const { socket } of clients) socket.close();
    return { latencies, failures, answeredDuringRecovery, recoveryState: finished.state, recoveryMs, wallMs };
  } finally {
    await gateway.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
