/**
 * A Channel over one WebSocket: the browser console's transport, also used by tests and benchmarks in
 * Node (pass the `ws` package's class). Requests made before the socket opens wait for it; if the socket
 * closes, pending calls fail with an error that says how to recover.
 */
import { frameFits, tooLargeMessage, utf8Length } from './limits';
import { ServerFrame, type Channel, type Outcome } from './rpc';

/** The part of the WebSocket API both the browser and the `ws` package provide. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface WsChannel extends Channel {
  close(): void;
}

const OPEN = 1;

export function createWsChannel(socket: SocketLike): WsChannel {
  let nextId = 1;
  let closedReason: string | null = null;
  const pending = new Map<number, (outcome: Outcome) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const opened = new Promise<void>((resolve) => {
    if (socket.readyState === OPEN) resolve();
    else socket.addEventListener('open', () => resolve());
  });
  const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()));
  /** Settles once the socket is open, or closed before it ever opened; one listener each, whatever the number of calls. */
  const ready = Promise.race([opened, closed]);

  const failAll = (reason: string) => {
    closedReason = reason;
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'BACKEND_FAILED', message: reason } });
    pending.clear();
  };
  socket.addEventListener('close', () =>
    failAll('The connection to the ShadowSwap server closed. Reload the page; if it persists, restart "shadowswap serve".'),
  );
  socket.addEventListener('error', () =>
    failAll('The connection to the ShadowSwap server failed. Check that "shadowswap serve" is still running, then reload.'),
  );
  socket.addEventListener('message', (event) => {
    const parsed = ServerFrame.safeParse(JSON.parse(String(event.data)));
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.type === 'events') {
      for (const { event, payload } of frame.events) for (const listener of listeners.get(event) ?? []) listener(payload);
      return;
    }
    const settle = pending.get(frame.id);
    pending.delete(frame.id);
    settle?.(frame.ok ? { ok: true, result: frame.result } : { ok: false, error: frame.error });
  });

  return {
    async invoke(method, params) {
      await ready;
      if (closedReason !== null) return { ok: false, error: { code: 'BACKEND_FAILED', message: closedReason } };
      const id = nextId++;
      const frame = JSON.stringify({ type: 'request', id, method, params });
      // The server closes the socket on a frame over the limit, failing every call on it: refuse this one alone.
      if (!frameFits(frame))
        return { ok: false, error: { code: 'INVALID_REQUEST', message: tooLargeMessage('This request', utf8Length(frame)) } };
      return new Promise<Outcome>((resolve) => {
        pending.set(id, resolve);
        socket.send(frame);
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    close() {
      socket.close();
    },
  };
}
