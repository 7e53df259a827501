/**
 * Creating a transportable shadow copy set ahead of an incident (step 1 of the procedure), as an action of
 * its own: the volumes are resolved to the LUNs the host sees, the operator confirms by typing the host
 * name, and every request, confirmation and outcome is journaled like a recovery run.
 */
import os from 'node:os';
import path from 'node:path';
import { ShadowSwapError, toWireError, type WireError } from '../../../shared/errors';
import type { SnapshotCreated, SnapshotRequest } from '../../../shared/snapshot-contract';
import type { Backend } from '../backend';
import { Journal } from '../recovery/journal';

type SnapshotEvent =
  | { type: 'snapshot.requested'; host: string; volumes: string[]; lunIds: string[]; persistent: boolean; by: string; machine: string }
  | { type: 'snapshot.confirmed'; by: string; typed: string }
  | { type: 'snapshot.succeeded'; setId: string; summary: string }
  | { type: 'snapshot.failed'; error: WireError };

/** `e`, `E:` and `E:\` all name drive E. */
function driveLetterOf(volume: string): string {
  const match = /^([A-Za-z]):?\\?$/.exec(volume.trim());
  if (!match?.[1]) throw new ShadowSwapError('INVALID_REQUEST', `"${volume}" is not a drive letter. Give volumes as E:,F:`);
  return `${match[1].toUpperCase()}:`;
}

export async function createSnapshot(
  backend: Backend,
  dataDir: string,
  request: SnapshotRequest,
  operator: string,
): Promise<SnapshotCreated> {
  const host = (await backend.listHosts()).find((h) => h.name.toUpperCase() === request.host.toUpperCase());
  if (!host) throw new ShadowSwapError('NOT_FOUND', `There is no host "${request.host}". List them with: shadowswap inventory hosts`);
  if (request.confirm.trim().toUpperCase() !== host.name.toUpperCase()) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `The confirmation did not match: type "${host.name}" to create a shadow copy set of ${request.volumes.join(', ')} on it.`,
    );
  }
  const luns = (await backend.listLuns()).filter((lun) => host.visibleLunIds.includes(lun.id));
  const lunIds = request.volumes.map(driveLetterOf).map((letter) => {
    const lun = luns.find((l) => l.volumes.some((v) => v.driveLetter?.toUpperCase() === letter));
    if (!lun)
      throw new ShadowSwapError(
        'NOT_FOUND',
        `${host.name} sees no volume ${letter}. Its volumes: ${luns.flatMap((l) => l.volumes.map((v) => v.driveLetter ?? v.label)).join(', ') || 'none'}.`,
      );
    return lun.id;
  });

  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const journal = Journal.create<SnapshotEvent>(path.join(dataDir, 'snapshots', `snapshot-${stamp}-${host.name}.journal`));
  try {
    await journal.append({
      type: 'snapshot.requested',
      host: host.name,
      volumes: request.volumes,
      lunIds,
      persistent: request.persistent,
      by: operator,
      machine: os.hostname(),
    });
    await journal.append({ type: 'snapshot.confirmed', by: operator, typed: request.confirm.trim() });
    try {
      const result = await backend.createSnapshotSet({ host: host.name, lunIds: [...new Set(lunIds)], persistent: request.persistent });
      await journal.append({ type: 'snapshot.succeeded', setId: result.snapshotSetId, summary: result.summary });
      return { setId: result.snapshotSetId, summary: result.summary, changes: result.changes, journalFile: journal.file };
    } catch (error) {
      await journal.append({ type: 'snapshot.failed', error: toWireError(error) });
      throw error;
    }
  } finally {
    await journal.close();
  }
}
