import { describe, expect, it } from 'vitest';
import { parseInitiatorPorts, parseStorageDiscovery } from '../../../../../electron/core/windows-tools/parsers/parse-discovery';
import { fixture } from '../fixtures';

const DISCOVERY = fixture('storage-discovery.synthetic.json');

describe('parseStorageDiscovery', () => {
  it('reads each array with its virtual disks, masking sets (initiator ids, virtual disks) and target ports', () => {
    const [array] = parseStorageDiscovery(DISCOVERY);
    expect(array).toMatchObject({ friendlyName: 'Contoso X1', manufacturer: 'Contoso', model: 'X1', health: 'Healthy' });
    expect(array?.virtualDisks.map((d) => [d.friendlyName, d.uniqueId, d.isSnapshot])).toEqual([
      ['SQL-DATA', '60002AC0000000000000000A00001234', false],
      ['SQL-LOG', '60002AC0000000000000000A00001235', false],
      ['SQL-DATA shadow', '60002AC0000000000000000A00001236', true],
      ['SQL-LOG shadow', '60002AC0000000000000000A00001237', true],
    ]);
    expect(array?.maskingSets[0]).toEqual({
      friendlyName: 'SQL01-X1',
      uniqueId: '{5f1b7a40-0c2e-4d8a-9b61-2e7d4c9a0b01}',
      initiatorIds: [{ address: '10000000C9A1B201', type: 'PortWWN' }],
      virtualDiskUniqueIds: ['60002AC0000000000000000A00001234', '60002AC0000000000000000A00001235'],
    });
    expect(array?.targetPorts).toEqual([{ friendlyName: 'CT0.FC0', portAddress: '50060E8000C3A100', nodeAddress: '50060E8000C3A1FF' }]);
  });

  it('takes one array alone, single nested objects, missing lists and enum names as PowerShell 7 writes them', () => {
    const [full] = JSON.parse(DISCOVERY) as Record<string, unknown>[];
    const set = (full?.['MaskingSets'] as Record<string, unknown>[])[0] ?? {};
    const alone = {
      ...full,
      HealthStatus: 'Warning',
      TargetPorts: null,
      MaskingSets: {
        ...set,
        InitiatorIds: { InitiatorAddress: '10000000c9a1b201', Type: 'PortWWN' },
        VirtualDiskUniqueIds: '60002ac0000000000000000a00001234',
      },
    };
    const [array] = parseStorageDiscovery(`\uFEFF${JSON.stringify(alone)}\r\n`);
    expect(array?.health).toBe('Warning');
    expect(array?.targetPorts).toEqual([]);
    expect(array?.maskingSets[0]?.initiatorIds).toEqual([{ address: '10000000c9a1b201', type: 'PortWWN' }]);
    expect(array?.maskingSets[0]?.virtualDiskUniqueIds).toEqual(['60002AC0000000000000000A00001234']);
    expect(parseStorageDiscovery('')).toEqual([]);
    expect(parseStorageDiscovery('[]')).toEqual([]);
  });

  it('refuses a virtual disk without a UniqueId: a LUN is never matched by anything else', () => {
    const [full] = JSON.parse(DISCOVERY) as Record<string, unknown>[];
    expect(() => parseStorageDiscovery(JSON.stringify({ ...full, VirtualDisks: [{ FriendlyName: 'X' }] }))).toThrow(/UniqueId is missing/);
  });
});

describe('parseInitiatorPorts', () => {
  it('reads FC ports by their WWPN and iSCSI by the node name, as numbers or names, one object or several', () => {
    expect(parseInitiatorPorts(fixture('initiator-ports.synthetic.json'))).toEqual([
      { kind: 'fc', wwn: '10000000c9a1b201' },
      { kind: 'iscsi', iqn: 'iqn.1991-05.com.microsoft:sql01.contoso.local' },
    ]);
    expect(
      parseInitiatorPorts(JSON.stringify({ PortAddress: '10:00:00:00:C9:A1:B2:02', NodeAddress: 'x', ConnectionType: 'Fibre Channel' })),
    ).toEqual([{ kind: 'fc', wwn: '10000000c9a1b202' }]);
    expect(parseInitiatorPorts(JSON.stringify({ PortAddress: '5000C500A1B2C3D4', ConnectionType: 3 }))).toEqual([]);
    expect(() => parseInitiatorPorts(JSON.stringify({ PortAddress: 'ZZ', ConnectionType: 1 }))).toThrow(/not a 16-digit WWN/);
  });
});
