/**
 * After the recovered LUNs are unmasked, every node that must see them rescans its disks and is then asked what it
 * lists itself: a node discovers a LUN newly presented to it only when it rescans (Update-HostStorageCache), and the
 * masking record says what the array presents, not what a node has found
 * (docs/windows-facts.md#rescan-with-update-hoststoragecache). A node that does not list a recovered disk by its
 * UniqueId would not find it at a failover.
 */
import { exposedHosts } from '../access-lists';
import { lunRef } from './draft-inputs';
import { nodesSeeing, readNode, rescanAndCheck } from './node-rescan';
import type { StepModule } from './step-module';

export const rescanNodes: StepModule<'rescan-nodes'> = {
  draft(inputs) {
    const { estate, pairs, options, cluster } = inputs;
    const nodes = nodesSeeing(
      pairs.map((p) => ({ lun: lunRef(p.shadow), hosts: exposedHosts(estate, p.original, options.forensicsHost) })),
    );
    if (nodes.length === 0) return [];
    const hosts = nodes.map((n) => n.host);
    return [
      {
        kind: 'rescan-nodes',
        title: cluster
          ? `Rescan every node of ${cluster} and check each lists the recovered disks`
          : `Rescan ${hosts.join(', ')} and check the recovered disks are listed`,
        why:
          'A node discovers a LUN unmasked to it only when it rescans its disks (Update-HostStorageCache); until then it does not list it, and a failover to it would not find the disk. ' +
          'Each node is then asked for its own disks and must list every recovered LUN it was given by its UniqueId (the page 0x83 identifier): what the node sees, not what the masking record says.',
        destructive: false,
        confirmPhrase: null,
        changes: [],
        operations: hosts.map((host) => ({ operation: 'rescanHostStorage', host })),
        undo: 'Nothing to undo: a rescan changes no data and no access.',
        params: { nodes },
      },
    ];
  },
  probe: async (context, params) => {
    for (const node of params.nodes) if ((await readNode(context, node)).missing.length > 0) return false;
    return true;
  },
  // Each node rescans on its own: the nodes rescan together (operation-order.ts), each one checked by its own reading.
  // Every node rescans, even one that lists the disks already (the import host does).
  operations: (context, params) =>
    params.nodes.map((node) => ({
      planned: { operation: 'rescanHostStorage', host: node.host },
      target: node.host,
      action: `rescan ${node.host} and check it lists ${node.luns.map((l) => l.name).join(', ')}`,
      probe: async () => (await readNode(context, node)).missing.length === 0,
      run: () => rescanAndCheck(context, node, 'resume (the step rescans and checks again)'),
    })),
};
