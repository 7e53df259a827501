/**
 * Cluster resources, shared by the step kinds that take the disk resources away and give them back, start
 * what depended on them, and verify: driving disk resources to a state on the node that owns them now,
 * and starting or stopping the application resources that depend on the disks.
 */
import type { DiskResource } from '../../../../shared/domain';
import type { ResourceTarget } from '../../../../shared/recovery-step-params';
import type { PlannedOperation } from '../../backend';
import { applicationOf, resourceOf } from './backend-reads';
import { dependentNamesOf, type DraftInputs } from './draft-inputs';
import { report, type OperationOutcome, type StepBehaviour, type StepContext, type StepOperation } from './step-module';

type ResourceGoal = 'offline' | 'maintenance' | 'online';

function resourceAt(resource: DiskResource, goal: ResourceGoal): boolean {
  if (goal === 'offline') return resource.state === 'Offline';
  if (goal === 'maintenance') return resource.maintenanceMode;
  return resource.state === 'Online' && !resource.maintenanceMode;
}

async function captureResources(context: StepContext, targets: readonly ResourceTarget[]) {
  const states: Record<string, { state: string; maintenanceMode: boolean }> = {};
  for (const target of targets) {
    const { resource } = await resourceOf(context.backend, target);
    states[target.resource] = { state: resource.state, maintenanceMode: resource.maintenanceMode };
  }
  return states;
}

export async function resourcesAt(context: StepContext, targets: readonly ResourceTarget[], goal: ResourceGoal): Promise<boolean> {
  for (const target of targets) {
    if (!resourceAt((await resourceOf(context.backend, target)).resource, goal)) return false;
  }
  return true;
}

/** Drives one resource to the goal, on the node that owns it now (the cmdlets' owner-node rule). */
export async function driveResource(context: StepContext, target: ResourceTarget, goal: ResourceGoal): Promise<OperationOutcome> {
  const { resource } = await resourceOf(context.backend, target);
  if (resourceAt(resource, goal)) {
    context.log(`${target.resource}: already ${goal}`);
    return 'already-in-place';
  }
  const onNode = { cluster: target.cluster, resource: target.resource, onNode: resource.ownerNode };
  if (goal === 'offline') report(context, await context.backend.stopResource(onNode));
  else if (goal === 'maintenance') report(context, await context.backend.suspendResource(onNode));
  else {
    if (resource.maintenanceMode) report(context, await context.backend.resumeResource(onNode));
    if ((await resourceOf(context.backend, target)).resource.state !== 'Online')
      report(context, await context.backend.startResource(onNode));
  }
  return 'done';
}

/** Puts each resource back the way it was captured: online, offline or in maintenance. */
async function restoreResources(context: StepContext, targets: readonly ResourceTarget[], before: unknown): Promise<void> {
  const states = before as Record<string, { state: string; maintenanceMode: boolean }>;
  for (const target of targets) {
    const was = states[target.resource];
    if (!was) continue;
    const goal: ResourceGoal = was.maintenanceMode ? 'maintenance' : was.state === 'Offline' ? 'offline' : 'online';
    await driveResource(context, target, goal);
  }
}

// ---- application resources that depend on the disks ----

/** Their states by name, in the same record as the disks' (names are unique in a cluster). */
export async function captureApplications(
  context: StepContext,
  targets: readonly ResourceTarget[],
): Promise<Record<string, { state: string }>> {
  const states: Record<string, { state: string }> = {};
  for (const target of targets) states[target.resource] = { state: (await applicationOf(context.backend, target)).state };
  return states;
}

export async function applicationsOnline(context: StepContext, targets: readonly ResourceTarget[]): Promise<boolean> {
  for (const target of targets) if ((await applicationOf(context.backend, target)).state !== 'Online') return false;
  return true;
}

/** Starts one application resource unless it is online, on the node that owns it now. */
async function startApplication(context: StepContext, target: ResourceTarget): Promise<OperationOutcome> {
  const resource = await applicationOf(context.backend, target);
  if (resource.state === 'Online') {
    context.log(`${target.resource}: already online`);
    return 'already-in-place';
  }
  report(
    context,
    await context.backend.startApplicationResource({ cluster: target.cluster, resource: target.resource, onNode: resource.ownerNode }),
  );
  return 'done';
}

/** Starts each that is not online, in the planned order (providers first). */
async function startApplications(context: StepContext, targets: readonly ResourceTarget[]): Promise<void> {
  for (const target of targets) await startApplication(context, target);
}

export async function applicationsOffline(context: StepContext, targets: readonly ResourceTarget[]): Promise<boolean> {
  for (const target of targets) if ((await applicationOf(context.backend, target)).state === 'Online') return false;
  return true;
}

/** Takes one application resource offline if it is online now, on the node that owns it now. */
async function takeApplicationOffline(context: StepContext, target: ResourceTarget): Promise<OperationOutcome> {
  const resource = await applicationOf(context.backend, target);
  if (resource.state !== 'Online') return 'already-in-place';
  report(
    context,
    await context.backend.stopApplicationResource({ cluster: target.cluster, resource: target.resource, onNode: resource.ownerNode }),
  );
  return 'done';
}

/** Brings back online those captured Online; a resource captured otherwise is left as it is now. */
async function restartApplications(context: StepContext, targets: readonly ResourceTarget[], before: unknown): Promise<void> {
  const states = before as Record<string, { state: string } | undefined>;
  await startApplications(
    context,
    targets.filter((t) => states[t.resource]?.state === 'Online'),
  );
}

/** Takes offline, dependents first (reverse start order), those captured Offline that are online now. */
export async function stopApplications(context: StepContext, targets: readonly ResourceTarget[], before: unknown): Promise<void> {
  const states = before as Record<string, { state: string } | undefined>;
  for (const target of [...targets].reverse())
    if (states[target.resource]?.state === 'Offline') await takeApplicationOffline(context, target);
}

/** One operation per application resource, in the planned order (operation-order.ts keeps it). */
export function applicationOperations(
  context: StepContext,
  targets: readonly ResourceTarget[],
  goal: 'online' | 'offline',
): StepOperation[] {
  return targets.map((target) => ({
    planned: {
      operation: goal === 'online' ? 'startApplicationResource' : 'stopApplicationResource',
      cluster: target.cluster,
      resource: target.resource,
      onNode: '',
    },
    target: target.resource,
    action: goal === 'online' ? `bring ${target.resource} online` : `take ${target.resource} offline`,
    probe: async () => ((await applicationOf(context.backend, target)).state === 'Online') === (goal === 'online'),
    run: () => (goal === 'online' ? startApplication(context, target) : takeApplicationOffline(context, target)),
  }));
}

/** The targets whose operations were started (all of them when that is not known). */
export function startedTargets(targets: readonly ResourceTarget[], happened: ReadonlySet<string> | null): ResourceTarget[] {
  return happened === null ? [...targets] : targets.filter((t) => happened.has(t.resource));
}
// ---- the behaviour of the disk resource steps ----

/**
 * Drives the disk resources to a goal; compensation restores the disks first, then the dependents captured
 * online (a dependent cannot come online before the disks it needs). Maintenance mode takes the dependents
 * offline first itself: on a plain disk it only turns health checking off, so what runs on the disk would
 * keep running while the disk vanishes, and fail (docs/windows-facts.md#maintenance-mode-semantics);
 * Stop-ClusterResource on a disk does that on its own.
 */
export function diskResourceBehaviour(
  goal: ResourceGoal,
  operation: 'stopResource' | 'startResource' | 'suspendResource' | 'resumeResource',
): StepBehaviour<{ resources: ResourceTarget[]; dependents?: ResourceTarget[] }> {
  const stopsDependents = goal === 'maintenance';
  const action = { offline: 'take $ offline', maintenance: 'put $ in maintenance mode', online: 'bring $ online' }[goal];
  return {
    probe: async (context, params) =>
      (!stopsDependents || (await applicationsOffline(context, params.dependents ?? []))) && resourcesAt(context, params.resources, goal),
    capture: async (context, params) => ({
      ...(await captureApplications(context, params.dependents ?? [])),
      ...(await captureResources(context, params.resources)),
    }),
    // The dependents first, the last started first (in maintenance mode only); then every disk, together.
    operations: (context, params) => [
      ...(stopsDependents ? applicationOperations(context, [...(params.dependents ?? [])].reverse(), 'offline') : []),
      ...params.resources.map((target) => ({
        planned: { operation, cluster: target.cluster, resource: target.resource, onNode: '' },
        target: target.resource,
        action: action.replace('$', target.resource),
        probe: async () => resourceAt((await resourceOf(context.backend, target)).resource, goal),
        run: () => driveResource(context, target, goal),
      })),
    ],
    // Only the disks the run started to change are put back; the dependents captured online are started again
    // whichever disk took them down (Stop-ClusterResource on any disk they need does).
    async compensate(context, params, before, happened) {
      await restoreResources(context, startedTargets(params.resources, happened), before);
      await restartApplications(context, params.dependents ?? [], before);
    },
  };
}

// ---- what the disk resource steps' drafts share ----

/** Why the disks are taken away first, whichever way (offline or maintenance). */
export const RELEASE_DISKS_WHY =
  'The cluster must stop using the damaged disks before they are masked away, or it fails them and may fail over.';

/** Why the disks are brought back, whichever way they were taken away. */
export const RETURN_DISKS_WHY = 'The cluster finds each disk by its signature on the owner node and brings production back.';

/** The end of the undo text of a step that may have taken the dependents down. */
export function restartDependentsUndo(inputs: DraftInputs): string {
  return inputs.dependents.length === 0 ? '' : ` Then Start-ClusterResource for ${dependentNamesOf(inputs)} if they are not online.`;
}

/** One cluster call per disk resource, on the node that owns it. */
export function diskResourceOperations(
  inputs: DraftInputs,
  operation: 'stopResource' | 'startResource' | 'suspendResource' | 'resumeResource',
): PlannedOperation[] {
  return inputs.resources.map((r) => ({ operation, cluster: r.cluster, resource: r.resource, onNode: r.ownerNode }));
}
