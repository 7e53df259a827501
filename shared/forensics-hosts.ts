/**
 * Which hosts may receive the damaged originals for forensics: only hosts outside production. A production
 * host (a node of the recovered cluster, or the standalone host whose disks are recovered) would see the
 * damaged disks beside the recovered ones, with the same signatures. The wizard offers only these hosts;
 * preflight refuses any other.
 */

interface HostFacts {
  name: string;
  clusterName: string | null;
}

/** What production is for one recovery: the cluster recovered (null for a standalone host) and the set's source host. */
export interface ProductionScope {
  cluster: string | null;
  sourceHost: string;
}

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export function isProductionHost(host: HostFacts, production: ProductionScope): boolean {
  if (same(host.name, production.sourceHost)) return true;
  return production.cluster !== null && host.clusterName !== null && same(host.clusterName, production.cluster);
}

export function forensicsHostChoices<Host extends HostFacts>(hosts: readonly Host[], production: ProductionScope): Host[] {
  return hosts.filter((host) => !isProductionHost(host, production));
}
