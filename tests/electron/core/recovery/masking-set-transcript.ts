/**
 * SQLCLUS on a Storage Management array: the same recorded recovery, its masking calls as the Windows backend makes
 * them through masking sets (windows-tools/commands/masking-set-commands.ts): for each LUN, `Get-MaskingSet` for the
 * virtual disk found by UniqueId, `Add-`/`Remove-VirtualDiskFromMaskingSet` for the hosts that gain or lose it, and
 * the read-back. These replays run one operation at a time (the order a replay needs), so each change names one
 * virtual disk; a batch naming several is replayed in tests/electron/core/backends/windows/windows-backend.test.ts. The array's answers are synthetic, shaped as the documented MSFT_MaskingSet properties (no capture
 * exists): this module keeps which hosts see each LUN as the calls go, starting from the SAN map, so each read
 * answers what the array would show at that point. Preflight also asks Get-StorageSubSystem for the array.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addVirtualDiskToMaskingSetCommand,
  maskingSetsOfVirtualDiskCommand,
  removeVirtualDiskFromMaskingSetCommand,
  storageSubSystemCommand,
} from '../../../../electron/core/windows-tools/commands/masking-set-commands';
import { nodeReadinessCommand } from '../../../../electron/core/windows-tools/commands/powershell-commands';
import { isImportOnHost } from './sqlclus-transcript';
import type { TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';

const TRANSCRIPTS = fileURLToPath(new URL('../../../fixtures/windows/transcripts/', import.meta.url));
const MAP = JSON.parse(fs.readFileSync(path.join(TRANSCRIPTS, 'sqlclus.san-map.json'), 'utf8')) as {
  arrays: { name: string }[];
  hosts: { name: string; initiators: { wwn: string }[] }[];
  luns: { id: string; diskraidLun: number; uniqueId: string; maskedTo: string[] }[];
};
const ARRAY = MAP.arrays[0]?.name ?? '';
const HOSTS = MAP.hosts.map((h) => h.name);
const setOf = (host: string) => ({ FriendlyName: `${host}-X1`, UniqueId: `{5f1b7a40-0c2e-4d8a-9b61-2e7d4c9a0b${host.slice(-2)}}` });
const byWwn = new Map(MAP.hosts.flatMap((h) => h.initiators.map((i) => [i.wwn.toUpperCase(), h.name] as const)));

/** The SQLCLUS SAN map with its array managed through the Storage Management API, each node in its own masking set. */
export function storageManagementSanMap(): unknown {
  return {
    ...MAP,
    arrays: MAP.arrays.map((a) => ({ ...a, management: 'storage-management' })),
    maskingSets: HOSTS.map((host) => ({
      friendlyName: setOf(host).FriendlyName,
      uniqueId: setOf(host).UniqueId,
      arrayId: 'array1',
      hosts: [host],
    })),
  };
}

function call(entry: TranscriptEntry, command: string, stdout: string): TranscriptEntry {
  return { ...entry, tool: 'powershell', argv: ['-NoProfile', '-NonInteractive', '-Command', command], script: null, stdout, stderr: '' };
}

/** `entries` (checked diskraid sessions on a VDS array) as the same recovery makes its calls through masking sets. */
export function throughMaskingSets(entries: readonly TranscriptEntry[]): TranscriptEntry[] {
  const sees = new Map(MAP.luns.map((l) => [l.id, [...l.maskedTo]]));
  const read = (lunId: string) => JSON.stringify((sees.get(lunId) ?? []).map(setOf));
  return entries.flatMap((entry) => {
    const command = entry.argv.at(-1) ?? '';
    // Preflight reads the array's provider after the import host's readiness.
    if (command === nodeReadinessCommand('SQL01'))
      return [entry, call(entry, storageSubSystemCommand(ARRAY), JSON.stringify([{ FriendlyName: ARRAY, HealthStatus: 0 }]))];
    if (isImportOnHost(entry)) {
      // The provider surfaces the shadow LUNs to the importer, through its masking set.
      for (const lun of MAP.luns.filter((l) => l.maskedTo.length === 0)) sees.set(lun.id, ['SQL01']);
      return [entry];
    }
    const session = /WriteLine\('select lun (\d+)'\).*WriteLine\('unmask lun (\S+?)(?: uninstall)?'\)/.exec(command);
    if (session === null) return [entry];
    const lun = MAP.luns.find((l) => l.diskraidLun === Number(session[1]));
    if (lun === undefined || entry.exitCode !== 0) throw new Error(`the replay cannot translate ${command}`);
    const list = session[2] ?? '';
    const goal =
      list === 'none'
        ? []
        : list
            .replace(/^wwn=/, '')
            .split(';')
            .map((wwn) => byWwn.get(wwn) ?? wwn);
    const before = sees.get(lun.id) ?? [];
    const changes = [
      ...goal
        .filter((h) => !before.includes(h))
        .map((h) => addVirtualDiskToMaskingSetCommand({ maskingSetUniqueId: setOf(h).UniqueId, virtualDiskUniqueIds: [lun.uniqueId] })),
      ...before
        .filter((h) => !goal.includes(h))
        .map((h) =>
          removeVirtualDiskFromMaskingSetCommand({ maskingSetUniqueId: setOf(h).UniqueId, virtualDiskUniqueIds: [lun.uniqueId] }),
        ),
    ];
    const first = call(entry, maskingSetsOfVirtualDiskCommand(lun.uniqueId), read(lun.id));
    sees.set(lun.id, goal);
    return [
      first,
      ...changes.map((change) => call(entry, change, '')),
      call(entry, maskingSetsOfVirtualDiskCommand(lun.uniqueId), read(lun.id)),
    ];
  });
}
