/** Bundles crash-driver.ts into a temporary CommonJS file a child `node` can run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleDriver(): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-driver-'));
  const file = path.join(dir, 'driver.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'crash-driver.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
