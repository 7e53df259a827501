/** The `shadowswap` executable: wires the CLI door to this process's streams, signals and exit code. */
import readline from 'node:readline/promises';
import { runCli } from './run-cli';

declare const __SHADOWSWAP_VERSION__: string;

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  env: process.env,
  untilInterrupted: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
  async ask(question: string): Promise<string | null> {
    if (!process.stdin.isTTY) return null;
    const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await prompt.question(question);
    } finally {
      prompt.close();
    }
  },
};

runCli(process.argv.slice(2), io, __SHADOWSWAP_VERSION__).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shadowswap: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
