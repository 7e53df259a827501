import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../../shared/contract';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { createRegistry, localChannel, type Handlers } from '../../../../electron/core/rpc/registry';
import { createClient } from '../../../../shared/rpc';
import { ShadowSwapError } from '../../../../shared/errors';

const info = {
  product: 'ShadowSwap' as const,
  version: '1.0.0',
  platform: 'linux',
  backend: { kind: 'lab' as const, label: 'Lab (test)', dataDir: null },
};

function spiedRegistry(overrides: Partial<Handlers> = {}) {
  const handlers = {
    'app.info': vi.fn(() => info),
    'inventory.luns': vi.fn(() => []),
    'inventory.hosts': vi.fn(() => []),
    ...overrides,
  } as unknown as Handlers;
  for (const name of methodNames) if (!(name in handlers)) (handlers as Record<string, unknown>)[name] = vi.fn(() => []);
  return { registry: createRegistry(handlers, new EventBus()), handlers: handlers as unknown as Record<string, ReturnType<typeof vi.fn>> };
}

describe('handler registry', () => {
  it('hands a handler the caller its in-process channel vouches for, and an empty one to every other door', async () => {
    const { registry, handlers } = spiedRegistry();
    await createClient(localChannel(registry, { autoConfirm: true })).invoke('runs.list', {});
    expect(handlers['runs.list']).toHaveBeenLastCalledWith({}, { autoConfirm: true });
    await registry.invoke('runs.list', {});
    expect(handlers['runs.list']).toHaveBeenLastCalledWith({}, {});
  });

  it('answers a valid call with the handler result', async () => {
    const { registry } = spiedRegistry();
    expect(await registry.invoke('app.info', {})).toEqual({ ok: true, result: info });
  });

  it.each([
    ['a string instead of an object', 'inventory.luns', 'luns please'],
    ['an unknown field', 'inventory.luns', { filter: 'x', drop: true }],
    ['a wrong type', 'inventory.luns', { filter: 42 }],
    ['an over-long filter', 'inventory.hosts', { filter: 'x'.repeat(201) }],
    ['parameters where none are taken', 'app.info', { verbose: true }],
    ['an array', 'inventory.hosts', []],
  ])('refuses %s with INVALID_REQUEST before any handler runs', async (_what, method, params) => {
    const { registry, handlers } = spiedRegistry();
    const outcome = await registry.invoke(method, params);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('INVALID_REQUEST');
    expect(outcome.error.message).toContain(method);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an unknown method, including prototype names', async () => {
    const { registry } = spiedRegistry();
    for (const method of ['inventory.delete', 'constructor', '__proto__', 42, null]) {
      const outcome = await registry.invoke(method, {});
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('returns a typed error, not a throw, when a handler fails', async () => {
    const { registry } = spiedRegistry({
      'inventory.luns': () => {
        throw new ShadowSwapError('NOT_FOUND', 'No such array', { arrayId: 'X' });
      },
    });
    expect(await registry.invoke('inventory.luns', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such array', details: { arrayId: 'X' } },
    });
  });

  it('turns an unexpected exception into INTERNAL with its text', async () => {
    const { registry } = spiedRegistry({
      'inventory.hosts': () => {
        throw new TypeError('boom');
      },
    });
    const outcome = await registry.invoke('inventory.hosts', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!outcome.ok) expect(outcome.error.message).toContain('boom');
  });

  it('refuses a handler result that breaks the contract', async () => {
    const { registry } = spiedRegistry({ 'inventory.luns': () => [{ id: 1 }] as never });
    expect(await registry.invoke('inventory.luns', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('skips the result check when told to (release builds), never the params check', async () => {
    const handlers = { 'inventory.luns': vi.fn(() => [{ id: 1 }]) } as unknown as Handlers;
    const registry = createRegistry(handlers, new EventBus(), { checkResults: false });
    expect(await registry.invoke('inventory.luns', {})).toEqual({ ok: true, result: [{ id: 1 }] });
    expect(await registry.invoke('inventory.luns', { filter: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
