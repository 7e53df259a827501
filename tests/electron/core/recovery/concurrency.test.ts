/**
 * Two processes start recoveries over the same LUNs at the same moment: exactly one runs. Two consoles act
 * on one run at once: only one writes its journal, so its hash chain never forks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../shared/recovery';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';
import { bundleCli, type CliProcess } from '../../cli/cli-bundle';

let cli: CliProcess;
beforeAll(async () => {
  cli = await bundleCli();
});
afterAll(() => cli.remove());

describe('two recoveries over overlapping LUNs', () => {
  it('lets exactly one run and refuses the other clearly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-race-'));
    const at = (...args: string[]) => cli.run([...args, '--data-dir', dataDir]);
    await at('lab', 'init', '--scenario', 'two-node-sql');
    await at('lab', 'latency', '--scale', '0');
    const setId = (JSON.parse((await at('inventory', 'snapshots', '--json')).stdout) as Array<{ id: string }>)[0]?.id ?? '';

    const [first, second] = await Promise.all([at('recover', '--set', setId, '--yes'), at('recover', '--set', setId, '--yes')]);
    const outcomes = [first, second].map((r) => r?.code).sort();
    // What each process said, so that a failure shows why the winner did not win.
    expect(outcomes, [first, second].map((r) => r?.stderr).join('\n---\n')).toEqual([0, 1]);
    const loser = [first, second].find((r) => r?.code === 1);
    expect(loser?.stderr).toMatch(/already holds|held by run|not ready to import|is imported|broken/);
    const runs = JSON.parse((await at('runs', '--json')).stdout) as RunSummary[];
    expect(runs.filter((r) => r.state === 'succeeded')).toHaveLength(1);
    expect(runs).toHaveLength(1);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('two consoles acting on one run at once', () => {
  /** A second console over the same data directory: its own engine, the same journal and driver lock. */
  const secondConsole = (fixture: RecoveryFixture) =>
    new RecoveryEngine({
      backend: fixture.backend,
      dataDir: fixture.dataDir,
      bus: new EventBus(),
      operator: 'colleague',
      machine: 'otherbox',
    });

  it('two confirmations of the same step: one goes on, the other is refused before writing, and the journal stays whole', async () => {
    const fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all']);
    const waiting = await fixture.engine.settled(run.id);
    expect(waiting.state).toBe('waiting-confirmation');
    const stepId = fixture.engine.get(run.id).steps.find((s) => s.state === 'waiting-confirmation')?.id ?? '';

    const outcomes = await Promise.allSettled([
      fixture.engine.confirm(run.id, stepId, 'SQLCLUS'),
      secondConsole(fixture).confirm(run.id, stepId, 'SQLCLUS'),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'BUSY' });
    await fixture.engine.settled(run.id);

    const { records } = readJournal<RunEvent>(fixture.engine.get(run.id).journalFile);
    expect(records.filter((r) => r.event.type === 'step.confirmed' && r.event.stepId === stepId)).toHaveLength(1);
    await fixture.cleanup();
  });

  it('a rollback asked for while another console drives the run is refused before it writes anything', async () => {
    const fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
    const colleague = secondConsole(fixture);
    await expect(colleague.rollback(run.id, '', { autoConfirm: true })).rejects.toMatchObject({ code: 'BUSY' });
    expect((await fixture.engine.settled(run.id)).state).toBe('succeeded');
    const { records } = readJournal<RunEvent>(fixture.engine.get(run.id).journalFile);
    expect(records.some((r) => r.event.type === 'rollback.started')).toBe(false);
    await fixture.cleanup();
  });
});
