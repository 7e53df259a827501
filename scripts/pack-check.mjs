// Packs the desktop app the way `npm run dist` does, but for Linux `dir` and with a stand-in Electron
// distribution (the real one cannot be downloaded here), then checks what would ship: the asar holds the
// built main, preload and renderer and nothing else (no tests, sources, source maps or dev files), and the
// hardening fuses were flipped. The stand-in carries Electron's fuse sentinel so the fuses step runs for real.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-pack-'));
const stubDir = path.join(work, 'electron-dist');
const outDir = path.join(work, 'release');
fs.mkdirSync(stubDir);

// Fuse wire v1: sentinel, version byte 1, wire length, then one byte per fuse ('1' on, '0' off), as in Electron.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const wire = '10110001';
const stub = Buffer.concat([
  Buffer.from('#!/bin/sh\necho "stand-in Electron for packaging checks"\nexit 0\n'),
  Buffer.from(SENTINEL),
  Buffer.from([1, wire.length]),
  Buffer.from(wire),
  Buffer.from('\n'),
]);
fs.writeFileSync(path.join(stubDir, 'electron'), stub, { mode: 0o755 });

const builder = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--config',
    'build/electron-builder.yml',
    '--linux',
    'dir',
    `-c.electronDist=${stubDir}`,
    `-c.directories.output=${outDir}`,
  ],
  { cwd: root, encoding: 'utf8' },
);
if (builder.status !== 0) {
  console.error(builder.stdout, builder.stderr);
  throw new Error(`electron-builder failed with exit code ${builder.status}`);
}

const unpacked = path.join(outDir, 'linux-unpacked');
const files = asar.listPackage(path.join(unpacked, 'resources', 'app.asar'), {}).map((f) => f.replaceAll('\\', '/'));
const problems = [];
for (const required of ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/package.json']) {
  if (!files.includes(required)) problems.push(`missing ${required}`);
}
const forbidden = [
  /\.map$/,
  /^\/(tests|e2e|electron|renderer|shared|scripts|build)\//,
  /\.tsx?$/,
  /^\/node_modules\//,
  /^\/dist\/cli\.cjs$/,
];
for (const file of files) if (forbidden.some((pattern) => pattern.test(file))) problems.push(`should not ship ${file}`);
if (!files.some((f) => f.startsWith('/dist/renderer/assets/') && f.endsWith('.js')))
  problems.push('no renderer bundle in dist/renderer/assets');
// The installed app is also the CLI: its main process carries the commands, and shadowswap.cmd sits beside the executable.
const packedMain = asar.extractFile(path.join(unpacked, 'resources', 'app.asar'), 'dist/electron/main.cjs').toString();
if (!packedMain.includes('Run the recovery from a snapshot set'))
  problems.push('the packaged main process does not carry the CLI commands');
const launcher = path.join(unpacked, 'shadowswap.cmd');
if (!fs.existsSync(launcher)) problems.push('shadowswap.cmd is not beside the executable');
else if (!/^@echo off\r\n[\s\S]*start "" \/b \/wait "%~dp0ShadowSwap\.exe" %\*\r\n/.test(fs.readFileSync(launcher, 'utf8')))
  problems.push('shadowswap.cmd is not the CRLF launcher from build/');

const binary = fs.readFileSync(path.join(unpacked, 'shadowswap'));
const at = binary.indexOf(SENTINEL) + SENTINEL.length;
const flipped = binary.subarray(at + 2, at + 2 + wire.length).toString();
// RunAsNode, NodeOptions, NodeCliInspect and file:// privileges off; cookie encryption, asar integrity, asar-only on.
const expected = { 0: '0', 1: '1', 2: '0', 3: '0', 4: '1', 5: '1', 7: '0' };
for (const [index, state] of Object.entries(expected)) {
  if (flipped[Number(index)] !== state) problems.push(`fuse ${index} is ${flipped[Number(index)]}, expected ${state}`);
}

fs.rmSync(work, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`pack-check: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `pack-check: app.asar holds ${files.length} entries (main with the CLI, preload, renderer; no sources, tests or maps); shadowswap.cmd beside the executable; fuses ${flipped}`,
);
