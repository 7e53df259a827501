/** The estates: what each scenario promises, valid against the persisted schema, and deterministic. */
import { describe, expect, it } from 'vitest';
import { LabState } from '../../../../../electron/core/backends/lab/lab-model';
import { buildScenario, scenarios } from '../../../../../electron/core/backends/lab/scenarios';
import { hostsView } from '../../../../../electron/core/backends/lab/lab-views';
import { FIXED_NOW } from './lab-fixture';

const compliant = (state: LabState, lunId: string) => {
  const lun = state.luns.find((l) => l.id === lunId);
  return (
    lun?.partitionStyle === 'MBR' &&
    lun.diskKind === 'basic' &&
    lun.identifiers.some((i) => [1, 2, 8].includes(i.type) && i.association === 0)
  );
};

describe.each(Object.keys(scenarios))('scenario %s', (name) => {
  const state = buildScenario(name, FIXED_NOW);

  it('matches the persisted schema', () => {
    expect(LabState.safeParse(state).success).toBe(true);
  });

  it('is the same on every build', () => {
    expect(buildScenario(name, FIXED_NOW)).toEqual(state);
  });

  it("has a transportable set taken last night, whose shadow LUNs hold the originals' data and are masked from every host", () => {
    const set = state.snapshotSets[0];
    expect(set?.createdAt).toBe('2025-03-13T23:00:00.000Z');
    for (const copy of set?.shadowCopies ?? []) {
      const original = state.luns.find((l) => l.id === copy.originalLunId);
      const shadow = state.luns.find((l) => l.id === copy.shadowLunId);
      expect(shadow).toMatchObject({ mask: [], readOnly: true, state: 'shadow', shadowOf: original?.id });
      // An original damaged since the set (dc-pair's database) no longer holds the data the shadow kept.
      if (original?.state === 'damaged') expect(shadow?.files).not.toContain('HOW_TO_RECOVER_FILES.txt');
      else expect(shadow?.contentChecksum).toBe(original?.contentChecksum);
    }
  });
});

describe('what each scenario holds', () => {
  it('two-node-sql: SQLCLUS on SQL01 and SQL02 with four compliant clustered LUNs, and BACKUP01', () => {
    const state = buildScenario('two-node-sql', FIXED_NOW);
    const [cluster] = state.clusters;
    expect(cluster?.name).toBe('SQLCLUS');
    expect(cluster?.nodes.map((n) => n.name)).toEqual(['SQL01', 'SQL02']);
    const clustered = state.luns.filter((l) => l.state !== 'shadow');
    expect(clustered.length).toBeGreaterThanOrEqual(4);
    expect(clustered.every((l) => compliant(state, l.id))).toBe(true);
    expect(cluster?.resources.map((r) => r.diskSignature)).toEqual(clustered.map((l) => l.signature));
    expect(hostsView(state).find((h) => h.name === 'BACKUP01')).toMatchObject({ clusterName: null, visibleLunIds: [] });
  });

  it('standalone-dc: DC01 with its AD database and logs on SAN LUNs', () => {
    const state = buildScenario('standalone-dc', FIXED_NOW);
    const files = state.luns.filter((l) => l.mask.includes('DC01')).flatMap((l) => l.files);
    expect(files).toEqual(expect.arrayContaining(['NTDS\\ntds.dit', 'edb.log']));
    expect(state.snapshotSets[0]?.sourceHost).toBe('DC01');
  });

  it('mixed-compliance: one GPT, one dynamic, one with only an NAA identifier', () => {
    const state = buildScenario('mixed-compliance', FIXED_NOW);
    const originals = state.luns.filter((l) => l.state !== 'shadow');
    expect(originals.filter((l) => l.partitionStyle === 'GPT')).toHaveLength(1);
    expect(originals.filter((l) => l.diskKind === 'dynamic')).toHaveLength(1);
    expect(originals.filter((l) => l.identifiers.every((i) => i.type === 3))).toHaveLength(1);
    const gptResource = state.clusters[0]?.resources.find((r) => r.diskIdType === 'GPT');
    expect(gptResource).toMatchObject({ diskSignature: null, diskIdGuid: originals.find((l) => l.partitionStyle === 'GPT')?.signature });
  });

  it('large: 10,000 LUNs, 500 hosts, 100 clusters with 1,000 disk resources, 2,000 sets of 8', () => {
    const state = buildScenario('large', FIXED_NOW);
    expect(state.luns.filter((l) => l.state !== 'shadow')).toHaveLength(10_000);
    expect(state.hosts).toHaveLength(500);
    expect(state.clusters).toHaveLength(100);
    expect(state.clusters.flatMap((c) => c.resources)).toHaveLength(1_000);
    expect(state.snapshotSets).toHaveLength(2_000);
    expect(
      state.snapshotSets.every((s) => s.shadowCopies.length === 8 && new Set(s.shadowCopies.map((c) => c.originalLunId)).size === 8),
    ).toBe(true);
    expect(new Set(state.luns.map((l) => l.id)).size).toBe(state.luns.length);
  });
});
