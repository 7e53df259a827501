/**
 * Contract fuzzing: random and mutated payloads for every method. Whatever the contract refuses must come
 * back as the typed INVALID_REQUEST error, and no handler may run for it.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { methodNames, methods } from '../../../shared/contract';
import { EventBus } from '../../../electron/core/rpc/event-bus';
import { createRegistry, type Handlers } from '../../../electron/core/rpc/registry';

const handler = vi.fn(() => {
  throw new Error('a handler ran for a payload the contract should have refused');
});
const everyHandler = new Proxy({}, { get: () => handler }) as Handlers;
const registry = createRegistry(everyHandler, new EventBus());

/** Payloads shaped like real ones, with wrong types, extra keys and hostile strings mixed in. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', "'; Remove-Item C:\\ -Recurse", '$(calc)', 'a'.repeat(10_000), '\u0000', '../../etc/passwd'),
);
const anything = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
});
const payload = fc.oneof(
  anything,
  fc.dictionary(
    fc.constantFrom(
      'setId',
      'runId',
      'stepId',
      'typed',
      'filter',
      'host',
      'volumes',
      'options',
      'mode',
      'identity',
      'acknowledge',
      'confirm',
      'extra',
    ),
    fc.oneof(hostileString, fc.integer(), fc.boolean(), fc.constant(null), fc.array(hostileString)),
  ),
);

describe('contract fuzzing', () => {
  it.each(methodNames)('%s refuses every payload its schema refuses, before any handler runs', async (method) => {
    await fc.assert(
      fc.asyncProperty(payload, async (params) => {
        handler.mockClear();
        if (methods[method].params.safeParse(params ?? {}).success) return;
        const outcome = await registry.invoke(method, params);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.error.code).toBe('INVALID_REQUEST');
        expect(handler).not.toHaveBeenCalled();
      }),
      { numRuns: 200 },
    );
  });

  it('refuses unknown method names of every kind', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), anything), async (method) => {
        if (typeof method === 'string' && Object.hasOwn(methods, method)) return;
        handler.mockClear();
        const outcome = await registry.invoke(method, {});
        expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
        expect(handler).not.toHaveBeenCalled();
      }),
      { numRuns: 300 },
    );
  });
});
