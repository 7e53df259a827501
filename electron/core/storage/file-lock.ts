/**
 * Cross-process exclusion with a lock file created atomically (O_EXCL). The file names its holder's pid,
 * so a lock left by a process that died is taken over instead of blocking everyone forever.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShadowSwapError } from '../../../shared/errors';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockHolder(lockFile: string): number | null {
  try {
    const pid = (JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock once; false when a live process holds it. A dead holder's lock is taken over. */
export function tryLock(lockFile: string, extra: Record<string, unknown> = {}): boolean {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ ...extra, pid: process.pid, since: new Date().toISOString() }));
      fs.closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(lockFile);
      if (holder === process.pid) return false;
      if (holder !== null && isProcessAlive(holder)) return false;
      if (holder === null && Date.now() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 2_000) {
        // Just created and not yet written by its owner: treat it as held.
        return false;
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
}

export function unlock(lockFile: string): void {
  if (lockHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
}

function busy(lockFile: string, what: string): ShadowSwapError {
  const pid = lockHolder(lockFile);
  return new ShadowSwapError(
    'BUSY',
    `${what} is being changed by another ShadowSwap process (pid ${pid ?? 'unknown'}). Wait for it to finish and try again.`,
    { pid },
  );
}

const RETRY_MS = 20;

/** Runs `action` holding the lock, waiting up to waitMs for another holder; BUSY after that. */
export function withFileLock<T>(lockFile: string, what: string, action: () => T, waitMs = 5_000): T {
  const deadline = Date.now() + waitMs;
  while (!tryLock(lockFile)) {
    if (Date.now() >= deadline) throw busy(lockFile, what);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_MS);
  }
  try {
    return action();
  } finally {
    unlock(lockFile);
  }
}

/** withFileLock for asynchronous work: the event loop stays free while it waits for the holder and while `action` runs. */
export async function withFileLockAsync<T>(lockFile: string, what: string, action: () => Promise<T> | T, waitMs = 5_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  while (!tryLock(lockFile)) {
    if (Date.now() >= deadline) throw busy(lockFile, what);
    await sleep(RETRY_MS);
  }
  try {
    return await action();
  } finally {
    unlock(lockFile);
  }
}
