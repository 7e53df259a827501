/** Unmasking the recovered LUNs to every host that saw the originals: they take the originals' place. */
import type { MaskTarget } from '../../../../shared/recovery-step-params';
import { exposedHosts } from '../access-lists';
import { lunRef } from './draft-inputs';
import { maskBehaviour } from './masks';
import type { StepModule } from './step-module';

export const unmaskShadows: StepModule<'unmask-shadows'> = {
  draft(inputs) {
    const { estate, pairs, options, cluster, importHost } = inputs;
    // The recovered LUNs take the originals' place: exactly the hosts that saw the originals see them now, `*` named.
    // The import surfaced the shadow LUNs to the importing host: that is their list when this step runs.
    const expose: MaskTarget[] = pairs.map((p) => ({
      ...lunRef(p.shadow),
      hosts: exposedHosts(estate, p.original, options.forensicsHost),
      expected: [importHost],
    }));
    // The shadow copy of a LUN left out surfaced with the import too; it is kept on the array as a spare, seen by no host
    // (docs/recovery-procedure.md#leaving-luns-out-of-the-scope).
    const spare: MaskTarget[] = inputs.leftOut.map((p) => ({ ...lunRef(p.shadow), hosts: [], expected: [importHost] }));
    const targets = [...expose, ...spare];
    return [
      {
        kind: 'unmask-shadows',
        title: cluster ? `Unmask the recovered LUNs to every node of ${cluster}` : `Unmask the recovered LUNs to ${importHost}`,
        why:
          'Every host that used the originals must see the recovered LUNs in their place (the access list is replaced, so the full list is set).' +
          (spare.length > 0
            ? ` The shadow copies of the LUNs left out (${inputs.leftOut.map((p) => p.original.name).join(', ')}) are masked from every host: their originals stay in production.`
            : ''),
        destructive: false,
        confirmPhrase: null,
        changes: targets.map((t) => ({ kind: 'mask', lunId: t.lunId, lunName: t.name, before: [importHost], after: t.hosts })),
        operations: targets.map((t) => ({ operation: 'setLunMask', lunId: t.lunId, hosts: t.hosts, before: [importHost] })),
        undo: 'Mask the recovered LUNs back to the access list they had before this step.',
        params: { targets },
      },
    ];
  },
  ...maskBehaviour,
};
