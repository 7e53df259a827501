/** Pointing each disk resource at its recovered disk, when the break gave the disks new signatures. */
import { ShadowSwapError } from '../../../../shared/errors';
import { lunOf, lunsById, resourceOf } from './backend-reads';
import { report, type StepModule } from './step-module';

export const repointResources: StepModule<'repoint-resources'> = {
  draft(inputs) {
    const { options, resources, pairs, cluster } = inputs;
    if (options.identity !== 'new-signature' || resources.length === 0) return [];
    const repoint = pairs.flatMap(({ resource, shadow }) =>
      resource && cluster
        ? [{ resource, shadow, target: { cluster, resource: resource.name, group: resource.group, shadowLunId: shadow.id } }]
        : [],
    );
    return [
      {
        kind: 'repoint-resources',
        title: 'Point the disk resources at the recovered disks',
        why: "With new signatures the cluster would not find its disks (event 1034); each resource's DiskSignature is set to its recovered disk.",
        destructive: false,
        confirmPhrase: null,
        changes: repoint.map(({ target }) => ({
          kind: 'resource',
          cluster: target.cluster,
          resource: target.resource,
          before: 'original signature',
          after: 'recovered disk signature',
        })),
        // VSS gives the disks their new identities at the break, so the plan can show only where they go.
        operations: repoint.map(({ resource, shadow, target }) => ({
          operation: 'setResourceDiskIdentity',
          cluster: target.cluster,
          resource: target.resource,
          onNode: resource.ownerNode,
          identity: { assignedAtBreak: shadow.partitionStyle === 'GPT' ? 'GPT' : 'MBR' },
        })),
        undo: 'Set each DiskSignature back to the value journaled before.',
        params: { pairs: repoint.map(({ target }) => target) },
      },
    ];
  },
  async probe(context, params) {
    const luns = await lunsById(context.backend);
    for (const pair of params.pairs) {
      const { resource } = await resourceOf(context.backend, pair);
      if ((resource.diskSignature ?? resource.diskIdGuid) !== lunOf(luns, pair.shadowLunId).signature) return false;
    }
    return true;
  },
  async capture(context, params) {
    const signatures: Record<string, string | null> = {};
    for (const pair of params.pairs) {
      const { resource } = await resourceOf(context.backend, pair);
      signatures[pair.resource] = resource.diskSignature ?? resource.diskIdGuid;
    }
    return signatures;
  },
  async apply(context, params) {
    const luns = await lunsById(context.backend);
    for (const pair of params.pairs) {
      const signature = lunOf(luns, pair.shadowLunId).signature;
      if (!signature)
        throw new ShadowSwapError(
          'PRECONDITION_FAILED',
          `The recovered LUN for ${pair.resource} has no disk signature yet; the break did not finish.`,
        );
      report(context, await context.backend.setResourceDiskIdentity({ cluster: pair.cluster, resource: pair.resource, signature }));
    }
  },
  async compensate(context, params, before) {
    const signatures = before as Record<string, string | null>;
    for (const pair of params.pairs) {
      const signature = signatures[pair.resource];
      if (signature)
        report(context, await context.backend.setResourceDiskIdentity({ cluster: pair.cluster, resource: pair.resource, signature }));
    }
  },
};
