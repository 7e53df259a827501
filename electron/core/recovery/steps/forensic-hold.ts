/** Giving the damaged originals to a forensics host, and to no production host. */
import type { MaskTarget } from '../../../../shared/recovery-step-params';
import { lunRef } from './draft-inputs';
import { maskBehaviour } from './masks';
import type { StepModule } from './step-module';

export const forensicHold: StepModule<'forensic-hold'> = {
  draft(inputs) {
    const forensics = inputs.options.forensicsHost;
    if (forensics === null) return [];
    const hold: MaskTarget[] = inputs.pairs.map((p) => ({ ...lunRef(p.original), hosts: [forensics], expected: [] }));
    return [
      {
        kind: 'forensic-hold',
        title: `Give the damaged originals to ${forensics} for forensics`,
        why: 'The damaged LUNs are evidence: they stay masked from production and only the forensics host sees them. Mount them read-only there.',
        destructive: false,
        confirmPhrase: null,
        changes: hold.map((t) => ({ kind: 'mask', lunId: t.lunId, lunName: t.name, before: [], after: t.hosts })),
        // The originals were masked from everyone by then.
        operations: hold.map((t) => ({ operation: 'setLunMask', lunId: t.lunId, hosts: t.hosts, before: [] })),
        undo: 'Mask the originals from the forensics host again.',
        params: { targets: hold },
      },
    ];
  },
  ...maskBehaviour,
};
