/**
 * After the recovered LUNs are unmasked, every node that must see them rescans its disks and is then asked what it
 * lists itself: a node discovers a LUN newly presented to it only when it rescans (Update-HostStorageCache), and the
 * masking record says what the array presents, not what a node has found
 * (docs/windows-facts.md#rescan-with-update-hoststoragecache). A node that does not list a recovered disk by its
 * UniqueId would not find it at a failover.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import type { LunRef, NodeLuns } from '../../../../shared/recovery-step-params';
import { exposedHosts } from '../access-lists';
import { lunRef } from './draft-inputs';
import { report, type OperationOutcome, type StepContext, type StepModule } from './step-module';

interface NodeReading {
  host: string;
  /** The recovered LUNs the node lists, with their disk number there. */
  listed: string[];
  missing: LunRef[];
}

/** What a node lists itself (Get-Disk run there), against the recovered LUNs it must list. */
async function readNode(context: StepContext, node: NodeLuns): Promise<NodeReading> {
  const disks = await context.backend.listHostDisks(node.host);
  const listed: string[] = [];
  const missing: LunRef[] = [];
  for (const lun of node.luns) {
    const disk = disks.find((d) => d.lunId === lun.lunId);
    if (disk === undefined) missing.push(lun);
    else listed.push(`${lun.name} (disk ${disk.number ?? '?'})`);
  }
  return { host: node.host, listed, missing };
}

/**
 * Rescans one node, then checks what it lists. Every node rescans, even one that lists the disks already (the import
 * host does): a rescan changes no data and no access, so running it again on a resume is harmless.
 */
async function rescanNode(context: StepContext, node: NodeLuns): Promise<OperationOutcome> {
  report(context, await context.backend.rescanHostStorage({ host: node.host }));
  const reading = await readNode(context, node);
  if (reading.listed.length > 0) context.log(`${node.host} lists ${reading.listed.join(', ')}`);
  if (reading.missing.length > 0)
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `After a rescan, ${node.host} does not list ${reading.missing.map((l) => l.name).join(', ')}: ` +
        'the array presents the LUN(s) to it, but the node did not find a disk with that UniqueId. ' +
        "Check that node's zoning or iSCSI sessions and its masking set on the array, run Update-HostStorageCache there, then resume (the step rescans and checks again).",
      { nodes: [{ host: node.host, missing: reading.missing.map((l) => l.lunId) }] },
    );
  return 'done';
}

export const rescanNodes: StepModule<'rescan-nodes'> = {
  draft(inputs) {
    const { estate, pairs, options, cluster } = inputs;
    const nodes = new Map<string, NodeLuns>();
    for (const pair of pairs) {
      for (const host of exposedHosts(estate, pair.original, options.forensicsHost)) {
        const node = nodes.get(host.toUpperCase()) ?? { host, luns: [] };
        node.luns.push(lunRef(pair.shadow));
        nodes.set(host.toUpperCase(), node);
      }
    }
    if (nodes.size === 0) return [];
    const hosts = [...nodes.values()].map((n) => n.host);
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
        params: { nodes: [...nodes.values()] },
      },
    ];
  },
  probe: async (context, params) => {
    for (const node of params.nodes) if ((await readNode(context, node)).missing.length > 0) return false;
    return true;
  },
  // Each node rescans on its own: the nodes rescan together (operation-order.ts), each one checked by its own reading.
  operations: (context, params) =>
    params.nodes.map((node) => ({
      planned: { operation: 'rescanHostStorage', host: node.host },
      target: node.host,
      action: `rescan ${node.host} and check it lists ${node.luns.map((l) => l.name).join(', ')}`,
      probe: async () => (await readNode(context, node)).missing.length === 0,
      run: () => rescanNode(context, node),
    })),
};
