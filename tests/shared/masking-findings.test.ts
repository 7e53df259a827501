import { describe, expect, it } from 'vitest';
import type { Cluster, Lun } from '../../shared/domain';
import { cellAccess, clusteredDiskOf, clustersByNode, listHosts, maskingFindings } from '../../shared/masking-findings';

const cluster: Cluster = {
  name: 'SQLCLUS',
  nodes: [
    { name: 'SQL01', state: 'Up' },
    { name: 'SQL02', state: 'Up' },
  ],
  groups: [{ name: 'SQL', ownerNode: 'SQL01', state: 'Online' }],
  diskResources: [
    {
      name: 'Cluster Disk 1',
      group: 'SQL',
      ownerNode: 'SQL01',
      state: 'Online',
      maintenanceMode: false,
      diskIdType: 'MBR',
      diskSignature: '3938AB7E',
      diskIdGuid: null,
      dependencies: [],
      lastEvent: null,
    },
    {
      name: 'Cluster Disk 2',
      group: 'SQL',
      ownerNode: 'SQL01',
      state: 'Online',
      maintenanceMode: false,
      diskIdType: 'GPT',
      diskSignature: null,
      diskIdGuid: '{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}',
      dependencies: [],
      lastEvent: null,
    },
  ],
  applicationResources: [],
};

function lun(name: string, overrides: Partial<Lun> = {}): Lun {
  return {
    id: `ARRAY-01:${name}`,
    name,
    arrayId: 'ARRAY-01',
    sizeBytes: 1,
    identifiers: [],
    partitionStyle: 'MBR',
    diskKind: 'basic',
    signature: '3938AB7E',
    volumes: [],
    readOnly: false,
    hidden: false,
    maskedTo: ['SQL01', 'SQL02'],
    maskAll: false,
    contentChecksum: 'x',
    state: 'healthy',
    shadowOf: null,
    ...overrides,
  };
}

describe('clusteredDiskOf', () => {
  const nodes = clustersByNode([cluster]);

  it('finds the resource expecting the MBR signature, whatever its case or padding', () => {
    expect(clusteredDiskOf(lun('DATA', { signature: '3938ab7e' }), nodes)?.resource.name).toBe('Cluster Disk 1');
  });

  it('finds a GPT resource by disk GUID, with or without braces', () => {
    expect(
      clusteredDiskOf(lun('GPT', { partitionStyle: 'GPT', signature: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' }), nodes)?.resource.name,
    ).toBe('Cluster Disk 2');
  });

  it('gives nothing for a LUN with the signature that no node sees (an unbroken shadow copy)', () => {
    expect(clusteredDiskOf(lun('DATA-SC', { maskedTo: [], state: 'shadow' }), nodes)).toBeNull();
    expect(clusteredDiskOf(lun('DATA-SC', { maskedTo: ['BACKUP01'] }), nodes)).toBeNull();
  });

  it('matches host names case-insensitively, as Windows does', () => {
    expect(clusteredDiskOf(lun('DATA', { maskedTo: ['sql02'] }), nodes)?.cluster.name).toBe('SQLCLUS');
  });
});

describe('maskingFindings', () => {
  it('finds nothing on a clustered LUN seen by exactly its nodes', () => {
    expect(maskingFindings([lun('DATA')], [cluster])).toEqual([]);
  });

  it('reports a clustered LUN a node cannot see, naming the node and the failover it breaks', () => {
    const [finding, ...rest] = maskingFindings([lun('DATA', { maskedTo: ['SQL01'] })], [cluster]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'missing-cluster-node',
      lunName: 'DATA',
      cluster: 'SQLCLUS',
      resource: 'Cluster Disk 1',
      hosts: ['SQL02'],
    });
    expect(finding?.explanation).toContain('SQL02 cannot see it');
    expect(finding?.explanation).toContain('event 1034');
  });

  it('reports a clustered LUN that a host outside the cluster sees', () => {
    const findings = maskingFindings([lun('DATA', { maskedTo: ['SQL01', 'SQL02', 'BACKUP01'] })], [cluster]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'visible-outside-cluster', hosts: ['BACKUP01'] })]);
    expect(findings[0]?.explanation).toContain('BACKUP01 outside the cluster sees it');
  });

  it('reports both at once when the mask swapped a node for an outsider', () => {
    const kinds = maskingFindings([lun('DATA', { maskedTo: ['SQL01', 'BACKUP01'] })], [cluster]).map((f) => f.kind);
    expect(kinds).toEqual(['missing-cluster-node', 'visible-outside-cluster']);
  });

  it('reports a `*` mask on a cluster disk, listing a long tail of outsiders briefly', () => {
    const outsiders = Array.from({ length: 8 }, (_, i) => `SRV${i}`);
    const [finding] = maskingFindings([lun('DATA', { maskAll: true, maskedTo: ['SQL01', 'SQL02', ...outsiders] })], [cluster]);
    expect(finding?.hosts).toEqual(outsiders);
    expect(finding?.explanation).toContain('SRV0, SRV1, SRV2, SRV3, SRV4 and 3 more');
  });

  it('reports a LUN masked to nobody, but not a shadow copy awaiting import or a forensic hold', () => {
    const findings = maskingFindings(
      [
        lun('ORPHAN', { maskedTo: [], signature: null }),
        lun('DATA-SC', { maskedTo: [], state: 'shadow' }),
        lun('DAMAGED', { maskedTo: [], state: 'forensic-hold' }),
      ],
      [cluster],
    );
    expect(findings.map((f) => [f.kind, f.lunName])).toEqual([['masked-to-nobody', 'ORPHAN']]);
    expect(findings[0]?.explanation).toContain('no host can reach its data');
  });

  it('ignores a standalone LUN seen by hosts outside any cluster', () => {
    expect(maskingFindings([lun('FILES', { signature: 'AAAA0001', maskedTo: ['FS01', 'FS02'] })], [cluster])).toEqual([]);
  });

  it('lists failover breakers first, then outsiders, then unmasked LUNs, each by LUN name', () => {
    const findings = maskingFindings(
      [
        lun('LUN10', { maskedTo: [], signature: null }),
        lun('LUN2', { maskedTo: ['SQL01', 'SQL02', 'X'] }),
        lun('LUN9', { maskedTo: ['SQL02'] }),
        lun('LUN1', { maskedTo: [], signature: null }),
      ],
      [cluster],
    );
    expect(findings.map((f) => `${f.kind}:${f.lunName}`)).toEqual([
      'missing-cluster-node:LUN9',
      'visible-outside-cluster:LUN2',
      'masked-to-nobody:LUN1',
      'masked-to-nobody:LUN10',
    ]);
  });
});

describe('cellAccess', () => {
  it.each([
    [true, null, null, 'sees'],
    [true, 'C', 'C', 'sees'],
    [true, 'C', null, 'sees-outside-cluster'],
    [true, 'C', 'D', 'sees-outside-cluster'],
    [false, 'C', 'C', 'missing-cluster-node'],
    [false, 'C', 'D', 'none'],
    [false, null, 'C', 'none'],
  ] as const)('sees=%s, LUN cluster %s, host cluster %s: %s', (sees, lunCluster, hostCluster, expected) => {
    expect(cellAccess(sees, lunCluster, hostCluster)).toBe(expected);
  });
});

describe('listHosts', () => {
  it('joins short lists in plain English and cuts long ones', () => {
    expect(listHosts(['A'])).toBe('A');
    expect(listHosts(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listHosts(['A', 'B', 'C', 'D'], 2)).toBe('A, B and 2 more');
  });
});
