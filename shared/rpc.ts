/**
 * The wire protocol shared by every transport, and the one client interface the renderer and tests use.
 * Transports move frames; they never interpret methods.
 */
import { z } from 'zod';
import type { EventName, MethodName, ParamsOf, PayloadOf, ResultOf } from './contract';
import { RemoteError, WireError } from './errors';

export const RequestFrame = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.string(),
  params: z.unknown(),
});
export type RequestFrame = z.infer<typeof RequestFrame>;

/** What a handler registry answers: a result, or a typed error. Never a thrown Error. */
export type Outcome = { ok: true; result: unknown } | { ok: false; error: WireError };

export const ResponseFrame = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('response'), id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('response'), id: z.number(), ok: z.literal(false), error: WireError }),
]);
export type ResponseFrame = z.infer<typeof ResponseFrame>;

/** The events the core emitted in one turn of the server's event loop, in order: one frame, not one each. */
export const EventsFrame = z.object({ type: z.literal('events'), events: z.array(z.object({ event: z.string(), payload: z.unknown() })) });
export type EventsFrame = z.infer<typeof EventsFrame>;

// Discriminated, so every frame a console receives is matched by its tag: trying each shape in turn built
// a failure report for every event frame before the right shape matched.
export const ServerFrame = z.discriminatedUnion('type', [ResponseFrame, EventsFrame]);

/** One client, whatever carries it: the preload bridge, a WebSocket, or an in-process registry. */
export interface ContractClient {
  invoke<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  subscribe<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

/**
 * The untyped channel every transport provides: the Electron preload exposes exactly this on
 * `window.shadowswap`, the WebSocket transport and the in-process adapter implement it too.
 */
export interface Channel {
  invoke(method: string, params: unknown): Promise<Outcome>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** The typed client over any channel: outcomes become results or thrown RemoteErrors. */
export function createClient(channel: Channel): ContractClient {
  return {
    async invoke(method, params) {
      const outcome = await channel.invoke(method, params);
      if (!outcome.ok) throw new RemoteError(outcome.error);
      return outcome.result as never;
    },
    subscribe(event, listener) {
      return channel.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}
