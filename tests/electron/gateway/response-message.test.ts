import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { markShared } from '../../../electron/core/rpc/shared-results';
import { responseMessage } from '../../../electron/gateway/response-message';
import { startGateway, type Gateway } from '../../../electron/gateway/server';
import type { Registry } from '../../../electron/core/rpc/registry';

const joined = (parts: ReadonlyArray<string | Buffer>) => parts.map((part) => part.toString()).join('');

describe('responseMessage', () => {
  it('answers a shared result with its serialised bytes, reused for every request until the view is replaced', () => {
    const view = markShared([
      { id: 'lun-1', name: 'SQL-DATA' },
      { id: 'lun-2', name: 'SQL-LOG "quoted"' },
    ]);
    const first = responseMessage(1, { ok: true, result: view });
    const second = responseMessage(2, { ok: true, result: view });
    expect(JSON.parse(joined(first))).toEqual({ type: 'response', id: 1, ok: true, result: view });
    expect(JSON.parse(joined(second))).toEqual({ type: 'response', id: 2, ok: true, result: view });
    expect(second[1]).toBe(first[1]);

    const replaced = markShared([{ id: 'lun-1', name: 'SQL-DATA (recovered)' }]);
    expect(JSON.parse(joined(responseMessage(3, { ok: true, result: replaced }))).result).toEqual(replaced);
  });

  it('serialises other results and errors whole, every time', () => {
    const fresh = [{ id: 'lun-1' }];
    const message = responseMessage(4, { ok: true, result: fresh });
    expect(message).toHaveLength(1);
    fresh.push({ id: 'lun-2' });
    expect(JSON.parse(joined(responseMessage(5, { ok: true, result: fresh }))).result).toHaveLength(2);
    const error = { code: 'NOT_FOUND', message: 'No LUN lun-9.' } as const;
    expect(JSON.parse(joined(responseMessage(6, { ok: false, error })))).toEqual({ type: 'response', id: 6, ok: false, error });
  });

  it('freezes a shared list, so no caller can change what the others see', () => {
    const view = markShared([3, 1, 2]);
    expect(() => view.sort()).toThrow(TypeError);
  });
});

describe('a shared result through the gateway', () => {
  let current = markShared([{ id: 'lun-1', state: 'damaged' }]);
  const registry: Registry = { invoke: async () => ({ ok: true, result: current }), subscribe: () => () => undefined };
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ registry, port: 0, staticDir: '/nonexistent' });
  });
  afterAll(() => gateway.close());

  function request(socket: WebSocket, id: number): Promise<{ text: string; isBinary: boolean }> {
    return new Promise((resolve) => {
      socket.once('message', (data, isBinary) => resolve({ text: data.toString(), isBinary }));
      socket.send(JSON.stringify({ type: 'request', id, method: 'inventory.luns', params: {} }));
    });
  }

  it('arrives as one text message, whole, for every client, and follows the state when the view is replaced', async () => {
    const sockets = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const socket = new WebSocket(`ws://127.0.0.1:${gateway.port}/rpc`, {
              headers: { cookie: `shadowswap_token=${gateway.token}` },
            });
            socket.once('open', () => resolve(socket));
            socket.once('error', reject);
          }),
      ),
    );
    for (const [index, socket] of sockets.entries()) {
      const answer = await request(socket, index + 10);
      expect(answer.isBinary).toBe(false);
      expect(JSON.parse(answer.text)).toEqual({ type: 'response', id: index + 10, ok: true, result: [{ id: 'lun-1', state: 'damaged' }] });
    }
    current = markShared([{ id: 'lun-1', state: 'healthy' }]);
    expect(JSON.parse((await request(sockets[0] as WebSocket, 20)).text).result).toEqual([{ id: 'lun-1', state: 'healthy' }]);
    for (const socket of sockets) socket.close();
  });
});
