/** Breaking the set: the shadow LUNs become ordinary read/write LUNs, with the originals' identity or new signatures. */
import { setOf } from './backend-reads';
import { confirmPhraseOf } from './draft-inputs';
import { report, type StepModule } from './step-module';

export const breakSet: StepModule<'break-set'> = {
  draft(inputs) {
    const { set, options, cluster } = inputs;
    // What finds the disks by their signature: the cluster's disk resources, or the host's own volumes.
    const finder = cluster ? 'the cluster finds its disks' : `${inputs.importHost} finds its volumes as they were`;
    const breakMode = options.identity === 'revert' ? 'revert-identity' : 'writable';
    return [
      {
        kind: 'break-set',
        title:
          options.identity === 'revert'
            ? 'Break the set, keeping the original disk identity'
            : 'Break the set writable (new disk signatures)',
        why:
          options.identity === 'revert'
            ? `BreakSnapshotSetEx with REVERT_IDENTITY_ALL turns the shadow LUNs into ordinary read/write LUNs that carry the originals' signatures, so ${finder}.`
            : 'Breaking turns the shadow LUNs into ordinary LUNs; they get new signatures, so the disk resources are repointed afterwards.',
        destructive: true,
        confirmPhrase: confirmPhraseOf(inputs),
        changes: [{ kind: 'snapshot-set', setId: set.id, before: 'imported', after: 'broken' }],
        operations: [{ operation: 'breakSnapshotSet', setId: set.id, mode: breakMode, host: inputs.importHost }],
        undo: 'A break cannot be undone. Rollback masks the broken LUNs away and restores the originals; the broken LUNs are kept.',
        params: { setId: set.id, mode: breakMode },
      },
    ];
  },
  probe: async (context, params) => (await setOf(context.backend, params.setId)).state === 'broken',
  capture: async (context, params) => ({ state: (await setOf(context.backend, params.setId)).state }),
  apply: async (context, params) => {
    report(context, await context.backend.breakSnapshotSet({ setId: params.setId, mode: params.mode }));
  },
};
