/**
 * The Lab's state on disk: one JSON file under <data-dir>/lab, replaced atomically (write a temp file,
 * fsync, rename, fsync the folder) so a crash leaves either the old or the new state, never a torn one.
 * Writers take an exclusive lock file so two processes sharing a data directory cannot interleave, and
 * queue in memory before it so writers in one process wait their turn without polling the file.
 * A file that is not ours, or is damaged, is never overwritten: the caller gets STATE_UNREADABLE.
 * The store keeps the last state it read or wrote and re-reads only when the file was replaced (a new
 * inode, size or mtime), so a large estate is parsed once, not at every call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ShadowSwapError } from '../../../../shared/errors';
import { replaceFileAtomically } from '../../storage/atomic-file';
import { withFileLockAsync } from '../../storage/file-lock';
import { SerialQueue } from '../../storage/serial-queue';
import { LAB_FORMAT, LAB_FORMAT_VERSION, LabFile, type LabState } from './lab-model';

export const STATE_FILE = 'state.json';
export const LOCK_FILE = 'state.lock';

/** What identifies one version of the file: atomic replacement gives every save a new inode. */
function stampOf(file: string): string | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : null;
}

interface WaitingChange {
  change(state: LabState): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** One queue per lock file, shared by every store of this process on the same data directory. */
const writers = new Map<string, SerialQueue>();

export class LabStore {
  readonly dir: string;
  readonly file: string;
  private readonly lockFile: string;
  private cached: { stamp: string; state: LabState } | null = null;
  /** The state a save of ours is writing: until it is in place, it is the current one (we hold the lock). */
  private saving: LabState | null = null;
  private checkedThisTurn = false;
  /** Changes asked for and not yet saved: the next save takes them all. */
  private readonly waiting: WaitingChange[] = [];
  private persistMs: number | null = null;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'lab');
    this.file = path.join(this.dir, STATE_FILE);
    this.lockFile = path.join(this.dir, LOCK_FILE);
  }

  exists(): boolean {
    return fs.existsSync(this.file);
  }

  /**
   * The current state: the cached one while the file is unchanged, else re-read. The file is checked once
   * per turn of the event loop: the many reads of one turn (every request a burst of consoles made) see
   * one version, as if they had come a moment earlier, instead of each costing a stat. The returned
   * object is shared; only `update` may change it.
   */
  read(): LabState {
    if (this.saving) return this.saving;
    if (this.cached && this.checkedThisTurn) return this.cached.state;
    return this.refresh();
  }

  /** The current state, checking the file now: for writers and for a watcher told the file changed. */
  refresh(): LabState {
    if (this.saving) return this.saving;
    if (!this.checkedThisTurn) {
      this.checkedThisTurn = true;
      setImmediate(() => (this.checkedThisTurn = false));
    }
    const stamp = stampOf(this.file);
    if (this.cached && stamp === this.cached.stamp) return this.cached.state;
    const state = this.load();
    this.cached = stamp === null ? null : { stamp, state };
    return state;
  }

  /**
   * Changes the state under the writer lock: reads the latest version, lets `change` edit it in place,
   * bumps the revision and saves atomically. If `change` throws, nothing of it is saved and its half-applied
   * edit is never seen again. Changes asked for while a save is running are saved together by the next one
   * (a group commit): each caller hears back once the save that holds its change is on disk, so operations
   * running at the same time do not queue one fsync each behind each other, as the real cluster and arrays,
   * which keep no such file, do not.
   */
  update<T>(change: (state: LabState) => T): Promise<T> {
    const asked = performance.now();
    const saved = new Promise<T>((resolve, reject) => {
      this.waiting.push({ change, resolve: resolve as (value: unknown) => void, reject });
      if (this.waiting.length === 1)
        this.withLock(() => this.commitWaiting()).catch((error: unknown) => {
          // The lock was not had (another process holds it): nothing was applied, every change waiting hears why.
          for (const entry of this.waiting.splice(0)) entry.reject(error);
        });
    });
    return saved.then((value) => {
      this.persistMs = this.persistMs === null ? performance.now() - asked : 0.8 * this.persistMs + 0.2 * (performance.now() - asked);
      return value;
    });
  }

  /**
   * How long a change has lately taken to reach the disk (a moving average; 0 before the first): the Lab counts it
   * inside the modelled duration of the operation that made the change rather than adding it, since the real
   * system keeps no such file.
   */
  get recentPersistMs(): number {
    return this.persistMs ?? 0;
  }

  /** Applies every change waiting, in the order asked, and saves them in one write. */
  private async commitWaiting(): Promise<void> {
    const batch = this.waiting.splice(0);
    let state: LabState;
    try {
      state = this.refresh();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    const applied: Array<{ entry: WaitingChange; value: unknown }> = [];
    for (const entry of batch) {
      // Alone, a change that throws leaves the cache dropped; in a batch the others' edits must survive it, so it
      // works on a copy that replaces the state only if it succeeds.
      const working = batch.length === 1 ? state : structuredClone(state);
      try {
        applied.push({ entry, value: entry.change(working) });
        state = working;
      } catch (error) {
        if (working === state) this.cached = null;
        entry.reject(error);
      }
    }
    if (applied.length === 0) return;
    state.revision += 1;
    try {
      await this.save(state);
    } catch (error) {
      for (const { entry } of applied) entry.reject(error);
      return;
    }
    for (const { entry, value } of applied) entry.resolve(value);
  }

  private load(): LabState {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      throw new ShadowSwapError(
        'STATE_UNREADABLE',
        `The Lab state file ${this.file} could not be read (${(error as Error).message}). Check the data directory's permissions, or create an estate with "shadowswap lab init".`,
        { file: this.file },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.unreadable('is not valid JSON (it may have been cut short or edited)');
    }
    if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== LAB_FORMAT) {
      throw this.unreadable('is not a ShadowSwap Lab state file');
    }
    if ((json as { version?: unknown }).version !== LAB_FORMAT_VERSION) {
      throw this.unreadable(
        `was written by another version of ShadowSwap (format version ${String((json as { version?: unknown }).version)}, this one reads ${LAB_FORMAT_VERSION})`,
      );
    }
    const parsed = LabFile.safeParse(json);
    if (!parsed.success)
      throw this.unreadable(
        `does not have the expected shape (${parsed.error.issues[0]?.path.join('.') ?? 'root'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`,
      );
    return parsed.data.state;
  }

  /** Writes the whole state atomically and caches it. Callers hold the lock (see withLock), which made the folder. */
  async save(state: LabState): Promise<void> {
    const file: LabFile = { format: LAB_FORMAT, version: LAB_FORMAT_VERSION, savedAt: new Date().toISOString(), state };
    this.saving = state;
    try {
      await replaceFileAtomically(this.file, JSON.stringify(file));
      const stamp = stampOf(this.file);
      this.cached = stamp === null ? null : { stamp, state };
    } catch (error) {
      // Whether the new state reached the file is unknown: the next read goes to the file.
      this.cached = null;
      throw error;
    } finally {
      this.saving = null;
    }
  }

  /** Resolves once every write this process queued on this Lab before the call is done. */
  async settled(): Promise<void> {
    await writers.get(this.lockFile)?.run(() => undefined);
  }

  /**
   * Runs `action` holding the exclusive writer lock, after the writers of this process queued before it.
   * A lock left by a process that no longer exists is taken over; one held by a live process makes this
   * wait briefly and then fail with BUSY. Not reentrant: an action that took the lock again would wait
   * for itself.
   */
  withLock<T>(action: () => Promise<T> | T, waitMs = 5_000): Promise<T> {
    let queue = writers.get(this.lockFile);
    if (!queue) writers.set(this.lockFile, (queue = new SerialQueue()));
    return queue.run(() => withFileLockAsync(this.lockFile, `The Lab in ${this.dir}`, action, waitMs));
  }

  private unreadable(why: string): ShadowSwapError {
    return new ShadowSwapError(
      'STATE_UNREADABLE',
      `The Lab state file ${this.file} ${why}. It was left untouched. Move it aside to keep it, or replace it with a fresh estate: shadowswap lab init --force.`,
      { file: this.file },
    );
  }
}
