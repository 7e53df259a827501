/**
 * The Backend port: everything the core asks of a SAN, its Windows hosts and their cluster.
 * The Lab implements it with a simulation; the Windows backend with diskshadow, diskraid and PowerShell.
 * Read methods return domain objects from shared/domain; nothing here knows which door asked.
 *
 * Every operation takes plain names and ids, returns an OperationResult in an operator's words, and
 * throws ShadowSwapError: PRECONDITION_FAILED for a wrong order or a wrong node, BACKEND_FAILED with
 * details {hresult, symbol} when the tool or provider failed, NOT_FOUND, BUSY. No operation deletes a
 * LUN or a shadow copy.
 */
import type { CommandPreview, PreflightCheck } from '../../shared/recovery';
import type { DriveLetters } from '../../shared/recovery-step-params';
import type { SanReading } from '../../shared/san-reading';
import type { DcBootMode, DomainController, DomainControllerReading } from '../../shared/domain-controller';
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
} from '../../shared/domain';

/** `*` in a mask means every host, present and future; an empty list means nobody. */
export const ALL_HOSTS = '*';

/** A cluster resource (a Physical Disk, or an application resource such as SQL Server), named as the cmdlets name it. */
export interface ResourceRef {
  cluster: string;
  resource: string;
}

/** A cluster call that must run on the node owning the resource (Suspend/Resume/Start/Stop-ClusterResource). */
export interface ResourceOnNode extends ResourceRef {
  onNode: string;
}

/**
 * One LUN's access list as a caller asks for it. `expected`: the list the caller believes the LUN has now (drift is
 * refused). `diskHolder`: the cluster node that owns the disk resource the LUN backs, as the plan read it; on a
 * VDS-only array diskraid runs there, with `uninstall`, when that node loses the LUN. Absent for a LUN no cluster
 * disk resource uses: the catalog says who holds it (docs/windows-facts.md#diskraid-uninstall-runs-on-a-host-that-loses-the-lun).
 */
export interface LunMaskRequest {
  lunId: string;
  hosts: string[];
  expected?: string[];
  diskHolder?: string;
}

/** A disk identity a resource is pointed at: known, or assigned by VSS at a writable break (only its style is known before). */
export type PlannedDiskIdentity = { signature: string } | { assignedAtBreak: 'MBR' | 'GPT' };

/**
 * An operation a recovery plan schedules, named after the Backend method that will run it, with that method's
 * params. A mask also carries the access list the plan expects the LUN to have when the step runs (earlier
 * steps change it), because what diskraid is told depends on it (`uninstall` when this computer loses the disk),
 * and, for a clustered LUN, the node the plan read as owning its disk, where diskraid runs (LunMaskRequest).
 * A disk identity change carries the owner node the plan read, since previewing reads nothing from the cluster; a
 * break carries the host that imports the set, where it runs (the set records that host only once imported).
 */
export type PlannedOperation =
  | { operation: 'setLunMask'; lunId: string; hosts: string[]; before: string[]; diskHolder?: string }
  | { operation: 'importSnapshotSet'; setId: string; host: string }
  | { operation: 'breakSnapshotSet'; setId: string; mode: BreakMode; host: string }
  | { operation: 'setVolumesReadWrite'; host: string; lunIds: string[]; driveLetters: DriveLetters }
  | { operation: 'rescanHostStorage'; host: string }
  | (ResourceOnNode & {
      operation:
        'stopResource' | 'startResource' | 'suspendResource' | 'resumeResource' | 'startApplicationResource' | 'stopApplicationResource';
    })
  | (ResourceOnNode & { operation: 'setResourceDiskIdentity'; identity: PlannedDiskIdentity })
  | { operation: 'restartDomainController'; host: string; mode: DcBootMode }
  | { operation: 'setDatabaseRestoredFlag'; host: string; restored: boolean }
  | { operation: 'resyncSysvol'; host: string; authoritative: boolean };

export type { DriveLetters };

/**
 * A data partition of a LUN's disk as a host sees it (Get-Partition): where it is mounted, and the attributes a
 * shadow copy leaves on it (docs/windows-facts.md#partition-attributes-after-the-break).
 */
export interface PartitionState {
  number: number;
  /** `E:`, or null when the partition has no drive letter. */
  driveLetter: string | null;
  /** Folder mount points (drive letters are in driveLetter). */
  mountPoints: string[];
  readOnly: boolean;
  hidden: boolean;
  shadowCopy: boolean;
  noDefaultDriveLetter: boolean;
}

/** A LUN's data partitions as one host sees them; `present` is false when the host does not see the LUN's disk. */
export interface PartitionReading {
  lunId: string;
  present: boolean;
  partitions: PartitionState[];
}

/**
 * What keeps a LUN's volumes from being usable after step 5, in an operator's words (empty when they are usable): an
 * attribute the shadow copy left, or the original's drive letter missing. Step 5's probe, its Windows action and
 * verify all judge a reading by this.
 */
export function partitionProblems(partitions: readonly PartitionState[], driveLetter: string | null): string[] {
  if (partitions.length === 0) return ['no data partition was found on the disk'];
  const problems = partitions.flatMap((p) => {
    const left = [
      p.readOnly && 'read-only',
      p.hidden && 'hidden',
      p.shadowCopy && 'shadow copy',
      p.noDefaultDriveLetter && 'no default drive letter',
    ];
    const flags = left.filter((f): f is string => typeof f === 'string');
    return flags.length === 0 ? [] : [`partition ${p.number} is still ${flags.join(', ')}`];
  });
  if (driveLetter !== null && !partitions.some((p) => p.driveLetter?.toUpperCase() === driveLetter.toUpperCase()))
    problems.push(
      `no partition has the drive letter ${driveLetter} the original had (${partitions.map((p) => `partition ${p.number}: ${p.driveLetter ?? 'none'}`).join(', ')})`,
    );
  return problems;
}

/**
 * What a recovery will ask of the estate, so the backend can check before anything destructive starts that it can:
 * reach the importing host (every tool of the import runs there, through remoting) and give each recovered LUN to
 * the hosts that must see it (on a Storage Management array, a masking set for each).
 */
export interface PreflightScope {
  setId: string;
  importHost: string;
  /** Each LUN a recovery will unmask, with the hosts it will be unmasked to. */
  exposures: { lunId: string; hosts: string[] }[];
}

/**
 * What an import surfaced on the host. The provider may surface only some of the set's shadow LUNs in time,
 * and the tools report that as a success: a partial import resolves with `partial` set, and the set must
 * not be broken until an import surfaces the rest (nothing cleans up after it but the requester).
 */
export interface ImportResult extends OperationResult {
  partial: PartialImport | null;
}

export interface PartialImport {
  /** The shadow copies (ids) that surfaced, and those that did not; null when the tool does not say which. */
  imported: string[] | null;
  notImported: string[] | null;
  /** What happened and what to do about it, in the words of the backend that ran the tool. */
  explanation: string;
}

/**
 * A disk as one host lists it (Get-Disk run on that host, MSFT_Disk), matched to its LUN by UniqueId, the page 0x83
 * identifier (docs/windows-facts.md#uniqueid-is-the-page-0x83-identifier): what that node itself sees, not what
 * the masking record says it should.
 */
export interface HostDisk {
  /** The LUN whose identifier the disk reports; null for a disk of no known LUN (a local disk). */
  lunId: string | null;
  uniqueId: string | null;
  /** The disk number on that host (numbers differ between nodes and change across rescans). */
  number: number | null;
  readOnly: boolean | null;
  offline: boolean | null;
  /** The disk identity the cluster matches it by: the MBR signature or the GPT disk GUID, as Lun.signature; null for a raw disk. */
  signature: string | null;
}

export interface Backend {
  describe(): BackendInfo;
  /** Checks only this backend can make before a recovery (tools present, elevated, OS version, the scope's hosts...). */
  preflightChecks(scope?: PreflightScope): Promise<PreflightCheck[]>;
  listArrays(): Promise<StorageArray[]>;
  /** When the SAN was last read and which arrays or hosts could not be, for the inventory pages' notice. */
  sanReading(): Promise<SanReading>;
  listLuns(): Promise<Lun[]>;
  listHosts(): Promise<Host[]>;
  listSnapshotSets(): Promise<SnapshotSet[]>;
  listClusters(): Promise<Cluster[]>;
  /** The disks `host` itself lists now (Get-Disk run there, through remoting): a LUN unmasked to it since its last rescan may be missing. */
  listHostDisks(host: string): Promise<HostDisk[]>;
  /**
   * The names of the files each LUN's volumes hold, for telling database data, transaction logs, tempdb and
   * backups apart (docs/recovery-procedure.md#leaving-luns-out-of-the-scope); null when this backend cannot read them.
   */
  readLunFiles(lunIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]> | null>;

  /** Step 1: a transportable hardware shadow copy of LUNs the host sees (diskshadow set option transportable + create). */
  createSnapshotSet(params: { host: string; lunIds: string[]; persistent: boolean }): Promise<SnapshotSetCreated>;
  /**
   * Steps 2b and 6a: gives the LUN exactly this access list: through masking sets (add/remove) on a Storage
   * Management array, by replacing it (IVdsLun::SetMask) on a VDS-only one. With `expected`, refuses before any
   * change when the array shows another list (drift), naming the difference.
   */
  setLunMask(params: LunMaskRequest): Promise<OperationResult>;
  /**
   * The batch form of setLunMask: several LUNs' access lists in as few array calls as the array takes (on a Storage
   * Management array, one masking-set change naming several virtual disks). Each LUN is refused on drift before it
   * changes (the Lab checks them all before any change). A batch that fails part-way may have changed some of its LUNs: the caller reads them back to know which.
   */
  setLunMasks(params: { masks: LunMaskRequest[] }): Promise<OperationResult>;
  /**
   * How long one call is expected to take, in milliseconds: a planned operation, or several the tool changes in one
   * call (operation-order.ts says which); null when this backend does not know. What the critical path is made of.
   */
  expectedDurationMs(operations: readonly PlannedOperation[]): number | null;
  /** Step 3: load metadata + import on a host; one import at a time per host. A partial import resolves (see ImportResult). */
  importSnapshotSet(params: { setId: string; host: string }): Promise<ImportResult>;
  /** Step 4: BreakSnapshotSet (plain), diskshadow break writable, or BreakSnapshotSetEx with REVERT_IDENTITY_ALL. */
  breakSnapshotSet(params: { setId: string; mode: BreakMode }): Promise<OperationResult>;
  /**
   * Step 5, as seen from a host: makes these LUNs' disks writable, clears the attributes the shadow copy left on
   * their data partitions (read-only, hidden, shadow copy, no default drive letter) and gives each volume the drive
   * letter in `driveLetters`. On a clustered disk only while its resource is online in maintenance mode
   * (docs/windows-facts.md#clustered-disk-changes-need-maintenance-mode-and-online).
   */
  setVolumesReadWrite(params: { host: string; lunIds: string[]; driveLetters?: DriveLetters }): Promise<OperationResult>;
  /** The data partitions of these LUNs' disks as a host sees them: what step 5's probe and verify read back. */
  readPartitions(params: { host: string; lunIds: string[] }): Promise<PartitionReading[]>;
  /**
   * After an unmask: Update-HostStorageCache on `host` (through remoting), so that it discovers the LUNs it was given;
   * until a node rescans, it may not list a newly unmasked LUN (docs/windows-facts.md#rescan-with-update-hoststoragecache).
   */
  rescanHostStorage(params: { host: string }): Promise<OperationResult>;
  /** diskshadow expose: a drive letter for an imported persistent shadow copy, read-only. */
  exposeShadowCopy(params: { setId: string; shadowCopyId: string; driveLetter: string }): Promise<OperationResult>;

  /** Step 2a: Suspend-ClusterResource (maintenance mode), on the owner node. */
  suspendResource(params: ResourceOnNode): Promise<OperationResult>;
  /** Step 6b: Resume-ClusterResource, on the owner node; health checking resumes and must find the disk. */
  resumeResource(params: ResourceOnNode): Promise<OperationResult>;
  /** Step 2a: Stop-ClusterResource, on the owner node; dependents go offline first. */
  stopResource(params: ResourceOnNode): Promise<OperationResult>;
  /** Step 6b: Start-ClusterResource, on the owner node; fails (event 1034) unless it sees the expected disk. */
  startResource(params: ResourceOnNode): Promise<OperationResult>;
  /**
   * Start-ClusterResource on an application resource (SQL Server, a network name), on the owner node: what it
   * depends on comes online first. Starting a disk never starts its dependents, so a recovery that stopped the
   * disks starts them with this.
   */
  startApplicationResource(params: ResourceOnNode): Promise<OperationResult>;
  /** Stop-ClusterResource on an application resource, on the owner node; its own dependents go offline first. */
  stopApplicationResource(params: ResourceOnNode): Promise<OperationResult>;
  /** Move-ClusterGroup: a new owner node; maintenance mode is cleared and online resources come up there. */
  moveGroup(params: { cluster: string; group: string; node: string }): Promise<OperationResult>;
  /** Last resort: Set-ClusterParameter DiskSignature / DiskIdGuid on an offline resource. */
  setResourceDiskIdentity(params: ResourceRef & { signature: string }): Promise<OperationResult>;

  /**
   * The one reading of a host as a domain controller, or null when its DomainRole says it is not one: boot mode, NTDS
   * and Netlogon values, events, shares, the domain's DCs; with `domainFacts`, the tombstone lifetime, replication
   * failures and operations masters (preflight); with `health`, repadmin and dcdiag (verify). Runs on the host itself.
   */
  readDomainController(reading: DomainControllerReading): Promise<DomainController | null>;
  /**
   * Restarts a DC into DSRM (`bcdedit /set {default} safeboot dsrepair`) or back to a normal start (`bcdedit
   * /deletevalue {default} safeboot`) and waits until it answers remoting again. Never run from the DC itself.
   */
  restartDomainController(params: { host: string; mode: DcBootMode }): Promise<OperationResult>;
  /** Sets (or, on rollback, removes) NTDS\Parameters `Database restored from backup` = 1, in DSRM. */
  setDatabaseRestoredFlag(params: { host: string; restored: boolean }): Promise<OperationResult>;
  /** SYSVOL after a restore, per KB 2218556 (DFSR): from a partner, or authoritative when the DC is the only one. */
  resyncSysvol(params: { host: string; authoritative: boolean }): Promise<OperationResult>;

  /**
   * The exact commands this backend will run for one call: a planned operation, or several the engine sends as one
   * batch (operation-order.ts says which), rendered by the same code that runs them (the Lab: the Windows commands it
   * stands in for). Changes nothing and starts no tool.
   */
  previewCommands(operations: readonly PlannedOperation[]): Promise<CommandPreview[]>;

  /** Called when the backend's state changed (our operations, another process, a tool); returns an unsubscribe. */
  onChange(listener: (reason: string) => void): () => void;
  close(): Promise<void>;
}
