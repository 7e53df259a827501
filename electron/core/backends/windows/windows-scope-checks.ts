/**
 * The Windows backend's preflight for one recovery, so that nothing fails after the outage began for a reason
 * that could be seen before (docs/windows-facts.md#running-a-command-on-another-node): the import host answers over PowerShell remoting
 * and holds the set's metadata .cab; the import runs where ShadowSwap runs (diskshadow imports on the computer it
 * runs on); every Storage Management array the recovery masks on answers through its provider; every host that
 * must see a recovered LUN there has a masking set.
 */
import type { PreflightCheck } from '../../../../shared/recovery';
import type { PreflightScope } from '../../backend';
import { storageSubSystemCommand } from '../../windows-tools/commands/masking-set-commands';
import { metadataPresentCommand } from '../../windows-tools/commands/powershell-commands';
import { parsePowerShellJson } from '../../windows-tools/parsers/parse-powershell-json';
import { maskingSetFor } from '../../windows-tools/render-operation';
import { failureText } from './running/host-readiness';
import { succeeded } from './running/tool-runner';
import { windowsAddressing } from './state/windows-addressing';
import { isThisComputer, type WindowsContext } from './state/windows-context';

const pass = (id: string, title: string, reason: string): PreflightCheck => ({ id, title, verdict: 'pass', reason, fix: null });
const fail = (id: string, title: string, reason: string, fix: string): PreflightCheck => ({ id, title, verdict: 'fail', reason, fix });

function importHereCheck(context: WindowsContext, importHost: string): PreflightCheck {
  const title = 'The import runs on the computer ShadowSwap runs on';
  if (isThisComputer(context, importHost)) return pass('import-here', title, `${importHost} imports the set, and ShadowSwap runs there`);
  return fail(
    'import-here',
    title,
    `the set must be imported on ${importHost} (it owns the disk resources), but this ShadowSwap runs on ${context.thisComputer}, and diskshadow imports on the computer it runs on`,
    `Start ShadowSwap (or its gateway) on ${importHost} and plan the recovery there.`,
  );
}

/** One remoted Test-Path: proves remoting reaches the import host and that the .cab is where the import loads it. */
async function metadataChecks(context: WindowsContext, scope: PreflightScope): Promise<PreflightCheck[]> {
  const reachTitle = 'The import host answers over remoting';
  const cabTitle = "The set's metadata .cab is on the import host";
  let path: string;
  try {
    path = context.catalog.get(scope.setId).metadataFile;
  } catch (error) {
    return [
      fail(
        'metadata-present',
        cabTitle,
        failureText(error),
        'Find the .cab the set was created with and record it in the snapshot catalog.',
      ),
    ];
  }
  const here = isThisComputer(context, scope.importHost);
  let output: string;
  try {
    const result = await context.runner.powershell(metadataPresentCommand({ path, ...(here ? {} : { computer: scope.importHost }) }));
    // What PowerShell said is the reason (a remoting failure names its cause); errors.ts only knows it failed.
    const said = (result.stderr.trim() || result.stdout.trim()).split(/\r?\n/)[0] ?? '';
    if (result.exitCode !== 0) throw new Error(said === '' ? `powershell exited with code ${result.exitCode ?? 'none'}` : said);
    output = result.stdout;
  } catch (error) {
    return [
      fail(
        'import-host-reachable',
        reachTitle,
        `${scope.importHost} did not answer: ${failureText(error)}`,
        `Check that ${scope.importHost} is running, that WinRM is enabled on it (Enable-PSRemoting) and that Test-WSMan ${scope.importHost} answers from here; then plan again.`,
      ),
    ];
  }
  // ConvertTo-Json writes a Boolean as the bare word true or false.
  const present = output.trim().toLowerCase() === 'true';
  return [
    pass('import-host-reachable', reachTitle, here ? 'the import runs on this computer' : `${scope.importHost} answered over WinRM`),
    present
      ? pass('metadata-present', cabTitle, `${path} is there`)
      : fail(
          'metadata-present',
          cabTitle,
          `${path} is not on ${scope.importHost}`,
          `Copy the set's .cab to ${path} on ${scope.importHost}, then plan again.`,
        ),
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
  return [importHereCheck(context, scope.importHost), ...(await metadataChecks(context, scope)), ...(await maskingChecks(context, scope))];
}
