// `npm start`: the desktop console in Electron where its binary is present or can be fetched; otherwise
// (air-gapped admin networks, machines without a display) one line saying why, then the browser console.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passthrough = process.argv.slice(2);

if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')) || !fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The Electron executable, fetching it if Electron can; null with the reason when it cannot. */
function electronExecutable() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'this machine has no display' };
  }
  // Resolving the electron package downloads the binary on first use; run it apart so a failed
  // download (no network) does not take this process down, and cap how long it may try.
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const executable = probe.stdout?.trim();
  if (probe.status === 0 && executable && fs.existsSync(executable)) return { executable };
  return { reason: 'the Electron binary is not installed and could not be downloaded' };
}

const electron = electronExecutable();
if (electron.executable) {
  const child = spawn(electron.executable, [path.join(root, 'dist', 'electron', 'main.cjs'), ...passthrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`ShadowSwap: the desktop app cannot start here (${electron.reason}); starting the browser console instead.`);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'shadowswap.cjs'), 'serve', ...passthrough], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
