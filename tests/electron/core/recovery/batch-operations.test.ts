/**
 * Concurrency inside a step (issue 20): the operations of one step on different objects run together, the
 * access lists of a step go to the array as one batch, what depends on something waits for it, and a failure
 * part-way stops the step with every operation's outcome; a rollback undoes exactly what was done.
 */
import { describe, expect, it } from 'vitest';
import { armFault } from '../../../../electron/core/backends/lab/lab-admin';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { openRecovery, productionView, type RecoveryFixture } from './recovery-fixture';

function stepEvents(fixture: RecoveryFixture, runId: string, kind: string): RunEvent[] {
  const detail = fixture.engine.get(runId);
  const stepId = detail.plan.steps.find((s) => s.kind === kind)?.id;
  return readJournal<RunEvent>(detail.journalFile)
    .records.map((r) => r.event)
    .filter((e) => 'stepId' in e && e.stepId === stepId && e.type.startsWith('operation.'));
}

/** Counts the calls a backend method receives, with their params, while still running it. */
function spy<K extends 'setLunMask' | 'setLunMasks' | 'startResource' | 'stopResource'>(fixture: RecoveryFixture, method: K) {
  const calls: unknown[] = [];
  const backend = fixture.backend as unknown as Record<K, (params: unknown) => Promise<unknown>>;
  const original = backend[method].bind(fixture.backend);
  backend[method] = (params: unknown) => {
    calls.push(params);
    return original(params);
  };
  return calls;
}

describe('operations of a step', () => {
  it('run together: every disk is asked to go offline before any has, and the masks go to the array in one call', async () => {
    const fixture = await openRecovery('two-node-sql');
    try {
      const single = spy(fixture, 'setLunMask');
      const batches = spy(fixture, 'setLunMasks');
      const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
      expect((await fixture.engine.settled(run.id)).state).toBe('succeeded');

      const stops = stepEvents(fixture, run.id, 'stop-resources').map((e) => e.type);
      expect(stops).toEqual([...Array(4).fill('operation.started'), ...Array(4).fill('operation.ended')]);
      expect(single).toEqual([]);
      // mask-originals and unmask-shadows: one call each, naming the four LUNs.
      expect(batches.map((b) => (b as { masks: unknown[] }).masks.length)).toEqual([4, 4]);
    } finally {
      await fixture.cleanup();
    }
  });

  it('keep a resource after what it depends on: SQL Server Agent starts once SQL Server is online', async () => {
    const fixture = await openRecovery('two-node-sql');
    try {
      const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
      expect((await fixture.engine.settled(run.id)).state).toBe('succeeded');
      const order = stepEvents(fixture, run.id, 'start-dependents').map((e) => `${e.type} ${'target' in e ? e.target : ''}`);
      expect(order).toEqual([
        'operation.started SQL Server',
        'operation.ended SQL Server',
        'operation.started SQL Server Agent',
        'operation.ended SQL Server Agent',
      ]);
    } finally {
      await fixture.cleanup();
    }
  });

  it('stop at a failure part-way with each outcome in words, and a rollback brings back exactly the disks that went offline', async () => {
    const fixture = await openRecovery('two-node-sql');
    try {
      const before = await productionView(fixture);
      await armFault(fixture.dataDir, { operation: 'stopResource', kind: 'fail', times: 1, skip: 2 });
      const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
      const failed = await fixture.engine.settled(run.id);
      expect(failed.state).toBe('failed');
      expect(failed.lastError).toMatch(/^Take 4 disk resource\(s\) offline stopped part-way: 3 of 4 operations are in place\./);
      expect(failed.lastError).toMatch(
        /Take Cluster Disk \d offline: failed: The Lab refused to .* on purpose, as the real tool fails \(a fault injected with "shadowswap lab fault add --op stopResource"/,
      );
      expect(failed.lastError?.match(/offline: done\./g)).toHaveLength(3);
      expect(failed.lastError).toMatch(/resume \(each operation is checked first, so none runs twice\), or roll back/);
      // The failed step says it in operator words: the code and its meaning, where to look, what to do.
      const detail = fixture.engine.get(run.id);
      const step = detail.steps.find((s) => s.state === 'failed');
      expect(step?.failure).toMatchObject({
        step: 'Take 4 disk resource(s) offline',
        code: 'ERROR_RESOURCE_FAILED 0x800713AE: The cluster resource failed.',
        lookAt: [expect.stringMatching(/^the cluster log/), `the step's output below, also kept in the run journal ${detail.journalFile}`],
      });

      const starts = spy(fixture, 'startResource');
      await fixture.engine.rollback(run.id, '', { autoConfirm: true });
      expect((await fixture.engine.settled(run.id)).state).toBe('rolled-back');
      expect(starts).toHaveLength(3);
      expect(await productionView(fixture)).toEqual(before);
    } finally {
      await fixture.cleanup();
    }
  });
});
