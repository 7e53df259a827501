/**
 * Rescanning a node and asking it what it lists, shared by the rescan step and by a rollback that gives LUNs back: a
 * node discovers a LUN newly presented to it only when it rescans (Update-HostStorageCache), and the masking record
 * says what the array presents, not what a node has found (docs/windows-facts.md#rescan-with-update-hoststoragecache).
 */
import { ShadowSwapError } from '../../../../shared/errors';
import type { LunRef, NodeLuns } from '../../../../shared/recovery-step-params';
import { report, type OperationOutcome, type StepContext } from './step-module';

interface NodeReading {
  host: string;
  /** The LUNs the node lists, with their disk number there. */
  listed: string[];
  missing: LunRef[];
}

/** Each host with the LUNs it must list, in first-seen order (host names compared case-insensitively). */
export function nodesSeeing(presented: ReadonlyArray<{ lun: LunRef; hosts: readonly string[] }>): NodeLuns[] {
  const nodes = new Map<string, NodeLuns>();
  for (const { lun, hosts } of presented) {
    for (const host of hosts) {
      const node = nodes.get(host.toUpperCase()) ?? { host, luns: [] };
      node.luns.push(lun);
      nodes.set(host.toUpperCase(), node);
    }
  }
  return [...nodes.values()];
}

/** What a node lists itself (Get-Disk run there), against the LUNs it must list. */
export async function readNode(context: StepContext, node: NodeLuns): Promise<NodeReading> {
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
 * Rescans one node, then checks what it lists. A rescan changes no data and no access, so running it again (on a
 * node that lists the disks already, or on a resume) is harmless. `then`: what the operator does once the node is
 * fixed ("resume", "roll back again"), said in the error.
 */
export async function rescanAndCheck(context: StepContext, node: NodeLuns, then: string): Promise<OperationOutcome> {
  report(context, await context.backend.rescanHostStorage({ host: node.host }));
  const reading = await readNode(context, node);
  if (reading.listed.length > 0) context.log(`${node.host} lists ${reading.listed.join(', ')}`);
  if (reading.missing.length > 0)
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `After a rescan, ${node.host} does not list ${reading.missing.map((l) => l.name).join(', ')}: ` +
        'the array presents the LUN(s) to it, but the node did not find a disk with that UniqueId. ' +
        `Check that node's zoning or iSCSI sessions and its masking set on the array, run Update-HostStorageCache there, then ${then}.`,
      { nodes: [{ host: node.host, missing: reading.missing.map((l) => l.lunId) }] },
    );
  return 'done';
}
