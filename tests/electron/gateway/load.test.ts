/**
 * Load (issue 9): 200 WebSocket clients on loopback page through the inventory while a recovery runs on
 * the Lab through the same core (zero latency, one process). Every request must succeed, and the 99th
 * percentile of the round-trip latency seen by the clients must stay within 100 ms.
 *
 * The estate is two-node-sql: `initLab(large)` took 2.3 s here (over the ~2 s budget the issue sets for
 * using it), and every recovery step rewrites the large state and rebuilds its inventory index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunSummary } from '../../../shared/recovery';
import { createWsChannel, type SocketLike, type WsChannel } from '../../../shared/ws-channel';
import { createCore, type Core } from '../../../electron/core/app';
import { LabBackend } from '../../../electron/core/backends/lab/lab-backend';
import { startGateway, type Gateway } from '../../../electron/gateway/server';
import { openLab, type LabFixture } from '../core/backends/lab/lab-fixture';

const CLIENTS = 200;
const REQUESTS_PER_CLIENT = 25;
const P99_BUDGET_MS = 100;

const readers = [
  { method: 'inventory.lunPage', params: (i: number) => ({ offset: (i * 3) % 8, limit: 50 }) },
  { method: 'inventory.hostPage', params: () => ({ offset: 0, limit: 50 }) },
  { method: 'inventory.snapshotPage', params: (i: number) => ({ offset: 0, limit: 50, filter: i % 2 === 0 ? '' : 'SQL' }) },
  { method: 'inventory.clusterPage', params: () => ({ offset: 0, limit: 50 }) },
] as const;

let lab: LabFixture;
let core: Core;
let gateway: Gateway;

beforeAll(async () => {
  lab = openLab('two-node-sql');
  await lab.backend.close();
  core = createCore({ backend: LabBackend.open(lab.dataDir, { latencyScale: 0 }), dataDir: lab.dataDir, version: 'load' });
  gateway = await startGateway({ registry: core.registry, port: 0, staticDir: fs.mkdtempSync(path.join(lab.dataDir, 'static-')) });
});

afterAll(async () => {
  await gateway.close();
  await core.close();
  fs.rmSync(lab.dataDir, { recursive: true, force: true });
});

function connect(): Promise<{ socket: WebSocket; channel: WsChannel }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${gateway.port}/rpc`, { headers: { cookie: `shadowswap_token=${gateway.token}` } });
    socket.once('open', () => resolve({ socket, channel: createWsChannel(socket as unknown as SocketLike) }));
    socket.once('error', reject);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

describe('the gateway under load', () => {
  it(`serves ${CLIENTS} clients × ${REQUESTS_PER_CLIENT} inventory reads during a recovery, p99 ≤ ${P99_BUDGET_MS} ms`, { timeout: 60_000 }, async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => connect()));
    // One unmeasured read of each table first, so the figures are the steady state, not the first index build.
    for (const reader of readers) expect((await clients[0]?.channel.invoke(reader.method, reader.params(0)))?.ok).toBe(true);
    const latencies: number[] = [];
    const failures: string[] = [];
    let answered = 0;
    let answeredDuringRecovery = 0;
    let recovering = false;
    let recoveryStarted!: () => void;
    const loadUnderWay = new Promise<void>((resolve) => (recoveryStarted = resolve));

    const started = performance.now();
    const load = clients.map(async ({ channel }, client) => {
      for (let i = 0; i < REQUESTS_PER_CLIENT; i += 1) {
        const reader = readers[(client + i) % readers.length] as (typeof readers)[number];
        const sent = performance.now();
        const outcome = await channel.invoke(reader.method, reader.params(client + i));
        latencies.push(performance.now() - sent);
        if (!outcome.ok) failures.push(`${reader.method}: ${outcome.error.code} ${outcome.error.message}`);
        else if ((outcome.result as { rows?: unknown[] }).rows === undefined) failures.push(`${reader.method}: no rows in the answer`);
        answered += 1;
        if (recovering) answeredDuringRecovery += 1;
        if (answered === CLIENTS) recoveryStarted();
      }
    });

    // The recovery starts once every client has had an answer, so it runs in the thick of the load.
    await loadUnderWay;
    const [set] = await core.backend.listSnapshotSets();
    const recoveryAt = performance.now();
    recovering = true;
    const run = await core.engine.start({ setId: set?.id ?? '' }, ['all'], { autoConfirm: true });
    const finished: RunSummary = await core.engine.settled(run.id);
    recovering = false;
    const recoveryMs = performance.now() - recoveryAt;
    await Promise.all(load);
    const wallMs = performance.now() - started;
    for (const { socket } of clients) socket.close();

    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    console.log(
      `load: ${CLIENTS} clients × ${REQUESTS_PER_CLIENT} = ${latencies.length} requests in ${wallMs.toFixed(0)} ms ` +
        `(${((latencies.length / wallMs) * 1000).toFixed(0)} req/s); latency p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms; ` +
        `recovery ${finished.state} in ${recoveryMs.toFixed(0)} ms with ${answeredDuringRecovery} answers served meanwhile; errors ${failures.length}`,
    );

    expect(failures).toEqual([]);
    expect(latencies).toHaveLength(CLIENTS * REQUESTS_PER_CLIENT);
    expect(finished.state).toBe('succeeded');
    // The recovery really overlapped the load (else this measured reads alone). Soft, so that both this and
    // the latency budget are reported when they fail together.
    expect.soft(answeredDuringRecovery, 'inventory answers served while the recovery ran').toBeGreaterThan(0);
    expect.soft(p99, 'p99 latency in ms').toBeLessThanOrEqual(P99_BUDGET_MS);
  });
});
