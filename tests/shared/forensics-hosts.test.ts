import { describe, expect, it } from 'vitest';
import { forensicsHostChoices, isProductionHost } from '../../shared/forensics-hosts';

const hosts = [
  { name: 'SQL01', clusterName: 'SQLCLUS' },
  { name: 'SQL02', clusterName: 'SQLCLUS' },
  { name: 'APP01', clusterName: 'APPCLUS' },
  { name: 'BACKUP01', clusterName: null },
  { name: 'FILE01', clusterName: null },
];

describe('forensics hosts', () => {
  it('a clustered recovery: every node of that cluster is production, any case', () => {
    const production = { cluster: 'sqlclus', sourceHost: 'SQL01' };
    expect(isProductionHost({ name: 'SQL02', clusterName: 'SQLCLUS' }, production)).toBe(true);
    expect(forensicsHostChoices(hosts, production).map((h) => h.name)).toEqual(['APP01', 'BACKUP01', 'FILE01']);
  });

  it('a standalone recovery: the host whose disks are recovered is production', () => {
    const production = { cluster: null, sourceHost: 'file01' };
    expect(forensicsHostChoices(hosts, production).map((h) => h.name)).toEqual(['SQL01', 'SQL02', 'APP01', 'BACKUP01']);
  });
});
