/** The `shadowswap` executable: wires the CLI door to this process's streams, signals and exit code. */
import { processIo } from './process-io';
import { runCli } from './run-cli';

declare const __SHADOWSWAP_VERSION__: string;

runCli(process.argv.slice(2), processIo, __SHADOWSWAP_VERSION__).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shadowswap: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
