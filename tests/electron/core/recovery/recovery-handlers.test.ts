/**
 * The recovery methods through the registry, as the CLI calls them: --yes is what an in-process caller
 * vouches for, never a param, so no remote door can confirm destructive steps by sending it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app';
import { openLab, type LabFixture } from '../backends/lab/lab-fixture';

let lab: LabFixture;
let core: Core;
afterEach(async () => {
  await core.close();
  await lab.cleanup();
});

async function open(): Promise<string> {
  lab = await openLab('two-node-sql');
  core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test' });
  const [set] = await core.client().invoke('inventory.snapshots', {});
  return set?.id ?? '';
}

describe('recovery through the contract', () => {
  it('a caller that said --yes runs through every destructive step, journaled as confirmed with --yes', async () => {
    const setId = await open();
    const client = core.client({ autoConfirm: true });
    const started = await client.invoke('recovery.start', { options: { setId }, acknowledge: [] });
    expect(await client.invoke('runs.settled', { runId: started.id })).toMatchObject({ state: 'succeeded' });
    const { confirmations } = await client.invoke('runs.get', { runId: started.id });
    expect(confirmations.length).toBeGreaterThan(0);
    expect(confirmations.every((c) => c.by.endsWith('(--yes)'))).toBe(true);
  });

  it('any other caller stops at the first destructive step, and --yes sent as a param is refused', async () => {
    const setId = await open();
    const client = core.client();
    const started = await client.invoke('recovery.start', { options: { setId }, acknowledge: [] });
    const settled = await client.invoke('runs.settled', { runId: started.id });
    expect(settled).toMatchObject({ state: 'waiting-confirmation', attentionStepId: expect.any(String) });
    expect(await core.registry.invoke('runs.resume', { runId: started.id, autoConfirm: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('autoConfirm') },
    });
    expect(await core.registry.invoke('recovery.start', { options: { setId }, acknowledge: [], yes: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect((await client.invoke('runs.get', { runId: started.id })).state).toBe('waiting-confirmation');
  });

  it('runs.settled validates the run id and answers an unknown run as NOT_FOUND', async () => {
    await open();
    expect(await core.registry.invoke('runs.settled', { runId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await core.registry.invoke('runs.settled', { runId: 'run-20990101-000000-aaaaaa' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
