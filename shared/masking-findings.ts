/**
 * Who can see which LUN, and the masking mistakes that take a cluster down or corrupt a disk:
 * a LUN masked to nobody, a clustered LUN some node of its cluster cannot see (failover to that node
 * fails with event 1034), and a clustered LUN a host outside the cluster can see (two writers, one disk).
 * One set of rules draws the masking matrix in the console and lists the findings in the CLI.
 */
import { z } from 'zod';
import { resourceForLun } from './disk-identity';
import type { Cluster, DiskResource, Lun } from './domain';
import { countText } from './count-text';

export const FindingKind = z.enum(['missing-cluster-node', 'visible-outside-cluster', 'masked-to-nobody']);
export type FindingKind = z.infer<typeof FindingKind>;

export const MaskingFinding = z.object({
  kind: FindingKind,
  lunId: z.string(),
  lunName: z.string(),
  /** The cluster whose disk resource the LUN backs; null for a LUN masked to nobody. */
  cluster: z.string().nullable(),
  resource: z.string().nullable(),
  /** The nodes that cannot see the LUN, or the hosts outside the cluster that can. */
  hosts: z.array(z.string()),
  /** What is wrong, why it matters and what to do, in an operator's words. */
  explanation: z.string(),
});
export type MaskingFinding = z.infer<typeof MaskingFinding>;

/** Unbroken shadow copies wait masked until an import unmasks them; forensic holds are kept away on purpose. */
const MASKED_BY_DESIGN = new Set<Lun['state']>(['shadow', 'forensic-hold']);

/** A LUN as a cluster disk: the resource that expects its identity, in a cluster one of whose nodes sees it. */
export interface ClusteredDisk {
  cluster: Cluster;
  resource: DiskResource;
}

/** Which cluster each host is a node of, by upper-cased host name (Windows names are case-insensitive). */
export function clustersByNode(clusters: readonly Cluster[]): Map<string, Cluster> {
  return new Map(clusters.flatMap((cluster) => cluster.nodes.map((node) => [node.name.toUpperCase(), cluster] as const)));
}

/**
 * The cluster disk a LUN backs. The cluster binds a resource to the disk with the expected signature or
 * GUID that its nodes see, so an unbroken shadow copy carrying the same signature but masked from the
 * nodes backs nothing, and neither does an original once it is masked from every node.
 */
export function clusteredDiskOf(
  lun: Pick<Lun, 'signature' | 'partitionStyle' | 'maskedTo'>,
  nodeClusters: ReadonlyMap<string, Cluster>,
): ClusteredDisk | null {
  const seenBy = new Set<Cluster>();
  for (const host of lun.maskedTo) {
    const cluster = nodeClusters.get(host.toUpperCase());
    if (cluster) seenBy.add(cluster);
  }
  for (const cluster of seenBy) {
    const resource = resourceForLun(cluster, lun);
    if (resource) return { cluster, resource };
  }
  return null;
}

/** One cell of the matrix: whether the host sees the LUN, judged against the cluster the LUN belongs to. */
export type CellAccess = 'sees' | 'sees-outside-cluster' | 'missing-cluster-node' | 'none';

export function cellAccess(sees: boolean, lunCluster: string | null, hostCluster: string | null): CellAccess {
  const expected = lunCluster !== null && hostCluster === lunCluster;
  if (sees) return lunCluster === null || expected ? 'sees' : 'sees-outside-cluster';
  return expected ? 'missing-cluster-node' : 'none';
}

/** "A, B, C and 4 more": explanations stay readable when a LUN is masked to `*` on a large estate. */
export function listHosts(names: readonly string[], shown = 5): string {
  if (names.length <= shown) return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, shown).join(', ')} and ${countText(names.length - shown)} more`;
}

/** The findings about one LUN; `nodeClusters` comes from clustersByNode, built once per estate. */
export function lunMaskingFindings(lun: Lun, nodeClusters: ReadonlyMap<string, Cluster>): MaskingFinding[] {
  const base = { lunId: lun.id, lunName: lun.name };
  if (lun.maskedTo.length === 0 && !lun.maskAll) {
    if (MASKED_BY_DESIGN.has(lun.state)) return [];
    return [
      {
        ...base,
        kind: 'masked-to-nobody',
        cluster: null,
        resource: null,
        hosts: [],
        explanation: `${lun.name} is masked to nobody: no host can reach its data. Masking replaces the access list rather than adding to it, so this is often a mask that left every host out. Unmask it to the hosts that should own it, or record why it is kept aside.`,
      },
    ];
  }
  const disk = clusteredDiskOf(lun, nodeClusters);
  if (!disk) return [];
  const { cluster, resource } = disk;
  const sees = new Set(lun.maskedTo.map((name) => name.toUpperCase()));
  const nodes = cluster.nodes.map((node) => node.name);
  const nodeSet = new Set(nodes.map((name) => name.toUpperCase()));
  const where = { cluster: cluster.name, resource: resource.name };
  const findings: MaskingFinding[] = [];

  const missing = nodes.filter((node) => !sees.has(node.toUpperCase()));
  if (missing.length > 0) {
    findings.push({
      ...base,
      ...where,
      kind: 'missing-cluster-node',
      hosts: missing,
      explanation: `${lun.name} backs "${resource.name}" in cluster ${cluster.name}, but ${listHosts(missing)} cannot see it. If the group fails over or moves there, the disk resource fails (event 1034) and the service stays down. Unmask it to every node (${nodes.join(', ')}), giving the full list: masking replaces it.`,
    });
  }
  const outside = lun.maskedTo.filter((name) => !nodeSet.has(name.toUpperCase()));
  if (outside.length > 0) {
    findings.push({
      ...base,
      ...where,
      kind: 'visible-outside-cluster',
      hosts: outside,
      explanation: `${lun.name} backs "${resource.name}" in cluster ${cluster.name}, but ${listHosts(outside)} outside the cluster ${outside.length === 1 ? 'sees' : 'see'} it too. A host outside the cluster can mount and write the disk while the owner node does, which corrupts it, and a copy imported there collides with its signature. Mask it to exactly the nodes ${nodes.join(', ')}.`,
    });
  }
  return findings;
}

const KIND_ORDER: Record<FindingKind, number> = { 'missing-cluster-node': 0, 'visible-outside-cluster': 1, 'masked-to-nobody': 2 };
const byName = new Intl.Collator('en', { numeric: true }).compare;

/** The order findings are listed in: the ones that stop a failover first, then by LUN name. */
export function compareFindings(a: MaskingFinding, b: MaskingFinding): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byName(a.lunName, b.lunName);
}

/** Every masking finding of an estate, in listing order. */
export function maskingFindings(luns: readonly Lun[], clusters: readonly Cluster[]): MaskingFinding[] {
  const nodeClusters = clustersByNode(clusters);
  return luns.flatMap((lun) => lunMaskingFindings(lun, nodeClusters)).sort(compareFindings);
}
