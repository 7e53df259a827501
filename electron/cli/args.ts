/**
 * A small, strict argument parser: every command declares its flags, unknown flags are errors that
 * say what is accepted, and `--help` works everywhere.
 */
import { ShadowSwapError } from '../../shared/errors';

export interface FlagSpec {
  /** Takes a value (`--port 8080` or `--port=8080`); otherwise it is a boolean switch. */
  value?: string;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const flag = spec[name];
    if (!flag) {
      const known = Object.keys(spec)
        .map((k) => `--${k}`)
        .join(', ');
      throw new ShadowSwapError('INVALID_REQUEST', `Unknown option --${name}. This command accepts: ${known}.`);
    }
    if (flag.value === undefined) {
      if (eq !== -1) throw new ShadowSwapError('INVALID_REQUEST', `--${name} is a switch and takes no value.`);
      flags[name] = true;
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new ShadowSwapError('INVALID_REQUEST', `--${name} needs a value: --${name} ${flag.value}.`);
    }
    flags[name] = value;
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredFlag(args: ParsedArgs, name: string, usage: string): string {
  const value = stringFlag(args, name);
  if (value === undefined) throw new ShadowSwapError('INVALID_REQUEST', `This command needs --${name}. Usage: ${usage}`);
  return value;
}

export function formatFlags(spec: Record<string, FlagSpec>): string {
  const rows = Object.entries(spec).map(([name, flag]) => [`--${name}${flag.value ? ` ${flag.value}` : ''}`, flag.description] as const);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}
