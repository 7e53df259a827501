/** shadowswap doctor: what this machine offers the Windows backend, and which backend will be used and why. */
import type { DoctorReport } from '../../../shared/doctor-contract';
import { printJson, withClient, type Command } from '../command';

const yesNo = (value: boolean | null): string => (value === null ? 'unknown' : value ? 'yes' : 'no');

function formatReport(report: DoctorReport): string {
  const lines = [
    `Platform:   ${report.platform.os} ${report.platform.release} (${report.platform.arch}) on ${report.platform.hostname}`,
    'Tools:',
    ...report.tools.map((t) => `  ${t.tool.padEnd(11)} ${t.path ?? 'not found'}  (${t.source})`),
    `Elevated:   ${yesNo(report.elevated.value)} — ${report.elevated.how}`,
    `VSS providers: ${report.vssProviders.how}`,
    ...(report.vssProviders.raw === null
      ? []
      : report.vssProviders.raw
          .trimEnd()
          .split(/\r?\n/)
          .map((l) => `  ${l}`)),
    `Cluster member: ${yesNo(report.cluster.member)} — ${report.cluster.how}`,
    ...report.cluster.nodes.map((n) => `  ${n.name} ${n.state ?? ''}`.trimEnd()),
    `Backend:    ${report.backend.kind} — ${report.backend.why}`,
  ];
  return `${lines.join('\n')}\n`;
}

export const doctorCommand: Command = {
  path: ['doctor'],
  summary: 'Check this machine for the Windows tools, elevation, VSS providers and cluster membership',
  flags: { json: { description: 'print JSON instead of text' } },
  details: 'On anything but Windows it says the Lab is in use and why, and starts no process.',
  run: (context) =>
    withClient(context, async (client) => {
      const report = await client.invoke('doctor.run', {});
      if (context.args.flags.json) printJson(context, report);
      else context.io.stdout(formatReport(report));
      return 0;
    }),
};
