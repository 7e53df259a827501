/**
 * The Lab backend: the simulated SAN behind the Backend port. Every operation runs the same way:
 * wait the realistic latency (plus any armed delay fault), then under the writer lock read the latest
 * state, consume an armed fault, apply the effect, save atomically, and tell listeners what happened.
 * Reads come from the store's cached state and the per-revision views.
 */
import { labArrays } from './lab-discovery';
import fs from 'node:fs';
import type { CommandPreview, PreflightCheck } from '../../../../shared/recovery';
import type { SanReading } from '../../../../shared/san-reading';
import type { DcBootMode, DomainController, DomainControllerReading } from '../../../../shared/domain-controller';
import type {
  BackendInfo,
  BreakMode,
  Cluster,
  Host,
  Lun,
  OperationResult,
  SnapshotSet,
  SnapshotSetCreated,
  StorageArray,
} from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type {
  Backend,
  DriveLetters,
  HostDisk,
  ImportResult,
  LunMaskRequest,
  PartitionReading,
  PlannedOperation,
  PreflightScope,
  ResourceOnNode,
  ResourceRef,
} from '../../backend';
import { refuseMaskDrift, setLunMask } from './array-masking';
import { findLun } from './lab-lookup';
import { SerialQueue } from '../../storage/serial-queue';
import {
  moveGroup,
  resumeResource,
  setResourceDiskIdentity,
  startApplicationResource,
  startResource,
  stopApplicationResource,
  stopResource,
  suspendResource,
} from './cluster-service';
import { createDefaultEstate } from './lab-admin';
import { armedDelayMs, injectedFailure, LAB_CRASH_EXIT_CODE, takeFault } from './faults';
import { reconcileDomainControllers } from './domain-controllers';
import { restartDc, resyncSysvol, setRestoredFlag } from './domain-controller-operations';
import { readLabDomainController } from './domain-controller-reading';
import { hostDisks, readPartitions, rescanHost, setVolumesReadWrite } from './host-disks';
import { labOperations, type LabOperationName } from './lab-operations';
import type { LabState } from './lab-model';
import { STATE_FILE, LabStore } from './lab-store';
import { clustersView, hostsView, lunsView, snapshotSetsView } from './lab-views';
import { FailedWithEffect, report, type OperationContext } from './operation';
import { breakSet, createTransportableSet, exposeShadowCopy, importSet, markImportFailed } from './vss-provider';
import { windowsEquivalents } from './lab-addressing';
import { labSanReading, remotingChecks, requireReachable } from './lab-remoting';
import { windowsFailure } from './windows-errors';

export interface LabOptions {
  /** Overrides the estate's latency scale; tests pass 0. */
  latencyScale?: number;
  /** The clock operations stamp sets with. */
  now?: () => Date;
  /** How an injected crash ends the process. Only in-process tests replace it; drills really exit. */
  crash?: (message: string) => never;
}

type Applied<R> =
  | (({ kind: 'done'; result: R } | { kind: 'failed'; error: ShadowSwapError }) & { crashAfter: boolean })
  | { kind: 'crash-before'; crashAfter: false };

function exitProcess(message: string): never {
  process.stderr.write(`shadowswap: ${message}\n`);
  process.exit(LAB_CRASH_EXIT_CODE);
}

// Even an instant operation yields to the event loop once, as real I/O would: a zero-latency recovery must
// not starve the consoles reading inventory from the same process.
const sleep = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/** An operation whose commands run on `host`, which the console reaches through remoting. */
function onHost<R>(state: LabState, host: string, apply: () => R): R {
  requireReachable(state, host);
  return apply();
}

export class LabBackend implements Backend {
  private readonly store: LabStore;
  private readonly options: LabOptions;
  private lastSeen: LabState;
  private readonly listeners = new Set<(reason: string) => void>();
  private readonly importingOn = new Set<string>();
  private readonly maskingQueues = new Map<string, SerialQueue>();
  private watcher: fs.FSWatcher | null = null;

  /** Opens the Lab in a data directory, creating the default estate the first time. */
  static async open(dataDir: string, options: LabOptions = {}): Promise<LabBackend> {
    const store = new LabStore(dataDir);
    if (!store.exists()) await createDefaultEstate(store);
    return new LabBackend(store, options);
  }

  private constructor(store: LabStore, options: LabOptions) {
    this.store = store;
    this.options = options;
    this.lastSeen = store.read();
  }

  describe(): BackendInfo {
    return { kind: 'lab', label: `Lab (${this.read().scenario})`, dataDir: this.store.dir };
  }
  async preflightChecks(scope?: PreflightScope): Promise<PreflightCheck[]> {
    return [
      {
        id: 'backend',
        title: 'The backend can run every step',
        verdict: 'pass',
        reason: 'the Lab simulates diskshadow, diskraid, vshadow and the PowerShell cmdlets',
        fix: null,
      },
      ...(scope === undefined ? [] : remotingChecks(this.read(), scope)),
    ];
  }

  /** The arrays, each with where its picture comes from: discovered through the same parser as on Windows, or declared. */
  async listArrays(): Promise<StorageArray[]> {
    return labArrays(this.read(), this.now());
  }

  async sanReading(): Promise<SanReading> {
    return labSanReading(this.read(), this.now());
  }

  async listLuns(): Promise<Lun[]> {
    return lunsView(this.read());
  }

  async listHosts(): Promise<Host[]> {
    return hostsView(this.read());
  }

  async listSnapshotSets(): Promise<SnapshotSet[]> {
    return snapshotSetsView(this.read());
  }

  async listClusters(): Promise<Cluster[]> {
    return clustersView(this.read());
  }

  /** Get-Disk on the host, through remoting: what it has discovered, not what the array presents to it. */
  async listHostDisks(host: string): Promise<HostDisk[]> {
    const state = this.read();
    return onHost(state, host, () => hostDisks(state, host));
  }

  async readLunFiles(lunIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
    const state = this.read();
    return new Map(lunIds.flatMap((id) => state.luns.filter((lun) => lun.id === id).map((lun) => [id, [...lun.files]] as const)));
  }

  createSnapshotSet(params: { host: string; lunIds: string[]; persistent: boolean }): Promise<SnapshotSetCreated> {
    return this.run('createSnapshotSet', (state, context) =>
      onHost(state, params.host, () => createTransportableSet(state, params, context)),
    );
  }

  setLunMask(params: LunMaskRequest): Promise<OperationResult> {
    return this.onArrayOf(params.lunId, () => this.run('setLunMask', (state) => setLunMask(state, params)));
  }

  /**
   * One masking call per array, naming every LUN of the batch on it (docs/windows-facts.md#masking-sets-add-and-remove),
   * the arrays called together. Each LUN counts as one setLunMask for the fault table, so a fault can land in the
   * middle of a batch: the LUNs before it keep their change, as a real array that stops part-way would leave them.
   */
  async setLunMasks(params: { masks: LunMaskRequest[] }): Promise<OperationResult> {
    const state = this.read();
    const byArray = new Map<string, LunMaskRequest[]>();
    for (const mask of params.masks) {
      const arrayId = findLun(state, mask.lunId).arrayId;
      byArray.set(arrayId, [...(byArray.get(arrayId) ?? []), mask]);
    }
    const calls = await Promise.allSettled([...byArray].map(([arrayId, masks]) => this.onArray(arrayId, () => this.runMaskBatch(masks))));
    const failure = calls.find((call) => call.status === 'rejected');
    if (failure) throw failure.reason;
    const results = calls.flatMap((call) => (call.status === 'fulfilled' ? call.value : []));
    return report('setLunMasks', results.map((r) => r.summary).join(' '), {
      changes: results.flatMap((r) => r.changes),
      warnings: results.flatMap((r) => r.warnings),
    });
  }

  /** What is left of an operation's modelled duration once the Lab's own saving of its effect is counted in it. */
  private modelledWaitMs(latencyMs: number): number {
    return Math.max(0, latencyMs - this.store.recentPersistMs);
  }

  /** The Lab's model of a call's duration: its operation's latency at this estate's scale (a batch is one call). */
  expectedDurationMs(operations: readonly PlannedOperation[]): number | null {
    const scale = this.options.latencyScale ?? this.read().settings.latencyScale;
    return Math.max(0, ...operations.map((op) => labOperations[op.operation].latencyMs)) * scale;
  }

  /** ImportSnapshots handles one set at a time per host: a second import while one runs is refused. */
  async importSnapshotSet(params: { setId: string; host: string }): Promise<ImportResult> {
    const host = params.host.toLowerCase();
    if (this.importingOn.has(host)) {
      throw windowsFailure(
        'VSS_E_SNAPSHOT_SET_IN_PROGRESS',
        `Another import is running on ${params.host}; VSS imports one set at a time per host. Wait for it to finish`,
        'BUSY',
      );
    }
    this.importingOn.add(host);
    try {
      return await this.run(
        'importSnapshotSet',
        (state, context) => onHost(state, params.host, () => importSet(state, params, context)),
        (state) => markImportFailed(state, params),
      );
    } finally {
      this.importingOn.delete(host);
    }
  }

  breakSnapshotSet(params: { setId: string; mode: BreakMode }): Promise<OperationResult> {
    return this.run('breakSnapshotSet', (state) => breakSet(state, params));
  }

  setVolumesReadWrite(params: { host: string; lunIds: string[]; driveLetters?: DriveLetters }): Promise<OperationResult> {
    return this.run('setVolumesReadWrite', (state, context) =>
      onHost(state, params.host, () => setVolumesReadWrite(state, params, context)),
    );
  }

  async readPartitions(params: { host: string; lunIds: string[] }): Promise<PartitionReading[]> {
    const state = this.read();
    return onHost(state, params.host, () => readPartitions(state, params));
  }

  rescanHostStorage(params: { host: string }): Promise<OperationResult> {
    return this.run('rescanHostStorage', (state) => onHost(state, params.host, () => rescanHost(state, params)));
  }

  exposeShadowCopy(params: { setId: string; shadowCopyId: string; driveLetter: string }): Promise<OperationResult> {
    return this.run('exposeShadowCopy', (state) => exposeShadowCopy(state, params));
  }

  suspendResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.run('suspendResource', (state) => onHost(state, params.onNode, () => suspendResource(state, params)));
  }

  resumeResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.run('resumeResource', (state) => onHost(state, params.onNode, () => resumeResource(state, params)));
  }

  stopResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.run('stopResource', (state) => onHost(state, params.onNode, () => stopResource(state, params)));
  }

  startResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.run('startResource', (state) => onHost(state, params.onNode, () => startResource(state, params)));
  }

  startApplicationResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.run('startApplicationResource', (state) => onHost(state, params.onNode, () => startApplicationResource(state, params)));
  }

  stopApplicationResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.run('stopApplicationResource', (state) => onHost(state, params.onNode, () => stopApplicationResource(state, params)));
  }

  moveGroup(params: { cluster: string; group: string; node: string }): Promise<OperationResult> {
    return this.run('moveGroup', (state) => moveGroup(state, params));
  }

  setResourceDiskIdentity(params: ResourceRef & { signature: string }): Promise<OperationResult> {
    return this.run('setResourceDiskIdentity', (state) => setResourceDiskIdentity(state, params));
  }

  /** Read on the host itself, as Windows is, so a host remoting cannot reach fails the reading. */
  async readDomainController(reading: DomainControllerReading): Promise<DomainController | null> {
    const state = this.read();
    return onHost(state, reading.host, () => readLabDomainController(state, reading, this.now()));
  }

  restartDomainController(params: { host: string; mode: DcBootMode }): Promise<OperationResult> {
    return this.run('restartDomainController', (state, context) => onHost(state, params.host, () => restartDc(state, params, context.now)));
  }

  setDatabaseRestoredFlag(params: { host: string; restored: boolean }): Promise<OperationResult> {
    return this.run('setDatabaseRestoredFlag', (state) => onHost(state, params.host, () => setRestoredFlag(state, params)));
  }

  resyncSysvol(params: { host: string; authoritative: boolean }): Promise<OperationResult> {
    return this.run('resyncSysvol', (state, context) => onHost(state, params.host, () => resyncSysvol(state, params, context.now)));
  }

  /** The Windows commands a simulated call stands for. */
  async previewCommands(operations: readonly PlannedOperation[]): Promise<CommandPreview[]> {
    return windowsEquivalents(this.read(), operations);
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

  /**
   * One operation, end to end. Faults are consumed under the lock so two processes never fire the same
   * single-use fault; a crash "before" still saves that consumption, so a restarted drill moves on.
   */
  private async run<R extends OperationResult>(
    operation: LabOperationName,
    apply: (state: LabState, context: OperationContext) => R | FailedWithEffect,
    onInjectedFailure?: (state: LabState) => void,
  ): Promise<R> {
    // An operation sees every change this process queued before it was asked for (an armed fault, an edit).
    await this.store.settled();
    const current = this.read();
    const scale = this.options.latencyScale ?? current.settings.latencyScale;
    await sleep(this.modelledWaitMs(labOperations[operation].latencyMs * scale) + armedDelayMs(current, operation));

    let applied: Applied<R>;
    try {
      applied = await this.store.update((state): Applied<R> => {
        const fault = takeFault(state, operation);
        if (fault?.kind === 'fail') {
          onInjectedFailure?.(state);
          return { kind: 'failed', error: injectedFailure(operation), crashAfter: false };
        }
        if (fault?.kind === 'crash' && fault.crashPoint === 'before') return { kind: 'crash-before', crashAfter: false };
        const now = this.now();
        const outcome = apply(state, { now, partial: fault?.kind === 'partial' });
        // Domain controllers react to what the operation did to their disks, as Windows would.
        reconcileDomainControllers(state, now);
        const crashAfter = fault?.kind === 'crash';
        return outcome instanceof FailedWithEffect
          ? { kind: 'failed', error: outcome.error, crashAfter }
          : { kind: 'done', result: outcome, crashAfter };
      });
    } finally {
      // Our own change (or a refused one that re-read the file) is not news from another process.
      this.lastSeen = this.store.read();
    }

    if (applied.kind === 'crash-before') this.crash(`injected crash in ${operation}, before its effect was saved.`);
    if (applied.crashAfter) this.crash(`injected crash in ${operation}, after its effect was saved.`);
    if (applied.kind === 'failed') {
      this.notify(applied.error.message);
      throw applied.error;
    }
    this.notify(applied.result.summary);
    return applied.result;
  }

  /** One batch on one array: every LUN's drift checked first, then each changed in turn, under one latency. */
  private async runMaskBatch(masks: readonly LunMaskRequest[]): Promise<OperationResult[]> {
    await this.store.settled();
    const current = this.read();
    const scale = this.options.latencyScale ?? current.settings.latencyScale;
    await sleep(this.modelledWaitMs(labOperations.setLunMask.latencyMs * scale) + armedDelayMs(current, 'setLunMask'));
    let batch: { results: OperationResult[]; error: ShadowSwapError | null; crash: 'before' | 'after' | null };
    try {
      batch = await this.store.update((state) => {
        for (const mask of masks) refuseMaskDrift(state, mask);
        const results: OperationResult[] = [];
        for (const mask of masks) {
          const fault = takeFault(state, 'setLunMask');
          if (fault?.kind === 'fail') return { results, error: injectedFailure('setLunMask'), crash: null };
          if (fault?.kind === 'crash' && fault.crashPoint === 'before') return { results, error: null, crash: 'before' };
          results.push(setLunMask(state, mask));
          reconcileDomainControllers(state, this.now());
          if (fault?.kind === 'crash') return { results, error: null, crash: 'after' };
        }
        return { results, error: null, crash: null };
      });
    } finally {
      this.lastSeen = this.store.read();
    }
    const done = `${batch.results.length} of ${masks.length} LUN(s) of the batch changed`;
    if (batch.crash !== null) this.crash(`injected crash in setLunMask, ${batch.crash} its effect was saved (${done}).`);
    for (const result of batch.results) this.notify(result.summary);
    if (batch.error !== null) {
      this.notify(batch.error.message);
      throw batch.error;
    }
    return batch.results;
  }

  /** The array holding a LUN takes one masking call at a time: see onArray. */
  private onArrayOf<T>(lunId: string, call: () => Promise<T>): Promise<T> {
    return this.onArray(findLun(this.read(), lunId).arrayId, call);
  }

  /**
   * Masking calls to one array wait for each other. Nothing public says whether an array applies masking changes in
   * parallel or one controller at a time (docs/windows-facts.md#what-the-system-serializes), so the Lab models the
   * slower case; calls to different arrays run together.
   */
  private onArray<T>(arrayId: string, call: () => Promise<T>): Promise<T> {
    let queue = this.maskingQueues.get(arrayId);
    if (queue === undefined) this.maskingQueues.set(arrayId, (queue = new SerialQueue()));
    return queue.run(call);
  }

  private crash(message: string): never {
    return (this.options.crash ?? exitProcess)(message);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The current state; tells listeners when another process replaced it since we last looked. */
  private read(fresh = false): LabState {
    const state = fresh ? this.store.refresh() : this.store.read();
    if (state !== this.lastSeen) {
      this.lastSeen = state;
      this.notify('changed on disk');
    }
    return state;
  }

  private notify(reason: string): void {
    for (const listener of this.listeners) listener(reason);
  }

  private startWatching(): void {
    if (this.watcher) return;
    // Watch the folder, not the file: atomic replacement swaps the file's inode under a file watcher.
    this.watcher = fs.watch(this.store.dir, (_kind, name) => {
      if (name !== null && name !== STATE_FILE) return;
      try {
        this.read(true);
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
