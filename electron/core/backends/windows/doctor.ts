/**
 * `shadowswap doctor`: what this machine offers the Windows backend, and which backend will therefore be used.
 * On anything but Windows it answers from the platform alone and starts no process: the tools cannot exist there.
 * On Windows it looks for the tools and checks elevation (host-readiness.ts, shared with the recovery preflight),
 * lists the VSS providers (Win32_ShadowProvider through CIM, the same in every display language), asks whether
 * this computer is a cluster node (Get-ClusterNode), and checks each node on the node itself through remoting, since
 * every tool of a recovery runs on its own node.
 */
import type { DoctorReport } from '../../../../shared/doctor-contract';
import { ALL_TOOLS, checkElevation, failureText, isPresent, missingRequiredTools } from './running/host-readiness';
import { parseClusterNodes } from '../../windows-tools/parsers/parse-cluster';
import { parseShadowProviders } from '../../windows-tools/parsers/parse-shadow-copies';
import { getClusterNodeCommand, getShadowProvidersCommand, nodeReadinessCommand } from '../../windows-tools/commands/powershell-commands';
import { parseNodeReadiness } from '../../windows-tools/parsers/parse-node-readiness';
import { belowOsFloor } from './windows-preflight';
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
  if (!isPresent(tools, 'powershell')) return { providers: null, how: 'not listed: powershell.exe was not found' };
  if (elevated !== true) return { providers: null, how: 'not listed: the VSS WMI classes need an elevated process' };
  try {
    return {
      providers: parseShadowProviders(succeeded(await env.runner.powershell(getShadowProvidersCommand())).stdout),
      how: 'Get-CimInstance Win32_ShadowProvider',
    };
  } catch (error) {
    return { providers: null, how: `Get-CimInstance Win32_ShadowProvider failed: ${failureText(error)}` };
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

/** One node, asked on itself: a remoting failure is its answer (WinRM unreachable, access denied). */
async function checkNode(env: DoctorEnvironment, name: string): Promise<DoctorReport['nodes'][number]> {
  try {
    const node = parseNodeReadiness(succeeded(await env.runner.powershell(nodeReadinessCommand(name))).stdout);
    const { os, tools, storage } = node;
    return {
      name,
      reachable: true,
      how: 'subsystems' in storage ? 'Invoke-Command' : `Invoke-Command; Get-StorageSubSystem failed there: ${storage.error}`,
      administrator: node.administrator,
      os: `${os.caption ?? 'Windows'} ${os.version}`,
      osSupported: !belowOsFloor(os),
      tools: [
        { tool: 'diskshadow', present: tools.diskshadow },
        { tool: 'diskraid', present: tools.diskraid },
        { tool: 'vshadow', present: tools.vshadow },
      ],
      storageSubSystems: 'subsystems' in storage ? storage.subsystems : null,
    };
  } catch (error) {
    return {
      name,
      reachable: false,
      how: `Invoke-Command to ${name} failed: ${failureText(error)}`,
      administrator: null,
      os: null,
      osSupported: null,
      tools: [],
      storageSubSystems: null,
    };
  }
}

async function checkNodes(env: DoctorEnvironment, cluster: DoctorReport['cluster']): Promise<DoctorReport['nodes']> {
  const nodes: DoctorReport['nodes'] = [];
  for (const node of cluster.nodes) nodes.push(await checkNode(env, node.name));
  return nodes;
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
      vssProviders: { providers: null, how: why },
      cluster: { member: null, nodes: [], how: why },
      nodes: [],
      backend: chooseBackend(env, tools, null),
    };
  }
  const elevated = await checkElevation(env.runner, tools);
  const vssProviders = await providers(env, tools, elevated.value);
  const cluster = await clusterMembership(env, tools);
  return {
    platform,
    tools,
    elevated,
    vssProviders,
    cluster,
    nodes: await checkNodes(env, cluster),
    backend: chooseBackend(env, tools, elevated.value),
  };
}
