/**
 * Stand-in executables for the runner tests: small node scripts with a shebang, started by path exactly as
 * the runner starts diskshadow.exe, so spawning, argument passing and process-tree killing are real.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function standInDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ss-standin-'));
}

/** Writes an executable node script; `body` is the script after the shebang. */
export function standInTool(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
  return file;
}

/** Echoes its arguments as JSON: proves each argv element arrives intact. */
export const ECHO_ARGV = `process.stdout.write(JSON.stringify(process.argv.slice(2)));`;

/** Behaves like diskshadow /s FILE /l LOG: reports the script bytes it read and writes a log. */
export const FAKE_DISKSHADOW = `
const fs = require('node:fs');
const [s, script, l, log] = process.argv.slice(2);
if (s !== '/s' || l !== '/l') { process.stderr.write('usage'); process.exit(2); }
const bytes = fs.readFileSync(script);
fs.writeFileSync(log, 'Microsoft DiskShadow version 1.0\\r\\n');
process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), script: bytes.toString('latin1'), mode: (fs.statSync(script).mode & 0o777).toString(8) }));
`;

/** Starts a grandchild that writes its pid to PID_FILE, then both wait forever. */
export function hangingTool(pidFile: string): string {
  const grandchild = `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
  return `
const { spawn } = require('node:child_process');
spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' });
setInterval(() => {}, 1000);
`;
}

/** True while the process exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (fs.existsSync('/proc')) {
    if (!fs.existsSync(stat)) return false;
    const state = fs.readFileSync(stat, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z' && state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
