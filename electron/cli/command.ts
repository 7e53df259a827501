/**
 * What a CLI command is, and the helpers commands share: global flags, the data directory, and a core
 * reached through the contract (a local client over the registry), exactly as the other doors reach it.
 */
import { createClient, type ContractClient } from '../../shared/rpc';
import { createCore, type Core } from '../core/app';
import { resolveDataDir } from '../core/storage/data-dir';
import { openBackend } from '../core/backends/open-backend';
import { localChannel } from '../core/rpc/registry';
import { stringFlag, type FlagSpec } from './args';
import type { CommandContext } from './context';

export interface Command {
  path: string[];
  summary: string;
  flags: Record<string, FlagSpec>;
  /** The one argument the command takes after its name, e.g. RUN_ID. */
  operand?: string;
  /** Extra help text: examples and what the output means. */
  details?: string;
  run(context: CommandContext): Promise<number>;
}

export const globalFlags: Record<string, FlagSpec> = {
  'data-dir': {
    value: 'DIR',
    description: 'where ShadowSwap keeps its state (default: $SHADOWSWAP_DATA_DIR, else the per-user app data folder)',
  },
  backend: {
    value: 'lab|windows',
    description: 'which backend to drive (default: $SHADOWSWAP_BACKEND, else windows on Windows and lab elsewhere)',
  },
  help: { description: 'show help for this command' },
};

export const listFlags: Record<string, FlagSpec> = {
  json: { description: 'print JSON instead of a table' },
  filter: { value: 'TEXT', description: 'only rows containing every word of TEXT' },
};

export function dataDirOf(context: CommandContext): string {
  return resolveDataDir(stringFlag(context.args, 'data-dir'), context.io.env);
}

export async function openCore(context: CommandContext): Promise<Core> {
  const dataDir = dataDirOf(context);
  const backend = await openBackend({ kind: stringFlag(context.args, 'backend'), dataDir });
  return createCore({ backend, dataDir, version: context.version });
}

export async function withClient<T>(context: CommandContext, action: (client: ContractClient) => Promise<T>): Promise<T> {
  const core = await openCore(context);
  try {
    return await action(createClient(localChannel(core.registry)));
  } finally {
    await core.close();
  }
}

export function printJson(context: CommandContext, value: unknown): void {
  context.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
