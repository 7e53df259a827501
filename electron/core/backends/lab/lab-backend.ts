/**
 * The Lab backend: the simulated SAN behind the Backend port. It keeps the state in memory, re-reads
 * it when another process has replaced the file, and derives every view (who sees what) from masking.
 */
import fs from 'node:fs';
import type { BackendInfo, Host, Lun, StorageArray } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type { Backend } from '../../backend';
import { ALL_HOSTS, type LabLun, type LabState } from './lab-model';
import { LabStore } from './lab-store';
import { DEFAULT_SCENARIO, scenarios } from './scenarios';

export class LabBackend implements Backend {
  private readonly store: LabStore;
  private state: LabState;
  private loadedMtimeMs: number;
  private readonly listeners = new Set<(reason: string) => void>();
  private watcher: fs.FSWatcher | null = null;

  /** Opens the Lab in a data directory, creating the default estate the first time. */
  static open(dataDir: string): LabBackend {
    const store = new LabStore(dataDir);
    if (!store.exists()) {
      store.withLock(() => {
        if (!store.exists()) store.save(buildScenario(DEFAULT_SCENARIO));
      });
    }
    return new LabBackend(store);
  }

  private constructor(store: LabStore) {
    this.store = store;
    this.state = store.load();
    this.loadedMtimeMs = fs.statSync(store.file).mtimeMs;
  }

  describe(): BackendInfo {
    return { kind: 'lab', label: `Lab (${this.current().scenario})`, dataDir: this.store.dir };
  }

  async listArrays(): Promise<StorageArray[]> {
    return this.current().arrays;
  }

  async listLuns(): Promise<Lun[]> {
    const state = this.current();
    const allHostNames = state.hosts.map((host) => host.name);
    return state.luns.map((lun) => toLun(lun, allHostNames));
  }

  async listHosts(): Promise<Host[]> {
    const state = this.current();
    return state.hosts.map((host) => ({
      ...host,
      visibleLunIds: state.luns.filter((lun) => isVisibleTo(lun, host.name)).map((lun) => lun.id),
    }));
  }

  onChange(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    this.startWatching();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.stopWatching();
  }

  /** The in-memory state, re-read first if another process replaced the file since we loaded it. */
  private current(): LabState {
    const mtimeMs = fs.statSync(this.store.file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs !== undefined && mtimeMs !== this.loadedMtimeMs) this.reload('changed on disk');
    return this.state;
  }

  private reload(reason: string): void {
    this.state = this.store.load();
    this.loadedMtimeMs = fs.statSync(this.store.file).mtimeMs;
    for (const listener of this.listeners) listener(reason);
  }

  private startWatching(): void {
    if (this.watcher) return;
    // Watch the folder, not the file: atomic replacement swaps the file's inode under a file watcher.
    this.watcher = fs.watch(this.store.dir, (_kind, name) => {
      if (name !== null && name !== 'state.json') return;
      try {
        this.current();
      } catch {
        // A half-visible or foreign file is reported on the next read; the watcher must not die.
      }
    });
    this.watcher.unref();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}

/**
 * Creates a Lab estate from a scenario in a data directory; refuses to discard an existing estate unless
 * forced. A running console sharing the directory picks the new estate up on its next read.
 */
export function initLab(dataDir: string, scenario: string, force: boolean): LabState {
  const store = new LabStore(dataDir);
  const fresh = buildScenario(scenario);
  store.withLock(() => {
    if (store.exists() && !force) {
      throw new ShadowSwapError('PRECONDITION_FAILED', `A Lab estate already exists in ${store.dir}. Add --force to replace it with "${scenario}" (the current one is discarded).`);
    }
    store.save(fresh);
  });
  return fresh;
}

export function buildScenario(name: string): LabState {
  const scenario = scenarios[name];
  if (!scenario) {
    throw new ShadowSwapError('NOT_FOUND', `There is no Lab scenario called "${name}". Available: ${Object.keys(scenarios).join(', ')}.`);
  }
  return scenario.build();
}

function isVisibleTo(lun: LabLun, hostName: string): boolean {
  return lun.mask.includes(ALL_HOSTS) || lun.mask.includes(hostName);
}

function toLun(lun: LabLun, allHostNames: readonly string[]): Lun {
  const { mask, files: _files, ...rest } = lun;
  const maskAll = mask.includes(ALL_HOSTS);
  return { ...rest, maskAll, maskedTo: maskAll ? [...allHostNames] : allHostNames.filter((name) => mask.includes(name)) };
}
