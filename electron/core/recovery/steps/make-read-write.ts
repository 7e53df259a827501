/**
 * Making the recovered volumes usable: the disks writable, the attributes the shadow copy left on their partitions
 * cleared (read-only, hidden, shadow copy, no default drive letter) and the originals' drive letters back
 * (docs/windows-facts.md#partition-attributes-after-the-break). On a cluster Windows refuses these changes unless the
 * disk's resource is online in maintenance mode (docs/windows-facts.md#clustered-disk-changes-need-maintenance-mode-and-online),
 * so the step comes after the disks are back on the cluster: in maintenance mode before it ends, in offline mode
 * after the disks are started, inside a maintenance window the step opens and closes itself; either way before the
 * dependents start.
 */
import { partitionProblems, type PlannedOperation } from '../../backend';
import type { StepParams } from '../../../../shared/recovery';
import type { DriveLetters } from '../../../../shared/recovery-step-params';
import { resourceOf } from './backend-reads';
import { diskResourceOperations, driveResource, resourcesAt } from './cluster-resources';
import { resourceTargetsOf, shadowLunsOf, type DraftInputs } from './draft-inputs';
import { report, type StepContext, type StepModule } from './step-module';

/** Each recovered LUN gets the drive letter its original volume had when the set was made. */
export function driveLettersOf(inputs: DraftInputs): DriveLetters {
  const letters: DriveLetters = {};
  for (const { copy, shadow } of inputs.pairs) if (copy.originalDriveLetter !== null) letters[shadow.id] = copy.originalDriveLetter;
  return letters;
}

/** What still keeps each LUN's volumes from being usable, as `host` reads them back; empty when all are usable. */
export async function volumeProblems(
  context: StepContext,
  host: string,
  luns: ReadonlyArray<{ lunId: string; name: string }>,
  driveLetters: DriveLetters,
): Promise<string[]> {
  const readings = await context.backend.readPartitions({ host, lunIds: luns.map((l) => l.lunId) });
  return luns.flatMap(({ lunId, name }) => {
    const reading = readings.find((r) => r.lunId === lunId);
    if (!reading?.present) return [`${name}: ${host} does not see the recovered disk`];
    return partitionProblems(reading.partitions, driveLetters[lunId] ?? null).map((problem) => `${name}: ${problem}`);
  });
}

/** Whether every recovered disk is writable and its volumes usable, read on the host the step runs on. */
async function volumesUsable(context: StepContext, params: StepParams<'make-read-write'>): Promise<boolean> {
  // Disk flags are per node: read on the host the step runs on (its own Get-Disk), not whichever host answers first.
  const disks = await context.backend.listHostDisks(params.host);
  if (!params.shadowLuns.every((ref) => disks.some((disk) => disk.lunId === ref.lunId && disk.readOnly === false))) return false;
  return (await volumeProblems(context, params.host, params.shadowLuns, params.driveLetters)).length === 0;
}

export const makeReadWrite: StepModule<'make-read-write'> = {
  draft(inputs) {
    const { pairs, importHost, options, cluster } = inputs;
    const driveLetters = driveLettersOf(inputs);
    const window = cluster !== null && options.mode === 'offline' ? resourceTargetsOf(inputs) : [];
    const operations: PlannedOperation[] = [
      ...(window.length > 0 ? diskResourceOperations(inputs, 'suspendResource') : []),
      { operation: 'setVolumesReadWrite', host: importHost, lunIds: pairs.map((p) => p.shadow.id), driveLetters },
      ...(window.length > 0 ? diskResourceOperations(inputs, 'resumeResource') : []),
    ];
    return [
      {
        kind: 'make-read-write',
        title: 'Make the recovered volumes read/write and mount them',
        why:
          'A broken shadow copy keeps its partitions read-only, hidden, marked as a shadow copy and without a drive letter; the application needs them writable where the originals were mounted.' +
          (cluster === null
            ? ''
            : window.length > 0
              ? ' Windows changes a clustered disk only while its resource is online in maintenance mode, so this comes after the disks are started: each goes into maintenance mode for the change and out of it again, before what depends on them starts.'
              : ' Windows changes a clustered disk only while its resource is online in maintenance mode, so this comes while the disks are still in maintenance mode, before it ends.'),
        destructive: false,
        confirmPhrase: null,
        changes: pairs.map((p) => {
          const letter = driveLetters[p.shadow.id];
          return {
            kind: 'volume',
            lunId: p.shadow.id,
            lunName: p.shadow.name,
            before: 'read-only, hidden, shadow copy, no drive letter',
            after: `read/write, visible${letter === undefined ? ', no drive letter (the original had none)' : `, ${letter}`}`,
          };
        }),
        operations,
        undo:
          'Nothing to undo on the volumes: rollback masks these LUNs away.' +
          (window.length > 0 ? ' A maintenance window left open is closed (Resume-ClusterResource).' : ''),
        params: { host: importHost, shadowLuns: shadowLunsOf(inputs), driveLetters, maintenanceWindow: window },
      },
    ];
  },
  async probe(context, params) {
    if (!(await volumesUsable(context, params))) return false;
    // A window the step opened and a crash left open is not done: the disks must leave maintenance mode.
    return resourcesAt(context, params.maintenanceWindow, 'online');
  },
  // Inside a maintenance window: every disk into maintenance mode together, then the volumes, then every disk out of
  // it together (operation-order.ts keeps the volume change between the two).
  operations: (context, params) => [
    ...params.maintenanceWindow.map((target) => ({
      planned: { operation: 'suspendResource' as const, cluster: target.cluster, resource: target.resource, onNode: '' },
      target: `${target.resource} into maintenance mode`,
      action: `put ${target.resource} in maintenance mode`,
      probe: () => resourcesAt(context, [target], 'maintenance'),
      run: () => driveResource(context, target, 'maintenance'),
    })),
    {
      planned: {
        operation: 'setVolumesReadWrite' as const,
        host: params.host,
        lunIds: params.shadowLuns.map((l) => l.lunId),
        driveLetters: params.driveLetters,
      },
      target: `the volumes on ${params.host}`,
      action: `make ${params.shadowLuns.map((l) => l.name).join(', ')} read/write and mount them on ${params.host}`,
      probe: () => volumesUsable(context, params),
      async run() {
        if (await volumesUsable(context, params)) return 'already-in-place';
        report(
          context,
          await context.backend.setVolumesReadWrite({
            host: params.host,
            lunIds: params.shadowLuns.map((l) => l.lunId),
            driveLetters: params.driveLetters,
          }),
        );
        return 'done';
      },
    },
    ...params.maintenanceWindow.map((target) => ({
      planned: { operation: 'resumeResource' as const, cluster: target.cluster, resource: target.resource, onNode: '' },
      target: `${target.resource} out of maintenance mode`,
      action: `take ${target.resource} out of maintenance mode`,
      probe: () => resourcesAt(context, [target], 'online'),
      run: () => driveResource(context, target, 'online'),
    })),
  ],
  // The volumes need no undoing (rollback masks the recovered LUNs away). A maintenance window this step opened and a
  // failure or crash left open is closed, so the disks are as start-resources left them when its own compensation runs.
  async compensate(context, params) {
    for (const target of params.maintenanceWindow) {
      const { resource } = await resourceOf(context.backend, target);
      if (resource.maintenanceMode)
        report(
          context,
          await context.backend.resumeResource({ cluster: target.cluster, resource: target.resource, onNode: resource.ownerNode }),
        );
    }
  },
};
