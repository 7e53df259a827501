/**
 * SQLCLUS's set as ShadowSwap creates it on SQL01: the calls `createSnapshotSet` makes, built with the backend's own
 * command builders. Each original LUN's disk and volumes (Get-Disk, Get-Volume; the disks as the recorded plan
 * segment's Get-Disk lists them), the diskshadow create (its output: the synthetic create listing, on SQL01), then
 * the Backup Components Document read out of the new .cab (the synthetic document in tests/fixtures/windows, which
 * names each shadow copy's destination LUN by its page 0x83 identifier).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTransportableCreateScript } from '../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import { readBackupComponentsCommand } from '../../../../electron/core/windows-tools/commands/backup-components-command';
import { getDiskCommand, getDiskVolumesCommand } from '../../../../electron/core/windows-tools/commands/powershell-commands';
import type { TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';
import { segment } from './sqlclus-transcript';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/windows/', import.meta.url));
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const CREATED_CAB = 'C:\\ShadowSwap\\metadata\\set-20220825T121610.cab';
const PROVIDER = '781c006a-5829-4a25-81e3-d5e43bd005ab';
const ORIGINALS = [
  { uniqueId: '60002AC0000000000000000A00001234', letter: 'E', volume: 'ab12cd34-0000-0000-0000-100000000000' },
  { uniqueId: '60002AC0000000000000000A00001235', letter: 'F', volume: 'ab12cd34-0000-0000-0000-200000000000' },
];

function entry(tool: TranscriptEntry['tool'], argv: string[], script: string | null, stdout: string): TranscriptEntry {
  return {
    tool,
    argv,
    script,
    stdout,
    stderr: '',
    log: null,
    exitCode: 0,
    ending: 'exited',
    durationMs: 900,
    at: '2022-08-25T12:16:10.000Z',
  };
}
const powershell = (command: string, stdout: string) =>
  entry('powershell', ['-NoProfile', '-NonInteractive', '-Command', command], null, stdout);

/** The calls that create SQLCLUS's set on SQL01, with `backupComponents` as what the .cab read prints. */
export function createSegment(
  backupComponents = JSON.stringify([{ Name: 'bc.xml', Text: read('backup-components.synthetic.xml') }]),
): TranscriptEntry[] {
  const [sql01Disks] = segment('plan');
  const disks = JSON.parse(sql01Disks?.stdout ?? '[]') as { UniqueId: string }[];
  const reads = ORIGINALS.flatMap((o) => [
    powershell(getDiskCommand({ disk: { uniqueId: o.uniqueId } }), JSON.stringify(disks.find((d) => d.UniqueId === o.uniqueId))),
    powershell(
      getDiskVolumesCommand({ disk: { uniqueId: o.uniqueId } }),
      JSON.stringify({
        DriveLetter: o.letter,
        Path: `\\\\?\\Volume{${o.volume}}\\`,
        FileSystemLabel: `SQL ${o.letter}`,
        FileSystem: 'NTFS',
      }),
    ),
  ]);
  const script = buildTransportableCreateScript({
    metadataPath: CREATED_CAB,
    providerId: PROVIDER,
    volumes: [{ volume: 'E:' }, { volume: 'F:' }],
  });
  const listing = read('diskshadow-create-transportable.synthetic.txt')
    .replaceAll('SQLNODE1', 'SQL01')
    .replace('C:\\ShadowSwap\\fr.cab', CREATED_CAB)
    .replace(/ alias \S+ provider/g, ' provider');
  return [
    ...reads,
    entry('diskshadow', ['/s', '<scratch>/script.dsh', '/l', '<scratch>/diskshadow.log'], script, listing),
    powershell(readBackupComponentsCommand(CREATED_CAB), backupComponents),
  ];
}
