/** shadowswap inventory ...: what the arrays, hosts and clusters hold, as tables or JSON. */
import { formatBytes } from '../../../shared/format';
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
];
