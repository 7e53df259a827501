/**
 * The Lab answers discovery as a Windows host would, and both backends read it through the same code: the Lab's
 * output goes through the Windows parser, and the Windows backend's picture built from it (san-picture.ts) has the
 * Lab's own LUNs and access lists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { labStorageDiscoveryOutput } from '../../../../../electron/core/backends/lab/lab-discovery';
import { LabStore } from '../../../../../electron/core/backends/lab/lab-store';
import { setArrayReachable, setReachable } from '../../../../../electron/core/backends/lab/lab-admin';
import { sanReadingNotice } from '../../../../../shared/san-reading';
import { sanPicture } from '../../../../../electron/core/backends/windows/state/san-picture';
import { parseStorageDiscovery } from '../../../../../electron/core/windows-tools/parsers/parse-discovery';
import { FIXED_NOW, openLab, type LabFixture } from './lab-fixture';

let lab: LabFixture;
afterEach(() => lab?.cleanup());

describe('discovery on the Lab', () => {
  it('reads the SAN live, so the reading is from now; a host remoting cannot reach is a failed read, with why', async () => {
    lab = await openLab('two-node-sql');
    expect(await lab.backend.sanReading()).toEqual({ readAt: FIXED_NOW.toISOString(), failures: [] });
    await setReachable(lab.dataDir, 'SQL02', false);
    expect(await lab.backend.sanReading()).toEqual({
      readAt: FIXED_NOW.toISOString(),
      failures: [{ kind: 'host', name: 'SQL02', reason: expect.stringMatching(/^SQL02 did not answer over PowerShell remoting/) }],
    });
  });

  it('an array whose Storage Management provider does not answer is a failed read, named, shown as declared, and its masking sets refuse changes; until it answers again', async () => {
    lab = await openLab('two-node-sql');
    await setArrayReachable(lab.dataDir, 'fc-array-01', false);
    const reading = await lab.backend.sanReading();
    expect(reading.failures).toEqual([{ kind: 'array', name: 'FC-ARRAY-01', reason: 'its Storage Management provider did not answer' }]);
    expect(sanReadingNotice(reading, FIXED_NOW, 'UTC').warnings).toEqual([
      'FC-ARRAY-01 could not be read: its Storage Management provider did not answer. Its LUNs and masks are shown as last read or declared. Check that its Storage Management provider answers (Get-StorageSubSystem on the console), then refresh.',
    ]);
    expect((await lab.backend.listArrays()).find((a) => a.name === 'FC-ARRAY-01')?.source).toEqual({
      kind: 'declared',
      at: null,
      note: 'its Storage Management provider did not answer; the scenario declares it',
    });
    await expect(lab.backend.setLunMask({ lunId: 'SQL-DATA', hosts: ['SQL01'] })).rejects.toMatchObject({
      code: 'BACKEND_FAILED',
      message: expect.stringMatching(/^FC-ARRAY-01 could not be changed: its Storage Management provider did not answer/),
    });
    await setArrayReachable(lab.dataDir, 'FC-ARRAY-01', true);
    expect((await lab.backend.sanReading()).failures).toEqual([]);
    expect((await lab.backend.listArrays()).find((a) => a.name === 'FC-ARRAY-01')?.source?.kind).toBe('discovered');
  });

  it('refuses to stop the Storage Management provider of a VDS-only array, which has none', async () => {
    lab = await openLab('legacy-vds');
    await expect(setArrayReachable(lab.dataDir, 'FC-ARRAY-LEGACY', false)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/^FC-ARRAY-LEGACY has no Storage Management provider \(VDS only\)/),
    });
    expect((await lab.backend.sanReading()).failures).toEqual([]);
  });

  it('reports a Storage Management array as discovered, when, and a VDS-only one as declared', async () => {
    lab = await openLab('two-node-sql');
    const arrays = await lab.backend.listArrays();
    expect(arrays.length).toBeGreaterThan(0);
    for (const array of arrays) expect(array.source).toEqual({ kind: 'discovered', at: FIXED_NOW.toISOString(), note: null });
    await lab.cleanup();
    lab = await openLab('legacy-vds');
    const legacy = await lab.backend.listArrays();
    expect(legacy.find((a) => a.management === 'vds')?.source).toMatchObject({
      kind: 'declared',
      at: null,
      note: expect.stringMatching(/^VDS only/),
    });
  });

  it("answers as Windows does: the Windows picture built from its output has the Lab's LUNs and access lists", async () => {
    lab = await openLab('two-node-sql');
    const state = new LabStore(lab.dataDir).read();
    const picture = sanPicture(
      null,
      {
        discoveredAt: FIXED_NOW.toISOString(),
        arrays: parseStorageDiscovery(labStorageDiscoveryOutput(state)),
        hosts: state.hosts.map((host) => ({ name: host.name, initiators: host.initiators, error: null })),
        error: null,
      },
      'san-map.json',
    );
    const luns = await lab.backend.listLuns();
    expect(luns.length).toBeGreaterThan(0);
    for (const lun of luns) {
      const seen = picture.luns.find((l) => l.uniqueId === lun.identifiers[0]?.value.toUpperCase());
      expect(seen?.name, lun.name).toBe(lun.name);
      expect([...(seen?.maskedTo ?? [])].sort(), lun.name).toEqual([...lun.maskedTo].sort());
    }
  });
});
