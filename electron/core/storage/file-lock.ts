/**
 * Cross-process exclusion with a lock file. The file names its holder's pid, so a lock left by a process
 * that died is taken over instead of blocking everyone forever. Every change to the lock's name is atomic
 * and never check-then-act: a lock is created by hard-linking a complete file into place (so it is never
 * seen empty or half-written), and a dead holder's lock is replaced only by the one process that won an
 * exclusive claim on that very lock (see takeOver).
 */
import { createHash, randomBytes } from 'node:crypto';
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
  return holderIn(readText(lockFile));
}

function holderIn(text: string | null): number | null {
  try {
    const pid = (JSON.parse(text ?? '') as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : null;
  } catch {
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** A file beside the lock holding `text` in full, under a name no other process uses. */
function writeUnique(lockFile: string, text: string): string {
  const file = `${lockFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** Links `source` to `target` unless `target` exists: an atomic create that is never seen empty. */
function linkIfAbsent(source: string, target: string): boolean {
  try {
    fs.linkSync(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock once; false when a live process holds it. A dead holder's lock is taken over. */
export function tryLock(lockFile: string, extra: Record<string, unknown> = {}): boolean {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  // The nonce makes every lock's text unique, so a takeover claim names exactly one lock.
  const ours = JSON.stringify({ ...extra, pid: process.pid, since: new Date().toISOString(), nonce: randomBytes(8).toString('hex') });
  const staged = writeUnique(lockFile, ours);
  try {
    if (linkIfAbsent(staged, lockFile)) return true;
    const seen = readText(lockFile);
    if (seen === null) return false; // released just now: the caller's next try may take it
    const holder = holderIn(seen);
    if (holder === process.pid) return false;
    if (holder !== null && isProcessAlive(holder)) return false;
    // A dead holder, or a lock file with no holder in it (left empty by an older version or a power cut).
    return takeOver(lockFile, seen, staged);
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

const MAX_CLAIM_LEVELS = 8;

/**
 * Replaces the lock whose text is `stale` with `staged`. Only the process that creates the claim file named
 * after that exact text (exclusive, atomic) may replace it; it then checks the lock still holds that text
 * and renames its own into place. Nobody else can change the lock meanwhile: its holder is dead and every
 * other contender lost the claim. A claimer that itself died leaves its claim behind; the next contenders
 * then compete one level up, for a claim named after the dead claimer's.
 */
function takeOver(lockFile: string, stale: string, staged: string): boolean {
  const passed: string[] = [];
  let key = stale;
  for (let level = 0; level < MAX_CLAIM_LEVELS; level += 1) {
    const claim = `${lockFile}.takeover-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
    if (!linkIfAbsent(staged, claim)) {
      const claimText = readText(claim);
      const claimer = holderIn(claimText);
      if (claimText === null || claimer === null || claimer === process.pid || isProcessAlive(claimer)) return false;
      passed.push(claim);
      key = claimText;
      continue;
    }
    try {
      if (readText(lockFile) !== stale) return false; // replaced already: the lock is someone else's now
      fs.renameSync(staged, lockFile);
      for (const leftover of passed) fs.rmSync(leftover, { force: true });
      return true;
    } catch (error) {
      // Windows refuses to replace a file another process has open this instant: not ours this time.
      if (['EPERM', 'EBUSY', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
      throw error;
    } finally {
      fs.rmSync(claim, { force: true });
    }
  }
  return false;
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
