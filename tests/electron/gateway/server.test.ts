import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../electron/core/app';
import { LabBackend } from '../../../electron/core/backends/lab/lab-backend';
import type { EventListener } from '../../../electron/core/rpc/event-bus';
import { startGateway, type Gateway } from '../../../electron/gateway/server';
import { createClient } from '../../../shared/rpc';
import { createWsChannel, type SocketLike } from '../../../shared/ws-channel';

let core: Core;
let gateway: Gateway;
let base: string;
let staticDir: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-gw-'));
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ShadowSwap</title>');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'ss-secret.txt'), 'outside the renderer folder');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-CuXUdPa0.js'), 'export {};');
  fs.writeFileSync(path.join(staticDir, 'assets', 'unhashed.js'), 'export {};');
  core = createCore({ backend: await LabBackend.open(dataDir), dataDir, version: 'test' });
  gateway = await startGateway({ registry: core.registry, port: 0, staticDir });
  base = `http://127.0.0.1:${gateway.port}`;
});

afterAll(async () => {
  await gateway.close();
  await core.close();
});

const cookie = () => `${gateway.cookieName}=${gateway.token}`;

function connect(
  headers: Record<string, string>,
  url = `ws://127.0.0.1:${gateway.port}/rpc`,
): Promise<{ socket: WebSocket; status: number | null }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ socket, status: 101 }));
    socket.once('unexpected-response', (_request, response) => resolve({ socket, status: response.statusCode ?? null }));
    socket.once('error', () => resolve({ socket, status: null }));
  });
}

describe('gateway', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(gateway.url).toBe(`http://127.0.0.1:${gateway.port}/?token=${gateway.token}`);
    expect(gateway.loopback).toBe(true);
    expect(gateway.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 without the token, and with a wrong one', async () => {
    for (const url of [`${base}/`, `${base}/index.html`, `${base}/?token=wrong`, `${base}/?token=${gateway.token.slice(0, -1)}`]) {
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status, url).toBe(401);
      expect(await response.text()).toContain('shadowswap serve');
    }
  });

  it('moves the token from the URL into an HttpOnly cookie, then serves the page', async () => {
    const first = await fetch(gateway.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toMatch(/^shadowswap_token_\d+=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
    const page = await fetch(`${base}/`, { headers: { cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>ShadowSwap</title>');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets the browser keep content-hashed assets, and nothing else', async () => {
    const get = (target: string, headers: Record<string, string> = { cookie: cookie() }) =>
      fetch(`${base}${target}`, { headers, redirect: 'manual' });
    // A new build has new names: an asset named by its content never changes, so a reload need not ask again.
    const asset = await get('/assets/index-CuXUdPa0.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(asset.headers.get('set-cookie')).toBeNull();
    // The page names the current build's assets; the token's redirect and every refusal carry the token or
    // depend on it: none of them may be kept.
    expect((await get('/')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/assets/unhashed.js')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/assets/missing-AbCdEf12.js')).headers.get('cache-control')).toBe('no-store');
    expect((await get(new URL(gateway.url).pathname + new URL(gateway.url).search, {})).headers.get('cache-control')).toBe('no-store');
    expect((await get('/assets/index-CuXUdPa0.js', {})).headers.get('cache-control')).toBe('no-store');
  });

  it('refuses HTTP requests under a rebound host name, even with the token', async () => {
    const response = await new Promise<number>((resolve) => {
      const request = http.get(
        { host: '127.0.0.1', port: gateway.port, path: '/', headers: { host: 'evil.example', cookie: cookie() } },
        (res) => resolve(res.statusCode ?? 0),
      );
      request.end();
    });
    expect(response).toBe(421);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const probe of ['/../ss-secret.txt', '/%2e%2e/ss-secret.txt', '/..%2fss-secret.txt', '/%2e%2e%5css-secret.txt']) {
      const response = await fetch(`${base}${probe}`, { headers: { cookie: cookie() } });
      expect(response.status, probe).toBe(404);
    }
  });

  it('refuses a WebSocket without the token, from a foreign origin, or under a rebound host name', async () => {
    expect((await connect({})).status).toBe(401);
    expect((await connect({ cookie: `${gateway.cookieName}=nope` })).status).toBe(401);
    expect((await connect({ cookie: cookie(), origin: 'http://evil.example' })).status).toBe(401);
    expect((await connect({ cookie: cookie(), host: `evil.example:${gateway.port}` })).status).toBe(401);
  });

  it('serves the contract over the WebSocket', async () => {
    const { socket, status } = await connect({ cookie: cookie(), origin: base });
    expect(status).toBe(101);
    const client = createClient(createWsChannel(socket as unknown as SocketLike));
    const luns = await client.invoke('inventory.luns', {});
    expect(luns.length).toBeGreaterThanOrEqual(4);
    await expect(client.invoke('inventory.luns', { filter: 7 } as never)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    socket.close();
  });

  it('sends every console the events of one turn in one frame, in order', async () => {
    let emit: EventListener = () => undefined;
    const registry = { invoke: core.registry.invoke, subscribe: (listener: EventListener) => ((emit = listener), () => undefined) };
    const events = await startGateway({ registry, port: 0, staticDir });
    try {
      const consoles = await Promise.all(
        [1, 2].map(() => connect({ cookie: `${events.cookieName}=${events.token}` }, `ws://127.0.0.1:${events.port}/rpc`)),
      );
      const frames: string[] = [];
      consoles[0]?.socket.on('message', (data) => frames.push(String(data)));
      const heard = consoles.map(({ socket }) => {
        const reasons: string[] = [];
        createWsChannel(socket as unknown as SocketLike).subscribe('inventory.changed', (payload) =>
          reasons.push((payload as { reason: string }).reason),
        );
        return reasons;
      });
      emit('inventory.changed', { reason: 'first' });
      emit('inventory.changed', { reason: 'second' });
      await vi.waitFor(() =>
        expect(heard).toEqual([
          ['first', 'second'],
          ['first', 'second'],
        ]),
      );
      expect(frames).toHaveLength(1);
      for (const { socket } of consoles) socket.close();
    } finally {
      await events.close();
    }
  });
});
