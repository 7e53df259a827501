/**
 * The Windows backend: the Backend port driven by the real tools through the runner. Reads come from
 * discovery through the Storage Management API (state/san-discovery.ts), Get-Disk and the cluster cmdlets (as JSON),
 * the console's snapshot catalog, and the operator's optional SAN map for what discovery cannot see;
 * operations run diskshadow, vshadow, diskraid and the cluster cmdlets (see operations/: vss-operations, lun-masking,
 * cluster-operations). Failures become operator-language ShadowSwapErrors (windows-tools/errors.ts).
 *
 * State lives under <data-dir>/windows: snapshot-sets.json (the catalog), discovered-san.json (the last discovery),
 * san-map.json (optional, written by the operator), and import.lock.
 */
import os from 'node:os';
import path from 'node:path';
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
import type { CommandPreview, PreflightCheck } from '../../../../shared/recovery';
import type { SanReading } from '../../../../shared/san-reading';
import type { DcBootMode, DomainController, DomainControllerReading } from '../../../../shared/domain-controller';
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
import { moveGroup, runOwnerNodeOperation, setResourceDiskIdentity } from './operations/cluster-operations';
import { readPartitions, setDisksWritable } from './operations/disk-operations';
import * as domainControllers from './operations/domain-controller-operations';
import { setLunMask, setLunMasks } from './operations/lun-masking';
import { readNodeDisks, rescanNode } from './operations/node-storage';
import {
  parseClusterGroups,
  parseClusterNodes,
  parseClusterResources,
  parseDiskResourceParameters,
  parseResourceDependencies,
} from '../../windows-tools/parsers/parse-cluster';
import { parseDisks, type DiskInfo } from '../../windows-tools/parsers/parse-disk';
import {
  getClusterGroupCommand,
  getClusterNodeCommand,
  getClusterResourceCommand,
  getClusterResourceDependencyCommand,
  getDiskCommand,
  getDiskResourceParametersCommand,
} from '../../windows-tools/commands/powershell-commands';
import type { ProcessLauncher } from './running/process-launcher';
import { SanPictureStore } from './state/san-picture-store';
import { discoverSan } from './state/san-discovery';
import { SnapshotCatalog } from './state/snapshot-catalog';
import { ToolRunner, type ToolRunnerOptions } from './running/tool-runner';
import { transcriptFile } from './running/transcript';
import { breakSnapshotSet, createSnapshotSet, exposeShadowCopy, importSnapshotSet } from './operations/vss-operations';
import { isThisComputer, powershellJson, type WindowsContext } from './state/windows-context';
import { windowsPreflightChecks } from './windows-preflight';
import { readDomainController } from './domain-controller-reading';
import { windowsScopeChecks } from './windows-scope-checks';
import { renderCall } from '../../windows-tools/render-operation';
import { unreadableAnswer } from '../../windows-tools/errors';
import { ParseError } from '../../windows-tools/parsers/parse-error';
import { windowsAddressing } from './state/windows-addressing';
import { hasUnlinkedCopy, linkShadowLuns } from './state/shadow-links';
import { isHeld, withHeldShadowCopies } from './state/held-shadow-copies';
import { clusterView, hostsView, isPhysicalDisk, lunView } from './state/windows-views';

export interface WindowsBackendOptions {
  dataDir: string;
  /** How tools are started: the real spawner by default; a ReplayLauncher replays a recorded session. */
  launcher?: ProcessLauncher;
  /** A JSON-lines file every tool call is appended to. */
  transcript?: string;
  /** Runner settings beyond the launcher and transcript (tool paths, timeouts, scratch folder). */
  runner?: Omit<ToolRunnerOptions, 'launcher' | 'transcript'>;
  /** This computer's name; default os.hostname(). */
  thisComputer?: string;
  now?: () => Date;
}

export class WindowsBackend implements Backend {
  private readonly context: WindowsContext;
  private readonly stateDir: string;
  private readonly listeners = new Set<(reason: string) => void>();
  /** The tail of the queue of calls that run tools (see inTurn). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: WindowsBackendOptions) {
    this.stateDir = path.join(options.dataDir, 'windows');
    this.context = {
      runner: new ToolRunner({
        ...options.runner,
        ...(options.launcher === undefined ? {} : { launcher: options.launcher }),
        ...(options.transcript === undefined ? {} : { transcript: transcriptFile(options.transcript) }),
      }),
      catalog: new SnapshotCatalog(this.stateDir),
      sanMap: new SanPictureStore(this.stateDir),
      thisComputer: options.thisComputer ?? os.hostname(),
      defaultMetadataDir: path.win32.join(this.stateDir, 'metadata'),
      now: options.now ?? (() => new Date()),
    };
  }

  describe(): BackendInfo {
    return { kind: 'windows', label: `Windows (${this.context.thisComputer})`, dataDir: this.stateDir };
  }

  preflightChecks(scope?: PreflightScope): Promise<PreflightCheck[]> {
    return this.inTurn(async () => [
      ...(await windowsPreflightChecks(this.context.runner)),
      ...(scope === undefined ? [] : await windowsScopeChecks(this.context, scope)),
    ]);
  }

  /**
   * Discovers the SAN (state/san-discovery.ts), then lists its arrays with where each one's picture comes from:
   * the inventory's arrays page is where an operator sees what discovery found and when.
   */
  listArrays(): Promise<StorageArray[]> {
    return this.inTurn(async () => {
      await discoverSan(this.context);
      const picture = this.context.sanMap.read();
      return picture.arrays.map(({ diskraidSubsystem: _subsystem, ...array }) => ({ ...array, source: picture.sources[array.id] }));
    });
  }

  /** When discovery last ran (state/san-discovery.ts) and what it could not read; never read: null. */
  async sanReading(): Promise<SanReading> {
    const discovery = this.context.sanMap.discovery();
    if (discovery === null) return { readAt: null, failures: [] };
    return {
      readAt: discovery.discoveredAt,
      failures: [
        ...(discovery.error === null ? [] : [{ kind: 'array' as const, name: 'The Storage Management API', reason: discovery.error }]),
        ...discovery.hosts.flatMap((host) => (host.error === null ? [] : [{ kind: 'host' as const, name: host.name, reason: host.error }])),
      ],
    };
  }

  /** Every LUN in the SAN map, with what the mapped hosts' Get-Disk says about it. */
  listLuns(): Promise<Lun[]> {
    return this.inTurn(() => this.readLuns());
  }

  private async readLuns(): Promise<Lun[]> {
    const map = this.context.sanMap.read();
    const disks = new Map<string, DiskInfo>();
    for (const host of map.hosts) {
      const command = getDiskCommand(isThisComputer(this.context, host.name) ? {} : { computer: host.name });
      for (const disk of await powershellJson(this.context, command, parseDisks)) {
        if (disk.uniqueId !== null && !disks.has(disk.uniqueId.toLowerCase())) disks.set(disk.uniqueId.toLowerCase(), disk);
      }
    }
    return map.luns.map((lun) => lunView(lun, disks.get(lun.uniqueId.toLowerCase())));
  }

  async listHosts(): Promise<Host[]> {
    return hostsView(this.context.sanMap.read());
  }

  /**
   * The catalog's sets, those imported or exposed as Win32_ShadowCopy lists them on the host holding them
   * (state/held-shadow-copies.ts; only then does it wait its turn, for those CIM calls). A shadow copy not linked to its array LUN yet is linked
   * as soon as a LUN the SAN map knows has one of the identifiers its provider recorded, and the link is kept
   * (state/shadow-links.ts).
   */
  async listSnapshotSets(): Promise<SnapshotSet[]> {
    const sets = await this.linkedSnapshotSets();
    if (!sets.some(isHeld)) return sets;
    return this.inTurn(async () => withHeldShadowCopies(this.context, await this.linkedSnapshotSets()));
  }

  private async linkedSnapshotSets(): Promise<SnapshotSet[]> {
    const sets = this.context.catalog.list();
    if (!sets.some(hasUnlinkedCopy)) return sets;
    const luns = this.context.sanMap.read().luns;
    const linked = [];
    for (const set of sets) {
      const now = linkShadowLuns(set, luns);
      if (now !== set) await this.context.catalog.put(now);
      linked.push(now);
    }
    return linked;
  }

  /** The clusters the SAN map's hosts belong to, read with -Cluster from this computer. */
  listClusters(): Promise<Cluster[]> {
    return this.inTurn(() => this.readClusters());
  }

  private async readClusters(): Promise<Cluster[]> {
    // One reading per cluster, named as the SAN map spells it: the hosts' clusterName is how a host finds its cluster.
    const names = new Map<string, string>();
    for (const host of this.context.sanMap.read().hosts) {
      if (host.clusterName !== null && !names.has(host.clusterName.toLowerCase()))
        names.set(host.clusterName.toLowerCase(), host.clusterName);
    }
    const clusters: Cluster[] = [];
    for (const cluster of names.values()) {
      const resources = await powershellJson(this.context, getClusterResourceCommand({ cluster }), parseClusterResources);
      // Which application resources a disk takes down with it when it is stopped.
      const dependencies = await powershellJson(this.context, getClusterResourceDependencyCommand({ cluster }), parseResourceDependencies);
      const disks = [];
      for (const resource of resources.filter(isPhysicalDisk)) {
        disks.push({
          resource,
          parameters: await powershellJson(
            this.context,
            getDiskResourceParametersCommand({ cluster, resource: resource.name }),
            parseDiskResourceParameters,
          ),
        });
      }
      clusters.push(
        clusterView({
          name: cluster,
          nodes: await powershellJson(this.context, getClusterNodeCommand({ cluster }), parseClusterNodes),
          groups: await powershellJson(this.context, getClusterGroupCommand({ cluster }), parseClusterGroups),
          resources,
          disks,
          dependencies,
        }),
      );
    }
    return clusters;
  }

  /** Get-Disk run on `host` through remoting: what that node lists itself. */
  listHostDisks(host: string): Promise<HostDisk[]> {
    return this.inTurn(() => readNodeDisks(this.context, host));
  }

  /**
   * Not built: where a database keeps its files is SQL Server's to say (sys.master_files), and nothing here reads it,
   * so every LUN of an application's group stays in its consistency group (docs/recovery-procedure.md#leaving-luns-out-of-the-scope).
   */
  async readLunFiles(): Promise<null> {
    return null;
  }

  createSnapshotSet(params: { host: string; lunIds: string[]; persistent: boolean }): Promise<SnapshotSetCreated> {
    return this.changed(() => createSnapshotSet(this.context, params));
  }

  setLunMask(params: LunMaskRequest): Promise<OperationResult> {
    return this.changed(() => setLunMask(this.context, params));
  }

  /**
   * The batch form: on a Storage Management array one masking-set change per masking set and direction, naming every
   * virtual disk of the batch; each VDS-only LUN in its own checked diskraid session (operations/lun-masking.ts).
   */
  setLunMasks(params: { masks: LunMaskRequest[] }): Promise<OperationResult> {
    return this.changed(() => setLunMasks(this.context, params.masks));
  }

  /** No model of a real estate's durations: the critical path says "unknown" rather than guess. */
  expectedDurationMs(): number | null {
    return null;
  }

  importSnapshotSet(params: { setId: string; host: string }): Promise<ImportResult> {
    return this.changed(() => importSnapshotSet(this.context, params, this.stateDir));
  }

  breakSnapshotSet(params: { setId: string; mode: BreakMode }): Promise<OperationResult> {
    return this.changed(() => breakSnapshotSet(this.context, params));
  }

  /** Makes each LUN's disk writable and its volumes usable (Set-Disk, Set-Partition) as `host` sees them, and checks both read back. */
  setVolumesReadWrite(params: { host: string; lunIds: string[]; driveLetters?: DriveLetters }): Promise<OperationResult> {
    return this.changed(() => setDisksWritable(this.context, params));
  }

  readPartitions(params: { host: string; lunIds: string[] }): Promise<PartitionReading[]> {
    return readPartitions(this.context, params);
  }

  rescanHostStorage(params: { host: string }): Promise<OperationResult> {
    return this.changed(() => rescanNode(this.context, params));
  }

  exposeShadowCopy(params: { setId: string; shadowCopyId: string; driveLetter: string }): Promise<OperationResult> {
    return this.changed(() => exposeShadowCopy(this.context, params));
  }

  suspendResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.changed(() => runOwnerNodeOperation(this.context, 'suspendResource', params));
  }

  resumeResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.changed(() => runOwnerNodeOperation(this.context, 'resumeResource', params));
  }

  stopResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.changed(() => runOwnerNodeOperation(this.context, 'stopResource', params));
  }

  startResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.changed(() => runOwnerNodeOperation(this.context, 'startResource', params));
  }

  startApplicationResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.changed(() => runOwnerNodeOperation(this.context, 'startApplicationResource', params));
  }

  stopApplicationResource(params: ResourceOnNode): Promise<OperationResult> {
    return this.changed(() => runOwnerNodeOperation(this.context, 'stopApplicationResource', params));
  }

  moveGroup(params: { cluster: string; group: string; node: string }): Promise<OperationResult> {
    return this.changed(() => moveGroup(this.context, params));
  }

  setResourceDiskIdentity(params: ResourceRef & { signature: string }): Promise<OperationResult> {
    return this.changed(() => setResourceDiskIdentity(this.context, params));
  }

  /** Windows itself says whether the host is a DC (its DomainRole); the SAN map is not asked. */
  readDomainController(reading: DomainControllerReading): Promise<DomainController | null> {
    return this.inTurn(() => readDomainController(this.context, reading));
  }

  restartDomainController(params: { host: string; mode: DcBootMode }): Promise<OperationResult> {
    return this.changed(() => domainControllers.restartDomainController(this.context, params));
  }

  setDatabaseRestoredFlag(params: { host: string; restored: boolean }): Promise<OperationResult> {
    return this.changed(() => domainControllers.setDatabaseRestoredFlag(this.context, params));
  }

  resyncSysvol(params: { host: string; authoritative: boolean }): Promise<OperationResult> {
    return this.changed(() => domainControllers.resyncSysvol(this.context, params));
  }

  /** Reads only the SAN map and the catalog, so it neither waits its turn nor adds calls to a transcript. */
  async previewCommands(operations: readonly PlannedOperation[]): Promise<CommandPreview[]> {
    return renderCall(operations, windowsAddressing(this.context));
  }

  onChange(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  /**
   * Runs one tool-driving call after the previous one has finished. The tools share VSS and the array's provider
   * (two diskshadow or diskraid sessions at once fail or interleave their effects), and a transcript replays only
   * if its calls happened in one order: concurrent calls would be recorded as they finished but replayed as they
   * started.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(work).catch((error: unknown) => {
      // A parser's error is about a tool's answer: the operator hears it as such, not as a ShadowSwap bug.
      throw error instanceof ParseError ? unreadableAnswer(error) : error;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Tells listeners once an operation succeeded; a failed one may still have changed things, so it says so too. */
  private async changed<R extends OperationResult>(operation: () => Promise<R>): Promise<R> {
    try {
      const result = await this.inTurn(operation);
      for (const listener of this.listeners) listener(result.summary);
      return result;
    } catch (error) {
      for (const listener of this.listeners) listener('A Windows operation failed; the estate may have changed.');
      throw error;
    }
  }
}

export function createWindowsBackend(options: WindowsBackendOptions): WindowsBackend {
  return new WindowsBackend(options);
}
