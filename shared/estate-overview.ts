/**
 * The home page's summary, per cluster and per standalone host: its health, its latest recoverable point,
 * and the warnings an operator must see before an incident (no recovery point left, originals still held
 * as evidence, masking findings). Pure: the core computes it from the backend's lists.
 */
import { z } from 'zod';
import type { Cluster, Host, Lun, SnapshotSet } from './domain';
import type { LunRole } from './lun-roles';
import type { MaskingFinding } from './masking-findings';

export const SystemHealth = z.enum(['damaged', 'degraded', 'healthy']);
export type SystemHealth = z.infer<typeof SystemHealth>;

export const SystemOverview = z.object({
  kind: z.enum(['cluster', 'host']),
  name: z.string(),
  /** The cluster's nodes, or the host itself. */
  hosts: z.array(z.string()),
  health: SystemHealth,
  /** Why it is not healthy, one line each ("SQL-DATA is damaged", "node SQL02 is Down"). */
  problems: z.array(z.string()),
  /** The newest snapshot set it can be recovered from; null when none is left. */
  latestSet: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
  recoverableSets: z.number().int().nonnegative(),
  /** Originals a recovery swapped out of its production and still kept (forensics, or copy data back). */
  evidenceLuns: z.array(z.string()),
  /** Masking-matrix findings on its LUNs or hosts. */
  findings: z.number().int().nonnegative(),
});
export type SystemOverview = z.infer<typeof SystemOverview>;

export const EstateOverview = z.object({ systems: z.array(SystemOverview) });
export type EstateOverview = z.infer<typeof EstateOverview>;

export interface OverviewInput {
  luns: readonly Lun[];
  roles: ReadonlyMap<string, LunRole>;
  sets: readonly SnapshotSet[];
  clusters: readonly Cluster[];
  hosts: readonly Host[];
  findings: readonly MaskingFinding[];
}

interface Tally {
  kind: SystemOverview['kind'];
  name: string;
  hosts: string[];
  problems: string[];
  damaged: boolean;
  sets: SnapshotSet[];
  evidence: Set<string>;
  findings: number;
}

const healthOrder: Record<SystemHealth, number> = { damaged: 0, degraded: 1, healthy: 2 };
const upper = (name: string) => name.toUpperCase();

function clusterProblems(cluster: Cluster): string[] {
  return [
    ...cluster.nodes.filter((node) => node.state !== 'Up').map((node) => `node ${node.name} is ${node.state}`),
    ...cluster.diskResources
      .filter((disk) => disk.state === 'Offline' || disk.state === 'Failed')
      .map((disk) => `${disk.name} is ${disk.state}`),
    ...cluster.applicationResources
      .filter((resource) => resource.state === 'Offline' || resource.state === 'Failed')
      .map((resource) => `${resource.name} is ${resource.state}`),
  ];
}

/** Every cluster, and every host outside a cluster that sees a LUN or is the source of a set; worst first. */
export function estateOverview({ luns, roles, sets, clusters, hosts, findings }: OverviewInput): SystemOverview[] {
  const tallies = new Map<string, Tally>();
  const systemOfHost = new Map<string, Tally>();
  const tally = (kind: Tally['kind'], name: string, members: string[]): Tally => {
    const entry: Tally = { kind, name, hosts: members, problems: [], damaged: false, sets: [], evidence: new Set(), findings: 0 };
    tallies.set(`${kind}:${upper(name)}`, entry);
    for (const member of members) systemOfHost.set(upper(member), entry);
    return entry;
  };
  for (const cluster of clusters)
    tally(
      'cluster',
      cluster.name,
      cluster.nodes.map((node) => node.name),
    ).problems.push(...clusterProblems(cluster));
  const hostByName = new Map(hosts.map((host) => [upper(host.name), host]));
  /** The system a host belongs to: its cluster, or itself when it stands alone (tallied the first time it is met). */
  const systemOf = (hostName: string): Tally | undefined => {
    const known = systemOfHost.get(upper(hostName));
    if (known) return known;
    const host = hostByName.get(upper(hostName));
    return host && host.clusterName === null ? tally('host', host.name, [host.name]) : undefined;
  };

  const lunNames = new Map(luns.map((lun) => [lun.id, lun.name]));
  for (const lun of luns) {
    if (roles.get(lun.id) !== 'production') continue;
    const systems = new Set(lun.maskedTo.flatMap((hostName) => systemOf(hostName) ?? []));
    for (const system of systems) {
      if (lun.state === 'damaged') {
        system.damaged = true;
        system.problems.unshift(`${lun.name} is damaged`);
      }
      // Production running on a former shadow LUN: the original it replaced is still kept.
      if (lun.shadowOf !== null && roles.get(lun.shadowOf) === 'evidence') system.evidence.add(lunNames.get(lun.shadowOf) ?? lun.shadowOf);
    }
  }
  for (const set of sets) systemOf(set.sourceHost)?.sets.push(set);
  for (const finding of findings) {
    const systems = new Set(
      [
        ...(finding.cluster ? [tallies.get(`cluster:${upper(finding.cluster)}`)] : []),
        ...finding.hosts.map((h) => systemOfHost.get(upper(h))),
      ].filter((system): system is Tally => system !== undefined),
    );
    for (const system of systems) system.findings += 1;
  }

  return [...tallies.values()]
    .map((system): SystemOverview => {
      const recoverable = system.sets.filter((set) => set.state === 'created').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const latest = recoverable[0];
      return {
        kind: system.kind,
        name: system.name,
        hosts: system.hosts,
        health: system.damaged ? 'damaged' : system.problems.length > 0 ? 'degraded' : 'healthy',
        problems: system.problems,
        latestSet: latest ? { id: latest.id, createdAt: latest.createdAt } : null,
        recoverableSets: recoverable.length,
        evidenceLuns: [...system.evidence].sort(),
        findings: system.findings,
      };
    })
    .sort(
      (a, b) =>
        healthOrder[a.health] - healthOrder[b.health] ||
        Number(a.recoverableSets > 0) - Number(b.recoverableSets > 0) ||
        a.name.localeCompare(b.name),
    );
}
