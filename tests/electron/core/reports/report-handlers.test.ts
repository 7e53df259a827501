import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app';
import { createClient } from '../../../../shared/rpc';
import { localChannel } from '../../../../electron/core/rpc/registry';
import { openLab, type LabFixture } from '../backends/lab/lab-fixture';

let lab: LabFixture;
let core: Core;
afterEach(async () => {
  await core.close();
  await lab.cleanup();
});

describe('reports.export through the contract', () => {
  it('exports a finished run as HTML, JSON and CSV named after the run', async () => {
    lab = await openLab('two-node-sql');
    core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test' });
    const client = createClient(localChannel(core.registry));
    const [set] = await client.invoke('inventory.snapshots', {});
    const run = await core.engine.start({ setId: set?.id ?? '' }, [], { autoConfirm: true });
    await core.engine.settled(run.id);

    const html = await client.invoke('reports.export', { runId: run.id, format: 'html' });
    expect(html).toMatchObject({ fileName: `shadowswap-report-${run.id}.html`, encoding: 'utf8' });
    expect(html.content).toContain(run.id);
    const json = JSON.parse((await client.invoke('reports.export', { runId: run.id, format: 'json' })).content) as {
      schema: string;
      run: { id: string };
    };
    expect(json).toMatchObject({ schema: 'shadowswap.report/1', run: { id: run.id } });
    expect((await client.invoke('reports.export', { runId: run.id, format: 'csv' })).content.split('\n').length).toBeGreaterThan(8);
    await expect(client.invoke('reports.export', { runId: 'run-20990101-000000-aaaaaa', format: 'html' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
