/**
 * The installed app has no Node to run the CLI with (the runAsNode fuse is off, deliberately), so the
 * desktop executable doubles as the CLI: started with a command (`ShadowSwap.exe plan --set …`, or through
 * the shadowswap.cmd installed beside it), it runs that command and exits instead of opening a window.
 * Anything else (no arguments, the console's own --data-dir=DIR, switches Windows or Chromium add) opens
 * the console.
 */
import { globalFlags } from './command';
import { commands } from './commands';

const commandWords = new Set(commands.map((command) => command.path[0]));
const valueFlags = new Set(Object.entries(globalFlags).flatMap(([name, spec]) => (spec.value ? [`--${name}`] : [])));

/** The CLI arguments when the app was started as the CLI; null when it should open the console. */
export function cliArgumentsOf(argv: readonly string[], isPackaged: boolean): string[] | null {
  // Packaged: [ShadowSwap.exe, ...args]; in development: [electron, <app folder>, ...args].
  const args = argv.slice(isPackaged ? 1 : 2);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (valueFlags.has(arg)) {
      i += 1;
      continue;
    }
    if (!arg.startsWith('-')) return commandWords.has(arg) ? args : null;
  }
  return args.some((arg) => arg === '--help' || arg === '--version') ? args : null;
}
