/**
 * Clearing the read-only attribute the import left on the recovered volumes. Whether it is cleared is read from the
 * host the step runs on (its own Get-Disk), not from whichever host answers first: disk flags are per node.
 */
import { shadowLunsOf } from './draft-inputs';
import { report, type StepModule } from './step-module';

export const makeReadWrite: StepModule<'make-read-write'> = {
  draft(inputs) {
    const { pairs, importHost } = inputs;
    return [
      {
        kind: 'make-read-write',
        title: 'Make the recovered volumes read/write',
        why: 'Imported shadow copies surface read-only; the application needs to write to them.',
        destructive: false,
        confirmPhrase: null,
        changes: pairs.map((p) => ({
          kind: 'volume',
          lunId: p.shadow.id,
          lunName: p.shadow.name,
          before: 'read-only',
          after: 'read/write',
        })),
        operations: [{ operation: 'setVolumesReadWrite', host: importHost, lunIds: pairs.map((p) => p.shadow.id) }],
        undo: 'Nothing to undo: rollback masks these LUNs away.',
        params: { host: importHost, shadowLuns: shadowLunsOf(inputs) },
      },
    ];
  },
  async probe(context, params) {
    const disks = await context.backend.listHostDisks(params.host);
    return params.shadowLuns.every((ref) => disks.some((disk) => disk.lunId === ref.lunId && disk.readOnly === false));
  },
  apply: async (context, params) => {
    report(context, await context.backend.setVolumesReadWrite({ host: params.host, lunIds: params.shadowLuns.map((l) => l.lunId) }));
  },
};
