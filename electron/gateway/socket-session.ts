/**
 * One console's WebSocket: request frames in, answers out. Nothing a client sends can end the process:
 * a frame the protocol refuses (too large, invalid UTF-8, a reserved opcode) makes `ws` emit 'error' and
 * close the socket, and with no 'error' listener Node would have thrown it and exited.
 */
import type { WebSocket } from 'ws';
import { RequestFrame } from '../../shared/rpc';
import type { Caller, Registry } from '../core/rpc/registry';
import { responseMessage } from './response-message';

const BROWSER_CALLER: Caller = { door: 'browser' };

export interface SessionLimits {
  maxBufferedBytes: number;
  log: (line: string) => void;
}

export function serveSocket(ws: WebSocket, registry: Registry, sockets: Set<WebSocket>, limits: SessionLimits): void {
  sockets.add(ws);
  ws.on('error', (error: Error & { code?: string }) => {
    limits.log(`gateway: closed a console connection: ${error.message}${error.code ? ` (${error.code})` : ''}`);
  });
  ws.on('message', async (data) => {
    let frame: RequestFrame;
    try {
      frame = RequestFrame.parse(JSON.parse(data.toString()));
    } catch {
      // Not a request frame: there is no id to answer, so close with a policy error.
      limits.log('gateway: closed a console connection that sent a malformed request frame');
      ws.close(1008, 'Malformed request frame');
      return;
    }
    // Every console here runs as the gateway's account: the person names themselves in the console.
    const outcome = await registry.invoke(frame.method, frame.params, BROWSER_CALLER);
    sendWithin(ws, responseMessage(frame.id, outcome), limits.maxBufferedBytes, limits.log);
  });
  ws.on('close', () => sockets.delete(ws));
}

/**
 * One text message from its parts, sent as fragments so large cached parts go out without being copied
 * into one buffer first; the parts go out in one synchronous run, so nothing interleaves with them.
 * A console that has stopped reading is disconnected once its unsent bytes pass the limit, rather than
 * letting the server's memory grow with everything it will never read.
 */
export function sendWithin(
  ws: WebSocket,
  parts: ReadonlyArray<string | Buffer>,
  maxBufferedBytes: number,
  log: (line: string) => void,
): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > maxBufferedBytes) {
    log(`gateway: disconnected a console that stopped reading (${ws.bufferedAmount} bytes waiting to be sent)`);
    ws.terminate();
    return;
  }
  parts.forEach((part, index) => ws.send(part, { binary: false, fin: index === parts.length - 1 }));
}
