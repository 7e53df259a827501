import { describe, expect, it } from 'vitest';
import { relevantColumns, renumberSeenBy } from '../../../../electron/core/inventory/matrix-columns';
import type { MatrixHost, MatrixRow } from '../../../../shared/inventory-rows';

const hosts: MatrixHost[] = [
  { name: 'SQL01', cluster: 'SQLCLUS' },
  { name: 'SQL02', cluster: 'SQLCLUS' },
  { name: 'FS01', cluster: 'FSCLUS' },
  { name: 'BACKUP01', cluster: null },
  { name: 'DC01', cluster: null },
];
const row = (lunId: string, seenBy: number[], cluster: string | null = null): MatrixRow => ({
  lunId,
  name: lunId,
  state: 'healthy',
  cluster,
  resource: cluster ? 'Cluster Disk 1' : null,
  seenBy,
  findings: [],
});

describe('relevantColumns', () => {
  it('keeps the hosts that see a matched LUN', () => {
    expect(relevantColumns([row('ntds', [4])], hosts)).toEqual([4]);
  });

  it('keeps every node of the cluster a matched LUN backs, even a node that does not see it', () => {
    expect(relevantColumns([row('data', [0], 'SQLCLUS')], hosts)).toEqual([0, 1]);
  });

  it('keeps a host outside the cluster that sees a cluster disk (the finding to show)', () => {
    expect(relevantColumns([row('data', [0, 1, 3], 'SQLCLUS')], hosts)).toEqual([0, 1, 3]);
  });
});

describe('renumberSeenBy', () => {
  it('renumbers a row for the narrowed columns', () => {
    expect(renumberSeenBy(row('data', [1, 3], 'SQLCLUS'), [0, 1, 3]).seenBy).toEqual([1, 2]);
  });
});
