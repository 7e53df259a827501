import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../shared/recovery';
import { liveRunOf, runsNeedingAttention, waitsFor } from '../../../renderer/src/recovery/run-attention';

const run = (id: string, state: RunSummary['state'], extra: Partial<RunSummary> = {}): RunSummary => ({
  id,
  setId: 'set',
  state,
  startedAt: `2026-12-0${id.length}T00:00:00.000Z`,
  endedAt: null,
  operator: 'ops',
  attentionStepId: null,
  downtimeMs: null,
  downtimeWaitingMs: null,
  storageAwaySince: null,
  stepsDone: 2,
  stepsTotal: 9,
  lastError: null,
  ...extra,
});

describe('runsNeedingAttention', () => {
  it('leaves finished runs out and puts the run waiting for the operator first', () => {
    const ordered = runsNeedingAttention([
      run('a', 'succeeded'),
      run('b', 'running'),
      run('c', 'waiting-confirmation'),
      run('d', 'rolled-back'),
      run('e', 'failed'),
    ]);
    expect(ordered.map((r) => r.id)).toEqual(['c', 'e', 'b']);
  });

  it('keeps a damaged run in view until its LUNs are released', () => {
    const damage = { reason: 'line 3 is torn', heldLunIds: ['lun-1'], released: null };
    const held = run('dmg', 'damaged', { damage });
    const released = run('rel', 'damaged', { damage: { ...damage, released: { by: 'ops', at: '2026-12-02T10:00:00Z' } } });
    expect(runsNeedingAttention([run('b', 'running'), held, released]).map((r) => r.id)).toEqual(['dmg', 'b']);
    expect(waitsFor(held, undefined)).toMatch(/release its LUNs on the Runs page/);
  });

  it('among runs in the same state, the one with production storage away comes first', () => {
    const ordered = runsNeedingAttention([run('old', 'failed'), run('x', 'failed', { storageAwaySince: '2026-12-01T23:00:00Z' })]);
    expect(ordered[0]?.id).toBe('x');
  });
});

describe('liveRunOf', () => {
  it('is a running or waiting run, or one that left production without storage', () => {
    expect(liveRunOf([run('a', 'running')])?.id).toBe('a');
    expect(liveRunOf([run('a', 'interrupted', { storageAwaySince: '2026-12-01T23:00:00Z' })])?.id).toBe('a');
  });

  it('is not an old failed run whose production is back in place', () => {
    expect(liveRunOf([run('a', 'failed'), run('b', 'succeeded')])).toBeUndefined();
  });
});

describe('waitsFor', () => {
  it('names the step that waits for a confirmation', () => {
    expect(waitsFor(run('a', 'waiting-confirmation'), 'Mask the damaged LUNs')).toBe(
      'Waits for your confirmation of "Mask the damaged LUNs".',
    );
  });
});
