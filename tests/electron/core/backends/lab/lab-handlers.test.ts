/** Lab administration through the registry: params checked against the contract, every failure answered as data. */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../../electron/core/app';
import { LabBackend } from '../../../../../electron/core/backends/lab/lab-backend';
import { LabStore } from '../../../../../electron/core/backends/lab/lab-store';
import { tempDataDir } from './lab-fixture';

let dataDir: string;
let core: Core;

/** A core as the CLI opens it: the Lab backend on a data directory that may hold no estate yet. */
async function open(): Promise<Core> {
  dataDir = tempDataDir();
  core = createCore({ backend: await LabBackend.open(dataDir, { latencyScale: 0 }), dataDir, version: 'test' });
  return core;
}

afterEach(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('lab.* methods', () => {
  it('refuses params the contract refuses before anything changes', async () => {
    await open();
    const before = fs.readFileSync(new LabStore(dataDir).file, 'utf8');
    for (const [method, params] of [
      ['lab.init', {}],
      ['lab.init', { scenario: 'large', force: 'yes' }],
      ['lab.faults.add', { operation: 'setLunMask', kind: 'explode' }],
      ['lab.faults.add', { operation: 'setLunMask', kind: 'delay', ms: -5 }],
      ['lab.corrupt', { lun: 'SQL-DATA', also: 'SQL-LOGS' }],
      ['lab.latency', { scale: 'fast' }],
    ] as const) {
      expect(await core.registry.invoke(method, params), `${method} ${JSON.stringify(params)}`).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
    expect(fs.readFileSync(new LabStore(dataDir).file, 'utf8')).toBe(before);
  });

  it('answers the core’s refusals as typed errors', async () => {
    await open();
    expect(await core.registry.invoke('lab.init', { scenario: 'three-node' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('Available: two-node-sql') },
    });
    expect(await core.registry.invoke('lab.faults.add', { operation: 'setLunMask', kind: 'partial' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('cannot take a "partial" fault') },
    });
    expect(await core.registry.invoke('lab.latency', { scale: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await core.registry.invoke('lab.corrupt', { lun: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('replaces the estate the backend made on an empty data directory without --force, and nothing else', async () => {
    await open();
    // Opening the backend made the default estate; nobody chose it and nothing changed it.
    expect(await core.registry.invoke('lab.init', { scenario: 'standalone-dc' })).toMatchObject({
      ok: true,
      result: { scenario: 'standalone-dc', dataDir, luns: 6, snapshotSets: 1, shadowCopies: 3 },
    });
    // A chosen estate is kept.
    expect(await core.registry.invoke('lab.init', { scenario: 'two-node-sql' })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: expect.stringContaining('Add --force') },
    });
  });

  it('keeps the default estate once anything changed it', async () => {
    await open();
    expect((await core.registry.invoke('lab.latency', { scale: 0 })).ok).toBe(true);
    expect(await core.registry.invoke('lab.init', { scenario: 'standalone-dc' })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
    expect(await core.registry.invoke('lab.init', { scenario: 'standalone-dc', force: true })).toMatchObject({ ok: true });
  });

  it('arms, lists with descriptions, and clears faults', async () => {
    await open();
    expect(
      await core.registry.invoke('lab.faults.add', { operation: 'breakSnapshotSet', kind: 'crash', crashPoint: 'before' }),
    ).toMatchObject({
      ok: true,
      result: { message: expect.stringMatching(/^Armed fault/) },
    });
    const listed = await core.registry.invoke('lab.faults.list', {});
    expect(listed).toMatchObject({
      ok: true,
      result: { faults: [{ operation: 'breakSnapshotSet', kind: 'crash', crashPoint: 'before', remaining: null }] },
    });
    expect(listed.ok && listed.result).toMatchObject({ descriptions: [expect.stringContaining('breakSnapshotSet')] });
    expect(await core.registry.invoke('lab.faults.clear', {})).toEqual({ ok: true, result: { cleared: 1 } });
    expect(await core.registry.invoke('lab.latency', {})).toEqual({ ok: true, result: { scale: 1 } });
  });
});
