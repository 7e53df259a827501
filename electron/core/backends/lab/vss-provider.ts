/**
 * The hardware VSS provider and what VSS does with its transportable shadow copies: create (shadow LUNs
 * with a copy of the data, masked from every host, described by a metadata .cab), import (one host,
 * read-only, possibly partial), break (plain and writable give the disks new identities; identity revert
 * gives them the originals' and fails if an original is still visible), and expose.
 */
import type { BreakMode, OperationResult, SnapshotSetCreated } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type { ImportResult } from '../../backend';
import { deterministicGuid, deterministicHex, volumeGuidPath } from './deterministic';
import { freshIdentity, resolveCollision } from './host-disks';
import { SHADOW_COPY_PARTITION, type LabLun, type LabSnapshotSet, type LabState } from './lab-model';
import { findHost, findLun, findSnapshotSet, normalizeGuid } from './lab-lookup';
import { requireReachable } from './lab-remoting';
import { FailedWithEffect, partialShare, report, type OperationContext } from './operation';
import { isVisibleTo, lunIdentityKey, identityKey } from './visibility';
import { statusOf, windowsFailure } from './windows-errors';

/** Shadow LUN names carry the creation time, as array GUIs name snapshot volumes. */
function stampText(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** The array's number for a LUN: the `<n>` of its `<array>:lun-<n>` id (NaN for an id of another form). */
export function lunNumberOf(lunId: string): number {
  return Number(lunId.slice(lunId.lastIndexOf('-') + 1));
}

/** The next free `<array>:lun-<n>` per array: LUN numbers are never reused, as nothing is deleted. */
export function lunNumberer(state: LabState): (arrayId: string) => string {
  const next = new Map<string, number>();
  for (const lun of state.luns) {
    const n = lunNumberOf(lun.id);
    if (Number.isInteger(n)) next.set(lun.arrayId, Math.max(next.get(lun.arrayId) ?? 0, n + 1));
  }
  return (arrayId) => {
    const n = next.get(arrayId) ?? 0;
    next.set(arrayId, n + 1);
    return `${arrayId}:lun-${n}`;
  };
}

/** A point-in-time copy of the LUN on the same array: same data and same disk identity, its own SCSI identity. */
function shadowLunOf(original: LabLun, id: string, created: Date): LabLun {
  return {
    ...original,
    id,
    name: `${original.name}-SC-${stampText(created)}`,
    identifiers: original.identifiers.map((identifier, i) => ({
      ...identifier,
      value: `${identifier.value.slice(0, 1)}${deterministicHex(`${id}/identifier/${i}`, identifier.value.length - 1)}`,
    })),
    volumes: original.volumes.map((volume) => ({ ...volume, guidPath: volumeGuidPath(`${id}/${volume.guidPath}`), driveLetter: null })),
    readOnly: true,
    partition: SHADOW_COPY_PARTITION,
    mask: [],
    files: [...original.files],
    state: 'shadow',
    shadowOf: original.id,
  };
}

export function createTransportableSet(
  state: LabState,
  params: { host: string; lunIds: string[]; persistent: boolean },
  context: OperationContext,
): SnapshotSetCreated {
  const host = findHost(state, params.host);
  if (params.lunIds.length === 0)
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      'A shadow copy set needs at least one LUN (diskshadow: "add at least one volume before create").',
    );
  const originals = [...new Set(params.lunIds.map((id) => findLun(state, id)))];
  for (const lun of originals) {
    if (!isVisibleTo(lun, host.name)) {
      throw windowsFailure(
        'VSS_E_OBJECT_NOT_FOUND',
        `${host.name} does not see ${lun.name}, so it cannot add its volume to a shadow copy set. Create the set on a host the LUN is unmasked to`,
        'PRECONDITION_FAILED',
      );
    }
    if (lun.state === 'shadow' || lun.volumes.length === 0) {
      throw windowsFailure(
        'VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER',
        `${lun.name} ${lun.state === 'shadow' ? 'is itself an unbroken shadow copy' : 'has no volume'}; the hardware provider cannot shadow-copy it`,
        'PRECONDITION_FAILED',
      );
    }
  }
  const set = recordTransportableSet(state, {
    host: host.name,
    originals,
    persistent: params.persistent,
    createdAt: context.now,
    nextLunId: lunNumberer(state),
  });
  return {
    ...report(
      'createSnapshotSet',
      `Transportable shadow copy set ${set.id} created on ${host.name}: ${originals.length} shadow cop${originals.length === 1 ? 'y' : 'ies'} (${originals.map((l) => l.name).join(', ')}), ${params.persistent ? 'persistent' : 'non-persistent'}. The shadow LUNs are masked from every host until imported; the metadata is in ${set.metadataFile}.`,
      { changes: set.shadowCopies.map((copy) => `${copy.shadowLunId}: new shadow LUN of ${copy.originalLunId}`) },
    ),
    snapshotSetId: set.id,
  };
}

/**
 * What the provider and VSS leave behind after a create: a shadow LUN per original, masked from every
 * host, and the set's record (the Backup Components Document's content). Validation is the caller's;
 * scenarios call this directly to take "last night's" sets without re-scanning a large estate.
 */
export function recordTransportableSet(
  state: LabState,
  input: { host: string; originals: readonly LabLun[]; persistent: boolean; createdAt: Date; nextLunId: (arrayId: string) => string },
): LabSnapshotSet {
  const { host, originals, createdAt } = input;
  // Sets are never deleted, so their count makes every id unique; no clock or revision, so replays agree.
  const id = deterministicGuid(`set/${state.snapshotSets.length}/${host}/${originals.map((l) => l.id).join(',')}`);
  const set: LabSnapshotSet = {
    id,
    createdAt: createdAt.toISOString(),
    sourceHost: host,
    providerId: state.arrays.find((array) => array.id === originals[0]?.arrayId)?.providerId ?? '',
    persistent: input.persistent,
    state: 'created',
    metadataFile: `${host}-${stampText(createdAt)}-${id.slice(0, 8)}.cab`,
    importedTo: null,
    breakMode: null,
    shadowCopies: [],
    writers: true,
  };
  for (const original of originals) {
    const shadow = shadowLunOf(original, input.nextLunId(original.arrayId), createdAt);
    state.luns.push(shadow);
    const volume = original.volumes[0];
    set.shadowCopies.push({
      id: deterministicGuid(`${id}/${original.id}`),
      originalLunId: original.id,
      shadowLunId: shadow.id,
      originalVolume: volume?.guidPath ?? '',
      originalDriveLetter: volume?.driveLetter ?? null,
      originalIdentity: { partitionStyle: original.partitionStyle, signature: original.signature },
      imported: false,
      exposedAs: null,
    });
  }
  state.snapshotSets.push(set);
  return set;
}

export function importSet(
  state: LabState,
  params: { setId: string; host: string },
  context: OperationContext,
): ImportResult | FailedWithEffect {
  const set = findSnapshotSet(state, params.setId);
  const host = findHost(state, params.host);
  const pending = set.shadowCopies.filter((copy) => !copy.imported);
  if (pending.length === 0 || set.state === 'broken' || set.state === 'exposed') {
    throw windowsFailure(
      'VSS_E_OBJECT_ALREADY_EXISTS',
      `Set ${set.id} is already ${set.state}${set.importedTo ? ` on ${set.importedTo}` : ''}; there is nothing left to import`,
      'PRECONDITION_FAILED',
    );
  }
  if (set.importedTo !== null && set.importedTo !== host.name && set.state === 'imported') {
    throw windowsFailure(
      'VSS_E_BAD_STATE',
      `Set ${set.id} is partly imported on ${set.importedTo}; finish the import there`,
      'PRECONDITION_FAILED',
    );
  }
  const reached = partialShare(pending, context.partial);
  const warnings: string[] = [];
  for (const copy of reached) {
    const shadow = findLun(state, copy.shadowLunId);
    if (!isVisibleTo(shadow, host.name)) shadow.mask = [...shadow.mask, host.name];
    shadow.volumes = shadow.volumes.map((volume) => ({
      ...volume,
      guidPath: volumeGuidPath(`${shadow.id}/import/${host.name}`),
      driveLetter: null,
    }));
    shadow.readOnly = true;
    shadow.partition = SHADOW_COPY_PARTITION;
    copy.imported = true;
    const collision = resolveCollision(state, shadow, [host.name], `import/${set.id}`);
    if (collision) warnings.push(collision);
  }
  if (reached.length === 0) {
    set.state = 'failed';
    set.importedTo = host.name;
    return new FailedWithEffect(
      windowsFailure(
        'VSS_E_NO_SNAPSHOTS_IMPORTED',
        `Importing set ${set.id} on ${host.name} imported nothing: the shadow LUNs did not arrive. VSS does not clean up after a failed import; check the array's masking of the shadow LUNs, then import again`,
      ),
    );
  }
  set.state = 'imported';
  set.importedTo = host.name;
  const missing = set.shadowCopies.filter((copy) => !copy.imported);
  if (missing.length > 0) {
    warnings.push(
      `${missing.length} shadow cop${missing.length === 1 ? 'y was' : 'ies were'} not imported (${missing.map((c) => c.shadowLunId).join(', ')}): the disks did not arrive in time. Import the set again on ${host.name} to finish; do not break it before.`,
    );
  }
  const status = missing.length > 0 ? statusOf('VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED') : null;
  const result = report(
    'importSnapshotSet',
    `Set ${set.id} imported on ${host.name}: ${reached.length} of ${pending.length} shadow cop${pending.length === 1 ? 'y' : 'ies'} surfaced, read-only and without drive letters.`,
    { changes: reached.map((copy) => `${host.name} now sees ${copy.shadowLunId} (read-only)`), warnings, status },
  );
  return {
    ...result,
    partial: status && {
      imported: set.shadowCopies.filter((copy) => copy.imported).map((copy) => copy.id),
      notImported: missing.map((copy) => copy.id),
      explanation: `Only part of snapshot set ${set.id} was imported on ${host.name} (${status.symbol}, ${status.hresult}): the shadow LUNs ${missing.map((c) => c.shadowLunId).join(', ')} did not arrive in time`,
    },
  };
}

/** A failed import (an injected provider failure): VSS leaves the set and its LUNs for the requester. */
export function markImportFailed(state: LabState, params: { setId: string; host: string }): void {
  const set = state.snapshotSets.find((s) => s.id === normalizeGuid(params.setId));
  if (set && (set.state === 'created' || set.state === 'failed')) {
    set.state = 'failed';
    set.importedTo = params.host;
  }
}

function requireImportedEverywhere(set: LabSnapshotSet, action: string): string {
  if (set.state === 'created' || set.state === 'failed' || set.importedTo === null) {
    throw windowsFailure(
      'VSS_E_OBJECT_NOT_FOUND',
      `Cannot ${action} set ${set.id}: it is ${set.state} and not in any host's system. Import it first`,
      'PRECONDITION_FAILED',
    );
  }
  if (set.state === 'broken') {
    throw windowsFailure(
      'VSS_E_OBJECT_NOT_FOUND',
      `Cannot ${action} set ${set.id}: it was already broken (${set.breakMode}); its LUNs are ordinary LUNs now`,
      'PRECONDITION_FAILED',
    );
  }
  const missing = set.shadowCopies.filter((copy) => !copy.imported);
  if (missing.length > 0) {
    throw windowsFailure(
      'VSS_E_BAD_STATE',
      `Cannot ${action} set ${set.id}: ${missing.length} of its shadow copies were not imported. Import the set again on ${set.importedTo} first`,
      'PRECONDITION_FAILED',
    );
  }
  return set.importedTo;
}

export function breakSet(state: LabState, params: { setId: string; mode: BreakMode }): OperationResult {
  const set = findSnapshotSet(state, params.setId);
  const host = requireImportedEverywhere(set, 'break');
  // diskshadow and vshadow break on the host that imported the set, which the console reaches through remoting.
  requireReachable(state, host);
  const shadows = set.shadowCopies.map((copy) => ({ copy, shadow: findLun(state, copy.shadowLunId) }));

  if (params.mode === 'revert-identity') {
    // BreakSnapshotSetEx REVERT_IDENTITY_ALL: "if any of the original LUNs are present on the system,
    // the operation will fail and none of the identifiers will be reverted".
    const ownShadows = new Set(shadows.map(({ shadow }) => shadow));
    const present = shadows.flatMap(({ copy }) => {
      const key = identityKey(copy.originalIdentity.partitionStyle, copy.originalIdentity.signature);
      return state.luns.filter((lun) => !ownShadows.has(lun) && key !== null && lunIdentityKey(lun) === key && isVisibleTo(lun, host));
    });
    if (present.length > 0) {
      throw windowsFailure(
        'VSS_E_BREAK_REVERT_ID_FAILED',
        `Cannot break set ${set.id} with identity revert: ${host} still sees ${present.map((lun) => lun.name).join(', ')} with the original identit${present.length === 1 ? 'y' : 'ies'}. Mask the original LUNs from ${host} (and every cluster node) first; nothing was changed`,
        'PRECONDITION_FAILED',
      );
    }
  }

  const changes: string[] = [];
  for (const { copy, shadow } of shadows) {
    const before = shadow.signature;
    if (params.mode === 'revert-identity') {
      const original = state.luns.find((lun) => lun.id === copy.originalLunId);
      shadow.signature = copy.originalIdentity.signature;
      // Windows' mount manager knows the volumes by disk identity, so they get their names back; but the partitions
      // are still hidden and marked no-default-drive-letter, so no letter until step 5 clears that.
      shadow.volumes = shadow.volumes.map((volume, i) => ({ ...volume, guidPath: original?.volumes[i]?.guidPath ?? volume.guidPath }));
    } else {
      shadow.signature = freshIdentity(shadow.partitionStyle, `break/${set.id}/${shadow.id}`);
    }
    // The break makes the disk writable (unless plain) but leaves the shadow copy's partition attributes: clearing
    // them is the requester's job (docs/windows-facts.md#partition-attributes-after-the-break).
    shadow.readOnly = params.mode === 'plain';
    shadow.state = 'healthy';
    changes.push(`${shadow.name}: identity ${before} → ${shadow.signature}, ${shadow.readOnly ? 'read-only' : 'read/write'}`);
  }
  set.state = 'broken';
  set.breakMode = params.mode;
  const warnings =
    params.mode === 'revert-identity'
      ? []
      : [
          'The broken LUNs have new disk identities: a cluster resource expecting the original signature will not find them (event 1034). To keep the identity, mask the originals and break with identity revert.',
        ];
  const how = {
    plain: 'read-only, with new disk identities',
    writable: 'read/write, with new disk identities',
    'revert-identity': "read/write, with the original LUNs' disk identities",
  }[params.mode];
  return report('breakSnapshotSet', `Set ${set.id} broken on ${host}: its ${shadows.length} LUN(s) are now ordinary LUNs, ${how}.`, {
    changes,
    warnings,
  });
}

export function exposeShadowCopy(state: LabState, params: { setId: string; shadowCopyId: string; driveLetter: string }): OperationResult {
  const set = findSnapshotSet(state, params.setId);
  const host = requireImportedEverywhere(set, 'expose a shadow copy of');
  // diskshadow exposes on the host that imported the set, which the console reaches through remoting.
  requireReachable(state, host);
  const copy = set.shadowCopies.find((c) => c.id === normalizeGuid(params.shadowCopyId));
  if (!copy)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `Set ${set.id} has no shadow copy ${params.shadowCopyId}. Its shadow copies: ${set.shadowCopies.map((c) => c.id).join(', ')}.`,
    );
  if (!set.persistent) {
    throw windowsFailure(
      'VSS_E_BAD_STATE',
      `Shadow copy ${copy.id} is not persistent; diskshadow exposes only persistent shadow copies`,
      'PRECONDITION_FAILED',
    );
  }
  const letter = params.driveLetter.toUpperCase().replace(/\\$/, '');
  if (!/^[D-Z]:$/.test(letter))
    throw new ShadowSwapError('INVALID_REQUEST', `"${params.driveLetter}" is not a drive letter to expose on; use D: to Z:.`);
  const taken = state.luns.some(
    (lun) => isVisibleTo(lun, host) && lun.volumes.some((volume) => volume.driveLetter?.toUpperCase() === letter),
  );
  // diskshadow's own message has the double space.
  if (taken)
    throw new ShadowSwapError('PRECONDITION_FAILED', `The  drive letter is already in use. ${letter} is taken on ${host}; choose another.`);
  const shadow = findLun(state, copy.shadowLunId);
  shadow.volumes = shadow.volumes.map((volume, i) => (i === 0 ? { ...volume, driveLetter: letter } : volume));
  shadow.partition = { ...shadow.partition, hidden: false };
  copy.exposedAs = letter;
  set.state = 'exposed';
  return report('exposeShadowCopy', `The shadow copy was successfully exposed as ${letter}\\. (read-only, on ${host})`, {
    changes: [`${shadow.name}: exposed as ${letter}`],
  });
}
