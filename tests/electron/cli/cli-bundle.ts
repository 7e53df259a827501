/** Bundles the real CLI into a temporary file, so tests can run it as a separate process (crashes included). */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export interface CliProcess {
  /** Runs `shadowswap ARGS` in a child process and resolves with its exit code and output. */
  run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  remove(): void;
}

export async function bundleCli(): Promise<CliProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-cli-bundle-'));
  const file = path.join(dir, 'cli.cjs');
  await build({
    entryPoints: [path.resolve('electron/cli/index.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    define: { __SHADOWSWAP_VERSION__: '"test"' },
    logLevel: 'warning',
  });
  return {
    run: (args) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
