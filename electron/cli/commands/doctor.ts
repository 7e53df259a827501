/** shadowswap doctor: what this machine offers the Windows backend, and which backend will be used and why. */
import type { DoctorReport } from '../../../shared/doctor-contract';
import { printJson, withClient, type Command } from '../command';

const yesNo = (value: boolean | null): string => (value === null ? 'unknown' : value ? 'yes' : 'no');

/** One node's checks, each a line an operator can act on. */
function nodeLines(node: DoctorReport['nodes'][number]): string[] {
  if (!node.reachable) return [`  ${node.name}: WinRM not reachable — ${node.how}`];
  const tools = node.tools.map((t) => `${t.tool} ${t.present === null ? 'unknown' : t.present ? 'present' : 'missing'}`);
  const storage =
    node.storageSubSystems === null
      ? 'storage subsystems not read'
      : `storage subsystems: ${node.storageSubSystems.length === 0 ? 'none' : node.storageSubSystems.join(', ')}`;
  return [
    `  ${node.name}: WinRM reachable; administrator ${yesNo(node.administrator)}; ${node.os ?? 'Windows version unknown'}${node.osSupported === false ? ' (older than the supported floor)' : ''}`,
    `    ${tools.join(', ')}; ${storage}${node.how === 'Invoke-Command' ? '' : ` (${node.how})`}`,
  ];
}

export function formatDoctorReport(report: DoctorReport): string {
  const lines = [
    `Platform:   ${report.platform.os} ${report.platform.release} (${report.platform.arch}) on ${report.platform.hostname}`,
    'Tools:',
    ...report.tools.map((t) => `  ${t.tool.padEnd(11)} ${t.path ?? 'not found'}  (${t.source})`),
    `Elevated:   ${yesNo(report.elevated.value)} — ${report.elevated.how}`,
    `VSS providers: ${report.vssProviders.how}`,
    ...(report.vssProviders.providers ?? []).map(
      (p) => `  {${p.id}}  ${p.name ?? '(no name)'}${p.version === null ? '' : ` ${p.version}`}`,
    ),
    `Cluster member: ${yesNo(report.cluster.member)} — ${report.cluster.how}`,
    ...report.cluster.nodes.map((n) => `  ${n.name} ${n.state ?? ''}`.trimEnd()),
    ...(report.nodes.length === 0 ? [] : ['Each node, checked on itself through remoting:', ...report.nodes.flatMap(nodeLines)]),
    `Backend:    ${report.backend.kind} — ${report.backend.why}`,
  ];
  return `${lines.join('\n')}\n`;
}

export const doctorCommand: Command = {
  path: ['doctor'],
  summary: 'Check this machine and each cluster node for the Windows tools, rights, OS version, VSS and storage providers',
  flags: { json: { description: 'print JSON instead of text' } },
  details: 'On anything but Windows it says the Lab is in use and why, and starts no process.',
  run: (context) =>
    withClient(context, async (client) => {
      const report = await client.invoke('doctor.run', {});
      if (context.args.flags.json) printJson(context, report);
      else context.io.stdout(formatDoctorReport(report));
      return 0;
    }),
};
