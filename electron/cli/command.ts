/**
 * What a CLI command is, and the helpers commands share: global flags, the data directory, and a core
 * reached through the contract (a client over the registry, in this process), exactly as the other doors
 * reach it. A command does its work with `withClient(context, (client) => client.invoke(method, params))`:
 * the params are checked against the contract and every failure comes back as a typed error.
 */
import { ShadowSwapError } from '../../shared/errors';
import { OperatorName } from '../../shared/operator-name';
import type { ContractClient } from '../../shared/rpc';
import { createCore, type Caller, type Core } from '../core/app';
import { openBackend } from '../core/backends/open-backend';
import { resolveDataDir } from '../core/storage/data-dir';
import { stringFlag, type FlagSpec } from './args';
import type { CommandContext } from './context';
import { countText } from '../../shared/count-text';

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
  operator: {
    value: 'NAME',
    description: 'who confirms, as the journal and the report record it (default: the signed-in OS account)',
  },
  help: { description: 'show help for this command' },
};

export const listFlags: Record<string, FlagSpec> = {
  json: { description: 'print JSON instead of a table' },
  filter: { value: 'TEXT', description: 'only rows containing every word of TEXT' },
};

/** --operator NAME, checked as the browser console checks a typed name. */
function operatorOf(context: CommandContext): string | undefined {
  const text = stringFlag(context.args, 'operator');
  if (text === undefined) return undefined;
  const name = OperatorName.safeParse(text);
  if (!name.success) throw new ShadowSwapError('INVALID_REQUEST', `--operator needs a person's name (${name.error.issues[0]?.message}).`);
  return name.data;
}

/** The core this command line asks for: its data directory and backend; the tools and Chromium found from its environment. */
export async function openCore(context: CommandContext): Promise<Core> {
  const dataDir = resolveDataDir(stringFlag(context.args, 'data-dir'), context.io.env);
  const backend = await openBackend({ kind: stringFlag(context.args, 'backend'), dataDir });
  return createCore({ backend, dataDir, version: context.version, env: context.io.env });
}

/**
 * What this command line vouches for about its operator: who (--operator; left out, the core's OS account)
 * at the cli door, and --yes, which confirms every destructive step up front.
 */
function callerOf(context: CommandContext): Caller {
  const operator = operatorOf(context);
  return { autoConfirm: context.args.flags.yes === true, door: 'cli', ...(operator === undefined ? {} : { operator }) };
}

/** Opens the core, hands the command a contract client on it, and closes the core whatever happens. */
export async function withClient<T>(context: CommandContext, action: (client: ContractClient) => Promise<T>): Promise<T> {
  const caller = callerOf(context);
  const core = await openCore(context);
  try {
    return await action(core.client(caller));
  } finally {
    await core.close();
  }
}

export function printJson(context: CommandContext, value: unknown): void {
  context.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function plural(count: number, noun: string): string {
  return `${countText(count)} ${noun}${count === 1 ? '' : 's'}`;
}
