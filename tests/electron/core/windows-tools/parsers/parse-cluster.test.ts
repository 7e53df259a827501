/**
 * JSON fixtures are synthetic (no public ConvertTo-Json capture); state numbers per CLUSTER_RESOURCE_STATE
 * (docs/windows-facts.md#cluster-resource-states).
 */
import { describe, expect, it } from 'vitest';
import {
  parseClusterGroups,
  parseClusterNodes,
  parseClusterResources,
  parseDiskResourceParameters,
  parseResourceDependencies,
} from '../../../../../electron/core/windows-tools/parsers/parse-cluster';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { fixture } from '../fixtures';

describe('parseClusterResources', () => {
  it('array with enum numbers', () => {
    expect(parseClusterResources(fixture('cluster-resources.synthetic.json'))).toEqual([
      {
        name: 'Cluster Disk 1',
        state: 'Online',
        stateCode: 2,
        maintenanceShown: false,
        ownerGroup: 'SQL Server (MSSQLSERVER)',
        ownerNode: 'SQLNODE1',
        resourceType: 'Physical Disk',
      },
      {
        name: 'Cluster Disk 2',
        state: 'Offline',
        stateCode: 3,
        maintenanceShown: false,
        ownerGroup: 'Available Storage',
        ownerNode: 'SQLNODE2',
        resourceType: 'Physical Disk',
      },
      {
        name: 'Cluster IP Address',
        state: 'OnlinePending',
        stateCode: 129,
        maintenanceShown: false,
        ownerGroup: 'Cluster Group',
        ownerNode: 'SQLNODE1',
        resourceType: 'IP Address',
      },
    ]);
  });
  it('single object (not an array), state as text, old-host Group column as an object', () => {
    expect(parseClusterResources(fixture('cluster-resource-single-old-host.synthetic.json'))).toEqual([
      {
        name: 'Cluster Disk 2',
        state: 'Online',
        stateCode: null,
        maintenanceShown: true,
        ownerGroup: 'Available Storage',
        ownerNode: 'node1',
        resourceType: 'Physical Disk',
      },
    ]);
  });
  it('empty output means no resources; unknown numbers are kept visible', () => {
    expect(parseClusterResources('')).toEqual([]);
    expect(parseClusterResources('{"Name":"X","State":7}')[0]!.state).toBe('Undocumented(7)');
    expect(parseClusterResources('{"Name":"X","State":-1}')[0]!.state).toBe('Unknown');
  });
  it('malformed: not JSON, missing Name, not an object', () => {
    expect(() => parseClusterResources('Name State\n---- -----')).toThrow(ParseError);
    expect(() => parseClusterResources('{"State":2}')).toThrow(/Name is missing/);
    expect(() => parseClusterResources('[1,2]')).toThrow(ParseError);
  });
  it('a JSON syntax error reports the line', () => {
    try {
      parseClusterResources('[\n{"Name":"A","State":2},\n{"Name":"B",,}\n]');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).line).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('parseDiskResourceParameters (§5.4)', () => {
  it('MBR: DiskIdType 0 + DiskSignature as 8 hex digits, maintenance on', () => {
    const p = parseDiskResourceParameters(fixture('cluster-parameters-mbr.synthetic.json'));
    expect(p.identity).toEqual({ kind: 'mbr', signature: '1234ABCD' });
    expect(p.diskIdGuid).toBeNull();
    expect(p.maintenanceMode).toBe(1);
  });
  it('GPT: DiskIdType 1 + braced upper-case DiskIdGuid normalized', () => {
    const p = parseDiskResourceParameters(fixture('cluster-parameters-gpt.synthetic.json'));
    expect(p.identity).toEqual({ kind: 'gpt', guid: 'd44e4b8d-ead2-4221-b709-ccbb4ef70fd1' });
    expect(p.diskSignature).toBe('00000000');
    expect(p.maintenanceMode).toBe(0);
  });
  it('5000 is unrecognized; hex-string signatures accepted; bad values refused', () => {
    expect(parseDiskResourceParameters('[{"Name":"DiskIdType","Value":5000}]').identity).toEqual({ kind: 'unknown' });
    expect(
      parseDiskResourceParameters('[{"Name":"DiskIdType","Value":0},{"Name":"DiskSignature","Value":"0x1234ABCD"}]').diskSignature,
    ).toBe('1234ABCD');
    expect(() => parseDiskResourceParameters('[{"Name":"DiskSignature","Value":4294967296}]')).toThrow(ParseError);
    expect(() => parseDiskResourceParameters('[{"Name":"MaintenanceMode","Value":4}]')).toThrow(ParseError);
    expect(() => parseDiskResourceParameters('[{"Name":"DiskIdGuid","Value":"not-a-guid"}]')).toThrow(ParseError);
    expect(() => parseDiskResourceParameters('[{"Name":"DiskIdType","Value":0},{"Name":"DiskIdType","Value":1}]')).toThrow(/twice/);
  });
});

describe('nodes and groups', () => {
  it('nodes (array) and groups (single object)', () => {
    expect(parseClusterNodes(fixture('cluster-nodes.synthetic.json'))).toEqual([
      { name: 'SQLNODE1', id: '1', state: 'Up' },
      { name: 'SQLNODE2', id: '2', state: 'Paused' },
    ]);
    expect(parseClusterGroups(fixture('cluster-groups.synthetic.json'))).toEqual([
      { name: 'Available Storage', ownerNode: 'SQLNODE1', state: 'Online' },
    ]);
  });
});

describe('parseResourceDependencies (synthetic: no public capture of Get-ClusterResourceDependency output exists)', () => {
  it('names in brackets, joined by and / or, are all providers; an empty expression is none', () => {
    expect(
      parseResourceDependencies(
        '[{"Resource":"SQL Server","DependencyExpression":"([Cluster Disk 1]) and ([SQL Network Name (SQLVS)])"},{"Resource":"SQL Network Name (SQLVS)","DependencyExpression":"[IP A] or [IP B]"},{"Resource":"Cluster Disk 1","DependencyExpression":""}]',
      ),
    ).toEqual([
      { resource: 'SQL Server', dependsOn: ['Cluster Disk 1', 'SQL Network Name (SQLVS)'] },
      { resource: 'SQL Network Name (SQLVS)', dependsOn: ['IP A', 'IP B'] },
      { resource: 'Cluster Disk 1', dependsOn: [] },
    ]);
  });
  it('one object, the resource as a nested object, a missing or null expression', () => {
    expect(parseResourceDependencies('{"Resource":{"Name":"SQL Server Agent","State":2},"DependencyExpression":"[SQL Server]"}')).toEqual([
      { resource: 'SQL Server Agent', dependsOn: ['SQL Server'] },
    ]);
    expect(parseResourceDependencies('[{"Resource":"A","DependencyExpression":null},{"Resource":"B"}]')).toEqual([
      { resource: 'A', dependsOn: [] },
      { resource: 'B', dependsOn: [] },
    ]);
    expect(parseResourceDependencies('')).toEqual([]);
  });
  it('malformed: no resource name, not JSON', () => {
    expect(() => parseResourceDependencies('{"DependencyExpression":"[A]"}')).toThrow(/Resource is missing/);
    expect(() => parseResourceDependencies('Resource DependencyExpression\n-------- ----')).toThrow(ParseError);
  });
});
