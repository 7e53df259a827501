/**
 * Discovery: the arrays, LUNs, masking sets and initiator ids the Storage Management API reports, and each known
 * host's initiator ports, read from the live system and recorded with the time (san-picture-store.ts). Hosts are
 * those the SAN map names, or this computer alone without one. A host that does not answer keeps its declared
 * initiators, and the array read failing leaves every array as declared: both are recorded with the reason, never
 * guessed around.
 */
import { initiatorPortsCommand, storageDiscoveryCommand } from '../../../windows-tools/commands/discovery-commands';
import { parseInitiatorPorts, parseStorageDiscovery, type DiscoveredArray } from '../../../windows-tools/parsers/parse-discovery';
import type { HostDiscovery, SanDiscovery } from './san-picture';
import { isThisComputer, powershellJson, type WindowsContext } from './windows-context';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function discoverSan(context: WindowsContext): Promise<SanDiscovery> {
  let arrays: DiscoveredArray[] = [];
  let error: string | null = null;
  try {
    arrays = await powershellJson(context, storageDiscoveryCommand(), parseStorageDiscovery);
  } catch (failure) {
    error = `the Storage Management API could not be read: ${reason(failure)}`;
  }
  const names = context.sanMap.readDeclared()?.hosts.map((h) => h.name) ?? [context.thisComputer];
  const hosts: HostDiscovery[] = [];
  for (const name of names) {
    const command = initiatorPortsCommand(isThisComputer(context, name) ? {} : { computer: name });
    try {
      hosts.push({ name, initiators: await powershellJson(context, command, parseInitiatorPorts), error: null });
    } catch (failure) {
      hosts.push({ name, initiators: null, error: reason(failure) });
    }
  }
  const discovery = { discoveredAt: context.now().toISOString(), arrays, hosts, error };
  await context.sanMap.recordDiscovery(discovery);
  return discovery;
}
