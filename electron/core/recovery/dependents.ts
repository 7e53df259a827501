/**
 * Which application resources hang off the disks a recovery takes away. Stop-ClusterResource takes every
 * resource that depends on a disk offline first, and transitively what depends on those (SQL Server Agent on
 * SQL Server on the disk); Start-ClusterResource on the disk brings none of them back. They are returned in the
 * order they can be started: each after everything it depends on.
 */
import type { ApplicationResource, Cluster } from '../../../shared/domain';

const key = (name: string) => name.toUpperCase();

export function dependentsOf(cluster: Cluster, diskNames: readonly string[]): ApplicationResource[] {
  const down = new Set(diskNames.map(key));
  const dependents: ApplicationResource[] = [];
  // A resource goes down with the disks if it depends on anything that goes down; repeat until nothing is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const resource of cluster.applicationResources) {
      if (down.has(key(resource.name)) || !resource.dependencies.some((name) => down.has(key(name)))) continue;
      down.add(key(resource.name));
      dependents.push(resource);
      grew = true;
    }
  }
  return inStartOrder(dependents);
}

/** Providers before the resources that depend on them; a dependency cycle (the cluster refuses one) keeps list order. */
function inStartOrder(resources: readonly ApplicationResource[]): ApplicationResource[] {
  const pending = new Map(resources.map((r) => [key(r.name), r]));
  const ordered: ApplicationResource[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((r) => !r.dependencies.some((name) => pending.has(key(name))));
    const next = ready.length > 0 ? ready : [...pending.values()];
    for (const resource of next) {
      ordered.push(resource);
      pending.delete(key(resource.name));
    }
  }
  return ordered;
}
