/**
 * PowerShell remoting in the Lab: every command that runs on a host other than the console reaches it through
 * WinRM (Invoke-Command -ComputerName), so a host that remoting cannot reach fails whatever runs there.
 * `shadowswap lab host unreachable --host H` makes a host unreachable; preflight reports it before anything
 * destructive starts.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import type { PreflightCheck } from '../../../../shared/recovery';
import type { SanReading } from '../../../../shared/san-reading';
import type { PreflightScope } from '../../backend';
import { maskingSetOf, noMaskingSetError } from './array-masking';
import { arrayReadFailures, providerChecks } from './array-provider';
import type { LabState } from './lab-model';
import { findHost, findLun } from './lab-lookup';
import { listNames } from './operation';

export function unreachableMessage(host: string): string {
  return (
    `${host} did not answer over PowerShell remoting (WinRM). Check that it is running and on the network, that WinRM is enabled on it ` +
    `(Enable-PSRemoting) and that Test-WSMan ${host} answers from the console`
  );
}

/** Throws the operator error a WinRM connection failure gives when `host` is unreachable. */
export function requireReachable(state: LabState, host: string): void {
  const known = findHost(state, host);
  if (!known.reachable)
    throw new ShadowSwapError('BACKEND_FAILED', `${unreachableMessage(known.name)}, then retry.`, {
      host: known.name,
      reason: 'winrm-unreachable',
    });
}

export function setHostReachable(state: LabState, hostName: string, reachable: boolean): string {
  const host = findHost(state, hostName);
  host.reachable = reachable;
  return reachable
    ? `${host.name} answers over PowerShell remoting again.`
    : `${host.name} no longer answers over PowerShell remoting: every command that runs on it fails until: shadowswap lab host reachable --host ${host.name}`;
}

function importHostCheck(state: LabState, importHost: string): PreflightCheck {
  const host = findHost(state, importHost);
  return host.reachable
    ? {
        id: 'import-host-reachable',
        title: 'The import host answers over remoting',
        verdict: 'pass',
        reason: `${host.name} answers over WinRM`,
        fix: null,
      }
    : {
        id: 'import-host-reachable',
        title: 'The import host answers over remoting',
        verdict: 'fail',
        reason: `${host.name} imports the set (diskshadow runs there), but it does not answer over PowerShell remoting`,
        fix: `${unreachableMessage(host.name)}; then plan again.`,
      };
}

/** On Storage Management arrays, every host that must see a recovered LUN needs a masking set there. */
function maskingSetCheck(state: LabState, scope: PreflightScope): PreflightCheck {
  const missing = new Map<string, string>();
  for (const { lunId, hosts } of scope.exposures) {
    const lun = findLun(state, lunId);
    const array = state.arrays.find((a) => a.id === lun.arrayId);
    if (array?.management !== 'storage-management') continue;
    for (const host of hosts) {
      if (maskingSetOf(state, array.id, host) === undefined && !missing.has(`${array.id}/${host}`))
        missing.set(`${array.id}/${host}`, noMaskingSetError(state, array, host, lun.name).message);
    }
  }
  const title = 'Every host that must see a recovered LUN has a masking set';
  if (missing.size === 0)
    return { id: 'masking-sets', title, verdict: 'pass', reason: 'each host is in a masking set on the arrays it needs', fix: null };
  return {
    id: 'masking-sets',
    title,
    verdict: 'fail',
    reason: `${listNames([...missing.keys()].map((k) => k.slice(k.indexOf('/') + 1)))} cannot be given the recovered LUNs`,
    fix: [...missing.values()].join(' '),
  };
}

/**
 * The Lab reads its estate live on every request, so its SAN reading is from now; an array whose Storage Management
 * provider does not answer, and a host that remoting cannot reach, could not have been read (a host's initiator
 * ports are read through remoting on Windows).
 */
export function labSanReading(state: LabState, now: Date): SanReading {
  return {
    readAt: now.toISOString(),
    failures: [
      ...arrayReadFailures(state),
      ...state.hosts
        .filter((host) => !host.reachable)
        .map((host) => ({ kind: 'host' as const, name: host.name, reason: `${unreachableMessage(host.name)}` })),
    ],
  };
}

export function remotingChecks(state: LabState, scope: PreflightScope): PreflightCheck[] {
  return [importHostCheck(state, scope.importHost), ...providerChecks(state, scope), maskingSetCheck(state, scope)];
}
