/**
 * What each kind of step does against the Backend port. Every kind has a probe (is the effect already in
 * place? — this is what makes resume after a crash safe), a capture of the state it will change (journaled
 * before the action, so compensation restores what was really there), the action, and a compensation.
 * Actions are idempotent per target: they only touch what is not yet in the wanted state.
 */
import {
  NOT_SAMPLED,
  type ApplicationResource,
  type Cluster,
  type DiskResource,
  type Lun,
  type OperationResult,
  type SnapshotSet,
} from '../../../shared/domain';
import { hostsText } from '../../../shared/change-text';
import { ShadowSwapError } from '../../../shared/errors';
import type { StepKind } from '../../../shared/recovery';
import { ALL_HOSTS, type Backend } from '../backend';
import { namedHosts } from './access-lists';

export interface StepContext {
  backend: Backend;
  /** Streams a line of output to the journal and to every door. */
  log(text: string): void;
}

export interface StepBehaviour {
  probe(context: StepContext, params: never): Promise<boolean>;
  capture(context: StepContext, params: never): Promise<unknown>;
  apply(context: StepContext, params: never): Promise<void>;
  /** Undoes the step from the captured state; absent when the step cannot be undone (a break). */
  compensate?(context: StepContext, params: never, before: unknown): Promise<void>;
}

export interface LunRef {
  lunId: string;
  name: string;
}
export interface ResourceTarget {
  cluster: string;
  resource: string;
  group: string;
}
export interface MaskTarget extends LunRef {
  hosts: string[];
  /** The list the plan expects the LUN to have when the step runs; the backend refuses if the array shows another. */
  expected?: string[];
}
export interface VerifyPair {
  originalLunId: string;
  shadowLunId: string;
  name: string;
  expectedChecksum: string;
  /** The cluster disk resource the recovered LUN must now back, if clustered. */
  resource: ResourceTarget | null;
}

// ---- reads ----

export function maskOf(lun: Lun): string[] {
  return lun.maskAll ? [ALL_HOSTS] : [...lun.maskedTo];
}

function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  const left = [...a].map((h) => h.toUpperCase()).sort();
  const right = [...b].map((h) => h.toUpperCase()).sort();
  return left.length === right.length && left.every((h, i) => h === right[i]);
}

async function lunsById(backend: Backend): Promise<Map<string, Lun>> {
  return new Map((await backend.listLuns()).map((lun) => [lun.id, lun]));
}

function lunOf(luns: Map<string, Lun>, lunId: string): Lun {
  const lun = luns.get(lunId);
  if (!lun)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `LUN ${lunId} is no longer on the array. Nothing further was changed; check the array before resuming.`,
    );
  return lun;
}

async function setOf(backend: Backend, setId: string): Promise<SnapshotSet> {
  const set = (await backend.listSnapshotSets()).find((s) => s.id === setId);
  if (!set) throw new ShadowSwapError('NOT_FOUND', `Snapshot set ${setId} is no longer known to the backend.`);
  return set;
}

async function resourceOf(backend: Backend, target: ResourceTarget): Promise<{ cluster: Cluster; resource: DiskResource }> {
  // Windows names are case-insensitive; tools print them in whatever case they were created with.
  const cluster = (await backend.listClusters()).find((c) => c.name.toUpperCase() === target.cluster.toUpperCase());
  const resource = cluster?.diskResources.find((r) => r.name.toUpperCase() === target.resource.toUpperCase());
  if (!cluster || !resource)
    throw new ShadowSwapError('NOT_FOUND', `Cluster resource "${target.resource}" in ${target.cluster} was not found.`);
  return { cluster, resource };
}

async function applicationOf(backend: Backend, target: ResourceTarget): Promise<ApplicationResource> {
  const cluster = (await backend.listClusters()).find((c) => c.name.toUpperCase() === target.cluster.toUpperCase());
  const resource = cluster?.applicationResources.find((r) => r.name.toUpperCase() === target.resource.toUpperCase());
  if (!resource)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `Cluster resource "${target.resource}" in ${target.cluster} was not found; it was there when the recovery was planned. Check the cluster's resources before resuming.`,
    );
  return resource;
}

function report(context: StepContext, result: OperationResult): void {
  context.log(result.summary);
  for (const change of result.changes) context.log(`  ${change}`);
  for (const warning of result.warnings) context.log(`  Warning: ${warning}`);
}

// ---- masking, shared by every step that sets access lists ----

async function captureMasks(context: StepContext, targets: readonly LunRef[]): Promise<Record<string, string[]>> {
  const luns = await lunsById(context.backend);
  return Object.fromEntries(targets.map((t) => [t.lunId, maskOf(lunOf(luns, t.lunId))]));
}

async function masksInPlace(context: StepContext, targets: readonly MaskTarget[]): Promise<boolean> {
  const luns = await lunsById(context.backend);
  return targets.every((t) => sameHosts(maskOf(lunOf(luns, t.lunId)), t.hosts));
}

async function applyMasks(context: StepContext, targets: readonly MaskTarget[]): Promise<void> {
  for (const target of targets) {
    const luns = await lunsById(context.backend);
    if (sameHosts(maskOf(lunOf(luns, target.lunId)), target.hosts)) {
      context.log(`${target.name}: access list already ${hostsText(target.hosts)}`);
      continue;
    }
    report(context, await context.backend.setLunMask({ lunId: target.lunId, hosts: target.hosts, expected: target.expected }));
  }
}

/** Back to the captured lists; a LUN the step changed must still show the step's list, or the rollback refuses (drift). */
async function restoreMasks(context: StepContext, targets: readonly MaskTarget[], before: unknown): Promise<void> {
  const masks = before as Record<string, string[]>;
  const everyHost = (await context.backend.listHosts()).map((h) => h.name);
  await applyMasks(
    context,
    targets
      .filter((t) => masks[t.lunId] !== undefined)
      .map((t) => ({ ...t, hosts: namedHosts(masks[t.lunId] as string[], everyHost), expected: t.hosts })),
  );
}

// ---- cluster resources ----

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

async function resourcesAt(context: StepContext, targets: readonly ResourceTarget[], goal: ResourceGoal): Promise<boolean> {
  for (const target of targets) {
    if (!resourceAt((await resourceOf(context.backend, target)).resource, goal)) return false;
  }
  return true;
}

/** Drives each resource to the goal, always on the node that owns it now (the cmdlets' owner-node rule). */
async function driveResources(context: StepContext, targets: readonly ResourceTarget[], goal: ResourceGoal): Promise<void> {
  for (const target of targets) {
    const { resource } = await resourceOf(context.backend, target);
    if (resourceAt(resource, goal)) {
      context.log(`${target.resource}: already ${goal}`);
      continue;
    }
    const onNode = { cluster: target.cluster, resource: target.resource, onNode: resource.ownerNode };
    if (goal === 'offline') report(context, await context.backend.stopResource(onNode));
    else if (goal === 'maintenance') report(context, await context.backend.suspendResource(onNode));
    else {
      if (resource.maintenanceMode) report(context, await context.backend.resumeResource(onNode));
      if ((await resourceOf(context.backend, target)).resource.state !== 'Online')
        report(context, await context.backend.startResource(onNode));
    }
  }
}

/** Puts each resource back the way it was captured: online, offline or in maintenance. */
async function restoreResources(context: StepContext, targets: readonly ResourceTarget[], before: unknown): Promise<void> {
  const states = before as Record<string, { state: string; maintenanceMode: boolean }>;
  for (const target of targets) {
    const was = states[target.resource];
    if (!was) continue;
    const goal: ResourceGoal = was.maintenanceMode ? 'maintenance' : was.state === 'Offline' ? 'offline' : 'online';
    await driveResources(context, [target], goal);
  }
}

// ---- application resources that depend on the disks ----

/** Their states by name, in the same record as the disks' (names are unique in a cluster). */
async function captureApplications(context: StepContext, targets: readonly ResourceTarget[]): Promise<Record<string, { state: string }>> {
  const states: Record<string, { state: string }> = {};
  for (const target of targets) states[target.resource] = { state: (await applicationOf(context.backend, target)).state };
  return states;
}

async function applicationsOnline(context: StepContext, targets: readonly ResourceTarget[]): Promise<boolean> {
  for (const target of targets) if ((await applicationOf(context.backend, target)).state !== 'Online') return false;
  return true;
}

/** Starts each that is not online, in the planned order (providers first), on the node that owns it now. */
async function startApplications(context: StepContext, targets: readonly ResourceTarget[]): Promise<void> {
  for (const target of targets) {
    const resource = await applicationOf(context.backend, target);
    if (resource.state === 'Online') {
      context.log(`${target.resource}: already online`);
      continue;
    }
    report(
      context,
      await context.backend.startApplicationResource({ cluster: target.cluster, resource: target.resource, onNode: resource.ownerNode }),
    );
  }
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
async function stopApplications(context: StepContext, targets: readonly ResourceTarget[], before: unknown): Promise<void> {
  const states = before as Record<string, { state: string } | undefined>;
  for (const target of [...targets].reverse()) {
    if (states[target.resource]?.state !== 'Offline') continue;
    const resource = await applicationOf(context.backend, target);
    if (resource.state === 'Offline') continue;
    report(
      context,
      await context.backend.stopApplicationResource({ cluster: target.cluster, resource: target.resource, onNode: resource.ownerNode }),
    );
  }
}

// ---- the step kinds ----

/** The dependents are in the params of the steps that can take them down (stop, and suspend on a CSV); absent in older plans. */
interface ResourceParams {
  resources: ResourceTarget[];
  dependents?: ResourceTarget[];
}

const resourceStep = (goal: ResourceGoal): StepBehaviour => ({
  probe: (context, params: ResourceParams) => resourcesAt(context, params.resources, goal),
  capture: async (context, params: ResourceParams) => ({
    ...(await captureApplications(context, params.dependents ?? [])),
    ...(await captureResources(context, params.resources)),
  }),
  apply: (context, params: ResourceParams) => driveResources(context, params.resources, goal),
  // The disks first: a dependent cannot come online before the disks it needs.
  async compensate(context, params: ResourceParams, before) {
    await restoreResources(context, params.resources, before);
    await restartApplications(context, params.dependents ?? [], before);
  },
});

const maskStep: StepBehaviour = {
  probe: (context, params: { targets: MaskTarget[] }) => masksInPlace(context, params.targets),
  capture: (context, params: { targets: MaskTarget[] }) => captureMasks(context, params.targets),
  apply: (context, params: { targets: MaskTarget[] }) => applyMasks(context, params.targets),
  compensate: (context, params: { targets: MaskTarget[] }, before) => restoreMasks(context, params.targets, before),
};

export const stepBehaviours: Record<StepKind, StepBehaviour> = {
  'stop-resources': resourceStep('offline'),
  'suspend-resources': resourceStep('maintenance'),
  'start-resources': resourceStep('online'),
  'resume-resources': resourceStep('online'),
  'start-dependents': {
    probe: (context, params: { dependents: ResourceTarget[] }) => applicationsOnline(context, params.dependents),
    capture: (context, params: { dependents: ResourceTarget[] }) => captureApplications(context, params.dependents),
    apply: (context, params: { dependents: ResourceTarget[] }) => startApplications(context, params.dependents),
    compensate: (context, params: { dependents: ResourceTarget[] }, before) => stopApplications(context, params.dependents, before),
  },
  'mask-originals': maskStep,
  'unmask-shadows': maskStep,
  'forensic-hold': maskStep,

  'import-set': {
    async probe(context, params: { setId: string; host: string }) {
      const set = await setOf(context.backend, params.setId);
      return (
        set.state !== 'created' && set.state !== 'failed' && set.importedTo === params.host && set.shadowCopies.every((c) => c.imported)
      );
    },
    capture: async (context, params: { setId: string; shadowLuns: LunRef[] }) => ({
      state: (await setOf(context.backend, params.setId)).state,
      masks: await captureMasks(context, params.shadowLuns),
    }),
    async apply(context, params: { setId: string; host: string }) {
      const result = await context.backend.importSnapshotSet({ setId: params.setId, host: params.host });
      report(context, result);
      if (result.status?.symbol === 'VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED') {
        throw new ShadowSwapError(
          'BACKEND_FAILED',
          `Only part of snapshot set ${params.setId} was imported on ${params.host} (${result.status.symbol}, ${result.status.hresult}): some shadow LUNs did not arrive in time. Resume to retry the import, or roll back; VSS does not clean up a failed import, ShadowSwap masks the shadow LUNs away on rollback.`,
          { hresult: result.status.hresult, symbol: result.status.symbol },
        );
      }
    },
    // An import cannot be undone by VSS; what matters is that no production host sees the shadow LUNs.
    compensate: (context, params: { shadowLuns: LunRef[] }) =>
      applyMasks(
        context,
        params.shadowLuns.map((lun) => ({ ...lun, hosts: [] })),
      ),
  },

  'break-set': {
    probe: async (context, params: { setId: string }) => (await setOf(context.backend, params.setId)).state === 'broken',
    capture: async (context, params: { setId: string }) => ({ state: (await setOf(context.backend, params.setId)).state }),
    apply: async (context, params: { setId: string; mode: 'plain' | 'writable' | 'revert-identity' }) => {
      report(context, await context.backend.breakSnapshotSet({ setId: params.setId, mode: params.mode }));
    },
  },

  'make-read-write': {
    async probe(context, params: { shadowLuns: LunRef[] }) {
      const luns = await lunsById(context.backend);
      return params.shadowLuns.every((ref) => !lunOf(luns, ref.lunId).readOnly);
    },
    capture: async () => null,
    apply: async (context, params: { host: string; shadowLuns: LunRef[] }) => {
      report(context, await context.backend.setVolumesReadWrite({ host: params.host, lunIds: params.shadowLuns.map((l) => l.lunId) }));
    },
  },

  'repoint-resources': {
    async probe(context, params: { pairs: Array<ResourceTarget & { shadowLunId: string }> }) {
      const luns = await lunsById(context.backend);
      for (const pair of params.pairs) {
        const { resource } = await resourceOf(context.backend, pair);
        if ((resource.diskSignature ?? resource.diskIdGuid) !== lunOf(luns, pair.shadowLunId).signature) return false;
      }
      return true;
    },
    async capture(context, params: { pairs: Array<ResourceTarget & { shadowLunId: string }> }) {
      const signatures: Record<string, string | null> = {};
      for (const pair of params.pairs) {
        const { resource } = await resourceOf(context.backend, pair);
        signatures[pair.resource] = resource.diskSignature ?? resource.diskIdGuid;
      }
      return signatures;
    },
    async apply(context, params: { pairs: Array<ResourceTarget & { shadowLunId: string }> }) {
      const luns = await lunsById(context.backend);
      for (const pair of params.pairs) {
        const signature = lunOf(luns, pair.shadowLunId).signature;
        if (!signature)
          throw new ShadowSwapError(
            'PRECONDITION_FAILED',
            `The recovered LUN for ${pair.resource} has no disk signature yet; the break did not finish.`,
          );
        report(context, await context.backend.setResourceDiskIdentity({ cluster: pair.cluster, resource: pair.resource, signature }));
      }
    },
    async compensate(context, params: { pairs: Array<ResourceTarget & { shadowLunId: string }> }, before) {
      const signatures = before as Record<string, string | null>;
      for (const pair of params.pairs) {
        const signature = signatures[pair.resource];
        if (signature)
          report(context, await context.backend.setResourceDiskIdentity({ cluster: pair.cluster, resource: pair.resource, signature }));
      }
    },
  },

  verify: {
    probe: async () => false,
    capture: async () => null,
    async apply(context, params: { pairs: VerifyPair[]; dependents?: ResourceTarget[] }) {
      const luns = await lunsById(context.backend);
      const problems: string[] = [];
      for (const pair of params.pairs) {
        const lun = lunOf(luns, pair.shadowLunId);
        if (pair.expectedChecksum.startsWith(NOT_SAMPLED))
          context.log(`${pair.name}: this backend cannot read the data, so it was not compared; check it in the application`);
        else if (lun.contentChecksum !== pair.expectedChecksum)
          problems.push(
            `${pair.name}: the data differs from the shadow copy (checksum ${lun.contentChecksum.slice(0, 12)}…, expected ${pair.expectedChecksum.slice(0, 12)}…)`,
          );
        else context.log(`${pair.name}: data matches the shadow copy (SHA-256 ${pair.expectedChecksum.slice(0, 12)}…)`);
        if (lun.readOnly) problems.push(`${pair.name}: the recovered LUN is still read-only`);
        if (lun.volumes.some((v) => v.damaged)) problems.push(`${pair.name}: a volume on the recovered LUN is marked damaged`);
      }
      const hosts = new Map((await context.backend.listHosts()).map((host) => [host.name.toUpperCase(), host]));
      for (const pair of params.pairs) {
        if (!pair.resource) continue;
        const { resource } = await resourceOf(context.backend, pair.resource);
        if (resource.state !== 'Online' || resource.maintenanceMode) {
          problems.push(`${resource.name} is ${resource.state}${resource.maintenanceMode ? ' (maintenance)' : ''}, not Online`);
          continue;
        }
        // The disk the resource found on its owner node must be the recovered LUN, not a damaged original.
        const expected = resource.diskSignature ?? resource.diskIdGuid;
        const backing = (hosts.get(resource.ownerNode.toUpperCase())?.visibleLunIds ?? []).filter(
          (id) => luns.get(id)?.signature === expected,
        );
        if (backing.length !== 1 || backing[0] !== pair.shadowLunId)
          problems.push(
            `${resource.name} is not backed by the recovered LUN on ${resource.ownerNode} (it sees ${backing.length} disk(s) with signature ${expected ?? 'none'})`,
          );
        else context.log(`${resource.name}: Online on ${resource.ownerNode}, backed by the recovered LUN ${pair.name}`);
      }
      for (const target of params.dependents ?? []) {
        const resource = await applicationOf(context.backend, target);
        if (resource.state === 'Online') context.log(`${resource.name}: Online on ${resource.ownerNode}, as before the recovery`);
        else
          problems.push(
            `${resource.name} is ${resource.state} on ${resource.ownerNode}, but it was Online before the recovery: the application on the recovered disks is down. Start it with Start-ClusterResource on ${resource.ownerNode} and check the cluster log for why it stopped`,
          );
      }
      if (problems.length > 0)
        throw new ShadowSwapError('PRECONDITION_FAILED', `Verification found ${problems.length} problem(s): ${problems.join('; ')}.`);
    },
  },
};
