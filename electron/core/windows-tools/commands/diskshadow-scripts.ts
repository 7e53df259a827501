/**
 * DiskShadow script files (`diskshadow /s FILE`) for the transportable fast-recovery path.
 *
 * Grammar follows the Learn command pages (docs/windows-facts.md#diskshadow-grammar):
 *   set context {clientaccessible | persistent [nowriters] | volatile [nowriters]}
 *   set option {[differential | plex] [transportable] ...}   <- transportable is an OPTION
 *   set metadata <cab>, set verbose {on|off}, begin backup, end backup
 *   add volume <volume> [alias <name>] [provider <id>]        <- alias before provider, as the vendor generator
 *   create, load metadata <cab>, import, break [writable] <setid>, exit
 * Learn's own import.md example writes `SET CONTEXT TRANSPORTABLE`; that is a documentation bug and is never
 * generated here.
 */
import {
  invalid,
  validateDiskshadowAlias,
  validateDriveLetter,
  validateGuid,
  validateMetadataCabPath,
  validateVolume,
  bracedGuid,
} from './validate';
import { toScriptText } from './script-text';

export interface TransportableVolume {
  /** `E:`, `E:\`, a mount-point folder or `\\?\Volume{guid}\`. */
  volume: string;
  /** Optional diskshadow alias; becomes %alias% and is saved in the metadata .cab. */
  alias?: string;
}

export interface TransportableCreateRequest {
  /** Absolute path of the metadata .cab to write. */
  metadataPath: string;
  /** The hardware provider that will make the shadow LUNs (the system provider cannot make transportable copies). */
  providerId: string;
  volumes: readonly TransportableVolume[];
  /** `set context persistent nowriters` when false; default true (writers take part). */
  includeWriters?: boolean;
  /** `set option differential transportable` / `plex transportable`; default: provider's choice. */
  snapshotKind?: 'differential' | 'plex';
  /** `set verbose on` (writer inclusion and metadata details in the log). */
  verbose?: boolean;
}

/**
 * Script that creates a persistent transportable shadow copy set and writes its metadata .cab.
 * A full backup session (`begin backup` ... `end backup`) so writers get BackupComplete; without
 * `end backup` diskshadow prints "END BACKUP was not commanded, writers not notified BackupComplete."
 */
export function buildTransportableCreateScript(request: TransportableCreateRequest): string {
  const cab = validateMetadataCabPath(request.metadataPath);
  const provider = validateGuid(request.providerId, 'provider ID');
  if (!Array.isArray(request.volumes) || request.volumes.length === 0) {
    throw invalid('volumes', request.volumes, 'no volume was given', 'at least one volume (create needs one)');
  }
  const seenVolumes = new Set<string>();
  const seenAliases = new Set<string>();
  const addLines = request.volumes.map((entry, index) => {
    const volume = validateVolume(entry.volume, `volume ${index + 1}`);
    const key = volume.text.replace(/\\$/, '').toLowerCase();
    if (seenVolumes.has(key)) throw invalid(`volume ${index + 1}`, entry.volume, 'it is listed twice', 'each volume once');
    seenVolumes.add(key);
    let line = `add volume ${volume.text}`;
    if (entry.alias !== undefined) {
      const alias = validateDiskshadowAlias(entry.alias, `alias of volume ${index + 1}`);
      if (seenAliases.has(alias.toLowerCase())) {
        throw invalid(
          `alias of volume ${index + 1}`,
          entry.alias,
          'the same alias is used twice',
          'a distinct alias per volume (aliases are case-insensitive environment variables)',
        );
      }
      seenAliases.add(alias.toLowerCase());
      line += ` alias ${alias}`;
    }
    return `${line} provider ${bracedGuid(provider)}`;
  });

  const lines = [
    request.includeWriters === false ? 'set context persistent nowriters' : 'set context persistent',
    request.snapshotKind === undefined
      ? 'set option transportable'
      : `set option ${snapshotKindKeyword(request.snapshotKind)} transportable`,
    `set metadata ${cab}`,
  ];
  if (request.verbose === true) lines.push('set verbose on');
  lines.push('begin backup', ...addLines, 'create', 'end backup', 'exit');
  return toScriptText(lines);
}

function snapshotKindKeyword(kind: unknown): string {
  if (kind === 'differential' || kind === 'plex') return kind;
  throw invalid('snapshot kind', kind, 'it is not a known kind', 'differential or plex');
}

export interface ImportRequest {
  metadataPath: string;
  /**
   * Break the set right after import in the same session. The set GUID is written literally (parsed from the
   * create log): whether %VSS_SHADOW_SET% is repopulated by `load metadata` is not documented.
   */
  thenBreak?: { setId: string; writable: boolean };
}

/** Script that imports a transportable set on the recovery host: `load metadata` + `import`. */
export function buildImportScript(request: ImportRequest): string {
  const cab = validateMetadataCabPath(request.metadataPath);
  const lines = [`load metadata ${cab}`, 'import'];
  if (request.thenBreak !== undefined) lines.push(breakLine(request.thenBreak.setId, request.thenBreak.writable));
  lines.push('exit');
  return toScriptText(lines);
}

/**
 * `break [writable] <SetID>`: takes the shadow copy SET id (not a shadow id). There is no revert or mask
 * switch on diskshadow break (docs/windows-facts.md#diskshadow-grammar); identity revert needs vshadow -bex (see vshadow-args.ts).
 */
export function buildBreakScript(setId: string, writable: boolean): string {
  return toScriptText([breakLine(setId, writable), 'exit']);
}

function breakLine(setId: string, writable: unknown): string {
  const id = validateGuid(setId, 'shadow copy set ID');
  if (typeof writable !== 'boolean') throw invalid('writable', writable, 'it is not true or false', 'true or false');
  return writable ? `break writable ${bracedGuid(id)}` : `break ${bracedGuid(id)}`;
}

/**
 * `expose <ShadowID> <Drive:>` (expose.md): takes a shadow copy ID, not a set ID, and works only for persistent
 * shadow copies; the exposed volume is read-only.
 */
export function buildExposeScript(shadowCopyId: string, driveLetter: string): string {
  const id = validateGuid(shadowCopyId, 'shadow copy ID');
  return toScriptText([`expose ${bracedGuid(id)} ${validateDriveLetter(driveLetter)}`, 'exit']);
}

/** `list providers` (list-providers.md): the registered VSS providers, for the doctor. */
export function buildListProvidersScript(): string {
  return toScriptText(['list providers', 'exit']);
}
