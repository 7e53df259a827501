/**
 * Access lists as a recovery sends them: host names only. `*` (every host) is never sent to an array: a VDS
 * provider given `*` grants "the ports and initiators on the local computer" only (IVdsLun::SetMask), and a masking
 * set has no "every host" at all, so a LUN that was open to everyone is given to every host the estate knows, by
 * name (docs/windows-facts.md#a-star-in-a-mask-means-the-local-computer-only).
 */
import type { Lun } from '../../../shared/domain';
import { ALL_HOSTS } from '../backend';
import type { Estate } from './estate';
import { maskOf } from './steps/backend-reads';

export function namedHosts(hosts: readonly string[], everyHost: readonly string[]): string[] {
  return hosts.includes(ALL_HOSTS) ? [...everyHost] : [...hosts];
}

/** The hosts the recovered LUNs take over: the original's list with `*` named, less the forensics host. */
export function exposedHosts(estate: Estate, original: Lun, forensics: string | null): string[] {
  const everyHost = [...estate.hosts.values()].map((h) => h.name);
  return namedHosts(maskOf(original), everyHost).filter((h) => h.toUpperCase() !== forensics?.toUpperCase());
}
