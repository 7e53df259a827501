/**
 * The Windows backend's preflight for one recovery, so that nothing fails after the outage began for a reason
 * that could be seen before (docs/windows-facts.md#running-a-command-on-another-node): the set's metadata .cab is on
 * this computer, from where the import copies it to the import host; the import host answers over PowerShell remoting
 * and can import there (docs/windows-facts.md#running-a-tool-on-the-import-host); every Storage Management array the recovery masks on answers through its provider; every host that
 * must see a recovered LUN there has a masking set.
 */
import type { PreflightCheck } from '../../../../shared/recovery';
import type { PreflightScope } from '../../backend';
import { storageSubSystemCommand } from '../../windows-tools/commands/masking-set-commands';
import { metadataPresentCommand } from '../../windows-tools/commands/powershell-commands';
import type { NodeReadiness } from '../../windows-tools/parsers/parse-node-readiness';
import { parsePowerShellJson } from '../../windows-tools/parsers/parse-powershell-json';
import { maskingSetFor } from '../../windows-tools/render-operation';
import { diskshadowFix, diskshadowLacks, failureText, readHostReadiness, remotingFix } from './running/host-readiness';
import { succeeded } from './running/tool-runner';
import { windowsAddressing } from './state/windows-addressing';
import type { WindowsContext } from './state/windows-context';

const pass = (id: string, title: string, reason: string): PreflightCheck => ({ id, title, verdict: 'pass', reason, fix: null });
const fail = (id: string, title: string, reason: string, fix: string): PreflightCheck => ({ id, title, verdict: 'fail', reason, fix });

/** The set's .cab, on the console's computer: the import copies it from there to the import host. */
async function metadataCheck(context: WindowsContext, scope: PreflightScope): Promise<PreflightCheck> {
  const title = "The set's metadata .cab is on this computer, to be copied to the import host";
  let path: string;
  try {
    path = context.catalog.get(scope.setId).metadataFile;
  } catch (error) {
    return fail(
      'metadata-present',
      title,
      failureText(error),
      'Find the .cab the set was created with and record it in the snapshot catalog.',
    );
  }
  const missing = `Copy the set's .cab to ${path} on ${context.thisComputer} (the import copies it from there to ${scope.importHost}), then plan again.`;
  try {
    // ConvertTo-Json writes a Boolean as the bare word true or false.
    const present =
      succeeded(await context.runner.powershell(metadataPresentCommand({ path })))
        .stdout.trim()
        .toLowerCase() === 'true';
    return present
      ? pass('metadata-present', title, `${path} is there`)
      : fail('metadata-present', title, `${path} is not on ${context.thisComputer}`, missing);
  } catch (error) {
    return fail('metadata-present', title, `Test-Path ${path} failed: ${failureText(error)}`, missing);
  }
}

/**
 * One remoted readiness reading of the import host (the doctor's, docs/windows-facts.md#running-a-command-on-another-node):
 * it answers over WinRM, and there the session is an administrator with diskshadow in System32, so the import can run.
 */
async function importHostChecks(context: WindowsContext, scope: PreflightScope): Promise<PreflightCheck[]> {
  const host = scope.importHost;
  const reachTitle = 'The import host answers over remoting';
  const ableTitle = 'The import host can import the set';
  let node: NodeReadiness;
  try {
    node = await readHostReadiness(context.runner, host);
  } catch (error) {
    return [
      fail('import-host-reachable', reachTitle, `${host} did not answer: ${failureText(error)}`, `${remotingFix(host)}; then plan again.`),
    ];
  }
  const lacks = diskshadowLacks(node);
  return [
    pass('import-host-reachable', reachTitle, `${host} answered over WinRM`),
    lacks.length === 0
      ? pass('import-host-able', ableTitle, `on ${host} the session is an administrator and diskshadow.exe is in System32`)
      : fail('import-host-able', ableTitle, `${host} answered, but ${lacks.join(' and ')}`, diskshadowFix(host)),
  ];
}

/** The Storage Management arrays the recovery masks on: their provider answers, and each host has a masking set. */
async function maskingChecks(context: WindowsContext, scope: PreflightScope): Promise<PreflightCheck[]> {
  const addressing = windowsAddressing(context);
  const arrays = new Set<string>();
  const missing: string[] = [];
  try {
    for (const { lunId, hosts } of scope.exposures) {
      const lun = addressing.lun(lunId);
      if (lun.management !== 'storage-management') continue;
      arrays.add(lun.arrayName);
      for (const host of hosts) {
        try {
          maskingSetFor(addressing, lunId, host);
        } catch (error) {
          if (!missing.includes(failureText(error))) missing.push(failureText(error));
        }
      }
    }
  } catch (error) {
    return [fail('masking-sets', 'The recovered LUNs can be masked', failureText(error), 'Complete the SAN map, then plan again.')];
  }
  if (arrays.size === 0) return [];
  const checks: PreflightCheck[] = [];
  for (const array of arrays) {
    const title = `${array} answers through its Storage Management provider`;
    try {
      const found = parsePowerShellJson(
        succeeded(await context.runner.powershell(storageSubSystemCommand(array))).stdout,
        'Get-StorageSubSystem',
      );
      checks.push(
        found.length > 0
          ? pass(`provider:${array}`, title, `Get-StorageSubSystem found ${array}`)
          : fail(
              `provider:${array}`,
              title,
              `Get-StorageSubSystem does not list ${array}`,
              `Register the array's SMI-S or Storage Management provider on this computer (Register-SmisProvider, or the vendor's installer), then plan again.`,
            ),
      );
    } catch (error) {
      checks.push(
        fail(
          `provider:${array}`,
          title,
          `Get-StorageSubSystem failed: ${failureText(error)}`,
          "Check the array's Storage Management provider service, then plan again.",
        ),
      );
    }
  }
  const setsTitle = 'Every host that must see a recovered LUN has a masking set';
  checks.push(
    missing.length === 0
      ? pass('masking-sets', setsTitle, 'each host is in a masking set on the arrays it needs')
      : fail('masking-sets', setsTitle, `${missing.length} host(s) cannot be given the recovered LUNs`, missing.join(' ')),
  );
  return checks;
}

export async function windowsScopeChecks(context: WindowsContext, scope: PreflightScope): Promise<PreflightCheck[]> {
  return [await metadataCheck(context, scope), ...(await importHostChecks(context, scope)), ...(await maskingChecks(context, scope))];
}
