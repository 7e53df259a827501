/** Runs the CLI in this process with captured output, an environment, and scripted answers to prompts. */
import { runCli } from '../../../electron/cli/run-cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The questions the CLI asked, in order. */
  asked: string[];
}

export async function runCliInProcess(
  argv: readonly string[],
  options: { env?: NodeJS.ProcessEnv; answers?: string[] } = {},
): Promise<CliResult> {
  const result: CliResult = { code: -1, stdout: '', stderr: '', asked: [] };
  const answers = options.answers ? [...options.answers] : null;
  result.code = await runCli(
    argv,
    {
      stdout: (text) => void (result.stdout += text),
      stderr: (text) => void (result.stderr += text),
      env: options.env ?? {},
      untilInterrupted: () => Promise.resolve(),
      // No answers given means "no terminal", as in a script.
      ask: async (question) => {
        result.asked.push(question);
        return answers === null ? null : (answers.shift() ?? '');
      },
    },
    '9.9.9',
  );
  return result;
}
