/** shadowswap inventory ...: what the arrays, hosts and clusters hold, as tables or JSON. */
import { lunCompliance } from '../../../shared/compliance';
import { formatBytes } from '../../../shared/format';
import type { ResultOf } from '../../../shared/contract';
import type { Cluster } from '../../../shared/domain';
import { filterList } from '../../../shared/filter';
import { stringFlag } from '../args';
import { listFlags, plural, printJson, withClient, type Command } from '../command';
import { formatTable } from '../table';

export const inventoryCommands: Command[] = [
  {
    path: ['inventory', 'luns'],
    summary: 'List the LUNs of every array, with their masking and identity',
    flags: listFlags,
    run: (context) =>
      withClient(context, async (client) => {
        const luns = await client.invoke('inventory.luns', { filter: stringFlag(context.args, 'filter') });
        if (context.args.flags.json) printJson(context, luns);
        else
          context.io.stdout(
            `${formatTable(luns, [
              { header: 'NAME', value: (l) => l.name },
              { header: 'ARRAY', value: (l) => l.arrayId },
              { header: 'SIZE', value: (l) => formatBytes(l.sizeBytes) },
              { header: 'STYLE', value: (l) => `${l.diskKind} ${l.partitionStyle}` },
              { header: 'SIGNATURE', value: (l) => l.signature ?? '-' },
              { header: 'VOLUMES', value: (l) => l.volumes.map((v) => v.driveLetter ?? v.label).join(' ') },
              { header: 'MASKED TO', value: (l) => (l.maskAll ? '* (all hosts)' : l.maskedTo.join(',') || '(nobody)') },
              { header: 'COMPLIANCE', value: (l) => lunCompliance(l).verdict },
              { header: 'STATE', value: (l) => l.state },
            ])}\n${plural(luns.length, 'LUN')}\n`,
          );
        return 0;
      }),
  },
  {
    path: ['inventory', 'hosts'],
    summary: 'List the Windows hosts, their initiators and the LUNs each one sees',
    flags: listFlags,
    run: (context) =>
      withClient(context, async (client) => {
        const hosts = await client.invoke('inventory.hosts', { filter: stringFlag(context.args, 'filter') });
        if (context.args.flags.json) printJson(context, hosts);
        else
          context.io.stdout(
            `${formatTable(hosts, [
              { header: 'HOST', value: (h) => h.name },
              { header: 'CLUSTER', value: (h) => h.clusterName ?? '-' },
              { header: 'OS', value: (h) => h.osVersion },
              { header: 'INITIATORS', value: (h) => h.initiators.map((i) => (i.kind === 'fc' ? i.wwn : i.iqn)).join(',') },
              { header: 'SEES', value: (h) => `${h.visibleLunIds.length} LUNs` },
            ])}\n${plural(hosts.length, 'host')}\n`,
          );
        return 0;
      }),
  },
  {
    path: ['inventory', 'arrays'],
    summary: 'List the storage arrays and their VSS hardware providers',
    flags: { json: { description: 'print JSON instead of a table' } },
    run: (context) =>
      withClient(context, async (client) => {
        const arrays = await client.invoke('inventory.arrays', {});
        if (context.args.flags.json) printJson(context, arrays);
        else
          context.io.stdout(
            `${formatTable(arrays, [
              { header: 'ARRAY', value: (a) => a.id },
              { header: 'NAME', value: (a) => a.name },
              { header: 'MODEL', value: (a) => `${a.vendor} ${a.model}` },
              { header: 'VSS PROVIDER', value: (a) => `${a.providerName} {${a.providerId}}` },
            ])}\n${plural(arrays.length, 'array')}\n`,
          );
        return 0;
      }),
  },
  {
    path: ['inventory', 'snapshots'],
    summary: 'List the transportable shadow copy sets and their shadow copies',
    flags: listFlags,
    details: 'A set in state "created" exists only on the array and in its metadata .cab until it is imported.',
    run: (context) =>
      withClient(context, async (client) => {
        const sets = await client.invoke('inventory.snapshots', { filter: stringFlag(context.args, 'filter') });
        if (context.args.flags.json) printJson(context, sets);
        else
          context.io.stdout(
            `${formatTable(sets, [
              { header: 'SET ID', value: (s) => s.id },
              { header: 'CREATED', value: (s) => s.createdAt },
              { header: 'SOURCE', value: (s) => s.sourceHost },
              { header: 'STATE', value: (s) => (s.importedTo ? `${s.state} on ${s.importedTo}` : s.state) },
              { header: 'COPIES', value: (s) => String(s.shadowCopies.length) },
              { header: 'VOLUMES', value: (s) => s.shadowCopies.map((c) => c.originalDriveLetter ?? c.originalVolume).join(' ') },
              { header: 'ATTRIBUTES', value: (s) => s.attributes.join(' ') },
            ])}\n${plural(sets.length, 'snapshot set')}\n`,
          );
        return 0;
      }),
  },
  {
    path: ['inventory', 'cluster'],
    summary: 'List the failover clusters: nodes, groups, their Physical Disk and application resources',
    flags: listFlags,
    details:
      'Application resources (SQL Server, its agent, network name and IP address) depend on the disks: taking a disk offline takes them offline first.',
    run: (context) =>
      withClient(context, async (client) => {
        const filter = stringFlag(context.args, 'filter');
        const clusters = await client.invoke('inventory.clusters', { filter });
        if (context.args.flags.json) printJson(context, clusters);
        else context.io.stdout(clusterText(clusters, filter));
        return 0;
      }),
  },
  {
    path: ['inventory', 'matrix'],
    summary: 'Show who sees which LUN, and the masking mistakes that break a failover or risk a disk',
    flags: listFlags,
    details:
      'Findings: a LUN masked to nobody; a cluster disk some node of its cluster cannot see (a failover there fails, event 1034); a cluster disk a host outside the cluster can see. Unbroken shadow copies and forensic holds are masked to nobody by design and are not reported.',
    run: (context) =>
      withClient(context, async (client) => {
        const matrix = await client.invoke('inventory.matrix', { filter: stringFlag(context.args, 'filter') });
        if (context.args.flags.json) printJson(context, matrix);
        else context.io.stdout(matrixText(matrix));
        return 0;
      }),
  },
];

/** One line per resource, disks and then application resources, so each group reads top to bottom. */
interface ResourceLine {
  cluster: Cluster;
  group: string;
  name: string;
  ownerNode: string;
  type: string;
  state: string;
  disk: string;
  dependencies: readonly string[];
}

/** The clusters the filter matched come whole (the contract's shape); the table keeps only the lines it matches. */
function clusterText(clusters: readonly Cluster[], filter: string | undefined): string {
  const groupState = (line: ResourceLine) => line.cluster.groups.find((g) => g.name === line.group)?.state ?? '-';
  const allLines = clusters.flatMap((cluster) => {
    const disks = cluster.diskResources.map((r): ResourceLine => ({
      cluster,
      ...r,
      type: 'Physical Disk',
      disk: `${r.diskIdType} ${r.diskSignature ?? r.diskIdGuid ?? '-'}`,
    }));
    const applications = cluster.applicationResources.map((r): ResourceLine => ({ cluster, ...r, type: r.resourceType, disk: '-' }));
    return [...disks, ...applications].sort((a, b) => a.group.localeCompare(b.group));
  });
  const lines = filterList(allLines, filter, (r) => [
    r.cluster.name,
    ...r.cluster.nodes.map((n) => n.name),
    r.group,
    groupState(r),
    r.ownerNode,
    r.name,
    r.type,
    r.state,
    r.disk,
    ...r.dependencies,
  ]);
  const table = formatTable(lines, [
    { header: 'CLUSTER', value: (r) => r.cluster.name },
    { header: 'NODES', value: (r) => r.cluster.nodes.map((n) => `${n.name}(${n.state})`).join(',') },
    { header: 'GROUP', value: (r) => `${r.group} (${groupState(r)})` },
    { header: 'OWNER', value: (r) => r.ownerNode },
    { header: 'RESOURCE', value: (r) => r.name },
    { header: 'TYPE', value: (r) => r.type },
    { header: 'STATE', value: (r) => r.state },
    { header: 'DISK', value: (r) => r.disk },
    { header: 'DEPENDS ON', value: (r) => r.dependencies.join(', ') || '-' },
  ]);
  const count = (of: (cluster: Cluster) => readonly unknown[]) => clusters.reduce((sum, cluster) => sum + of(cluster).length, 0);
  const shown =
    lines.length < allLines.length
      ? `; ${lines.length} of their ${allLines.length} resources ${lines.length === 1 ? 'matches' : 'match'} the filter`
      : '';
  return `${table}\n${plural(clusters.length, 'cluster')}, ${plural(
    count((c) => c.diskResources),
    'disk resource',
  )}, ${plural(
    count((c) => c.applicationResources),
    'application resource',
  )}${shown}\n`;
}

function matrixText({ hosts, rows, findings }: ResultOf<'inventory.matrix'>): string {
  const table = formatTable(rows, [
    { header: 'LUN', value: (r) => r.name },
    { header: 'CLUSTER DISK', value: (r) => (r.cluster ? `${r.cluster} / ${r.resource}` : '-') },
    { header: 'SEEN BY', value: (r) => r.seenBy.map((i) => hosts[i]?.name ?? '?').join(',') || '(nobody)' },
    { header: 'FINDINGS', value: (r) => r.findings.join(',') || '-' },
  ]);
  const listed = findings.map((f) => `- ${f.explanation}`).join('\n');
  return `${table}\n${plural(rows.length, 'LUN')}, ${plural(hosts.length, 'host')}, ${plural(findings.length, 'finding')}\n${findings.length > 0 ? `\nFindings:\n${listed}\n` : ''}`;
}
