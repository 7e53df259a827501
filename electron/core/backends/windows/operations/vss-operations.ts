/**
 * The VSS steps of the procedure on Windows: create a transportable set (diskshadow), import it (diskshadow
 * load metadata + import, one at a time per host), break it (diskshadow break [writable], or vshadow -bex for
 * identity revert), expose a shadow copy (diskshadow expose). Each runs on the host it acts on, whichever computer
 * the console runs on: import and break on the import host through PowerShell remoting (render-operation.ts renders
 * them, so a plan shows what runs); create on the set's source host and expose on its import host, here when the
 * console is that host and through remoting otherwise, a remote create copying the set's new .cab back to the
 * console (docs/windows-facts.md#creating-a-set-on-its-source-host). Each step updates the console's catalog only
 * after the tool succeeded; a failed import is recorded as failed, because VSS leaves its LUNs for us to clean up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  BreakMode,
  OperationResult,
  ShadowCopy,
  SnapshotSet,
  SnapshotSetCreated,
  SnapshotSetState,
} from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { lockHolder, tryLock, unlock } from '../../../storage/file-lock';
import { buildExposeScript, buildTransportableCreateScript } from '../../../windows-tools/commands/diskshadow-scripts';
import { partialImportExplanation } from '../../../windows-tools/errors';
import { parseDiskshadowOutput } from '../../../windows-tools/parsers/parse-diskshadow';
import { parseShadowCopies } from '../../../windows-tools/parsers/parse-shadow-copies';
import { parseDisks, type DiskInfo } from '../../../windows-tools/parsers/parse-disk';
import { parseVolumes, type VolumeInfo } from '../../../windows-tools/parsers/parse-volumes';
import { getDiskCommand, getDiskVolumesCommand, getShadowCopiesCommand } from '../../../windows-tools/commands/powershell-commands';
import type { ShadowCopyRecord } from '../../../windows-tools/parsers/shadow-listing';
import type { ImportResult } from '../../../backend';
import { formatHresult, windowsCodes } from '../../../windows-tools/windows-codes';
import { succeeded } from '../running/tool-runner';
import { validateDriveLetter, validateMetadataCabPath } from '../../../windows-tools/commands/validate';
import { breakOnHostCommand, importOnHostCommand } from '../../../windows-tools/render-operation';
import { toolOnHost } from '../running/tool-on-host';
import { windowsAddressing } from '../state/windows-addressing';
import { readBackupComponentsCommand } from '../../../windows-tools/commands/backup-components-command';
import { parseBackupComponents, type BackupComponents, type ShadowLunRecord } from '../../../windows-tools/parsers/parse-backup-components';
import { linkShadowLuns, recordedIdentifiers } from '../state/shadow-links';
import { isThisComputer, operationResult, powershellJson, type WindowsContext } from '../state/windows-context';
import { createOnHostCommand, diskshadowOnHostCommand } from '../../../windows-tools/commands/tool-on-host-commands';
import { diskshadowFix, diskshadowLacks, failureText, readHostReadiness, remotingFix } from '../running/host-readiness';
import { lunVisibleTo, sameName } from '../state/windows-views';

interface SourceVolume {
  lunId: string;
  disk: DiskInfo;
  volume: VolumeInfo;
}

/**
 * The volumes of the LUNs as their source host `host` sees them, read there (through remoting when the console is
 * another computer: a disk's number, letters and volume names are that host's own), and the one provider that
 * shadow-copies them.
 */
async function sourceVolumes(
  context: WindowsContext,
  lunIds: readonly string[],
  host: string,
): Promise<{ volumes: SourceVolume[]; providerId: string; metadataDir: string }> {
  const computer = isThisComputer(context, host) ? {} : { computer: host };
  const map = context.sanMap.read();
  const volumes: SourceVolume[] = [];
  const providers = new Set<string>();
  for (const lunId of lunIds) {
    const lun = map.luns.find((l) => l.id === lunId);
    if (lun === undefined)
      throw new ShadowSwapError('NOT_FOUND', `LUN ${lunId} is not in the SAN map (${context.sanMap.file}). Add it there, then retry.`, {
        lunId,
      });
    const array = map.arrays.find((a) => a.id === lun.arrayId);
    if (array === undefined)
      throw new ShadowSwapError(
        'NOT_FOUND',
        `LUN ${lunId} names array ${lun.arrayId}, which is not in the SAN map. Add the array, then retry.`,
        { lunId },
      );
    if (array.providerId === '')
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `ShadowSwap does not know which VSS hardware provider makes shadow copies on ${array.name}: discovery found the array, but no Storage Management property names its provider. ` +
          `Add the array to the SAN map (${context.sanMap.file}) with its "providerId" (diskshadow "list providers" shows it), then retry.`,
        { lunId, arrayId: array.id },
      );
    providers.add(array.providerId.toLowerCase());
    const [disk] = await powershellJson(context, getDiskCommand({ disk: { uniqueId: lun.uniqueId }, ...computer }), parseDisks);
    if (disk === undefined)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `${host} does not see LUN ${lunId} (no disk with UniqueId ${lun.uniqueId}). Create the set on a host that sees it.`,
        { lunId },
      );
    const onDisk = await powershellJson(context, getDiskVolumesCommand({ disk: { uniqueId: lun.uniqueId }, ...computer }), parseVolumes);
    if (onDisk.length === 0)
      throw new ShadowSwapError('PRECONDITION_FAILED', `LUN ${lunId} holds no volume, so there is nothing to shadow-copy on it.`, {
        lunId,
      });
    volumes.push(...onDisk.map((volume) => ({ lunId, disk, volume })));
  }
  const [providerId, ...others] = [...providers];
  if (providerId === undefined || others.length > 0) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'The LUNs are on arrays with different VSS hardware providers; one shadow copy set is made by one provider. Create one set per array.',
      { lunIds },
    );
  }
  return { volumes, providerId, metadataDir: map.metadataDir ?? context.defaultMetadataDir };
}

/**
 * A metadata .cab path no earlier set uses on this computer: `set metadata` silently overwrites an existing file ("The
 * existing file will be overwritten."), which would lose the only record of that set. When diskshadow runs on
 * another host, the command that runs it refuses a path taken there or here (createOnHostCommand).
 */
function freshCabPath(dir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  for (let n = 1; ; n += 1) {
    const candidate = path.win32.join(dir, n === 1 ? `set-${stamp}.cab` : `set-${stamp}-${n}.cab`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** A shadow copy of `source` (unknown: its volume is not one the set was asked for) as the catalog keeps it. */
function shadowCopyFrom(
  id: string,
  originalVolume: string,
  source: SourceVolume | undefined,
  shadowLuns: readonly ShadowLunRecord[],
): ShadowCopy {
  return {
    id,
    originalLunId: source?.lunId ?? '',
    // Linked below by the recorded identifiers, once a known LUN has one of them (state/shadow-links.ts).
    shadowLunId: '',
    shadowLunIdentifiers: recordedIdentifiers(shadowLuns, id),
    originalVolume,
    originalDriveLetter: source?.volume.driveLetter ?? null,
    originalIdentity: {
      partitionStyle: source?.disk.partitionStyle ?? 'RAW',
      signature: source?.disk.partitionStyle === 'GPT' ? source.disk.guid : (source?.disk.signature ?? null),
    },
    imported: false,
    exposedAs: null,
  };
}

/** A shadow copy diskshadow listed, matched to the volume it was made of by the volume's name. */
function shadowCopyOf(record: ShadowCopyRecord, volumes: SourceVolume[], shadowLuns: readonly ShadowLunRecord[]): ShadowCopy {
  const source = volumes.find((v) => record.originalVolume !== null && sameName(v.volume.path, record.originalVolume));
  return shadowCopyFrom(record.id, record.originalVolume ?? '', source, shadowLuns);
}

/**
 * A shadow copy as the Backup Components Document describes it, matched to the volume it was made of by its original
 * LUN's page 0x83 identifier: what identifies a set when diskshadow's listing is in a language ShadowSwap does not read.
 */
function shadowCopyOfDocument(record: ShadowLunRecord, volumes: SourceVolume[], shadowLuns: readonly ShadowLunRecord[]): ShadowCopy {
  const source = volumes.find((v) => v.disk.uniqueId !== null && record.sourceIdentifiers.includes(v.disk.uniqueId.toUpperCase()));
  return shadowCopyFrom(record.shadowCopyId, source?.volume.path ?? '', source, shadowLuns);
}

/**
 * The set's Backup Components Document, from the .cab just written: each shadow copy's shadow LUN identifiers, and
 * what identifies the set when diskshadow's listing cannot be read. The set exists on the array whatever happens
 * here, so a failed read never fails the create by itself: it is reported, and the set stays unlinked until it is
 * linked (planning says what is missing).
 */
async function readDocument(
  context: WindowsContext,
  metadataFile: string,
): Promise<{ document: BackupComponents | null; problem: string | null }> {
  try {
    return { document: await powershellJson(context, readBackupComponentsCommand(metadataFile), parseBackupComponents), problem: null };
  } catch (error) {
    return { document: null, problem: `reading ${metadataFile} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The document's shadow LUN records when it describes `setId`; else none, and why. */
function shadowLunsOf(
  read: { document: BackupComponents | null; problem: string | null },
  metadataFile: string,
  setId: string,
): { records: ShadowLunRecord[]; problem: string | null } {
  if (read.document === null) return { records: [], problem: read.problem };
  if (read.document.setId !== null && read.document.setId !== setId.toLowerCase())
    return { records: [], problem: `${metadataFile} describes set {${read.document.setId}}, not {${setId}}` };
  return { records: read.document.shadows, problem: null };
}

function unlinkedWarning(unlinked: readonly ShadowCopy[], problem: string | null): string {
  const which = unlinked.map((c) => `{${c.id}}`).join(', ');
  const why =
    problem ??
    (unlinked.every((c) => (c.shadowLunIdentifiers ?? []).length === 0)
      ? "the set's Backup Components Document names no shadow LUN for them"
      : `no LUN discovered on the arrays or declared in the SAN map has the identifier the provider recorded (${unlinked.flatMap((c) => c.shadowLunIdentifiers ?? []).join(', ')})`);
  return (
    `The shadow LUNs of ${which} are not linked to array LUNs yet: ${why}. The set cannot be planned until they are: ` +
    'once the array shows the shadow LUNs, list the arrays again (discovery) or, on an array discovery cannot see, declare them in the SAN map with that UniqueId; the link is made by that identifier alone.'
  );
}

/**
 * Before diskshadow runs on another host: that host answers over remoting, and diskshadow can run there (the doctor's
 * reading of each node, docs/windows-facts.md#running-a-command-on-another-node).
 */
async function requireDiskshadowOn(context: WindowsContext, host: string, step: string): Promise<void> {
  let lacks: string[];
  try {
    lacks = diskshadowLacks(await readHostReadiness(context.runner, host));
  } catch (error) {
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `${step} runs diskshadow on ${host} through PowerShell remoting (WinRM), but ${host} did not answer: ${failureText(error).replace(/\.$/, '')}. ${remotingFix(host)}, then retry.`,
      { host, reason: 'winrm-unreachable' },
    );
  }
  if (lacks.length > 0)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${step} runs diskshadow on ${host}, but ${lacks.join(' and ')}. ${diskshadowFix(host)}`,
      { host },
    );
}

export async function createSnapshotSet(
  context: WindowsContext,
  params: { host: string; lunIds: string[]; persistent: boolean },
): Promise<SnapshotSetCreated> {
  if (!params.persistent) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'A non-persistent transportable shadow copy can only be imported while it is being created (vshadow -exec), which the fast-recovery procedure does not use. Create it persistent.',
    );
  }
  const here = isThisComputer(context, params.host);
  if (!here) await requireDiskshadowOn(context, params.host, 'Creating a transportable shadow copy');
  const { volumes, providerId, metadataDir } = await sourceVolumes(context, params.lunIds, params.host);
  const metadataFile = validateMetadataCabPath(
    freshCabPath(metadataDir, context.now()),
    'metadata file (set "metadataDir" in the SAN map to a folder without spaces)',
  );
  if (process.platform === 'win32') fs.mkdirSync(metadataDir, { recursive: true });
  // diskshadow prints the creation time in the host's short date format without a zone
  // (docs/windows-facts.md#listings-depend-on-locale-console-width-and-case): the set is dated by the console's
  // clock, in UTC, when the create started; the shadow copies are no older than that.
  const startedAt = context.now();
  const script = buildTransportableCreateScript({
    metadataPath: metadataFile,
    providerId,
    volumes: volumes.map((v) => ({ volume: v.volume.driveLetter ?? v.volume.path })),
  });
  const ran = here
    ? await context.runner.diskshadow(script)
    : await toolOnHost(context, 'diskshadow', createOnHostCommand({ host: params.host, script, metadataPath: metadataFile }));
  const listing = parseDiskshadowOutput(succeeded(ran).stdout);
  const read = await readDocument(context, metadataFile);
  // diskshadow prints in the server's display language; the .cab's document names the set whatever the language
  // (docs/windows-channels.md#which-channel-serves-each-field-of-the-inventory).
  const setId = listing.aliases['VSS_SHADOW_SET'] ?? listing.shadowCopies[0]?.setId ?? read.document?.setId ?? null;
  if (setId === null) {
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `diskshadow reported success but neither its output nor the set's metadata names the shadow copy set ID, so the set cannot be tracked${read.problem === null ? '' : ` (${read.problem})`}. ` +
        `Its metadata is in ${metadataFile}; check the set with "diskshadow" (load metadata, list shadows) before creating another.`,
      { tool: 'diskshadow', symbol: 'NO_SET_ID', hresult: null, metadataFile },
    );
  }
  const first = listing.shadowCopies[0];
  const shadowLuns = shadowLunsOf(read, metadataFile, setId);
  const listed = listing.shadowCopies.filter((r) => r.setId === null || r.setId === setId);
  // Nothing of the listing understood: the shadow copies are the document's, their volumes found by LUN identity.
  const fromDocument = listed.length === 0 && shadowLuns.records.length > 0;
  const created: SnapshotSet = {
    id: setId,
    createdAt: startedAt.toISOString(),
    sourceHost: params.host,
    state: 'created',
    attributes: [...(fromDocument ? [] : (first?.attributes ?? []))],
    providerId,
    metadataFile,
    importedTo: null,
    breakMode: null,
    shadowCopies: fromDocument
      ? shadowLuns.records.map((r) => shadowCopyOfDocument(r, volumes, shadowLuns.records))
      : listed.map((r) => shadowCopyOf(r, volumes, shadowLuns.records)),
  };
  const set = linkShadowLuns(created, context.sanMap.read().luns);
  await context.catalog.put(set);
  const unlinked = set.shadowCopies.filter((c) => c.shadowLunId === '');
  return {
    ...operationResult(
      'createSnapshotSet',
      `Transportable shadow copy set {${setId}} was created on ${params.host} for ${params.lunIds.join(', ')}; it exists only on the array and in ${metadataFile} until it is imported.`,
      set.shadowCopies.map((c) => `shadow copy {${c.id}} of ${c.originalDriveLetter ?? c.originalVolume} created`),
      [
        ...(fromDocument
          ? [
              `diskshadow printed its listing in a form ShadowSwap does not read (${listing.unparsed.length} line(s) not recognized; another display language?): ` +
                `the set and its shadow copies were identified from the Backup Components Document in ${metadataFile}, each matched to its volume by its LUN's identifier. ` +
                'Their attributes are read through CIM once the set is imported.',
            ]
          : listing.unparsed.length > 0
            ? [`diskshadow printed ${listing.unparsed.length} line(s) ShadowSwap did not recognize; see the transcript.`]
            : []),
        ...(unlinked.length > 0 ? [unlinkedWarning(unlinked, shadowLuns.problem)] : []),
      ],
    ),
    snapshotSetId: setId,
  };
}

function requireState(set: SnapshotSet, allowed: readonly SnapshotSetState[], step: string): void {
  if (!allowed.includes(set.state)) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${step} needs the set {${set.id}} to be ${allowed.join(' or ')}, but it is ${set.state}.`,
      { setId: set.id, state: set.state },
    );
  }
}

/**
 * The hardware provider surfaces a set's shadow LUNs to the importing host, and a failed, partial or interrupted
 * import leaves them there (VSS does not clean up,
 * docs/windows-facts.md#one-import-at-a-time-per-host). So once an import has been tried, the SAN map
 * records the shadow LUNs as visible to that host: it may overstate what the host sees, never understate it, so a rollback always masks
 * them away again.
 */
async function recordSurfaced(context: WindowsContext, set: SnapshotSet, host: string): Promise<void> {
  const luns = context.sanMap.read().luns;
  for (const copy of set.shadowCopies) {
    const lun = luns.find((l) => l.id === copy.shadowLunId);
    if (lun !== undefined && !lunVisibleTo(lun, host))
      await context.sanMap.recordMask(lun.id, { maskedTo: [...lun.maskedTo, host], maskAll: false });
  }
}

export async function importSnapshotSet(
  context: WindowsContext,
  params: { setId: string; host: string },
  lockDir: string,
): Promise<ImportResult> {
  const set = context.catalog.get(params.setId);
  // A failed import may be tried again: the operator is told to clean up its LUNs and re-run it (errors.ts).
  requireState(set, ['created', 'failed'], 'Import');
  // ImportSnapshots handles one set at a time and the requester serializes imports
  // (docs/windows-facts.md#one-import-at-a-time-per-host): a lock file makes that hold across the
  // ShadowSwap processes of this console, not just within this one, whichever host each imports on.
  return withImportLock(lockDir, async () => {
    let arrived: { imported: string[]; notImported: string[] };
    try {
      succeeded(
        await toolOnHost(context, 'diskshadow', importOnHostCommand(windowsAddressing(context), { setId: set.id, host: params.host })),
      );
      arrived = await readBackImport(context, set, params.host);
    } catch (error) {
      // Also a timeout: what the killed import left behind is unknown, so the set is not "created" any more.
      await context.catalog.put({ ...set, state: 'failed', importedTo: params.host });
      if (!isPartialImport(error)) throw error;
      return partialImport(set, params.host, error.message, null);
    } finally {
      await recordSurfaced(context, set, params.host);
    }
    if (arrived.notImported.length > 0) {
      await context.catalog.put({ ...set, state: 'failed', importedTo: params.host });
      const evidence = `Win32_ShadowCopy on ${params.host} lists ${arrived.imported.length} of the ${set.shadowCopies.length} shadow copies of set {${set.id}} as imported; missing: ${arrived.notImported.map((id) => `{${id}}`).join(', ')}`;
      return partialImport(set, params.host, partialImportExplanation(evidence), arrived);
    }
    await context.catalog.put({
      ...set,
      state: 'imported',
      importedTo: params.host,
      shadowCopies: set.shadowCopies.map((c) => ({ ...c, imported: true })),
    });
    return {
      ...operationResult(
        'importSnapshotSet',
        `Shadow copy set {${set.id}} was imported on ${params.host}; its volumes are read-only until the set is broken.`,
        [`{${set.id}}: created → imported on ${params.host}`],
      ),
      partial: null,
    };
  });
}

/**
 * Reads the import back through CIM on the import host (Win32_ShadowCopy, the same in every display language):
 * which shadow copies of the set are there with Imported true, whatever diskshadow printed. diskshadow reports a partial import only
 * as a status symbol in its text and names no shadow copy; CIM names them.
 * https://learn.microsoft.com/en-us/previous-versions/windows/desktop/legacy/aa394428(v=vs.85)
 */
async function readBackImport(
  context: WindowsContext,
  set: SnapshotSet,
  host: string,
): Promise<{ imported: string[]; notImported: string[] }> {
  const surfaced = new Set(
    (await powershellJson(context, getShadowCopiesCommand(host), parseShadowCopies))
      .filter((c) => c.setId === set.id && c.flags.includes('Imported'))
      .map((c) => c.id),
  );
  const ids = set.shadowCopies.map((c) => c.id);
  return { imported: ids.filter((id) => surfaced.has(id)), notImported: ids.filter((id) => !surfaced.has(id)) };
}

/**
 * ImportSnapshots reports a partial import as the success status VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED
 * (https://learn.microsoft.com/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-importsnapshots);
 * diskshadow prints it, and errors.ts turns it into an explained failure, recognized here by its symbol.
 */
function isPartialImport(error: unknown): error is ShadowSwapError {
  return error instanceof ShadowSwapError && error.details?.['symbol'] === 'VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED';
}

/**
 * A partial import, with which shadow copies arrived when CIM said so (null when only diskshadow's symbol told
 * it); the set is imported again whole either way.
 */
function partialImport(
  set: SnapshotSet,
  host: string,
  explanation: string,
  which: { imported: string[]; notImported: string[] } | null,
): ImportResult {
  return {
    ...operationResult(
      'importSnapshotSet',
      `Shadow copy set {${set.id}} was only partly imported on ${host}; it is recorded as failed, to be imported again.`,
      [`{${set.id}}: created → failed (partial import) on ${host}`],
    ),
    status: { hresult: formatHresult(windowsCodes.VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED.hresult), symbol: 'VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED' },
    partial: { imported: which?.imported ?? null, notImported: which?.notImported ?? null, explanation },
  };
}

async function withImportLock<T>(lockDir: string, action: () => Promise<T>): Promise<T> {
  const lockFile = path.join(lockDir, 'import.lock');
  // Refused also when this same process holds it: a second import from this console must wait too.
  if (!tryLock(lockFile)) {
    throw new ShadowSwapError(
      'BUSY',
      `Another import is running from this console (ShadowSwap process ${lockHolder(lockFile) ?? 'unknown'}); VSS imports one shadow copy set at a time. Wait for it to finish, then retry.`,
      { lockFile },
    );
  }
  try {
    return await action();
  } finally {
    unlock(lockFile);
  }
}

export async function breakSnapshotSet(context: WindowsContext, params: { setId: string; mode: BreakMode }): Promise<OperationResult> {
  const set = context.catalog.get(params.setId);
  requireState(set, ['imported', 'exposed'], 'Breaking the set');
  const host = set.importedTo ?? '';
  succeeded(
    await toolOnHost(
      context,
      params.mode === 'revert-identity' ? 'vshadow' : 'diskshadow',
      breakOnHostCommand({ setId: set.id, mode: params.mode, host }),
    ),
  );
  await context.catalog.put({ ...set, state: 'broken', breakMode: params.mode });
  const how = { plain: 'read-only', writable: 'writable', 'revert-identity': 'writable, with the original disk identities' }[params.mode];
  return operationResult(
    'breakSnapshotSet',
    `Shadow copy set {${set.id}} was broken (${how}); its LUNs are ordinary LUNs now and VSS no longer manages them.`,
    [`{${set.id}}: ${set.state} → broken (${params.mode})`],
    params.mode === 'revert-identity'
      ? []
      : [
          'The shadow LUNs keep new disk signatures: a cluster disk resource will not find them by signature (event 1034) unless it is re-pointed.',
        ],
  );
}

export async function exposeShadowCopy(
  context: WindowsContext,
  params: { setId: string; shadowCopyId: string; driveLetter: string },
): Promise<OperationResult> {
  const set = context.catalog.get(params.setId);
  requireState(set, ['imported', 'exposed'], 'Exposing a shadow copy');
  const copy = set.shadowCopies.find((c) => sameName(c.id, params.shadowCopyId.replace(/[{}]/g, '')));
  if (copy === undefined)
    throw new ShadowSwapError('NOT_FOUND', `Set {${set.id}} has no shadow copy ${params.shadowCopyId}.`, { setId: set.id });
  const host = set.importedTo ?? '';
  const script = buildExposeScript(copy.id, params.driveLetter);
  succeeded(
    isThisComputer(context, host)
      ? await context.runner.diskshadow(script)
      : await toolOnHost(context, 'diskshadow', diskshadowOnHostCommand({ host, script, copyMetadata: null })),
  );
  const letter = validateDriveLetter(params.driveLetter);
  await context.catalog.put({
    ...set,
    state: 'exposed',
    shadowCopies: set.shadowCopies.map((c) => (c.id === copy.id ? { ...c, exposedAs: letter } : c)),
  });
  return operationResult('exposeShadowCopy', `Shadow copy {${copy.id}} is exposed read-only as ${letter} on ${host}.`, [
    `{${copy.id}}: not exposed → ${letter}`,
  ]);
}
