/**
 * The Windows backend driven by replayed transcripts: each test states the exact tool calls a step must make
 * (golden scripts and commands) with the output the tools give back, and checks what the backend concludes and
 * records. A call the backend should not make fails the replay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSet } from '../../../../../shared/domain';
import {
  checkedMaskingSessionCommand,
  checkedMaskingSessionOnHostCommand,
} from '../../../../../electron/core/windows-tools/commands/diskraid-session';
import { buildExposeScript, buildImportScript } from '../../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import {
  createOnHostCommand,
  diskshadowOnHostCommand,
  vshadowOnHostCommand,
} from '../../../../../electron/core/windows-tools/commands/tool-on-host-commands';
import {
  addVirtualDiskToMaskingSetCommand,
  maskingSetsOfVirtualDiskCommand,
  removeVirtualDiskFromMaskingSetCommand,
} from '../../../../../electron/core/windows-tools/commands/masking-set-commands';
import { initiatorPortsCommand, storageDiscoveryCommand } from '../../../../../electron/core/windows-tools/commands/discovery-commands';
import { readBackupComponentsCommand } from '../../../../../electron/core/windows-tools/commands/backup-components-command';
import {
  getClusterGroupCommand,
  getClusterNodeCommand,
  getClusterResourceCommand,
  getClusterResourceDependencyCommand,
  getDataPartitionsCommand,
  getDiskCommand,
  getDiskVolumesCommand,
  getShadowCopiesCommand,
  metadataPresentCommand,
  nodeReadinessCommand,
} from '../../../../../electron/core/windows-tools/commands/powershell-commands';
import { ReplayLauncher } from '../../../../../electron/core/backends/windows/running/replay-launcher';
import type { TranscriptEntry } from '../../../../../electron/core/backends/windows/running/transcript';
import { createWindowsBackend } from '../../../../../electron/core/backends/windows/windows-backend';
import { fixture } from '../../windows-tools/fixtures';

const SET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PROVIDER = '781c006a-5829-4a25-81e3-d5e43bd005ab';
const DATA_UID = '60002AC0000000000000000A00001234';
const LOG_UID = '60002AC0000000000000000A00001235';
const DISKSHADOW_ARGV = ['/s', '<scratch>/script.dsh', '/l', '<scratch>/diskshadow.log'];

const SAN_MAP = {
  format: 'shadowswap-san-map',
  version: 1,
  metadataDir: 'C:\\ShadowSwap\\metadata',
  arrays: [
    {
      id: 'array1',
      name: 'Array 1',
      vendor: 'Contoso',
      model: 'X1',
      providerId: PROVIDER,
      providerName: 'Contoso VSS provider',
      diskraidSubsystem: 0,
    },
  ],
  hosts: [
    { name: 'SQLNODE1', initiators: [{ kind: 'fc', wwn: '10000000c9a1b2c3' }], clusterName: 'SQLCLUSTER' },
    { name: 'SQLNODE2', initiators: [{ kind: 'fc', wwn: '10000000c9a1b2c4' }], clusterName: 'SQLCLUSTER' },
    { name: 'ISCSIHOST', initiators: [{ kind: 'iscsi', iqn: 'iqn.1991-05.com.microsoft:iscsihost' }] },
  ],
  luns: [
    { id: 'sql-data', name: 'SQL data', arrayId: 'array1', diskraidLun: 5, uniqueId: DATA_UID, maskedTo: ['SQLNODE1', 'SQLNODE2'] },
    { id: 'sql-log', name: 'SQL log', arrayId: 'array1', diskraidLun: 6, uniqueId: LOG_UID, maskedTo: ['SQLNODE1', 'SQLNODE2'] },
  ],
};

/**
 * The shadow LUNs the array shows once the set is made, declared in the SAN map with the identifiers the set's Backup
 * Components Document records for its two shadow copies.
 */
const SHADOW_LUNS = [6, 7].map((n, i) => ({
  id: `shadow-${n}`,
  name: `shadow ${n}`,
  arrayId: 'array1',
  diskraidLun: 7 + i,
  uniqueId: `${DATA_UID.slice(0, -1)}${n}`,
  maskedTo: [],
}));

function call(tool: TranscriptEntry['tool'], argv: string[], stdout = '', extra: Partial<TranscriptEntry> = {}): TranscriptEntry {
  return {
    tool,
    argv,
    script: null,
    stdout,
    stderr: '',
    log: null,
    exitCode: 0,
    ending: 'exited',
    durationMs: 5,
    at: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}
const ps = (command: string, stdout: string, extra: Partial<TranscriptEntry> = {}) =>
  call('powershell', ['-NoProfile', '-NonInteractive', '-Command', command], stdout, extra);
/** What Win32_ShadowCopy answers once the set's one shadow copy is imported (ConvertTo-Json writes one object alone). */
const IMPORTED_COPY = JSON.stringify({
  ID: '{5F1D8C2A-1B2C-4D3E-8F40-123456789ABC}',
  SetID: `{${SET.toUpperCase()}}`,
  Imported: true,
  Transportable: true,
});
/** The import read back through CIM on the import host, SQLNODE1, through remoting. */
const importedReadBack = () => ps(getShadowCopiesCommand('SQLNODE1'), IMPORTED_COPY);
/** The inventory of a set imported on this computer (SQLNODE1): what Win32_ShadowCopy lists here. */
const heldHereReadBack = () => ps(getShadowCopiesCommand(), IMPORTED_COPY);
/** The set's Backup Components Document as readBackupComponentsCommand prints the .cab's XML files. */
const backupComponents = JSON.stringify([
  { Name: 'writer0.xml', Text: '<WRITER_METADATA/>' },
  { Name: 'bc.xml', Text: fixture('backup-components.synthetic.xml') },
]);
const diskshadow = (script: string, stdout: string, extra: Partial<TranscriptEntry> = {}) =>
  call('diskshadow', DISKSHADOW_ARGV, stdout, { script, ...extra });
/** A tool run on SQLNODE1 through remoting (the console's own computer: nothing copied), answering `stdout` and exit 0. */
const onSqlNode1 = (command: string, stdout: string, extra: Partial<TranscriptEntry> = {}) =>
  ps(command, JSON.stringify({ ExitCode: 0, Output: stdout, Errors: '' }), extra);
const importOnSqlNode1 = (stdout: string, extra: Partial<TranscriptEntry> = {}) =>
  onSqlNode1(
    diskshadowOnHostCommand({
      host: 'SQLNODE1',
      script: buildImportScript({ metadataPath: 'C:\\ShadowSwap\\metadata\\fr.cab' }),
      copyMetadata: null,
    }),
    stdout,
    extra,
  );

function setup(entries: TranscriptEntry[], options: { sanMap?: unknown; sets?: SnapshotSet[]; thisComputer?: string } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-win-'));
  const stateDir = path.join(dataDir, 'windows');
  fs.mkdirSync(stateDir, { recursive: true });
  if (options.sanMap !== null) fs.writeFileSync(path.join(stateDir, 'san-map.json'), JSON.stringify(options.sanMap ?? SAN_MAP));
  if (options.sets !== undefined)
    fs.writeFileSync(
      path.join(stateDir, 'snapshot-sets.json'),
      JSON.stringify({ format: 'shadowswap-snapshot-catalog', version: 1, sets: options.sets }),
    );
  const launcher = new ReplayLauncher(entries);
  const backend = createWindowsBackend({
    dataDir,
    launcher,
    thisComputer: options.thisComputer ?? 'SQLNODE1',
    now: () => new Date('2022-08-25T12:16:10Z'),
  });
  const sanMap = () => JSON.parse(fs.readFileSync(path.join(stateDir, 'san-map.json'), 'utf8')) as typeof SAN_MAP;
  return { backend, launcher, stateDir, sanMap };
}

const volume = (letter: string, guid: string) =>
  JSON.stringify({ DriveLetter: letter, Path: `\\\\?\\Volume{${guid}}\\`, FileSystemLabel: 'SQL', FileSystem: 'NTFS' });
const disk = (uid: string, signature: number) =>
  JSON.stringify({
    Number: 3,
    Size: 107374182400,
    UniqueId: uid,
    UniqueIdFormat: 3,
    PartitionStyle: 'MBR',
    Signature: signature,
    Guid: null,
    IsReadOnly: false,
    IsOffline: false,
  });

function createdSet(state: SnapshotSet['state'] = 'created', importedTo: string | null = null): SnapshotSet {
  return {
    id: SET,
    createdAt: '2022-08-25T12:16:16',
    sourceHost: 'SQLNODE1',
    state,
    attributes: ['Transportable'],
    providerId: PROVIDER,
    metadataFile: 'C:\\ShadowSwap\\metadata\\fr.cab',
    importedTo,
    breakMode: null,
    shadowCopies: [
      {
        id: '5f1d8c2a-1b2c-4d3e-8f40-123456789abc',
        originalLunId: 'sql-data',
        shadowLunId: '',
        originalVolume: 'v',
        originalDriveLetter: 'E:',
        originalIdentity: { partitionStyle: 'MBR', signature: '1234ABCD' },
        imported: false,
        exposedAs: null,
      },
    ],
  };
}

describe('WindowsBackend', () => {
  it('says exactly what is missing when neither discovery nor a SAN map tells it the SAN, without running anything', async () => {
    const { backend, launcher } = setup([], { sanMap: null });
    await expect(backend.listLuns()).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(
        /knows no SAN yet: discovery has not run and there is no SAN map at .*san-map\.json\. Open the arrays page/,
      ),
    });
    await expect(backend.setLunMask({ lunId: 'sql-data', hosts: [] })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await backend.listSnapshotSets()).toEqual([]);
    expect(launcher.remaining).toBe(0);
    expect(backend.describe()).toMatchObject({ kind: 'windows', label: 'Windows (SQLNODE1)' });
  });

  describe('discovery', () => {
    /** The synthetic discovery of SQLCLUS's array, as the array of this test's SAN map with its hosts' WWNs: SQL-LOG only in SQLNODE1's set. */
    const discovered = () => {
      const [array] = JSON.parse(fixture('storage-discovery.synthetic.json')) as Array<Record<string, unknown>>;
      const sets = array?.['MaskingSets'] as Array<{ InitiatorIds: { InitiatorAddress: string }[]; VirtualDiskUniqueIds: string[] }>;
      const [first, second] = sets;
      if (first === undefined || second === undefined) throw new Error('the fixture has two masking sets');
      first.InitiatorIds = [{ ...first.InitiatorIds[0], InitiatorAddress: '10000000C9A1B2C3' }];
      second.InitiatorIds = [{ ...second.InitiatorIds[0], InitiatorAddress: '10:00:00:00:C9:A1:B2:C4' }];
      second.VirtualDiskUniqueIds = [DATA_UID];
      return JSON.stringify([{ ...array, FriendlyName: 'Array 1' }]);
    };
    const ports = (wwn: string) => JSON.stringify({ NodeAddress: '20000000C9A1B2FF', PortAddress: wwn, ConnectionType: 1 });
    const unreachable = {
      exitCode: 1,
      stderr:
        '[ISCSIHOST] Connecting to remote server ISCSIHOST failed with the following error message : WinRM cannot complete the operation.',
    };
    const discovery = () => [
      ps(storageDiscoveryCommand(), discovered()),
      ps(initiatorPortsCommand(), ports('10000000C9A1B2C3')),
      ps(initiatorPortsCommand({ computer: 'SQLNODE2' }), ports('10000000C9A1B2C4')),
      ps(initiatorPortsCommand({ computer: 'ISCSIHOST' }), '', unreachable),
    ];

    it('lists the arrays discovery found, when, and from where; the SAN map adds only the VSS provider', async () => {
      const { backend, launcher } = setup(discovery());
      const [array, ...others] = await backend.listArrays();
      expect(others).toEqual([]);
      expect(array).toMatchObject({
        id: 'array1',
        name: 'Array 1',
        vendor: 'Contoso',
        model: 'X1',
        providerId: PROVIDER,
        management: 'storage-management',
        source: { kind: 'discovered', at: '2022-08-25T12:16:10.000Z', note: null },
      });
      expect(launcher.remaining).toBe(0);
    });

    it('tells the inventory when discovery read the SAN and which host it could not read, and why; nothing before the first reading', async () => {
      const { backend } = setup(discovery());
      expect(await backend.sanReading()).toEqual({ readAt: null, failures: [] });
      await backend.listArrays();
      expect(await backend.sanReading()).toEqual({
        readAt: '2022-08-25T12:16:10.000Z',
        failures: [{ kind: 'host', name: 'ISCSIHOST', reason: expect.stringMatching(/WinRM cannot complete the operation/) }],
      });
    });

    it('records an array read that failed as a failure of the Storage Management API, with the reason', async () => {
      const { backend } = setup([
        ps(storageDiscoveryCommand(), '', { exitCode: 1, stderr: 'Get-StorageSubSystem : Access denied' }),
        ps(initiatorPortsCommand(), ports('10000000C9A1B2C3')),
        ps(initiatorPortsCommand({ computer: 'SQLNODE2' }), ports('10000000C9A1B2C4')),
        ps(initiatorPortsCommand({ computer: 'ISCSIHOST' }), ports('10000000C9A1B2C5')),
      ]);
      await backend.listArrays();
      expect((await backend.sanReading()).failures).toEqual([
        {
          kind: 'array',
          name: 'The Storage Management API',
          reason: expect.stringMatching(/^the Storage Management API could not be read: .*Access denied/),
        },
      ]);
    });

    it('takes LUNs and access lists from the array, never from the SAN map, matched by UniqueId; a host that does not answer keeps its declared initiators', async () => {
      const disks = JSON.stringify([]);
      const { backend, launcher, stateDir } = setup([
        ...discovery(),
        ps(getDiskCommand(), disks),
        ps(getDiskCommand({ computer: 'SQLNODE2' }), disks),
        ps(getDiskCommand({ computer: 'ISCSIHOST' }), disks),
      ]);
      await backend.listArrays();
      const luns = await backend.listLuns();
      expect(luns.map((l) => [l.id, l.name, l.maskedTo])).toEqual([
        ['sql-data', 'SQL data', ['SQLNODE1', 'SQLNODE2']],
        // The SAN map says SQLNODE1 and SQLNODE2; the array's masking sets say SQLNODE1 alone.
        ['sql-log', 'SQL log', ['SQLNODE1']],
        ['lun-60002ac0000000000000000a00001236', 'SQL-DATA shadow', []],
        ['lun-60002ac0000000000000000a00001237', 'SQL-LOG shadow', []],
      ]);
      const hosts = await backend.listHosts();
      expect(hosts.find((h) => h.name === 'ISCSIHOST')?.initiators).toEqual([
        { kind: 'iscsi', iqn: 'iqn.1991-05.com.microsoft:iscsihost' },
      ]);
      const recorded = JSON.parse(fs.readFileSync(path.join(stateDir, 'discovered-san.json'), 'utf8')) as {
        hosts: { name: string; error: string | null }[];
      };
      expect(recorded.hosts.find((h) => h.name === 'ISCSIHOST')?.error).toMatch(/WinRM cannot complete the operation/);
      expect(launcher.remaining).toBe(0);
    });

    it("links a created set's shadow copy to the virtual disk discovery finds with the identifier its provider recorded", async () => {
      const unlinked = createdSet();
      const shadowCopies = unlinked.shadowCopies.map((c) => ({ ...c, shadowLunIdentifiers: ['60002AC0000000000000000A00001236'] }));
      const { backend, launcher } = setup(discovery(), { sets: [{ ...unlinked, shadowCopies }] });
      await backend.listArrays();
      expect((await backend.listSnapshotSets())[0]?.shadowCopies[0]?.shadowLunId).toBe('lun-60002ac0000000000000000a00001236');
      expect(launcher.remaining).toBe(0);
    });

    it('records a masking change in the discovered masking sets, not in the SAN map', async () => {
      const setOf = (n: number) => ({ FriendlyName: `SQL0${n}-X1`, UniqueId: `{5f1b7a40-0c2e-4d8a-9b61-2e7d4c9a0b0${n}}` });
      const { backend, launcher, stateDir } = setup([
        ...discovery(),
        ps(maskingSetsOfVirtualDiskCommand(LOG_UID), JSON.stringify([setOf(1)])),
        ps(addVirtualDiskToMaskingSetCommand({ maskingSetUniqueId: setOf(2).UniqueId, virtualDiskUniqueIds: [LOG_UID] }), ''),
        ps(maskingSetsOfVirtualDiskCommand(LOG_UID), JSON.stringify([setOf(1), setOf(2)])),
      ]);
      await backend.listArrays();
      const declared = fs.readFileSync(path.join(stateDir, 'san-map.json'), 'utf8');
      await backend.setLunMask({ lunId: 'sql-log', hosts: ['SQLNODE1', 'SQLNODE2'], expected: ['SQLNODE1'] });
      expect(launcher.remaining).toBe(0);
      const recorded = JSON.parse(fs.readFileSync(path.join(stateDir, 'discovered-san.json'), 'utf8')) as {
        arrays: { maskingSets: { friendlyName: string; virtualDiskUniqueIds: string[] }[] }[];
      };
      expect(recorded.arrays[0]?.maskingSets.find((m) => m.friendlyName === 'SQL02-X1')?.virtualDiskUniqueIds).toContain(LOG_UID);
      expect(fs.readFileSync(path.join(stateDir, 'san-map.json'), 'utf8')).toBe(declared);
      expect((await backend.listHosts()).find((h) => h.name === 'SQLNODE2')?.visibleLunIds).toContain('sql-log');
    });
  });

  it('creates a transportable set with a golden diskshadow script and records it in the catalog', async () => {
    const script =
      'set context persistent\r\nset option transportable\r\nset metadata C:\\ShadowSwap\\metadata\\set-20220825T121610.cab\r\nbegin backup\r\n' +
      `add volume E: provider {${PROVIDER}}\r\nadd volume F: provider {${PROVIDER}}\r\ncreate\r\nend backup\r\nexit\r\n`;
    const { backend, launcher, stateDir } = setup([
      ps(getDiskCommand({ disk: { uniqueId: DATA_UID } }), disk(DATA_UID, 0x1234abcd)),
      ps(getDiskVolumesCommand({ disk: { uniqueId: DATA_UID } }), volume('E', 'ab12cd34-0000-0000-0000-100000000000')),
      ps(getDiskCommand({ disk: { uniqueId: LOG_UID } }), disk(LOG_UID, 0x1234abce)),
      ps(getDiskVolumesCommand({ disk: { uniqueId: LOG_UID } }), volume('F', 'ab12cd34-0000-0000-0000-200000000000')),
      diskshadow(script, fixture('diskshadow-create-transportable.synthetic.txt')),
      ps(readBackupComponentsCommand('C:\\ShadowSwap\\metadata\\set-20220825T121610.cab'), backupComponents),
    ]);

    const created = await backend.createSnapshotSet({ host: 'sqlnode1.contoso.local', lunIds: ['sql-data', 'sql-log'], persistent: true });
    expect(created.warnings.join(' ')).toMatch(
      /^The shadow LUNs of \{5f1d8c2a-1b2c-4d3e-8f40-123456789abc\}, \{6a2e9d3b-2c3d-4e4f-9051-23456789abcd\} are not linked to array LUNs yet: no LUN discovered on the arrays or declared in the SAN map has the identifier the provider recorded \(.*60002AC0000000000000000A00001236.*\)/,
    );

    expect(launcher.remaining).toBe(0);
    expect(created.snapshotSetId).toBe(SET);
    expect(created.changes).toEqual([
      'shadow copy {5f1d8c2a-1b2c-4d3e-8f40-123456789abc} of E: created',
      'shadow copy {6a2e9d3b-2c3d-4e4f-9051-23456789abcd} of F: created',
    ]);
    const [set] = await backend.listSnapshotSets();
    expect(set).toMatchObject({ id: SET, state: 'created', providerId: PROVIDER, sourceHost: 'sqlnode1.contoso.local', importedTo: null });
    expect(set?.metadataFile).toBe('C:\\ShadowSwap\\metadata\\set-20220825T121610.cab');
    // A time with its zone: the console's clock when the create started, not diskshadow's zone-less local time.
    expect(set?.createdAt).toBe('2022-08-25T12:16:10.000Z');
    expect(set?.shadowCopies.map((c) => [c.originalLunId, c.originalDriveLetter, c.originalIdentity.signature])).toEqual([
      ['sql-data', 'E:', '1234ABCD'],
      ['sql-log', 'F:', '1234ABCE'],
    ]);
    expect(SnapshotSet.array().parse(await backend.listSnapshotSets())).toHaveLength(1);
    expect(
      set?.shadowCopies.map((c) => [
        c.shadowLunId,
        c.shadowLunIdentifiers?.includes(`${DATA_UID.slice(0, -1)}${c.originalLunId === 'sql-data' ? 6 : 7}`),
      ]),
    ).toEqual([
      ['', true],
      ['', true],
    ]);

    // The operator adds the shadow LUNs the array now shows: the next listing links each copy by UniqueId, and keeps it.
    fs.writeFileSync(path.join(stateDir, 'san-map.json'), JSON.stringify({ ...SAN_MAP, luns: [...SAN_MAP.luns, ...SHADOW_LUNS] }));
    expect((await backend.listSnapshotSets())[0]?.shadowCopies.map((c) => c.shadowLunId)).toEqual(['shadow-6', 'shadow-7']);
    const catalog = JSON.parse(fs.readFileSync(path.join(stateDir, 'snapshot-sets.json'), 'utf8')) as { sets: SnapshotSet[] };
    expect(catalog.sets[0]?.shadowCopies.map((c) => c.shadowLunId)).toEqual(['shadow-6', 'shadow-7']);
  });

  it('creates a set on a French server: the listing is not read, the .cab names the set and its copies, each matched to its volume by its LUN', async () => {
    const script =
      'set context persistent\r\nset option transportable\r\nset metadata C:\\ShadowSwap\\metadata\\set-20220825T121610.cab\r\nbegin backup\r\n' +
      `add volume E: provider {${PROVIDER}}\r\nadd volume F: provider {${PROVIDER}}\r\ncreate\r\nend backup\r\nexit\r\n`;
    const { backend, launcher } = setup([
      ps(getDiskCommand({ disk: { uniqueId: DATA_UID } }), disk(DATA_UID, 0x1234abcd)),
      ps(getDiskVolumesCommand({ disk: { uniqueId: DATA_UID } }), volume('E', 'ab12cd34-0000-0000-0000-100000000000')),
      ps(getDiskCommand({ disk: { uniqueId: LOG_UID } }), disk(LOG_UID, 0x1234abce)),
      ps(getDiskVolumesCommand({ disk: { uniqueId: LOG_UID } }), volume('F', 'ab12cd34-0000-0000-0000-200000000000')),
      // Synthetic: diskshadow's create in French; no public capture of it exists.
      diskshadow(script, fixture('diskshadow-create-transportable.fr.synthetic.txt')),
      ps(readBackupComponentsCommand('C:\\ShadowSwap\\metadata\\set-20220825T121610.cab'), backupComponents),
    ]);

    const created = await backend.createSnapshotSet({ host: 'SQLNODE1', lunIds: ['sql-data', 'sql-log'], persistent: true });

    expect(launcher.remaining).toBe(0);
    expect(created.snapshotSetId).toBe(SET);
    expect(created.warnings[0]).toMatch(
      /^diskshadow printed its listing in a form ShadowSwap does not read \(\d+ line\(s\) not recognized; another display language\?\): the set and its shadow copies were identified from the Backup Components Document/,
    );
    const [set] = await backend.listSnapshotSets();
    expect(set).toMatchObject({ id: SET, state: 'created', attributes: [] });
    expect(set?.shadowCopies.map((c) => [c.id, c.originalLunId, c.originalDriveLetter, c.originalIdentity.signature])).toEqual([
      ['5f1d8c2a-1b2c-4d3e-8f40-123456789abc', 'sql-data', 'E:', '1234ABCD'],
      ['6a2e9d3b-2c3d-4e4f-9051-23456789abcd', 'sql-log', 'F:', '1234ABCE'],
    ]);
  });

  it('creates the set even when its .cab cannot be read, and says its shadow LUNs are not linked and why', async () => {
    const script =
      'set context persistent\r\nset option transportable\r\nset metadata C:\\ShadowSwap\\metadata\\set-20220825T121610.cab\r\nbegin backup\r\n' +
      `add volume E: provider {${PROVIDER}}\r\ncreate\r\nend backup\r\nexit\r\n`;
    const { backend, launcher } = setup([
      ps(getDiskCommand({ disk: { uniqueId: DATA_UID } }), disk(DATA_UID, 0x1234abcd)),
      ps(getDiskVolumesCommand({ disk: { uniqueId: DATA_UID } }), volume('E', 'ab12cd34-0000-0000-0000-100000000000')),
      diskshadow(script, fixture('diskshadow-create-transportable.synthetic.txt')),
      ps(readBackupComponentsCommand('C:\\ShadowSwap\\metadata\\set-20220825T121610.cab'), '', {
        exitCode: 1,
        stderr: 'expand.exe could not extract the cabinet (exit code 1)',
      }),
    ]);
    const created = await backend.createSnapshotSet({ host: 'SQLNODE1', lunIds: ['sql-data'], persistent: true });
    expect(launcher.remaining).toBe(0);
    expect(created.snapshotSetId).toBe(SET);
    expect(created.warnings.join(' ')).toMatch(
      /are not linked to array LUNs yet: reading C:\\ShadowSwap\\metadata\\set-20220825T121610\.cab failed: /,
    );
    expect((await backend.listSnapshotSets())[0]?.state).toBe('created');
  });

  describe('from a console on another computer (ADMIN01)', () => {
    const CAB = 'C:\\ShadowSwap\\metadata\\set-20220825T121610.cab';
    const createScript =
      `set context persistent\r\nset option transportable\r\nset metadata ${CAB}\r\nbegin backup\r\n` +
      `add volume E: provider {${PROVIDER}}\r\nadd volume F: provider {${PROVIDER}}\r\ncreate\r\nend backup\r\nexit\r\n`;
    const createOnSqlNode1 = createOnHostCommand({ host: 'SQLNODE1', script: createScript, metadataPath: CAB });
    /** SQLNODE1's readiness, read on it through remoting: an administrator session with diskshadow in System32. */
    const sqlNode1Ready = () =>
      ps(
        nodeReadinessCommand('SQLNODE1'),
        JSON.stringify({
          Caption: 'Microsoft Windows Server 2022 Datacenter',
          Version: '10.0.20348',
          ServicePackMajorVersion: 0,
          Administrator: true,
          DiskShadow: true,
          DiskRaid: true,
          VShadow: false,
          StorageSubSystems: [],
        }),
      );
    /** The volumes of SQL data and SQL log, read on SQLNODE1 through remoting. */
    const volumesOnSqlNode1 = () => [
      ps(getDiskCommand({ disk: { uniqueId: DATA_UID }, computer: 'SQLNODE1' }), disk(DATA_UID, 0x1234abcd)),
      ps(
        getDiskVolumesCommand({ disk: { uniqueId: DATA_UID }, computer: 'SQLNODE1' }),
        volume('E', 'ab12cd34-0000-0000-0000-100000000000'),
      ),
      ps(getDiskCommand({ disk: { uniqueId: LOG_UID }, computer: 'SQLNODE1' }), disk(LOG_UID, 0x1234abce)),
      ps(getDiskVolumesCommand({ disk: { uniqueId: LOG_UID }, computer: 'SQLNODE1' }), volume('F', 'ab12cd34-0000-0000-0000-200000000000')),
    ];
    /** The SAN map once the array shows the shadow LUNs. */
    const withShadowLuns = { ...SAN_MAP, luns: [...SAN_MAP.luns, ...SHADOW_LUNS] };

    it('creates a set on its source host: one remoting command runs diskshadow there and copies the .cab back; the set is recorded with its shadow LUN linked', async () => {
      const { backend, launcher } = setup(
        [
          sqlNode1Ready(),
          ...volumesOnSqlNode1(),
          ps(
            createOnSqlNode1,
            JSON.stringify({ ExitCode: 0, Output: fixture('diskshadow-create-transportable.synthetic.txt'), Errors: '' }),
          ),
          // Read on the console, where the command copied the .cab back.
          ps(readBackupComponentsCommand(CAB), backupComponents),
        ],
        { sanMap: withShadowLuns, thisComputer: 'ADMIN01' },
      );
      const created = await backend.createSnapshotSet({ host: 'SQLNODE1', lunIds: ['sql-data', 'sql-log'], persistent: true });
      expect(launcher.remaining).toBe(0);
      expect(created.snapshotSetId).toBe(SET);
      expect(created.summary).toMatch(/created on SQLNODE1 for sql-data, sql-log/);
      expect(created.warnings).toEqual([]);
      const [set] = await backend.listSnapshotSets();
      expect(set).toMatchObject({ id: SET, state: 'created', sourceHost: 'SQLNODE1', metadataFile: CAB, importedTo: null });
      expect(set?.shadowCopies.map((c) => [c.originalLunId, c.originalDriveLetter, c.shadowLunId])).toEqual([
        ['sql-data', 'E:', 'shadow-6'],
        ['sql-log', 'F:', 'shadow-7'],
      ]);
    });

    it('refuses to create when the .cab path is taken on the source host, saying what to do, and records nothing', async () => {
      const { backend, launcher } = setup(
        [
          sqlNode1Ready(),
          ...volumesOnSqlNode1(),
          // Synthetic: the refusal thrown in the session before diskshadow ran, as powershell.exe reports it on stderr.
          ps(createOnSqlNode1, '', {
            exitCode: 1,
            stderr: `${CAB} already exists on SQLNODE1, so diskshadow was not run there: its set metadata command replaces an existing file, and that file may be the only record of another shadow copy set. Move it away on SQLNODE1 (do not delete it), then create the set again.`,
          }),
        ],
        { thisComputer: 'ADMIN01' },
      );
      await expect(backend.createSnapshotSet({ host: 'SQLNODE1', lunIds: ['sql-data', 'sql-log'], persistent: true })).rejects.toThrow(
        /set-20220825T121610\.cab already exists on SQLNODE1, so diskshadow was not run there: .* Move it away on SQLNODE1 \(do not delete it\), then create the set again/,
      );
      expect(launcher.remaining).toBe(0);
      expect(await backend.listSnapshotSets()).toEqual([]);
    });

    it('refuses to create on a source host that does not answer over remoting, before anything runs there', async () => {
      const { backend, launcher } = setup(
        [
          // Synthetic: the WinRM failure of a remoted command as powershell.exe reports it on stderr.
          ps(nodeReadinessCommand('SQLNODE1'), '', {
            exitCode: 1,
            stderr:
              '[SQLNODE1] Connecting to remote server SQLNODE1 failed with the following error message : WinRM cannot complete the operation.',
          }),
        ],
        { thisComputer: 'ADMIN01' },
      );
      await expect(backend.createSnapshotSet({ host: 'SQLNODE1', lunIds: ['sql-data'], persistent: true })).rejects.toMatchObject({
        code: 'BACKEND_FAILED',
        message: expect.stringMatching(
          /^Creating a transportable shadow copy runs diskshadow on SQLNODE1 through PowerShell remoting \(WinRM\), but SQLNODE1 did not answer: .*WinRM cannot complete the operation\. Check that SQLNODE1 is running/,
        ),
        details: { host: 'SQLNODE1', reason: 'winrm-unreachable' },
      });
      expect(launcher.remaining).toBe(0);
    });

    it('exposes a shadow copy on the import host through remoting', async () => {
      const [copy] = createdSet().shadowCopies;
      const expose = diskshadowOnHostCommand({ host: 'SQLNODE2', script: buildExposeScript(copy?.id ?? '', 'P:'), copyMetadata: null });
      const { backend, launcher, stateDir } = setup(
        [ps(expose, JSON.stringify({ ExitCode: 0, Output: 'The shadow copy was successfully exposed as P:\\.', Errors: '' }))],
        {
          sets: [createdSet('imported', 'SQLNODE2')],
          thisComputer: 'ADMIN01',
        },
      );
      const exposed = await backend.exposeShadowCopy({ setId: SET, shadowCopyId: copy?.id ?? '', driveLetter: 'P:' });
      expect(exposed.summary).toMatch(/exposed read-only as P: on SQLNODE2/);
      expect(launcher.remaining).toBe(0);
      const catalog = JSON.parse(fs.readFileSync(path.join(stateDir, 'snapshot-sets.json'), 'utf8')) as { sets: SnapshotSet[] };
      expect(catalog.sets[0]).toMatchObject({ state: 'exposed', shadowCopies: [{ exposedAs: 'P:' }] });
    });
  });

  it('refuses non-persistent sets', async () => {
    const { backend } = setup([]);
    await expect(backend.createSnapshotSet({ host: 'SQLNODE1', lunIds: ['sql-data'], persistent: false })).rejects.toThrow(/persistent/);
  });

  it('imports, then breaks with identity revert through vshadow -bex (flags before the command)', async () => {
    const { backend, launcher } = setup(
      [
        importOnSqlNode1('ok'),
        importedReadBack(),
        // The inventory of an imported set is what Win32_ShadowCopy lists on this computer.
        heldHereReadBack(),
        onSqlNode1(vshadowOnHostCommand({ host: 'SQLNODE1', args: ['-rw', '-forcerevert', `-bex={${SET}}`] }), 'BreakEx done.'),
      ],
      { sets: [createdSet()] },
    );
    const changes: string[] = [];
    backend.onChange((reason) => changes.push(reason));
    await backend.importSnapshotSet({ setId: `{${SET.toUpperCase()}}`, host: 'SQLNODE1' });
    expect((await backend.listSnapshotSets())[0]).toMatchObject({
      state: 'imported',
      importedTo: 'SQLNODE1',
      shadowCopies: [{ imported: true }],
    });
    const broken = await backend.breakSnapshotSet({ setId: SET, mode: 'revert-identity' });
    expect(broken.warnings).toEqual([]);
    expect((await backend.listSnapshotSets())[0]).toMatchObject({ state: 'broken', breakMode: 'revert-identity' });
    expect(changes).toHaveLength(2);
    expect(launcher.remaining).toBe(0);
  });

  it('lists an imported set as Win32_ShadowCopy lists it on the host holding it, one CIM call per host and never from a diskshadow or vssadmin listing', async () => {
    const COPY2 = '6a2e9d3b-2c3d-4e4f-9051-23456789abcd';
    const base = createdSet('imported', 'sqlnode1');
    const [first] = base.shadowCopies;
    if (first === undefined) throw new Error('the set has a shadow copy');
    const imported: SnapshotSet = {
      ...base,
      attributes: ['Persistent', 'No_Auto_Release', 'Transportable', 'Hardware'],
      shadowCopies: [
        { ...first, imported: true },
        { ...first, id: COPY2, originalLunId: 'sql-log', imported: true, exposedAs: 'G:' },
      ],
    };
    const elsewhere: SnapshotSet = { ...createdSet('imported', 'SQLNODE2'), id: '1b2c3d4e-5f60-4a6b-8c7d-9e0f1a2b3c4d' };
    const notYet: SnapshotSet = { ...createdSet(), id: '2c3d4e5f-6071-4a6b-8c7d-9e0f1a2b3c4d' };
    const flags = { Persistent: true, NoAutoRelease: true, Transportable: true, HardwareAssisted: true, Imported: true };
    // Synthetic, shaped as ConvertTo-Json writes the selected properties; the same on a French or German server.
    const listed = [
      { ID: `{${first.id.toUpperCase()}}`, SetID: `{${SET.toUpperCase()}}`, ExposedName: 'F:\\', ...flags, ExposedLocally: true },
      { ID: '{7B3FAE4C-3D4E-4F50-A162-3456789ABCDE}', SetID: '{3D4E5F60-7182-4A6B-8C7D-9E0F1A2B3C4D}', ...flags },
    ];
    const onSqlNode2 = {
      ID: `{${(elsewhere.shadowCopies[0]?.id ?? '').toUpperCase()}}`,
      SetID: `{${elsewhere.id.toUpperCase()}}`,
      ...flags,
    };
    const { backend, launcher } = setup(
      [ps(getShadowCopiesCommand(), JSON.stringify(listed)), ps(getShadowCopiesCommand('SQLNODE2'), JSON.stringify(onSqlNode2))],
      { sets: [notYet, imported, elsewhere] },
    );

    const sets = await backend.listSnapshotSets();

    expect(launcher.remaining).toBe(0);
    expect(sets.find((s) => s.id === SET)).toMatchObject({
      state: 'imported',
      attributes: ['Persistent', 'NoAutoRelease', 'Transportable', 'HardwareAssisted', 'Imported', 'ExposedLocally'],
      shadowCopies: [
        { id: first.id, imported: true, exposedAs: 'F:', originalLunId: 'sql-data' },
        // Recorded as imported and exposed, but VSS no longer lists it here.
        { id: COPY2, imported: false, exposedAs: null, originalLunId: 'sql-log' },
      ],
    });
    // A set not imported yet is not asked about: the catalog says what it is. One imported on another host is read
    // there, through remoting.
    expect(sets.find((s) => s.id === notYet.id)).toEqual(notYet);
    expect(sets.find((s) => s.id === elsewhere.id)).toMatchObject({
      attributes: ['Persistent', 'NoAutoRelease', 'Transportable', 'HardwareAssisted', 'Imported'],
      shadowCopies: [{ imported: true, exposedAs: null }],
    });
  });

  it('preflight: the .cab is read on the console, the import host through remoting; each failure names what to do', async () => {
    const scope = { setId: SET, importHost: 'SQLNODE2', exposures: [] };
    const readiness = (administrator: boolean, diskshadow: boolean) =>
      ps(
        nodeReadinessCommand('SQLNODE2'),
        JSON.stringify({
          Caption: 'Microsoft Windows Server 2022 Datacenter',
          Version: '10.0.20348',
          ServicePackMajorVersion: 0,
          Administrator: administrator,
          DiskShadow: diskshadow,
          DiskRaid: true,
          VShadow: false,
          StorageSubSystems: [],
        }),
      );
    const cab = metadataPresentCommand({ path: 'C:\\ShadowSwap\\metadata\\fr.cab' });
    const { backend, launcher } = setup([ps(cab, 'false'), readiness(false, false), ps(cab, 'true'), readiness(true, true)], {
      sets: [createdSet()],
    });
    const ids = ['metadata-present', 'import-host-reachable', 'import-host-able'];
    const failing = (await backend.preflightChecks(scope)).filter((c) => ids.includes(c.id));
    expect(failing).toEqual([
      expect.objectContaining({
        id: 'metadata-present',
        verdict: 'fail',
        reason: 'C:\\ShadowSwap\\metadata\\fr.cab is not on SQLNODE1',
        fix: expect.stringMatching(
          /^Copy the set's \.cab to C:\\ShadowSwap\\metadata\\fr\.cab on SQLNODE1 \(the import copies it from there to SQLNODE2\)/,
        ),
      }),
      expect.objectContaining({ id: 'import-host-reachable', verdict: 'pass' }),
      expect.objectContaining({
        id: 'import-host-able',
        verdict: 'fail',
        reason: 'SQLNODE2 answered, but the remote session is not an administrator there and diskshadow.exe is not in its System32',
      }),
    ]);
    const passing = (await backend.preflightChecks(scope)).filter((c) => ids.includes(c.id));
    expect(passing.map((c) => c.verdict)).toEqual(['pass', 'pass', 'pass']);
    expect(launcher.remaining).toBe(0);
  });

  it('imports on another node: the .cab is copied there first; a different file already there stops it, replacing nothing', async () => {
    const cab = 'C:\\ShadowSwap\\metadata\\fr.cab';
    const command = diskshadowOnHostCommand({ host: 'SQLNODE2', script: buildImportScript({ metadataPath: cab }), copyMetadata: cab });
    const { backend, launcher } = setup(
      [
        // Synthetic: a terminating error thrown in the console's own session, as powershell.exe reports it on stderr.
        ps(command, '', {
          exitCode: 1,
          stderr: `${cab} on SQLNODE2 is another file than the one on this computer, so nothing was copied or run. It may be the only record of another shadow copy set: move it away there (do not delete it), then retry.`,
        }),
      ],
      { sets: [createdSet()] },
    );
    await expect(backend.importSnapshotSet({ setId: SET, host: 'SQLNODE2' })).rejects.toThrow(
      /fr\.cab on SQLNODE2 is another file than the one on this computer, so nothing was copied or run/,
    );
    expect(launcher.remaining).toBe(0);
  });

  it('records a partial import as failed (VSS does not clean up) and returns it as partial, without naming copies diskshadow does not name', async () => {
    const { backend } = setup([importOnSqlNode1('IMPORT returned VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED')], { sets: [createdSet()] });
    const result = await backend.importSnapshotSet({ setId: SET, host: 'SQLNODE1' });
    expect(result.status).toEqual({ hresult: '0x00042321', symbol: 'VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED' });
    expect(result.partial).toMatchObject({ imported: null, notImported: null });
    expect(result.partial?.explanation).toMatch(/^The import was only partial: some shadow copies were not imported/);
    expect((await backend.listSnapshotSets())[0]?.state).toBe('failed');
    await expect(backend.breakSnapshotSet({ setId: SET, mode: 'writable' })).rejects.toThrow(
      /needs the set .* to be imported or exposed, but it is failed/,
    );
  });

  it('imports a set whose import failed once again, and records its shadow LUNs as visible to the importer either way', async () => {
    const withShadow = {
      ...SAN_MAP,
      luns: [
        ...SAN_MAP.luns,
        {
          id: 'sql-data-shadow',
          name: 'SQL data shadow',
          arrayId: 'array1',
          diskraidLun: 7,
          uniqueId: '60002AC0000000000000000A00001236',
          shadowOf: 'sql-data',
        },
      ],
    };
    const set = createdSet();
    const { backend, sanMap, launcher } = setup(
      [importOnSqlNode1('', { ending: 'timed-out', exitCode: null }), importOnSqlNode1('ok'), importedReadBack(), heldHereReadBack()],
      {
        sanMap: withShadow,
        sets: [{ ...set, shadowCopies: set.shadowCopies.map((c) => ({ ...c, shadowLunId: 'sql-data-shadow' })) }],
      },
    );
    await expect(backend.importSnapshotSet({ setId: SET, host: 'SQLNODE1' })).rejects.toMatchObject({ details: { symbol: 'TIMEOUT' } });
    expect((await backend.listSnapshotSets())[0]?.state).toBe('failed');
    expect(sanMap().luns.find((l) => l.id === 'sql-data-shadow')?.maskedTo).toEqual(['SQLNODE1']);
    await backend.importSnapshotSet({ setId: SET, host: 'SQLNODE1' });
    expect((await backend.listSnapshotSets())[0]?.state).toBe('imported');
    expect(sanMap().luns.find((l) => l.id === 'sql-data-shadow')?.maskedTo).toEqual(['SQLNODE1']);
    expect(launcher.remaining).toBe(0);
  });

  it('runs one call at a time, so concurrent reads replay in the order they were asked; a cluster keeps its SAN map spelling and its application resources with what they depend on', async () => {
    const cluster = 'SQLCLUSTER';
    const { backend, launcher } = setup([
      ps(getDiskCommand({}), disk(DATA_UID, 0x1234abcd)),
      ps(getDiskCommand({ computer: 'SQLNODE2' }), '[]'),
      ps(getDiskCommand({ computer: 'ISCSIHOST' }), '[]'),
      ps(
        getClusterResourceCommand({ cluster }),
        '{"Name":"SQL Server","State":3,"OwnerGroup":"SQL","OwnerNode":"SQLNODE1","ResourceType":"SQL Server"}',
      ),
      // Synthetic, like every cluster JSON here: no public capture of Get-ClusterResourceDependency output exists
      // (docs/windows-facts.md#stopping-and-starting-resources-and-their-dependents).
      ps(
        getClusterResourceDependencyCommand({ cluster }),
        '{"Resource":"SQL Server","DependencyExpression":"[Cluster Disk 1] and [SQL Name]"}',
      ),
      ps(getClusterNodeCommand({ cluster }), '[{"Name":"SQLNODE1","Id":"1","State":"Up"}]'),
      ps(getClusterGroupCommand({ cluster }), '[]'),
    ]);
    const [luns, clusters] = await Promise.all([backend.listLuns(), backend.listClusters()]);
    expect(luns.find((l) => l.id === 'sql-data')?.signature).toBe('1234ABCD');
    expect(clusters.map((c) => c.name)).toEqual(['SQLCLUSTER']);
    expect(clusters[0]?.applicationResources).toEqual([
      {
        name: 'SQL Server',
        group: 'SQL',
        ownerNode: 'SQLNODE1',
        state: 'Offline',
        resourceType: 'SQL Server',
        dependencies: ['Cluster Disk 1', 'SQL Name'],
      },
    ]);
    expect(launcher.remaining).toBe(0);
  });

  it('masks a VDS-only LUN with the FULL new list in one checked diskraid session, and records it in the SAN map', async () => {
    const session = checkedMaskingSessionCommand({
      lunName: 'SQL data',
      subsystem: 0,
      lun: 5,
      uniqueId: DATA_UID,
      access: { kind: 'wwn', wwns: ['10000000c9a1b2c4'] },
      uninstallLocalDisk: true,
    });
    expect(session).toMatch(
      /WriteLine\('select lun 5'\).*WriteLine\('detail lun'\).*IndexOf\('60002ac0000000000000000a00001234'\).*WriteLine\('unmask lun wwn=10000000C9A1B2C4 uninstall'\)/,
    );
    const { backend, sanMap } = setup([ps(session, 'DISKRAID> ')]);
    const result = await backend.setLunMask({ lunId: 'sql-data', hosts: ['SQLNODE2'], expected: ['SQLNODE1', 'SQLNODE2'] });
    expect(result.changes).toEqual(['SQL data: SQLNODE1, SQLNODE2 → SQLNODE2']);
    expect(sanMap().luns[0]).toMatchObject({ maskedTo: ['SQLNODE2'], maskAll: false });
    expect((await backend.listHosts()).map((h) => [h.name, h.visibleLunIds])).toEqual([
      ['SQLNODE1', ['sql-log']],
      ['SQLNODE2', ['sql-data', 'sql-log']],
      ['ISCSIHOST', []],
    ]);
  });

  it('masks a clustered VDS-only LUN away on the node the plan read as owning its disk, through remoting, uninstalling it there', async () => {
    // The catalog says the set was taken on SQLNODE1, the console's own computer; the group failed over to SQLNODE2 since.
    const session = checkedMaskingSessionOnHostCommand('SQLNODE2', {
      lunName: 'SQL data',
      subsystem: 0,
      lun: 5,
      uniqueId: DATA_UID,
      access: { kind: 'none' },
      uninstallLocalDisk: true,
    });
    const { backend, sanMap, launcher } = setup([onSqlNode1(session, 'DISKRAID> ')], { sets: [createdSet()] });
    const request = { lunId: 'sql-data', hosts: [], expected: ['SQLNODE1', 'SQLNODE2'], diskHolder: 'SQLNODE2' };
    expect(await backend.previewCommands([{ operation: 'setLunMask', ...request, before: request.expected }])).toEqual([
      { tool: 'powershell', runsOn: 'SQLNODE2', text: session },
    ]);
    await backend.setLunMask(request);
    expect(launcher.remaining).toBe(0);
    expect(sanMap().luns[0]).toMatchObject({ maskedTo: [], maskAll: false });
  });

  it('fails, with the SAN map unchanged, when the diskraid session finds another LUN at the index', async () => {
    const session = checkedMaskingSessionCommand({
      lunName: 'SQL data',
      subsystem: 0,
      lun: 5,
      uniqueId: DATA_UID,
      access: { kind: 'wwn', wwns: ['10000000c9a1b2c4'] },
      uninstallLocalDisk: true,
    });
    const refusal = 'diskraid LUN 5 of subsystem 0 is not SQL data: detail lun does not show its identifier';
    const { backend, sanMap } = setup([
      ps(session, '', { exitCode: 1, stderr: `${refusal} 60002ac0000000000000000a00001234, so nothing was unmasked.` }),
    ]);
    await expect(backend.setLunMask({ lunId: 'sql-data', hosts: ['SQLNODE2'] })).rejects.toMatchObject({ code: 'BACKEND_FAILED' });
    expect(sanMap().luns[0]).toMatchObject({ maskedTo: ['SQLNODE1', 'SQLNODE2'] });
  });

  it('refuses on a VDS-only array a list that drifted from the one the plan expected, before running anything', async () => {
    const { backend, launcher } = setup([]);
    await expect(backend.setLunMask({ lunId: 'sql-data', hosts: [], expected: ['SQLNODE1'] })).rejects.toThrow(
      /the array shows SQLNODE1, SQLNODE2, the plan expected SQLNODE1 \(SQLNODE2 gained it\)/,
    );
    expect(launcher.remaining).toBe(0);
  });

  describe('on a Storage Management array', () => {
    const NODE1_SET = '{5f1b7a40-0c2e-4d8a-9b61-2e7d4c9a0b11}';
    const NODE2_SET = '{5f1b7a40-0c2e-4d8a-9b61-2e7d4c9a0b12}';
    const SM_MAP = {
      ...SAN_MAP,
      arrays: SAN_MAP.arrays.map((a) => ({ ...a, management: 'storage-management' })),
      maskingSets: [
        { friendlyName: 'SQLNODE1-Array1', uniqueId: NODE1_SET, arrayId: 'array1', hosts: ['SQLNODE1'] },
        { friendlyName: 'SQLNODE2-Array1', uniqueId: NODE2_SET, arrayId: 'array1', hosts: ['SQLNODE2'] },
      ],
    };
    // Synthetic Get-MaskingSet answers, shaped as the documented MSFT_MaskingSet properties (no capture exists yet).
    const holding = (...sets: [string, string][]) => JSON.stringify(sets.map(([FriendlyName, UniqueId]) => ({ FriendlyName, UniqueId })));
    const read = maskingSetsOfVirtualDiskCommand(DATA_UID);

    it('reads, removes the LUN from one masking set by UniqueId, reads back, and records the new list', async () => {
      const { backend, launcher, sanMap } = setup(
        [
          ps(read, holding(['SQLNODE1-Array1', NODE1_SET], ['SQLNODE2-Array1', NODE2_SET])),
          ps(removeVirtualDiskFromMaskingSetCommand({ maskingSetUniqueId: NODE1_SET, virtualDiskUniqueIds: [DATA_UID] }), ''),
          ps(read, JSON.stringify({ FriendlyName: 'SQLNODE2-Array1', UniqueId: NODE2_SET })),
        ],
        { sanMap: SM_MAP },
      );
      const result = await backend.setLunMask({ lunId: 'sql-data', hosts: ['SQLNODE2'], expected: ['SQLNODE1', 'SQLNODE2'] });
      expect(result.summary).toMatch(/1 masking-set change\(s\) for 1 LUN\(s\), each read back and verified/);
      expect(sanMap().luns[0]).toMatchObject({ maskedTo: ['SQLNODE2'] });
      expect(launcher.remaining).toBe(0);
    });

    it('refuses when the array shows another list than the plan expected, naming the difference, and changes nothing', async () => {
      const { backend, launcher, sanMap } = setup([ps(read, holding(['SQLNODE1-Array1', NODE1_SET]))], { sanMap: SM_MAP });
      await expect(backend.setLunMask({ lunId: 'sql-data', hosts: [], expected: ['SQLNODE1', 'SQLNODE2'] })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: expect.stringMatching(/the array shows SQLNODE1, the plan expected SQLNODE1, SQLNODE2 \(SQLNODE2 lost it\)/),
      });
      expect(launcher.remaining).toBe(0);
      expect(sanMap().luns[0]).toMatchObject({ maskedTo: ['SQLNODE1', 'SQLNODE2'] });
    });

    const readLog = maskingSetsOfVirtualDiskCommand(LOG_UID);
    const bothNodes = holding(['SQLNODE1-Array1', NODE1_SET], ['SQLNODE2-Array1', NODE2_SET]);
    const maskAway = (lunId: string) => ({ lunId, hosts: [], expected: ['SQLNODE1', 'SQLNODE2'] });

    it("masks a step's LUNs as one batch: every LUN read first, ONE change per masking set naming both virtual disks, each read back, as the plan shows", async () => {
      const removeBoth = (set: string) =>
        removeVirtualDiskFromMaskingSetCommand({ maskingSetUniqueId: set, virtualDiskUniqueIds: [DATA_UID, LOG_UID] });
      const entries = [
        ps(read, bothNodes),
        ps(readLog, bothNodes),
        ps(removeBoth(NODE1_SET), ''),
        ps(removeBoth(NODE2_SET), ''),
        ps(read, '[]'),
        ps(readLog, '[]'),
      ];
      const { backend, launcher, sanMap } = setup(entries, { sanMap: SM_MAP });
      const planned = ['sql-data', 'sql-log'].map((lunId) => ({
        operation: 'setLunMask' as const,
        lunId,
        hosts: [],
        before: ['SQLNODE1', 'SQLNODE2'],
      }));
      const preview = await backend.previewCommands(planned);

      const result = await backend.setLunMasks({ masks: [maskAway('sql-data'), maskAway('sql-log')] });
      expect(launcher.remaining).toBe(0);
      expect(result.summary).toMatch(/2 masking-set change\(s\) for 2 LUN\(s\), each read back and verified/);
      expect(removeBoth(NODE1_SET)).toContain(
        `$names = @((Get-VirtualDisk -UniqueId '${DATA_UID}').Name, (Get-VirtualDisk -UniqueId '${LOG_UID}').Name)`,
      );
      expect(sanMap().luns.map((l) => l.maskedTo)).toEqual([[], []]);
      // "Copy as script" shows exactly the commands the run sent, in its order.
      expect(preview.map((c) => c.text)).toEqual(entries.map((e) => e.argv.at(-1)));
    });

    it('refuses a batch when one LUN drifted, naming that LUN, before any masking set changes', async () => {
      const { backend, launcher, sanMap } = setup([ps(read, bothNodes), ps(readLog, holding(['SQLNODE1-Array1', NODE1_SET]))], {
        sanMap: SM_MAP,
      });
      await expect(backend.setLunMasks({ masks: [maskAway('sql-data'), maskAway('sql-log')] })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: expect.stringMatching(
          /^SQL log's access list changed since the plan was made: .*\(SQLNODE2 lost it\)\. Nothing was changed/,
        ),
      });
      expect(launcher.remaining).toBe(0);
      expect(sanMap().luns.map((l) => l.maskedTo)).toEqual([
        ['SQLNODE1', 'SQLNODE2'],
        ['SQLNODE1', 'SQLNODE2'],
      ]);
    });

    it('a batch that fails part-way reads every LUN back, records what the array shows, and says which LUNs changed', async () => {
      // SQLNODE1 -> SQLNODE2 for both: the addition went through; the removal failed after the array dropped one disk.
      const toNode2 = (lunId: string) => ({ lunId, hosts: ['SQLNODE2'], expected: ['SQLNODE1'] });
      const onlyNode1 = holding(['SQLNODE1-Array1', NODE1_SET]);
      const removal = removeVirtualDiskFromMaskingSetCommand({ maskingSetUniqueId: NODE1_SET, virtualDiskUniqueIds: [DATA_UID, LOG_UID] });
      const { backend, launcher, sanMap } = setup(
        [
          ps(read, onlyNode1),
          ps(readLog, onlyNode1),
          ps(addVirtualDiskToMaskingSetCommand({ maskingSetUniqueId: NODE2_SET, virtualDiskUniqueIds: [DATA_UID, LOG_UID] }), ''),
          // Synthetic: a provider error as PowerShell reports a failed CIM method call.
          ps(removal, '', {
            exitCode: 1,
            stderr: 'Remove-VirtualDiskFromMaskingSet : The storage provider failed to complete the request.',
          }),
          ps(read, holding(['SQLNODE2-Array1', NODE2_SET])),
          ps(readLog, bothNodes),
        ],
        { sanMap: { ...SM_MAP, luns: SM_MAP.luns.map((l) => ({ ...l, maskedTo: ['SQLNODE1'] })) } },
      );
      await expect(backend.setLunMasks({ masks: [toNode2('sql-data'), toNode2('sql-log')] })).rejects.toMatchObject({
        code: 'BACKEND_FAILED',
        message: expect.stringMatching(
          /^A masking-set change failed part-way through the batch: .*storage provider failed.* Read back, SQL data has the new list\. Not in place: SQL log shows SQLNODE1, SQLNODE2 instead of SQLNODE2\. /,
        ),
      });
      expect(launcher.remaining).toBe(0);
      // What the engine's read-back of each operation finds: SQL data done, SQL log not.
      expect(sanMap().luns.map((l) => l.maskedTo)).toEqual([['SQLNODE2'], ['SQLNODE1', 'SQLNODE2']]);
    });

    it('fails when the read-back does not show the goal', async () => {
      const { backend } = setup(
        [
          ps(read, '[]'),
          ps(addVirtualDiskToMaskingSetCommand({ maskingSetUniqueId: NODE2_SET, virtualDiskUniqueIds: [DATA_UID] }), ''),
          ps(read, '[]'),
        ],
        { sanMap: SM_MAP },
      );
      await expect(backend.setLunMask({ lunId: 'sql-data', hosts: ['SQLNODE2'], expected: [] })).rejects.toThrow(
        /reading them back, SQL data shows \(nobody\) instead of SQLNODE2/,
      );
    });
  });

  it('refuses a mask it cannot express in one diskraid command, before running anything', async () => {
    const { backend, launcher } = setup([]);
    await expect(backend.setLunMask({ lunId: 'sql-data', hosts: ['SQLNODE1', 'ISCSIHOST'] })).rejects.toThrow(
      /both Fibre Channel and iSCSI/,
    );
    await expect(backend.setLunMask({ lunId: 'sql-data', hosts: ['*', 'SQLNODE1'] })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(backend.setLunMask({ lunId: 'nope', hosts: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(launcher.remaining).toBe(0);
  });

  it('refuses a cluster step on a node that does not own the resource', async () => {
    const { backend } = setup([
      ps(
        getClusterResourceCommand({ cluster: 'SQLCLUSTER', names: ['Cluster Disk 2'] }),
        fixture('cluster-resource-single-old-host.synthetic.json'),
      ),
    ]);
    const owner = JSON.parse(fixture('cluster-resource-single-old-host.synthetic.json')) as { OwnerNode: string };
    await expect(backend.suspendResource({ cluster: 'SQLCLUSTER', resource: 'Cluster Disk 2', onNode: 'ELSEWHERE' })).rejects.toThrow(
      new RegExp(`owned by ${owner.OwnerNode}, not ELSEWHERE`),
    );
  });

  it('reads a disk the node does not list as absent (Get-Disk ObjectNotFound), not as an error; any other failure stays an error', async () => {
    const partitionsOnSqlNode2 = (uid: string, stdout: string, extra: Partial<TranscriptEntry> = {}) =>
      ps(getDataPartitionsCommand({ disk: { uniqueId: uid }, computer: 'SQLNODE2' }), stdout, extra);
    // Synthetic: a CDXML cmdlet's not-found error as Windows PowerShell prints it through Invoke-Command
    // (docs/windows-facts.md#get-disk-without-a-match-fails); only the FullyQualifiedErrorId is read.
    const notListed = (uid: string) =>
      [
        `No MSFT_Disk objects found with property 'UniqueId' equal to '${uid}'.  Verify the value of the property and retry.`,
        `    + CategoryInfo          : ObjectNotFound: (${uid}:String) [Get-Disk], CimJobException`,
        '    + FullyQualifiedErrorId : CmdletizationQuery_NotFound_UniqueId,Get-Disk',
        '    + PSComputerName        : SQLNODE2',
      ].join('\r\n');
    const logPartition = {
      DiskNumber: 4,
      PartitionNumber: 1,
      DriveLetter: 'F',
      AccessPaths: ['F:\\'],
      IsReadOnly: false,
      IsHidden: false,
      IsShadowCopy: false,
      NoDefaultDriveLetter: false,
    };
    const { backend, launcher } = setup([
      partitionsOnSqlNode2(DATA_UID, '', { stderr: notListed(DATA_UID), exitCode: 1 }),
      partitionsOnSqlNode2(LOG_UID, JSON.stringify(logPartition)),
      partitionsOnSqlNode2(DATA_UID, '', {
        stderr:
          '[SQLNODE2] Connecting to remote server SQLNODE2 failed with the following error message : WinRM cannot complete the operation.',
        exitCode: 1,
      }),
    ]);

    expect(await backend.readPartitions({ host: 'SQLNODE2', lunIds: ['sql-data', 'sql-log'] })).toEqual([
      { lunId: 'sql-data', present: false, partitions: [] },
      {
        lunId: 'sql-log',
        present: true,
        partitions: [
          {
            number: 1,
            driveLetter: 'F:',
            mountPoints: [],
            readOnly: false,
            hidden: false,
            shadowCopy: false,
            noDefaultDriveLetter: false,
          },
        ],
      },
    ]);
    await expect(backend.readPartitions({ host: 'SQLNODE2', lunIds: ['sql-data'] })).rejects.toThrow(/WinRM cannot complete the operation/);
    expect(launcher.remaining).toBe(0);
  });

  it("says a tool's unreadable answer is the tool's, with what to check, not an unexpected ShadowSwap error", async () => {
    const { backend } = setup([
      ps(getClusterResourceCommand({ cluster: 'SQLCLUSTER', names: ['Cluster Disk 2'] }), 'WARNING: the cluster is in a degraded state'),
    ]);
    const failure = backend.suspendResource({ cluster: 'SQLCLUSTER', resource: 'Cluster Disk 2', onNode: 'SQLNODE1' });
    await expect(failure).rejects.toMatchObject({ code: 'BACKEND_FAILED', details: { symbol: 'UNREADABLE_ANSWER' } });
    await expect(failure).rejects.toThrow(/could not read a Windows tool's answer: .*not valid JSON.*Run the same command by hand/);
  });

  it('only re-points a disk resource that is offline', async () => {
    const online = JSON.stringify({
      Name: 'Cluster Disk 2',
      State: 2,
      OwnerGroup: 'Available Storage',
      OwnerNode: 'SQLNODE2',
      ResourceType: 'Physical Disk',
    });
    const { backend } = setup([ps(getClusterResourceCommand({ cluster: 'SQLCLUSTER', names: ['Cluster Disk 2'] }), online)]);
    await expect(
      backend.setResourceDiskIdentity({ cluster: 'SQLCLUSTER', resource: 'Cluster Disk 2', signature: '1234ABCD' }),
    ).rejects.toThrow(/is Online; .* only be changed while it is Offline/);
  });
});
