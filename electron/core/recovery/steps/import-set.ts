/** Importing the transportable set on the importing host: its shadow LUNs surface there, read-only. */
import { ShadowSwapError } from '../../../../shared/errors';
import { setOf } from './backend-reads';
import { lunRef } from './draft-inputs';
import { applyMasks, captureMasks } from './masks';
import { report, type StepModule } from './step-module';

export const importSet: StepModule<'import-set'> = {
  draft(inputs) {
    const { set, importHost } = inputs;
    return [
      {
        kind: 'import-set',
        title: `Import the shadow copy set on ${importHost}`,
        why: 'A transportable set is not in any system until it is imported; the hardware provider surfaces its shadow LUNs to the importing host, read-only.',
        destructive: false,
        confirmPhrase: null,
        changes: [{ kind: 'snapshot-set', setId: set.id, before: set.state, after: 'imported' }],
        operations: [{ operation: 'importSnapshotSet', setId: set.id, host: importHost }],
        undo: 'VSS cannot un-import; on rollback the shadow LUNs are masked from every host (nothing is deleted).',
        // Every shadow LUN of the set surfaces, those of LUNs left out too: rollback masks them all away.
        params: { setId: set.id, host: importHost, shadowLuns: [...inputs.pairs, ...inputs.leftOut].map((p) => lunRef(p.shadow)) },
      },
    ];
  },
  async probe(context, params) {
    const set = await setOf(context.backend, params.setId);
    return set.state !== 'created' && set.state !== 'failed' && set.importedTo === params.host && set.shadowCopies.every((c) => c.imported);
  },
  capture: async (context, params) => ({
    state: (await setOf(context.backend, params.setId)).state,
    masks: await captureMasks(context, params.shadowLuns),
  }),
  async apply(context, params) {
    const result = await context.backend.importSnapshotSet({ setId: params.setId, host: params.host });
    report(context, result);
    if (result.partial) {
      // Breaking a partly imported set would leave the missing disks behind for good: the step fails here.
      throw new ShadowSwapError(
        'BACKEND_FAILED',
        `${result.partial.explanation.replace(/\.$/, '')}. Resume to retry the import, or roll back; VSS does not clean up a failed import, ShadowSwap masks the shadow LUNs away on rollback.`,
        { ...result.status, imported: result.partial.imported, notImported: result.partial.notImported },
      );
    }
  },
  // An import cannot be undone by VSS; what matters is that no production host sees the shadow LUNs.
  compensate: (context, params) =>
    applyMasks(
      context,
      params.shadowLuns.map((lun) => ({ ...lun, hosts: [] })),
    ),
};
