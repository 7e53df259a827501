/**
 * The handler registry every door calls. It validates params against the contract before any handler
 * runs, validates results on the way out, and turns every failure into a typed WireError.
 */
import { z } from 'zod';
import { isMethodName, methods, type MethodName, type ResultOf } from '../../../shared/contract';
import { ShadowSwapError, toWireError } from '../../../shared/errors';
import type { Channel, Outcome } from '../../../shared/rpc';
import type { EventBus, EventListener } from './event-bus';

/**
 * What a door vouches for about its caller, beyond the params. Only an in-process channel sets it (the
 * CLI, from its own command line): nothing that arrives over IPC or the WebSocket can, because the
 * transports hand the registry the method and the params, never a caller.
 */
export interface Caller {
  /** The operator confirmed every destructive step up front (the CLI's --yes); journaled as such, with who. */
  autoConfirm?: boolean;
}

export type Handlers = {
  [M in MethodName]: (params: z.output<(typeof methods)[M]['params']>, caller: Caller) => Promise<ResultOf<M>> | ResultOf<M>;
};

export interface Registry {
  /** Never rejects: every outcome, including a bug, comes back as data. */
  invoke(method: unknown, params: unknown, caller?: Caller): Promise<Outcome>;
  subscribe(listener: EventListener): () => void;
}

/** Explains a zod failure in one line per problem, naming the field, so the caller knows what to fix. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(params)'}: ${issue.message}`).join('; ');
}

export interface RegistryOptions {
  /**
   * Check every result against the contract too. Params always are (they come from outside); results come
   * from our own core, and checking 26,000 LUNs costs more than producing them, so release builds skip it
   * and development and tests keep it as the assertion that catches a handler breaking the contract.
   */
  checkResults?: boolean;
}

export function createRegistry(handlers: Handlers, bus: EventBus, { checkResults = true }: RegistryOptions = {}): Registry {
  async function invoke(method: unknown, params: unknown, caller: Caller = {}): Promise<Outcome> {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          message: `${typeof method === 'string' ? `"${method.slice(0, 100)}"` : `A ${typeof method}`} is not a ShadowSwap method. Check the spelling, or update the console and the server together.`,
        },
      };
    }
    const spec = methods[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_REQUEST',
          message: `The request for ${method} was refused before anything ran: ${describeIssues(parsed.error)}.`,
          details: { method },
        },
      };
    }
    try {
      const handler = handlers[method] as (p: unknown, c: Caller) => Promise<unknown> | unknown;
      const result = await handler(parsed.data, caller);
      if (!checkResults) return { ok: true, result };
      const checked = spec.result.safeParse(result);
      if (!checked.success) {
        throw new ShadowSwapError(
          'INTERNAL',
          `${method} produced a result that breaks the contract (${describeIssues(checked.error)}). Nothing was changed by this check; please report it.`,
        );
      }
      return { ok: true, result: checked.data };
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  }

  return { invoke, subscribe: (listener) => bus.subscribe(listener) };
}

/**
 * The registry as a transport Channel, for in-process clients (CLI, tests, benchmarks). The caller is
 * what the in-process door vouches for (the CLI's --yes); every request on this channel carries it.
 */
export function localChannel(registry: Registry, caller: Caller = {}): Channel {
  return {
    invoke: (method, params) => registry.invoke(method, params, caller),
    subscribe: (event, listener) =>
      registry.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  };
}
