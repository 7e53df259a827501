/**
 * One approval before the outage: the operator types the cluster (or host) name once, at the end of the review,
 * with the change reference and the reason; the engine journals it and passes every destructive step of that plan
 * without stopping mid-outage. The engine itself refuses an approval that does not match the plan it runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture | null = null;
afterEach(async () => {
  await fx?.cleanup();
  fx = null;
});

const approvalFor = (planDigest: string, typed = 'SQLCLUS') => ({
  typed,
  change: 'CHG-4711',
  reason: 'Sales database corrupted by a faulty batch job',
  planDigest,
  pauseBeforeEachStep: false,
});

describe('one approval before the outage', () => {
  it('lets the run pass every destructive step of its plan without a further prompt, and journals who, change and reason', async () => {
    fx = await openRecovery('two-node-sql');
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.approvalDigest).toMatch(/^[0-9a-f]{64}$/);
    const run = await fx.engine.start(
      { setId: fx.setId },
      ['all'],
      { actor: { name: 'Ada Lovelace', door: 'browser' } },
      approvalFor(plan.approvalDigest ?? ''),
    );
    const settled = await fx.engine.settled(run.id);
    expect(settled.state).toBe('succeeded');
    // Not one wait: the outage was all work.
    expect(settled.downtimeWaitingMs).toBe(0);

    const detail = fx.engine.get(run.id);
    expect(detail.approval).toMatchObject({
      by: 'Ada Lovelace',
      door: 'browser',
      typed: 'SQLCLUS',
      change: 'CHG-4711',
      reason: 'Sales database corrupted by a faulty batch job',
      pauseBeforeEachStep: false,
    });
    const destructive = plan.steps.filter((s) => s.destructive).map((s) => s.id);
    expect(detail.confirmations.map((c) => [c.stepId, c.by, c.byApproval])).toEqual(destructive.map((id) => [id, 'Ada Lovelace', true]));

    const events = readJournal<RunEvent>(detail.journalFile).records.map((r) => r.event);
    expect(events.some((e) => e.type === 'step.awaiting-confirmation')).toBe(false);
    const approvedAt = events.findIndex((e) => e.type === 'run.approved');
    const firstStarted = events.findIndex((e) => e.type === 'step.started');
    expect(approvedAt).toBeGreaterThan(0);
    expect(approvedAt).toBeLessThan(firstStarted);
    expect(events[approvedAt]).toMatchObject({ by: 'Ada Lovelace', door: 'browser', change: 'CHG-4711', planDigest: plan.approvalDigest });
  });

  it('refuses an approval typed for another cluster or host, and starts nothing', async () => {
    fx = await openRecovery('two-node-sql');
    const plan = await fx.engine.plan({ setId: fx.setId });
    await expect(fx.engine.start({ setId: fx.setId }, ['all'], {}, approvalFor(plan.approvalDigest ?? '', 'SQL01'))).rejects.toThrow(
      /type "SQLCLUS" exactly/,
    );
    expect(fx.engine.list()).toEqual([]);
  });

  it('refuses an approval given for another plan (other options, or the estate changed since the review)', async () => {
    fx = await openRecovery('two-node-sql');
    const reviewed = await fx.engine.plan({ setId: fx.setId, mode: 'maintenance' });
    await expect(fx.engine.start({ setId: fx.setId }, ['all'], {}, approvalFor(reviewed.approvalDigest ?? ''))).rejects.toThrow(
      /plan changed since it was reviewed/,
    );
    expect(fx.engine.list()).toEqual([]);
  });

  it('needs a change reference and a reason', async () => {
    fx = await openRecovery('two-node-sql');
    const plan = await fx.engine.plan({ setId: fx.setId });
    await expect(
      fx.engine.start({ setId: fx.setId }, ['all'], {}, { ...approvalFor(plan.approvalDigest ?? ''), change: '  ' }),
    ).rejects.toThrow(/change reference/);
  });

  it('with "pause before each destructive step" journals the approval but still waits at every destructive step', async () => {
    fx = await openRecovery('two-node-sql');
    const plan = await fx.engine.plan({ setId: fx.setId });
    const run = await fx.engine.start(
      { setId: fx.setId },
      ['all'],
      {},
      { ...approvalFor(plan.approvalDigest ?? ''), pauseBeforeEachStep: true },
    );
    const waiting = await fx.engine.settled(run.id);
    expect(waiting.state).toBe('waiting-confirmation');
    expect(waiting.attentionStepId).toBe('1-stop-resources');
    expect(fx.engine.get(run.id).approval).toMatchObject({ change: 'CHG-4711', pauseBeforeEachStep: true });
  });

  it('without an approval, a destructive step still waits for its own confirmation', async () => {
    fx = await openRecovery('two-node-sql');
    const run = await fx.engine.start({ setId: fx.setId }, ['all']);
    expect((await fx.engine.settled(run.id)).state).toBe('waiting-confirmation');
    expect(fx.engine.get(run.id).approval).toBeNull();
  });
});
