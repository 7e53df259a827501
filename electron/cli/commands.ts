/**
 * The CLI's command table. Each command declares its path, flags and help; `run` returns the exit code.
 * Commands reach the core only through the contract (a local client over the registry), like every door.
 */
import { formatBytes } from '../../shared/format';
import { createClient, type ContractClient } from '../../shared/rpc';
import { createCore, type Core } from '../core/app';
import { resolveDataDir } from '../core/data-dir';
import { openBackend } from '../core/open-backend';
import { initLab } from '../core/backends/lab/lab-backend';
import { scenarios } from '../core/backends/lab/scenarios';
import { localChannel } from '../core/registry';
import { startGateway } from '../gateway/server';
import { stringFlag, type FlagSpec } from './args';
import type { CommandContext } from './context';
import { formatTable } from './table';
import { ShadowSwapError } from '../../shared/errors';

export interface Command {
  path: string[];
  summary: string;
  flags: Record<string, FlagSpec>;
  /** Extra help text: examples and what the output means. */
  details?: string;
  run(context: CommandContext): Promise<number>;
}

export const globalFlags: Record<string, FlagSpec> = {
  'data-dir': { value: 'DIR', description: 'where ShadowSwap keeps its state (default: $SHADOWSWAP_DATA_DIR, else the per-user app data folder)' },
  backend: { value: 'lab|windows', description: 'which backend to drive (default: lab)' },
  help: { description: 'show help for this command' },
};

const listFlags: Record<string, FlagSpec> = {
  json: { description: 'print JSON instead of a table' },
  filter: { value: 'TEXT', description: 'only rows containing every word of TEXT' },
};

function dataDirOf(context: CommandContext): string {
  return resolveDataDir(stringFlag(context.args, 'data-dir'), context.io.env);
}

async function withCore<T>(context: CommandContext, action: (client: ContractClient, core: Core) => Promise<T>): Promise<T> {
  const backend = openBackend({ kind: stringFlag(context.args, 'backend'), dataDir: dataDirOf(context) });
  const core = createCore({ backend, version: context.version });
  try {
    return await action(createClient(localChannel(core.registry)), core);
  } finally {
    await core.close();
  }
}

function printJson(context: CommandContext, value: unknown): void {
  context.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export const commands: Command[] = [
  {
    path: ['inventory', 'luns'],
    summary: 'List the LUNs of every array, with their masking and identity',
    flags: listFlags,
    run: (context) =>
      withCore(context, async (client) => {
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
            ])}\n${luns.length} LUN${luns.length === 1 ? '' : 's'}\n`,
          );
        return 0;
      }),
  },
  {
    path: ['inventory', 'hosts'],
    summary: 'List the Windows hosts, their initiators and the LUNs each one sees',
    flags: listFlags,
    run: (context) =>
      withCore(context, async (client) => {
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
            ])}\n${hosts.length} host${hosts.length === 1 ? '' : 's'}\n`,
          );
        return 0;
      }),
  },
  {
    path: ['serve'],
    summary: 'Serve the console to a browser on this machine (loopback, per-launch token)',
    flags: {
      port: { value: 'N', description: 'TCP port (default 7420; 0 picks a free one)' },
      host: { value: 'ADDRESS', description: 'address to listen on (default 127.0.0.1)' },
    },
    details: 'Prints the URL to open. The URL carries a token that changes at every launch; without it the console answers 401.',
    run: async (context) => {
      const portText = stringFlag(context.args, 'port') ?? '7420';
      const port = Number(portText);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new ShadowSwapError('INVALID_REQUEST', `--port must be a whole number from 0 to 65535, not "${portText}".`);
      }
      const host = stringFlag(context.args, 'host') ?? '127.0.0.1';
      const backend = openBackend({ kind: stringFlag(context.args, 'backend'), dataDir: dataDirOf(context) });
      const core = createCore({ backend, version: context.version });
      const gateway = await startGateway({ registry: core.registry, host, port });
      if (!gateway.loopback) {
        context.io.stderr(`Warning: listening on ${host}, which other machines may reach. The token still protects it; prefer 127.0.0.1 and an SSH tunnel.\n`);
      }
      context.io.stdout(`ShadowSwap console (${backend.describe().label}) at ${gateway.url}\nPress Ctrl+C to stop.\n`);
      await context.io.untilInterrupted();
      await gateway.close();
      await core.close();
      return 0;
    },
  },
  {
    path: ['lab', 'scenarios'],
    summary: 'List the estates the Lab can create',
    flags: { json: listFlags.json as FlagSpec },
    run: async (context) => {
      const rows = Object.entries(scenarios).map(([name, s]) => ({ name, summary: s.summary }));
      if (context.args.flags.json) printJson(context, rows);
      else context.io.stdout(`${formatTable(rows, [{ header: 'SCENARIO', value: (r) => r.name }, { header: 'WHAT IT HOLDS', value: (r) => r.summary }])}\n`);
      return 0;
    },
  },
  {
    path: ['lab', 'init'],
    summary: 'Create a Lab estate from a scenario',
    flags: {
      scenario: { value: 'NAME', description: 'the scenario (see: shadowswap lab scenarios)' },
      force: { description: 'replace an existing estate (it is discarded)' },
    },
    run: async (context) => {
      const scenario = stringFlag(context.args, 'scenario');
      if (!scenario) throw new ShadowSwapError('INVALID_REQUEST', 'lab init needs --scenario NAME. See the list with: shadowswap lab scenarios.');
      const dataDir = dataDirOf(context);
      const state = initLab(dataDir, scenario, context.args.flags.force === true);
      context.io.stdout(`Lab estate "${scenario}" created in ${dataDir}: ${state.arrays.length} array(s), ${state.luns.length} LUNs, ${state.hosts.length} hosts.\n`);
      return 0;
    },
  },
];
