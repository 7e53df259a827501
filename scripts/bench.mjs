// `npm run bench`: bundles the benchmark suite (TypeScript) and runs it in a plain Node process, then
// writes bench-results.json and prints the table. `--quick` is the seconds-long version `npm test` runs.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
// `--only=inventory,parsers` runs some sections and prints them without replacing bench-results.json.
const only = process.argv.find((arg) => arg.startsWith('--only='));
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-bench-')), 'bench.cjs');
await build({
  entryPoints: [path.join(root, 'bench', 'main.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', '@playwright/test', 'playwright', 'playwright-core', 'esbuild'],
  // Measured as released: the same build-time NODE_ENV as scripts/build.mjs. import.meta has no dirname
  // in a CommonJS bundle; bench/gateway-load.ts needs it to find the load clients' source.
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.dirname': JSON.stringify(path.join(root, 'bench')) },
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [out, root, quick ? '--quick' : '--full', ...(only ? [only] : [])], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
});
fs.rmSync(path.dirname(out), { recursive: true, force: true });
process.exit(result.status ?? 1);
