/**
 * The load generator of bench/gateway-load.ts, run in a worker thread: like real browsers, the clients
 * must not share the event loop of the server they measure, or the figure counts their own work as the
 * server's latency. Connects N clients, has each make its paged inventory reads, says when every client
 * has had one answer (the moment to start the recovery), and reports every latency at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { createWsChannel, type SocketLike, type WsChannel } from '../shared/ws-channel';
import { tokenCookieName } from '../electron/gateway/token';
import { processClock } from './measure';

export interface LoadClientsInput {
  port: number;
  token: string;
  clientCount: number;
  requestsPerClient: number;
}

export type LoadClientsMessage =
  | { type: 'under-way' }
  | {
      type: 'done';
      latencies: number[];
      /** When each answer arrived, on the clock both threads share (see processClock). */
      answeredAt: number[];
      failures: string[];
      startedAt: number;
    };

const readers = [
  { method: 'inventory.lunPage', params: (i: number) => ({ offset: (i * 3) % 8, limit: 50 }) },
  { method: 'inventory.hostPage', params: () => ({ offset: 0, limit: 50 }) },
  { method: 'inventory.snapshotPage', params: (i: number) => ({ offset: 0, limit: 50, filter: i % 2 === 0 ? '' : 'SQL' }) },
  { method: 'inventory.clusterPage', params: () => ({ offset: 0, limit: 50 }) },
] as const;

async function runClients(
  { port, token, clientCount, requestsPerClient }: LoadClientsInput,
  post: (message: LoadClientsMessage) => void,
): Promise<void> {
  const connect = () =>
    new Promise<{ socket: WebSocket; channel: WsChannel }>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`, { headers: { cookie: `${tokenCookieName(port)}=${token}` } });
      socket.once('open', () => resolve({ socket, channel: createWsChannel(socket as unknown as SocketLike) }));
      socket.once('error', reject);
    });
  const clients = await Promise.all(Array.from({ length: clientCount }, () => connect()));
  // One unmeasured read of each table first, so the figures are the steady state, not the first index build.
  for (const reader of readers) await clients[0]?.channel.invoke(reader.method, reader.params(0));
  const latencies: number[] = [];
  const answeredAt: number[] = [];
  const failures: string[] = [];

  const startedAt = processClock();
  await Promise.all(
    clients.map(async ({ channel }, client) => {
      for (let i = 0; i < requestsPerClient; i += 1) {
        const reader = readers[(client + i) % readers.length] as (typeof readers)[number];
        const sent = performance.now();
        const outcome = await channel.invoke(reader.method, reader.params(client + i));
        latencies.push(performance.now() - sent);
        answeredAt.push(processClock());
        if (!outcome.ok) failures.push(`${reader.method}: ${outcome.error.code} ${outcome.error.message}`);
        else if ((outcome.result as { rows?: unknown[] }).rows === undefined) failures.push(`${reader.method}: no rows in the answer`);
        if (answeredAt.length === clientCount) post({ type: 'under-way' });
      }
    }),
  );
  for (const { socket } of clients) socket.close();
  post({ type: 'done', latencies, answeredAt, failures, startedAt });
}

// A failure rejects here and, unhandled, ends the worker with an 'error' event the main thread reports.
void runClients(workerData as LoadClientsInput, (message) => parentPort?.postMessage(message));
