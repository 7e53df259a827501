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
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_REQUEST_BYTES } from '../../shared/limits';
import type { EventsFrame } from '../../shared/rpc';
import type { Registry } from '../core/rpc/registry';
import { parseRequestTarget, redirectWithoutToken } from './request-target';
import { cacheControlOf, contentTypeOf, resolveStaticPath } from './static-files';
import { newToken, presentedToken, tokenCookieName, tokenMatches } from './token';
import { sendWithin, serveSocket } from './socket-session';

export interface GatewayOptions {
  registry: Registry;
  host?: string;
  port?: number;
  /** The built renderer; defaults to dist/renderer next to the bundled gateway. */
  staticDir?: string;
  token?: string;
  /** Where refused requests and failures are reported, one line each; defaults to stderr. */
  log?: (line: string) => void;
  /** A console whose unsent output passes this is disconnected (it stopped reading); defaults to MAX_BUFFERED_BYTES. */
  maxBufferedBytes?: number;
}

export interface Gateway {
  url: string;
  port: number;
  token: string;
  /** The cookie that carries the token, unique to this gateway's port. */
  cookieName: string;
  loopback: boolean;
  close(): Promise<void>;
}

export const RPC_PATH = '/rpc';
/**
 * A console that stops reading (a frozen tab, a hostile client) would make the server queue every event
 * for it forever. Past this many unsent bytes it is disconnected; a console that reloads gets a fresh view.
 * Four times the largest request: a full 26,000-LUN list answer is far below it.
 */
export const MAX_BUFFERED_BYTES = 4 * MAX_REQUEST_BYTES;

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
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxBufferedBytes = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  const sockets = new Set<WebSocket>();
  // Known once listening (port 0 picks one); no request arrives before.
  let cookieName = '';

  const server = http.createServer((request, response) => {
    try {
      serveRequest(request, response);
    } catch (error) {
      // A bug on one request must not end the process that is driving a recovery.
      log(`gateway: ${request.method} request failed: ${(error as Error).message}`);
      if (!response.headersSent)
        answerText(response, 500, 'Internal error: the request failed; the console keeps running. See the server log.\n');
      else response.destroy();
    }
  });

  function serveRequest(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = parseRequestTarget(request.url);
    if (url === null) {
      log(`gateway: refused a malformed request target (${describeTarget(request.url)}) with 400`);
      answerText(response, 400, '400 Bad Request: the request target is not a path on this console.\n');
      return;
    }
    if (!hostHeaderAllowed(request.headers.host, host)) {
      answerText(response, 421, '421 Misdirected Request: this console answers only to loopback addresses.\n');
      return;
    }
    if (!tokenMatches(token, presentedToken(url, request.headers.cookie, cookieName))) {
      answerText(
        response,
        401,
        '401 Unauthorized: open the console with the full URL that "shadowswap serve" printed (it carries this launch\'s token).\n',
      );
      return;
    }
    if (url.searchParams.has('token')) {
      // Move the token into a cookie and drop it from the address bar and history.
      response.writeHead(303, {
        ...securityHeaders,
        'Set-Cookie': `${cookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: redirectWithoutToken(url),
      });
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' });
      response.end();
      return;
    }
    serveStatic(staticDir, url.pathname, request.method === 'HEAD', response, log);
  }

  // A request Node cannot parse (bad request line, header, chunk): answered and closed, and logged once.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    log(`gateway: refused a malformed HTTP request (${error.code ?? error.message})`);
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  const stopBroadcasting = broadcastEvents(options.registry, sockets, (ws, frame) => sendWithin(ws, [frame], maxBufferedBytes, log));
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // The HTTP server lets go of the socket here: without a listener, a reset connection would end the process.
    // Once open, the WebSocket's own 'error' listener (socket-session.ts) takes over.
    const beforeOpen = (error: Error) => log(`gateway: a WebSocket connection failed before it opened (${error.message})`);
    socket.on('error', beforeOpen);
    try {
      const url = parseRequestTarget(request.url);
      const origin = request.headers.origin;
      const expectedOrigin = `http://${request.headers.host ?? ''}`;
      const authorized =
        url !== null &&
        url.pathname === RPC_PATH &&
        tokenMatches(token, presentedToken(url, request.headers.cookie, cookieName)) &&
        (origin === undefined || origin === expectedOrigin) &&
        hostHeaderAllowed(request.headers.host, host);
      if (!authorized) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        socket.off('error', beforeOpen);
        serveSocket(ws, options.registry, sockets, { maxBufferedBytes, log });
      });
    } catch (error) {
      log(`gateway: a WebSocket upgrade failed: ${(error as Error).message}`);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening, a failed accept (too many open files...) is logged; the console goes on serving.
  server.on('error', (error) => log(`gateway: ${error.message}`));
  const port = (server.address() as AddressInfo).port;
  cookieName = tokenCookieName(port);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    cookieName,
    loopback: isLoopback(host),
    async close() {
      stopBroadcasting();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A request target for the log: short, and printable whatever the client sent. */
function describeTarget(target: string | undefined): string {
  return JSON.stringify((target ?? '').slice(0, 80));
}

function answerText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/** On loopback, only loopback names may appear in Host: a rebinding attack arrives with the attacker's name. */
function hostHeaderAllowed(hostHeader: string | undefined, listenHost: string): boolean {
  if (!isLoopback(listenHost)) return true;
  const name = (hostHeader ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return isLoopback(name);
}

function serveStatic(root: string, urlPath: string, headOnly: boolean, response: http.ServerResponse, log: (line: string) => void): void {
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
  response.writeHead(200, {
    ...securityHeaders,
    'Cache-Control': cacheControlOf(urlPath),
    'Content-Type': contentTypeOf(file),
    'Content-Length': stat.size,
  });
  if (headOnly) response.end();
  else
    fs.createReadStream(file)
      .on('error', (error) => {
        // The file went away after it was found (a rebuild): the headers are out, so only closing is left.
        log(`gateway: could not send ${urlPath}: ${error.message}`);
        response.destroy();
      })
      .pipe(response);
}

/**
 * Every event goes to every open socket. Each frame costs every socket a write, and a recovery step emits
 * its output lines, the run's update and the inventory change together: the events of one turn of the
 * event loop travel in one frame, serialised and encoded once however many consoles are connected.
 */
function broadcastEvents(registry: Registry, sockets: ReadonlySet<WebSocket>, send: (ws: WebSocket, frame: Buffer) => void): () => void {
  let pending: string[] = [];
  const flush = () => {
    const frame = Buffer.from(`{"type":"events","events":[${pending.join(',')}]}`);
    pending = [];
    for (const ws of sockets) send(ws, frame);
  };
  return registry.subscribe((event, payload) => {
    if (sockets.size === 0) return;
    // Serialised now: the frame carries the payload as it was when emitted.
    if (pending.push(JSON.stringify({ event, payload } satisfies EventsFrame['events'][number])) === 1) setImmediate(flush);
  });
}
