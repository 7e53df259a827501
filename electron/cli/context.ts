/** What every CLI command receives: its parsed arguments, the output streams and the environment. */
import type { ParsedArgs } from './args';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  untilInterrupted(): Promise<void>;
  /** Asks a question on the terminal; null when there is no terminal to ask (scripts, CI). */
  ask(question: string): Promise<string | null>;
}

export interface CommandContext {
  args: ParsedArgs;
  io: CliIo;
  version: string;
}
