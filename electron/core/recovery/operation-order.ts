/**
 * What may run together: the one set of rules the engine schedules a step's operations by and the critical path
 * is computed from, so the figure shown beside the expected outage is the limit of what the engine really does.
 * Pure: no backend, no clock. The rules and their sources (docs/windows-facts.md#what-the-system-serializes):
 * - the steps of the procedure run in their order, one after another (docs/recovery-procedure.md#the-steps);
 * - inside a step, operations on different objects run together; two on the same object keep their order;
 * - the access-list changes of one step go to the backend as one batch (the masking-set cmdlets name several
 *   virtual disks in one call: docs/windows-facts.md#masking-sets-add-and-remove);
 * - an application resource waits for the application resources listed before it in its step (the plan lists
 *   them providers first to start, dependents first to stop), a disk waits for the applications stopped before it,
 *   and an application started waits for the disks before it: a resource after what it depends on
 *   (docs/windows-facts.md#stopping-and-starting-resources-and-their-dependents);
 * - one import at a time per host (docs/windows-facts.md#one-import-at-a-time-per-host): two imports on one host
 *   are the same object, so they keep their order.
 */
import type { PlannedOperation } from '../backend';

/** One call to the backend: a single operation, or a batch of operations the tool changes in one call. */
export interface OperationUnit {
  /** Indexes into the step's operations. */
  members: number[];
  /** Indexes of the units that must end before this one starts. */
  after: number[];
}

const APPLICATION_OPERATIONS = new Set<PlannedOperation['operation']>(['startApplicationResource', 'stopApplicationResource']);
const DISK_RESOURCE_OPERATIONS = new Set<PlannedOperation['operation']>([
  'stopResource',
  'startResource',
  'suspendResource',
  'resumeResource',
  'setResourceDiskIdentity',
]);

/** The object an operation changes: two operations on one object never overlap. */
export function objectOf(operation: PlannedOperation): string {
  switch (operation.operation) {
    case 'setLunMask':
      return `lun:${operation.lunId}`;
    case 'importSnapshotSet':
      return `import-on:${operation.host.toUpperCase()}`;
    case 'breakSnapshotSet':
      return `set:${operation.setId}`;
    case 'setVolumesReadWrite':
      return `volumes-on:${operation.host.toUpperCase()}`;
    case 'rescanHostStorage':
      return `storage-cache-of:${operation.host.toUpperCase()}`;
    case 'restartDomainController':
    case 'setDatabaseRestoredFlag':
    case 'resyncSysvol':
      return `domain-controller:${operation.host.toUpperCase()}`;
    default:
      return `resource:${operation.cluster}/${operation.resource}`;
  }
}

/** Whether `later` must wait for `earlier` (listed before it in the same step). */
function mustFollow(earlier: PlannedOperation, later: PlannedOperation): boolean {
  if (objectOf(earlier) === objectOf(later)) return true;
  const earlierIsApp = APPLICATION_OPERATIONS.has(earlier.operation);
  const laterIsApp = APPLICATION_OPERATIONS.has(later.operation);
  if (earlierIsApp && laterIsApp) return true;
  if (earlier.operation === 'stopApplicationResource' && DISK_RESOURCE_OPERATIONS.has(later.operation)) return true;
  // A clustered disk's volumes change only inside its maintenance window: after the Suspend, before the Resume
  // (docs/windows-facts.md#clustered-disk-changes-need-maintenance-mode-and-online).
  if (later.operation === 'setVolumesReadWrite' && DISK_RESOURCE_OPERATIONS.has(earlier.operation)) return true;
  if (earlier.operation === 'setVolumesReadWrite' && DISK_RESOURCE_OPERATIONS.has(later.operation)) return true;
  return later.operation === 'startApplicationResource' && DISK_RESOURCE_OPERATIONS.has(earlier.operation);
}

/**
 * A step's operations as the calls the engine makes, each with the calls it waits for. `batches` false: one
 * operation per call, as when one operation runs at a time.
 */
export function unitsOf(operations: readonly PlannedOperation[], batches = true): OperationUnit[] {
  const masks = batches ? operations.flatMap((op, index) => (op.operation === 'setLunMask' ? [index] : [])) : [];
  const unitOf = new Map<number, number>();
  const units: OperationUnit[] = [];
  operations.forEach((operation, index) => {
    if (masks.includes(index) && masks[0] !== index) return;
    const members = masks.includes(index) ? masks : [index];
    const after = new Set<number>();
    for (const member of members)
      for (let earlier = 0; earlier < member; earlier += 1) {
        const unit = unitOf.get(earlier);
        if (unit !== undefined && mustFollow(operations[earlier] as PlannedOperation, operations[member] as PlannedOperation))
          after.add(unit);
      }
    for (const member of members) unitOf.set(member, units.length);
    units.push({ members, after: [...after] });
  });
  return units;
}

/**
 * How long a plan's steps take when each step's calls run as the rules allow, at most `atOnce` calls of a step
 * at a time, each lasting what `durationOf` says; null when a duration is unknown. With no bound this is the
 * critical path: the least time the operations allow.
 */
export function scheduledMs(
  steps: ReadonlyArray<readonly PlannedOperation[]>,
  durationOf: (unit: PlannedOperation[]) => number | null,
  atOnce = Infinity,
): number | null {
  let total = 0;
  for (const operations of steps) {
    const units = unitsOf(operations, atOnce > 1);
    const durations = units.map((unit) => durationOf(unit.members.map((i) => operations[i] as PlannedOperation)));
    if (durations.some((d) => d === null)) return null;
    total += stepMs(units, durations as number[], atOnce);
  }
  return total;
}

/** One step, simulated: a ready call starts as soon as a slot is free, in the order the plan lists them. */
function stepMs(units: readonly OperationUnit[], durations: readonly number[], atOnce: number): number {
  // When each call ends, set as it starts.
  const endsAt: Array<number | null> = units.map(() => null);
  const endedBy = (unit: number, now: number) => endsAt[unit] !== null && (endsAt[unit] as number) <= now;
  let now = 0;
  let started = 0;
  while (started < units.length) {
    let free = atOnce - endsAt.filter((end) => end !== null && end > now).length;
    let startedNow = 0;
    for (const [index, unit] of units.entries()) {
      if (free <= 0) break;
      if (endsAt[index] !== null || !unit.after.every((u) => endedBy(u, now))) continue;
      endsAt[index] = now + (durations[index] ?? 0);
      free -= 1;
      started += 1;
      startedNow += 1;
    }
    const upcoming = endsAt.filter((end): end is number => end !== null && end > now);
    if (upcoming.length > 0) now = Math.min(...upcoming);
    else if (startedNow === 0) break;
  }
  return Math.max(0, ...endsAt.map((end) => end ?? 0));
}
