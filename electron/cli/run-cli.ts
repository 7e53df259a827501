/**
 * The CLI door: finds the command for argv, prints help where asked, runs it, and turns every error
 * into one plain line on stderr with a non-zero exit code (never a stack trace).
 */
import { toWireError, type WireError } from '../../shared/errors';
import { formatFlags, parseArgs, type ParsedArgs } from './args';
import { globalFlags, type Command } from './command';
import { commands } from './commands';
import type { CliIo } from './context';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/** The words that name the command: every argument that is neither a flag nor a flag's value. */
function commandWords(argv: readonly string[]): string[] {
  const takesValue = new Set(
    [globalFlags, ...commands.map((c) => c.flags)].flatMap((spec) =>
      Object.entries(spec)
        .filter(([, flag]) => flag.value !== undefined)
        .map(([name]) => name),
    ),
  );
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg.startsWith('-')) {
      if (arg.startsWith('--') && !arg.includes('=') && takesValue.has(arg.slice(2))) i += 1;
      continue;
    }
    words.push(arg);
  }
  return words;
}

function matchCommand(positionals: readonly string[]): { command: Command | undefined; depth: number } {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.path.every((part, i) => positionals[i] === part);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return { command: best, depth: best?.path.length ?? 0 };
}

/** Commands under a prefix, e.g. ["inventory"] → inventory luns, inventory hosts. */
function commandsUnder(prefix: readonly string[]): Command[] {
  return commands.filter((command) => prefix.every((part, i) => command.path[i] === part));
}

function overview(prefix: readonly string[]): string {
  const list = commandsUnder(prefix);
  const width = Math.max(...list.map((c) => c.path.join(' ').length));
  return [
    `Usage: shadowswap ${prefix.length ? `${prefix.join(' ')} ` : ''}<command> [options]`,
    '',
    prefix.length === 0
      ? 'ShadowSwap: fast recovery with transportable shadow copies on Windows Server SANs.\nWithout a Windows backend it drives the built-in Lab (a simulated SAN, hosts and cluster).\n'
      : '',
    'Commands:',
    ...list.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    formatFlags(globalFlags),
    '',
    `Run "shadowswap ${prefix.length ? `${prefix.join(' ')} ` : ''}<command> --help" for a command's options.`,
    '',
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}

function commandHelp(command: Command): string {
  return [
    `Usage: shadowswap ${command.path.join(' ')}${command.operand ? ` ${command.operand}` : ''} [options]`,
    '',
    command.summary,
    ...(command.details ? ['', command.details] : []),
    '',
    'Options:',
    formatFlags({ ...command.flags, ...globalFlags }),
    '',
  ].join('\n');
}

function reportError(io: CliIo, error: WireError): void {
  io.stderr(`shadowswap: ${error.message}\n`);
}

export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout(`ShadowSwap ${version}\n`);
    return 0;
  }
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const positionals = commandWords(argv);
  const { command } = matchCommand(positionals);

  if (!command) {
    // The longest known prefix of what was typed: "inventory" alone shows the inventory commands.
    let prefix: string[] = [];
    for (let i = positionals.length; i > 0; i -= 1) {
      if (commandsUnder(positionals.slice(0, i)).length > 0) {
        prefix = positionals.slice(0, i);
        break;
      }
    }
    if (wantsHelp || positionals.length === prefix.length) {
      (wantsHelp || argv.length === 0 ? io.stdout : io.stderr)(overview(prefix));
      return wantsHelp || argv.length === 0 ? 0 : EXIT_USAGE;
    }
    io.stderr(`shadowswap: unknown command "${positionals.join(' ')}".\n\n${overview(prefix)}`);
    return EXIT_USAGE;
  }
  if (wantsHelp) {
    io.stdout(commandHelp(command));
    return 0;
  }

  try {
    const args = parseArgs(argv, { ...command.flags, ...globalFlags });
    const extra = args.positionals.slice(command.path.length + (command.operand ? 1 : 0));
    if (extra.length > 0) {
      io.stderr(
        `shadowswap: unexpected argument "${extra.join(' ')}" for "${command.path.join(' ')}".${flagHint(command, args, extra)} See: shadowswap ${command.path.join(' ')} --help\n`,
      );
      return EXIT_USAGE;
    }
    return await command.run({ args, io, version });
  } catch (error) {
    const wire = toWireError(error);
    reportError(io, wire);
    return wire.code === 'INVALID_REQUEST' ? EXIT_USAGE : EXIT_FAILURE;
  }
}

/** `lab init two-node-sql`: when one value the command takes is still missing, name the flag it belongs to. */
function flagHint(command: Command, args: ParsedArgs, extra: readonly string[]): string {
  const missing = Object.entries(command.flags).filter(([name, spec]) => spec.value !== undefined && args.flags[name] === undefined);
  const [only] = missing;
  return extra.length === 1 && missing.length === 1 && only ? ` Did you mean: --${only[0]} ${extra[0]}?` : '';
}
