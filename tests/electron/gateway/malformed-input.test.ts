/**
 * Issue 14, section 1: nothing a client sends may end the gateway, which may be driving a recovery. A corpus of
 * malformed request lines, headers, cookies and WebSocket frames goes over raw sockets while a Lab
 * recovery started through the gateway waits at its first destructive step; then the same gateway must
 * still serve the page and the contract, and the recovery must finish.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../electron/core/app';
import { initLab } from '../../../electron/core/backends/lab/lab-admin';
import { LabBackend } from '../../../electron/core/backends/lab/lab-backend';
import type { EventListener } from '../../../electron/core/rpc/event-bus';
import { startGateway, type Gateway } from '../../../electron/gateway/server';
import { MAX_REQUEST_BYTES } from '../../../shared/limits';
import { createClient, type ContractClient } from '../../../shared/rpc';
import { createWsChannel, type SocketLike } from '../../../shared/ws-channel';
import { diskshadowListing } from '../../fixtures/windows/generate-listings';
import { rawHttp, rawWebSocket, wsFrame } from './raw-client';

let core: Core;
let gateway: Gateway;
let dataDir: string;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-gw-malformed-'));
  await initLab(dataDir, 'two-node-sql', false);
  const staticDir = fs.mkdtempSync(path.join(dataDir, 'static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ShadowSwap</title>');
  core = createCore({ backend: await LabBackend.open(dataDir, { latencyScale: 0 }), dataDir, version: 'test' });
  gateway = await startGateway({ registry: core.registry, port: 0, staticDir, log: (line) => logged.push(line) });
});

afterAll(async () => {
  await gateway.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openClient(): Promise<{ client: ContractClient; socket: WebSocket }> {
  const socket = new WebSocket(`ws://127.0.0.1:${gateway.port}/rpc`, { headers: { cookie: `${gateway.cookieName}=${gateway.token}` } });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { client: createClient(createWsChannel(socket as unknown as SocketLike)), socket };
}

const get = (target: string, headers: string[] = ['Host: 127.0.0.1']) => `GET ${target} HTTP/1.1\r\n${[...headers, '', ''].join('\r\n')}`;

/** [what, raw request, the statuses it may get, whether it is an error the log must show once]. */
function httpCorpus(): Array<[string, string, number[], boolean]> {
  const cookie = gateway.cookieName;
  return [
    ['"//" as the request target', get('//'), [400], true],
    ['a protocol-relative target with the token', get(`//evil.example/?token=${gateway.token}`), [400], true],
    ['an absolute-form target', get('http://evil.example/'), [400], true],
    ['an asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', [400], true],
    ['a backslash target', get('/\\evil.example/'), [400], true],
    ['a line that is not HTTP', 'GARBAGE\r\n\r\n', [400], true],
    ['a NUL in the target', get('/\0'), [400], true],
    ['a header without a colon', get('/', ['Host 127.0.0.1']), [400], true],
    ['a header larger than Node accepts', get('/', ['Host: 127.0.0.1', `X-Big: ${'a'.repeat(20_000)}`]), [431], true],
    ['a Content-Length that is not a number', get('/', ['Host: 127.0.0.1', 'Content-Length: abc']), [400], true],
    ['two different Content-Lengths', get('/', ['Host: 127.0.0.1', 'Content-Length: 1', 'Content-Length: 2']), [400], true],
    ['a planted cookie that is not percent-encoding', get('/', ['Host: 127.0.0.1', `Cookie: ${cookie}=%E0%A4%A`]), [401], false],
    ['a cookie without a value', get('/', ['Host: 127.0.0.1', `Cookie: ${cookie}`]), [401], false],
    ['an empty cookie header', get('/', ['Host: 127.0.0.1', 'Cookie: ;;=;']), [401], false],
    ['a rebound host name', get('/', ['Host: evil.example', `Cookie: ${cookie}=${gateway.token}`]), [421], false],
    ['no Host header', get('/', [`Cookie: ${cookie}=${gateway.token}`]), [400, 421], false],
    [
      'a WebSocket upgrade to "//"',
      get('//', ['Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: x', 'Sec-WebSocket-Version: 13']),
      [401],
      false,
    ],
    [
      'a WebSocket upgrade with a malformed cookie',
      get('/rpc', [
        'Host: 127.0.0.1',
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        `Cookie: ${cookie}=%E0%A4%A`,
      ]),
      [401],
      false,
    ],
    [
      'a WebSocket upgrade with the token but no key',
      get('/rpc', ['Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade', `Cookie: ${cookie}=${gateway.token}`]),
      [400],
      false,
    ],
  ];
}

const text = (value: string) => Buffer.from(value);
const wsCorpus: Array<[string, Buffer[]]> = [
  ['a reserved data opcode', [wsFrame({ opcode: 0x3, payload: text('x') })]],
  ['a reserved control opcode', [wsFrame({ opcode: 0xb })]],
  ['a text frame that is not UTF-8', [wsFrame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28, 0xff, 0xfe]) })]],
  ['a frame declaring more than the request limit', [wsFrame({ opcode: 0x1, length: MAX_REQUEST_BYTES + 1, payload: text('{') })]],
  ['a frame declaring 2^53 bytes', [wsFrame({ opcode: 0x2, length: 2 ** 53 - 1, payload: text('x') })]],
  ['an unmasked client frame', [wsFrame({ opcode: 0x1, payload: text('{}'), masked: false })]],
  ['RSV1 without a negotiated extension', [wsFrame({ opcode: 0x1, payload: text('{}'), rsv1: true })]],
  ['a continuation with nothing to continue', [wsFrame({ opcode: 0x0, payload: text('x') })]],
  ['a ping longer than a control frame may be', [wsFrame({ opcode: 0x9, payload: Buffer.alloc(126) })]],
  ['a fragmented ping', [wsFrame({ opcode: 0x9, fin: false, payload: text('x') })]],
  ['a close frame with a reserved code', [wsFrame({ opcode: 0x8, payload: Buffer.from([0x03, 0xed]) })]],
  ['text that is not JSON', [wsFrame({ opcode: 0x1, payload: text('{"type":"request",') })]],
  ['JSON that is not a request frame', [wsFrame({ opcode: 0x1, payload: text('{"type":"request","id":-1}') })]],
];

describe('the gateway under malformed input', () => {
  it(
    'answers or closes every malformed request, logs each error once, keeps serving, and a running recovery finishes',
    { timeout: 60_000 },
    async () => {
      const { client, socket } = await openClient();
      const [set] = await client.invoke('inventory.snapshots', {});
      const run = await client.invoke('recovery.start', { options: { setId: set?.id ?? '' }, acknowledge: ['all'] });
      await vi.waitFor(async () => expect((await client.invoke('runs.get', { runId: run.id })).state).toBe('waiting-confirmation'));

      for (const [what, request, statuses, isError] of httpCorpus()) {
        const before = logged.length;
        const answer = await rawHttp(gateway.port, request);
        expect(statuses, `${what}: answered ${answer.status}`).toContain(answer.status);
        if (isError) expect(logged.slice(before), what).toHaveLength(1);
      }
      for (const [what, frames] of wsCorpus) {
        const before = logged.length;
        const outcome = await rawWebSocket(gateway.port, `${gateway.cookieName}=${gateway.token}`, frames);
        expect(outcome, what).toEqual({ upgraded: true, closed: true });
        await vi.waitFor(() => expect(logged.slice(before), what).toHaveLength(1));
      }

      // The same gateway still serves the page and the contract...
      const page = await fetch(`http://127.0.0.1:${gateway.port}/`, { headers: { cookie: `${gateway.cookieName}=${gateway.token}` } });
      expect(page.status).toBe(200);
      // ...and the recovery started before the corpus goes on to the end, confirmed through the gateway.
      for (;;) {
        const detail = await client.invoke('runs.get', { runId: run.id });
        if (detail.state === 'succeeded') break;
        expect(['running', 'waiting-confirmation']).toContain(detail.state);
        if (detail.state === 'waiting-confirmation' && detail.attentionStepId !== null) {
          const step = detail.plan.steps.find((s) => s.id === detail.attentionStepId);
          await client.invoke('runs.confirm', {
            runId: run.id,
            stepId: detail.attentionStepId,
            typed: step?.confirmPhrase ?? '',
            operator: 'Corpus Operator',
          });
        } else await new Promise((resolve) => setTimeout(resolve, 20));
      }
      socket.close();
    },
  );

  it(
    'carries saved output larger than one old frame (1.6 MB) and refuses one over the shared limit before sending',
    { timeout: 60_000 },
    async () => {
      const { client, socket } = await openClient();
      const log = diskshadowListing(900);
      expect(log.length).toBeGreaterThan(1.6 * 1024 * 1024);
      const listing = await client.invoke('parse.savedOutput', { tool: 'diskshadow', text: log });
      expect(listing.shadowCopies).toHaveLength(2700);

      const tooLarge = 'x'.repeat(MAX_REQUEST_BYTES + 1);
      await expect(client.invoke('parse.savedOutput', { tool: 'diskshadow', text: tooLarge })).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        message: expect.stringContaining('one console request carries at most 32.0 MB'),
      });
      // Refused on this side: the connection is still open for the next request.
      expect((await client.invoke('inventory.luns', {})).length).toBeGreaterThan(0);
      socket.close();
    },
  );

  it('refuses saved output over the limit in the contract too, with the same explanation (the Electron door has no frame limit)', async () => {
    const outcome = await core.registry.invoke('parse.savedOutput', { tool: 'diskshadow', text: '\n'.repeat(MAX_REQUEST_BYTES / 2) });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('one console request carries at most 32.0 MB');
  });
});

describe('a console that never reads', () => {
  it('is disconnected once its unsent output passes the limit, instead of growing the server', { timeout: 60_000 }, async () => {
    let emit: EventListener = () => undefined;
    const registry = { invoke: core.registry.invoke, subscribe: (listener: EventListener) => ((emit = listener), () => undefined) };
    const lines: string[] = [];
    const small = await startGateway({
      registry,
      port: 0,
      staticDir: dataDir,
      log: (line) => lines.push(line),
      maxBufferedBytes: 1024 * 1024,
    });
    try {
      const stalled = await stalledWebSocket(small);
      const payload = { reason: 'x'.repeat(64 * 1024) };
      for (let turn = 0; turn < 4000 && !lines.some((line) => line.includes('stopped reading')); turn += 1) {
        emit('inventory.changed', payload);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(lines.filter((line) => line.includes('stopped reading'))).toHaveLength(1);
      stalled.destroy();
    } finally {
      await small.close();
    }
  });
});

/** A WebSocket that completes its handshake and then never reads another byte. */
async function stalledWebSocket(target: Gateway): Promise<import('node:net').Socket> {
  const socket = new WebSocket(`ws://127.0.0.1:${target.port}/rpc`, { headers: { cookie: `${target.cookieName}=${target.token}` } });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const raw = (socket as unknown as { _socket: import('node:net').Socket })._socket;
  raw.pause();
  raw.removeAllListeners('data');
  return raw;
}
