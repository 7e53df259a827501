/**
 * The checks only the Windows backend can make before a recovery: are diskshadow, diskraid and PowerShell here
 * (and vshadow, without which the identity revert is impossible), is the process elevated, and is this Windows
 * release recent enough. What cannot be determined is a warning that says so, never a pass.
 */
import type { PreflightCheck } from '../../../../shared/recovery';
import { ALL_TOOLS, checkElevation, failureText, isPresent, missingRequiredTools, type Elevation } from './running/host-readiness';
import { parseOperatingSystem, type OperatingSystemInfo } from '../../windows-tools/parsers/parse-operating-system';
import { getOperatingSystemCommand } from '../../windows-tools/commands/powershell-commands';
import type { ToolLocation } from './running/tool-locator';
import { succeeded, type ToolRunner } from './running/tool-runner';

/**
 * The Storage cmdlets and masking sets need Windows Server 2012 (MSFT_Disk, MSFT_MaskingSet: "Minimum supported
 * server: Windows Server 2012"), current vshadow refuses anything before Windows 8, and 2008 R2's PowerShell 2.0
 * has no ConvertTo-Json; the floor is Windows Server 2012 R2 (6.3), the oldest release still taking the Storage
 * module's updates (docs/windows-facts.md#os-floor).
 */
export const OLDEST_SUPPORTED = { major: 6, minor: 3, name: 'Windows Server 2012 R2' };

/** Whether a Windows release is older than the oldest the Windows backend supports. */
export function belowOsFloor(os: { major: number; minor: number }): boolean {
  return os.major < OLDEST_SUPPORTED.major || (os.major === OLDEST_SUPPORTED.major && os.minor < OLDEST_SUPPORTED.minor);
}

const check = (id: string, title: string, verdict: PreflightCheck['verdict'], reason: string, fix: string | null): PreflightCheck => ({
  id,
  title,
  verdict,
  reason,
  fix,
});

function toolsCheck(tools: readonly ToolLocation[]): PreflightCheck {
  const title = 'diskshadow, diskraid and PowerShell are on this computer';
  const missing = missingRequiredTools(tools);
  if (missing.length === 0) return check('windows-tools', title, 'pass', 'found diskshadow.exe, diskraid.exe and powershell.exe', null);
  const where = missing.map((tool) => `${tool}.exe (${tools.find((t) => t.tool === tool)?.source ?? 'not searched'})`).join(', ');
  return check(
    'windows-tools',
    title,
    'fail',
    `not found: ${where}; the recovery cannot import, break or mask without them`,
    'Run the recovery on a Windows Server node that has them in %SystemRoot%\\System32; "shadowswap doctor" shows what this computer has.',
  );
}

function revertToolCheck(tools: readonly ToolLocation[]): PreflightCheck {
  const title = 'vshadow is available for the identity revert';
  const vshadow = tools.find((t) => t.tool === 'vshadow');
  if (vshadow?.path != null)
    return check(
      'windows-vshadow',
      title,
      'pass',
      `found ${vshadow.path}: the break can revert the disk identities (BreakSnapshotSetEx)`,
      null,
    );
  return check(
    'windows-vshadow',
    title,
    'warn',
    `vshadow.exe was not found (${vshadow?.source ?? 'not searched'}), so the identity revert will not be possible: diskshadow break has no revert switch, and a break with --identity revert will fail`,
    'Copy vshadow.exe from the Windows SDK into a folder on PATH, or plan with --identity new-signature (the disk resources are then repointed).',
  );
}

function elevationCheck(elevation: Elevation): PreflightCheck {
  const title = 'ShadowSwap runs elevated (as administrator)';
  if (elevation.value === true) return check('windows-elevated', title, 'pass', elevation.how, null);
  if (elevation.value === false) {
    return check(
      'windows-elevated',
      title,
      'fail',
      elevation.how,
      'Close ShadowSwap and start it again with "Run as administrator"; diskshadow, diskraid and vshadow refuse a process that is not elevated.',
    );
  }
  return check(
    'windows-elevated',
    title,
    'warn',
    `elevation could not be determined (${elevation.how})`,
    'Make sure ShadowSwap was started with "Run as administrator", then acknowledge.',
  );
}

type OsReading = { os: OperatingSystemInfo } | { unknown: string };

async function readOperatingSystem(runner: ToolRunner, tools: readonly ToolLocation[]): Promise<OsReading> {
  if (!isPresent(tools, 'powershell')) return { unknown: 'powershell.exe was not found' };
  try {
    return { os: parseOperatingSystem(succeeded(await runner.powershell(getOperatingSystemCommand())).stdout) };
  } catch (error) {
    return { unknown: `Get-CimInstance Win32_OperatingSystem failed: ${failureText(error)}` };
  }
}

function osCheck(reading: OsReading): PreflightCheck {
  const title = `Windows is ${OLDEST_SUPPORTED.name} or later`;
  if ('unknown' in reading) {
    return check(
      'windows-os',
      title,
      'warn',
      `the Windows version could not be read (${reading.unknown})`,
      `Check with "winver" that this computer runs ${OLDEST_SUPPORTED.name} or later, then acknowledge.`,
    );
  }
  const { os } = reading;
  const shown = `${os.caption ?? 'Windows'} ${os.version}${os.servicePack ? ` SP${os.servicePack}` : ''}`;
  const older = belowOsFloor(os);
  if (!older) return check('windows-os', title, 'pass', `this computer runs ${shown}`, null);
  return check(
    'windows-os',
    title,
    'fail',
    `this computer runs ${shown}, older than ${OLDEST_SUPPORTED.name} (${OLDEST_SUPPORTED.major}.${OLDEST_SUPPORTED.minor}), the oldest release the Windows backend supports`,
    `Run the recovery from a node with ${OLDEST_SUPPORTED.name} or later.`,
  );
}

/** Tools and elevation as the doctor sees them, then the OS version; one whoami and one PowerShell call at most. */
export async function windowsPreflightChecks(runner: ToolRunner): Promise<PreflightCheck[]> {
  const tools = ALL_TOOLS.map((tool) => runner.locate(tool));
  const elevation = await checkElevation(runner, tools);
  return [toolsCheck(tools), revertToolCheck(tools), elevationCheck(elevation), osCheck(await readOperatingSystem(runner, tools))];
}
