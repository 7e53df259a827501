/** Masking the damaged originals from every host, so that the break can give their identity to the shadow copies. */
import type { MaskTarget } from '../../../../shared/recovery-step-params';
import { maskOf } from './backend-reads';
import { confirmPhraseOf, lunRef } from './draft-inputs';
import { maskBehaviour, plannedMaskOf } from './masks';
import type { StepModule } from './step-module';

export const maskOriginals: StepModule<'mask-originals'> = {
  draft(inputs) {
    const { pairs, cluster, importHost } = inputs;
    // A clustered original's disk is held by its resource's owner node as the plan reads it: a failover since the
    // set was taken moved it from the host the catalog names.
    const maskAway: MaskTarget[] = pairs.map((p) => ({
      ...lunRef(p.original),
      hosts: [],
      expected: maskOf(p.original),
      ...(p.resource?.ownerNode ? { diskHolder: p.resource.ownerNode } : {}),
    }));
    return [
      {
        kind: 'mask-originals',
        title: `Mask the ${pairs.length} damaged original LUN(s) from every host`,
        why: `The shadow copies carry the originals' disk identity; the originals must be invisible before the break, or it fails with VSS_E_BREAK_REVERT_ID_FAILED (0x800423F6) and ${cluster ? 'the cluster' : importHost} would see two disks with one signature.`,
        destructive: true,
        confirmPhrase: confirmPhraseOf(inputs),
        changes: pairs.map((p) => ({
          kind: 'mask',
          lunId: p.original.id,
          lunName: p.original.name,
          before: maskOf(p.original),
          after: [],
        })),
        operations: maskAway.map(plannedMaskOf),
        undo: 'Unmask each original to exactly the hosts it had before (the journal holds the old lists); each of those hosts then rescans its disks (Update-HostStorageCache) and must list it again.',
        params: { targets: maskAway },
      },
    ];
  },
  ...maskBehaviour,
};
