/**
 * Access lists as a recovery sends them: host names only. `*` (every host) is never sent to an array: a VDS
 * provider given `*` grants "the ports and initiators on the local computer" only (IVdsLun::SetMask), and a masking
 * set has no "every host" at all, so a LUN that was open to everyone is given to every host the estate knows, by
 * name (docs/windows-facts.md#a-star-in-a-mask-means-the-local-computer-only).
 */
import { ALL_HOSTS } from '../backend';

export function namedHosts(hosts: readonly string[], everyHost: readonly string[]): string[] {
  return hosts.includes(ALL_HOSTS) ? [...everyHost] : [...hosts];
}
