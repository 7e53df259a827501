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
import { report, type StepContext, type StepModule } from './step-module';

interface NodeReading {
  host: string;
  /** The recovered LUNs the node lists, with their disk number there. */
  listed: string[];
  missing: LunRef[];
}

/** What each node lists itself (Get-Disk run there), against the recovered LUNs it must list. */
async function readNodes(context: StepContext, nodes: readonly NodeLuns[]): Promise<NodeReading[]> {
  const readings: NodeReading[] = [];
  for (const node of nodes) {
    const disks = await context.backend.listHostDisks(node.host);
    const listed: string[] = [];
    const missing: LunRef[] = [];
    for (const lun of node.luns) {
      const disk = disks.find((d) => d.lunId === lun.lunId);
      if (disk === undefined) missing.push(lun);
      else listed.push(`${lun.name} (disk ${disk.number ?? '?'})`);
    }
    readings.push({ host: node.host, listed, missing });
  }
  return readings;
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
  probe: async (context, params) => (await readNodes(context, params.nodes)).every((node) => node.missing.length === 0),
  async apply(context, params) {
    for (const { host } of params.nodes) report(context, await context.backend.rescanHostStorage({ host }));
    const readings = await readNodes(context, params.nodes);
    for (const node of readings) if (node.listed.length > 0) context.log(`${node.host} lists ${node.listed.join(', ')}`);
    const blind = readings.filter((node) => node.missing.length > 0);
    if (blind.length > 0)
      throw new ShadowSwapError(
        'BACKEND_FAILED',
        `After a rescan, ${blind.map((n) => `${n.host} does not list ${n.missing.map((l) => l.name).join(', ')}`).join('; ')}: ` +
          'the array presents the LUN(s) to it, but the node did not find a disk with that UniqueId. ' +
          "Check that node's zoning or iSCSI sessions and its masking set on the array, run Update-HostStorageCache there, then resume (the step rescans and checks again).",
        { nodes: blind.map((n) => ({ host: n.host, missing: n.missing.map((l) => l.lunId) })) },
      );
  },
};
