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

describe('reports.verify through the contract', () => {
  it('checks an exported report against the journal, and answers what it cannot verify as typed errors', async () => {
    lab = await openLab('two-node-sql');
    core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test' });
    const client = core.client({ autoConfirm: true });
    const [set] = await client.invoke('inventory.snapshots', {});
    const run = await client.invoke('recovery.start', { options: { setId: set?.id ?? '' }, acknowledge: [] });
    await client.invoke('runs.settled', { runId: run.id });

    const exported = await client.invoke('reports.export', { runId: run.id, format: 'json' });
    expect(exported).toMatchObject({ runState: 'succeeded', digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(exported.journal.events).toBeGreaterThan(0);
    const intact = await client.invoke('reports.verify', { file: 'report.json', text: exported.content });
    expect(intact).toMatchObject({ file: 'report.json', format: 'json', runId: run.id, intact: true });
    expect(intact.checks.map((c) => [c.name, c.status])).toEqual([
      ['Report digest', 'passed'],
      ['Journal', 'passed'],
    ]);
    const edited = exported.content.replace('"state": "succeeded"', '"state": "failed"');
    expect(edited).not.toBe(exported.content);
    expect((await client.invoke('reports.verify', { file: 'report.json', text: edited })).intact).toBe(false);

    expect(await core.registry.invoke('reports.verify', { file: 'report.pdf', text: '%PDF-1.7' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('A PDF cannot be verified') },
    });
    expect(await core.registry.invoke('reports.verify', { file: 'report.json' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });
});
