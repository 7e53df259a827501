/**
 * The browser door: serves the built renderer and the contract over a WebSocket, on loopback by default.
 * Every HTTP request and WebSocket upgrade must carry the per-launch token (in the URL once, then in an
 * HttpOnly cookie); WebSocket upgrades must also come from our own origin, which defeats DNS rebinding
 * and cross-site pages.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestFrame, type EventsFrame } from '../../shared/rpc';
import type { Registry } from '../core/rpc/registry';
import { responseMessage } from './response-message';
import { contentTypeOf, resolveStaticPath } from './static-files';
import { newToken, presentedToken, TOKEN_COOKIE, tokenMatches } from './token';

export interface GatewayOptions {
  registry: Registry;
  host?: string;
  port?: number;
  /** The built renderer; defaults to dist/renderer next to the bundled gateway. */
  staticDir?: string;
  token?: string;
}

export interface Gateway {
  url: string;
  port: number;
  token: string;
  loopback: boolean;
  close(): Promise<void>;
}

export const RPC_PATH = '/rpc';
const MAX_FRAME_BYTES = 1024 * 1024;

const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function defaultStaticDir(): string {
  // The gateway is bundled into dist/cli.cjs (and dist/electron/main.cjs); the renderer sits in dist/renderer.
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [path.join(here, 'renderer'), path.join(here, '..', 'renderer'), path.join(process.cwd(), 'dist', 'renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? (candidates[0] as string);
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const staticDir = options.staticDir ?? defaultStaticDir();
  const sockets = new Set<WebSocket>();

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://gateway.invalid');
    if (!hostHeaderAllowed(request.headers.host, host)) {
      response.writeHead(421, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('421 Misdirected Request: this console answers only to loopback addresses.\n');
      return;
    }
    if (!tokenMatches(token, presentedToken(url, request.headers.cookie))) {
      response.writeHead(401, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(
        '401 Unauthorized: open the console with the full URL that "shadowswap serve" printed (it carries this launch\'s token).\n',
      );
      return;
    }
    if (url.searchParams.has('token')) {
      // Move the token into a cookie and drop it from the address bar and history.
      url.searchParams.delete('token');
      response.writeHead(303, {
        ...securityHeaders,
        'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
      });
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' });
      response.end();
      return;
    }
    serveStatic(staticDir, url.pathname, request.method === 'HEAD', response);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const stopBroadcasting = broadcastEvents(options.registry, sockets);
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://gateway.invalid');
    const origin = request.headers.origin;
    const expectedOrigin = `http://${request.headers.host ?? ''}`;
    const authorized =
      url.pathname === RPC_PATH &&
      tokenMatches(token, presentedToken(url, request.headers.cookie)) &&
      (origin === undefined || origin === expectedOrigin) &&
      hostHeaderAllowed(request.headers.host, host);
    if (!authorized) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.registry, sockets));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    loopback: isLoopback(host),
    async close() {
      stopBroadcasting();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** On loopback, only loopback names may appear in Host: a rebinding attack arrives with the attacker's name. */
function hostHeaderAllowed(hostHeader: string | undefined, listenHost: string): boolean {
  if (!isLoopback(listenHost)) return true;
  const name = (hostHeader ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return isLoopback(name);
}

function serveStatic(root: string, urlPath: string, headOnly: boolean, response: http.ServerResponse): void {
  const file = resolveStaticPath(root, urlPath);
  const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!file || !stat?.isFile()) {
    const missingBuild = !fs.existsSync(path.join(root, 'index.html'));
    response.writeHead(missingBuild ? 503 : 404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(
      missingBuild ? `The console has not been built (no ${path.join(root, 'index.html')}). Run: npm run build\n` : 'Not found\n',
    );
    return;
  }
  response.writeHead(200, { ...securityHeaders, 'Content-Type': contentTypeOf(file), 'Content-Length': stat.size });
  if (headOnly) response.end();
  else fs.createReadStream(file).pipe(response);
}

function serveSocket(ws: WebSocket, registry: Registry, sockets: Set<WebSocket>): void {
  sockets.add(ws);
  ws.on('message', async (data) => {
    let frame: RequestFrame;
    try {
      frame = RequestFrame.parse(JSON.parse(data.toString()));
    } catch {
      // Not a request frame: there is no id to answer, so close with a policy error.
      ws.close(1008, 'Malformed request frame');
      return;
    }
    const outcome = await registry.invoke(frame.method, frame.params);
    if (ws.readyState === ws.OPEN) sendText(ws, responseMessage(frame.id, outcome));
  });
  ws.on('close', () => sockets.delete(ws));
}

/**
 * One text message from its parts, sent as fragments so large cached parts go out without being copied
 * into one buffer first. The parts are sent in one synchronous run, so nothing can interleave with them.
 */
function sendText(ws: WebSocket, parts: ReadonlyArray<string | Buffer>): void {
  parts.forEach((part, index) => ws.send(part, { binary: false, fin: index === parts.length - 1 }));
}

/**
 * Every event goes to every open socket. Each frame costs every socket a write, and a recovery step emits
 * its output lines, the run's update and the inventory change together: the events of one turn of the
 * event loop travel in one frame, serialised and encoded once however many consoles are connected.
 */
function broadcastEvents(registry: Registry, sockets: ReadonlySet<WebSocket>): () => void {
  let pending: string[] = [];
  const flush = () => {
    const frame = Buffer.from(`{"type":"events","events":[${pending.join(',')}]}`);
    pending = [];
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame, { binary: false });
  };
  return registry.subscribe((event, payload) => {
    if (sockets.size === 0) return;
    // Serialised now: the frame carries the payload as it was when emitted.
    if (pending.push(JSON.stringify({ event, payload } satisfies EventsFrame['events'][number])) === 1) setImmediate(flush);
  });
}
