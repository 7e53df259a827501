// Builds every deliverable into dist/: the CLI and gateway (dist/cli.cjs), the Electron main process and
// preload (dist/electron/*.cjs, the preload as one CommonJS file because sandboxed preloads cannot load
// modules), and the renderer (dist/renderer) with Vite. Nothing here needs the Electron binary.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const only = process.argv[2]; // "node" builds only the Node bundles (fast), for tests that need the CLI

const nodeBundle = (entry, outfile) =>
  esbuild({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    // Release bundles: NODE_ENV is fixed at build time (the registry skips its own result checks).
    define: { __SHADOWSWAP_VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
    sourcemap: false,
    logLevel: 'warning',
  });

const started = Date.now();
await Promise.all([
  nodeBundle('electron/cli/index.ts', 'dist/cli.cjs'),
  nodeBundle('electron/main.ts', 'dist/electron/main.cjs'),
  nodeBundle('electron/preload.ts', 'dist/electron/preload.cjs'),
]);
if (only !== 'node') {
  await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}
console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
