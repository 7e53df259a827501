/**
 * The CLI's streams, signals and questions on this process's own terminal: used by the `shadowswap`
 * executable and by the desktop app when it is started with a command.
 */
import readline from 'node:readline/promises';
import type { CliIo } from './context';

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  untilInterrupted: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
  async ask(question) {
    if (!process.stdin.isTTY) return null;
    const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await prompt.question(question);
    } finally {
      prompt.close();
    }
  },
};
