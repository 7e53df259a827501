/**
 * `shadowswap doctor`: what this machine offers the Windows backend, and which backend will therefore be used.
 * On anything but Windows it answers from the platform alone and starts no process: the tools cannot exist there.
 * On Windows it looks for the tools and checks elevation (host-readiness.ts, shared with the recovery preflight),
 * lists the VSS providers (diskshadow `list providers`, reported raw: no parser for it exists yet) and asks whether
 * this computer is a cluster node (Get-ClusterNode).
 */
import type { DoctorReport } from '../../../../shared/doctor-contract';
import { buildListProvidersScript } from '../../windows-tools/commands/diskshadow-scripts';
import { ALL_TOOLS, checkElevation, failureText, isPresent, missingRequiredTools } from './running/host-readiness';
import { parseClusterNodes } from '../../windows-tools/parsers/parse-cluster';
import { getClusterNodeCommand } from '../../windows-tools/commands/powershell-commands';
import { locateTool, type LocatorEnvironment, type ToolLocation } from './running/tool-locator';
import { succeeded, type ToolRunner } from './running/tool-runner';

export interface DoctorEnvironment {
  platform: NodeJS.Platform;
  release: string;
  arch: string;
  hostname: string;
  locator: LocatorEnvironment;
  runner: ToolRunner;
}

async function providers(env: DoctorEnvironment, tools: ToolLocation[], elevated: boolean | null): Promise<DoctorReport['vssProviders']> {
  if (!isPresent(tools, 'diskshadow')) return { raw: null, how: 'not listed: diskshadow.exe was not found' };
  if (elevated !== true) return { raw: null, how: 'not listed: diskshadow needs an elevated process' };
  try {
    return {
      raw: succeeded(await env.runner.diskshadow(buildListProvidersScript())).stdout,
      how: 'diskshadow list providers (raw output; not parsed)',
    };
  } catch (error) {
    return { raw: null, how: `diskshadow list providers failed: ${failureText(error)}` };
  }
}

async function clusterMembership(env: DoctorEnvironment, tools: ToolLocation[]): Promise<DoctorReport['cluster']> {
  if (!isPresent(tools, 'powershell')) return { member: null, nodes: [], how: 'not checked: powershell.exe was not found' };
  try {
    const nodes = parseClusterNodes(succeeded(await env.runner.powershell(getClusterNodeCommand())).stdout);
    return { member: nodes.length > 0, nodes: nodes.map((n) => ({ name: n.name, state: n.state })), how: 'Get-ClusterNode' };
  } catch (error) {
    // Not a node, or the FailoverClusters module is not installed: both mean "not a cluster member" for ShadowSwap.
    return {
      member: false,
      nodes: [],
      how: `Get-ClusterNode failed, so this computer is not used as a cluster node: ${failureText(error)}`,
    };
  }
}

function chooseBackend(env: DoctorEnvironment, tools: ToolLocation[], elevated: boolean | null): DoctorReport['backend'] {
  if (env.platform !== 'win32') {
    return {
      kind: 'lab',
      why: `This is ${env.platform}, not Windows: diskshadow, diskraid and the cluster cmdlets exist only on Windows Server, so ShadowSwap uses the built-in Lab.`,
    };
  }
  const missing = missingRequiredTools(tools);
  if (missing.length > 0)
    return { kind: 'lab', why: `The Lab is used: ${missing.map((t) => `${t}.exe`).join(', ')} not found on this computer.` };
  if (elevated !== true)
    return {
      kind: 'lab',
      why: 'The Lab is used: the process is not elevated, and diskshadow and diskraid need an administrator. Start ShadowSwap as administrator.',
    };
  return {
    kind: 'windows',
    why: 'The Windows backend can run here: the tools are present and the process is elevated. Choose it with --backend windows.',
  };
}

export async function runDoctor(env: DoctorEnvironment): Promise<DoctorReport> {
  const platform = { os: env.platform, release: env.release, arch: env.arch, hostname: env.hostname };
  const tools = ALL_TOOLS.map((tool) => locateTool(tool, env.locator));
  if (env.platform !== 'win32') {
    const why = `not checked: this is ${env.platform}`;
    return {
      platform,
      tools,
      elevated: { value: null, how: why },
      vssProviders: { raw: null, how: why },
      cluster: { member: null, nodes: [], how: why },
      backend: chooseBackend(env, tools, null),
    };
  }
  const elevated = await checkElevation(env.runner, tools);
  return {
    platform,
    tools,
    elevated,
    vssProviders: await providers(env, tools, elevated.value),
    cluster: await clusterMembership(env, tools),
    backend: chooseBackend(env, tools, elevated.value),
  };
}
