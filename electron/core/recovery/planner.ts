/**
 * The planner turns a snapshot set and the operator's options into Microsoft's fast-recovery procedure
 * for this estate: each step with why it is needed, what it changes (before → after), the exact commands,
 * whether it is destructive, and how it is undone. It changes nothing.
 */
import type { ApplicationResource, DiskResource, Lun, ShadowCopy, SnapshotSet } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import type { PlanStep, PreflightCheck, RecoveryOptions, RecoveryPlan, StepChange } from '../../../shared/recovery';
import type { Backend, PlannedOperation, PreflightScope } from '../backend';
import { namedHosts } from './access-lists';
import { dependentsOf } from './dependents';
import { clusterOfHost, findSet, readEstate, resourceForLun, type Estate } from './estate';
import { runPreflight } from './preflight';
import { maskOf, type LunRef, type MaskTarget, type ResourceTarget, type VerifyPair } from './steps';

export interface PlanContext {
  backend: Backend;
  claimedBy: Map<string, string>;
  busyImportHosts: Map<string, string>;
}

interface Pair {
  copy: ShadowCopy;
  original: Lun;
  shadow: Lun;
  resource: DiskResource | undefined;
}

/** A step before its commands are rendered: the operations it will ask of the backend, in order. */
type StepDraft = Omit<PlanStep, 'id' | 'commands' | 'commandsSimulated'> & { operations: PlannedOperation[] };

function lunRef(lun: Lun): LunRef {
  return { lunId: lun.id, name: lun.name };
}

function maskChanges(targets: readonly MaskTarget[], estate: Estate): StepChange[] {
  return targets.map((t) => ({
    kind: 'mask',
    lunId: t.lunId,
    lunName: t.name,
    before: maskOf(estate.luns.get(t.lunId) as Lun),
    after: t.hosts,
  }));
}

export async function planRecovery(context: PlanContext, options: RecoveryOptions): Promise<RecoveryPlan> {
  const { backend } = context;
  const estate = await readEstate(backend);
  const set = findSet(estate, options.setId);
  const cluster = clusterOfHost(estate, set.sourceHost);
  const pairs: Pair[] = set.shadowCopies.flatMap((copy) => {
    const original = estate.luns.get(copy.originalLunId);
    const shadow = estate.luns.get(copy.shadowLunId);
    return original && shadow ? [{ copy, original, shadow, resource: resourceForLun(cluster, original) }] : [];
  });
  const resources = pairs.flatMap((p) =>
    p.resource && cluster
      ? [{ cluster: cluster.name, resource: p.resource.name, group: p.resource.group, ownerNode: p.resource.ownerNode }]
      : [],
  );
  // Only what runs now is brought back: a resource the administrator left offline stays offline.
  const dependents = cluster
    ? dependentsOf(
        cluster,
        resources.map((r) => r.resource),
      ).filter((r) => r.state === 'Online')
    : [];
  const importHost = resources[0]?.ownerNode ?? set.sourceHost;
  const info = backend.describe();
  const simulated = info.kind === 'lab';

  const preflight = runPreflight({
    estate,
    set,
    options,
    importHost,
    claimedBy: context.claimedBy,
    busyImportHosts: context.busyImportHosts,
    backendChecks: await backend.preflightChecks({
      setId: set.id,
      importHost,
      exposures: exposuresOf(estate, pairs, options.forensicsHost),
    }),
  });

  const drafts = buildSteps({ estate, set, options, cluster: cluster?.name ?? null, pairs, resources, dependents, importHost });
  // The backend renders what it will run for each operation: the plan shows no command of its own making.
  const steps: PlanStep[] = [];
  for (const [index, { operations, ...step }] of drafts.entries()) {
    const commands = (await Promise.all(operations.map((operation) => backend.previewCommands(operation)))).flat();
    steps.push({ ...step, commands, id: `${index + 1}-${step.kind}`, commandsSimulated: simulated });
  }
  return {
    options,
    backend: info.label,
    setId: set.id,
    setCreatedAt: set.createdAt,
    importHost,
    cluster: cluster?.name ?? null,
    originalLunIds: pairs.map((p) => p.original.id),
    shadowLunIds: pairs.map((p) => p.shadow.id),
    preflight,
    blocked: preflight.some((check: PreflightCheck) => check.verdict === 'fail') || pairs.length === 0,
    steps,
  };
}

/** Every host in the estate, by name: what `*` is expanded to. */
function everyHost(estate: Estate): string[] {
  return [...estate.hosts.values()].map((h) => h.name);
}

/** The hosts the recovered LUNs take over (the originals' list, `*` named), less the forensics host. */
function exposedHosts(estate: Estate, original: Lun, forensics: string | null): string[] {
  return namedHosts(maskOf(original), everyHost(estate)).filter((h) => h.toUpperCase() !== forensics?.toUpperCase());
}

/** What the recovery will unmask, and to whom: what the backend checks it can do before anything starts. */
function exposuresOf(estate: Estate, pairs: readonly Pair[], forensics: string | null): PreflightScope['exposures'] {
  return [
    ...pairs.map((p) => ({ lunId: p.shadow.id, hosts: exposedHosts(estate, p.original, forensics) })),
    ...(forensics === null ? [] : pairs.map((p) => ({ lunId: p.original.id, hosts: [forensics] }))),
  ];
}

interface StepInputs {
  estate: Estate;
  set: SnapshotSet;
  options: RecoveryOptions;
  cluster: string | null;
  pairs: Pair[];
  resources: Array<ResourceTarget & { ownerNode: string }>;
  /** Application resources on the disks that are Online now, in start order. */
  dependents: ApplicationResource[];
  importHost: string;
}

function buildSteps(inputs: StepInputs): StepDraft[] {
  const { estate, set, options, cluster, pairs, resources, dependents, importHost } = inputs;
  if (pairs.length === 0)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `Snapshot set ${set.id} has no shadow copy whose LUNs are on the array; there is nothing to recover.`,
    );
  const confirmPhrase = cluster ?? importHost;
  const resourceTargets: ResourceTarget[] = resources.map(({ cluster: c, resource, group }) => ({ cluster: c, resource, group }));
  const forensics = options.forensicsHost;
  const steps: StepDraft[] = [];
  const resourceChanges = (before: string, after: string): StepChange[] =>
    resources.map((r) => ({ kind: 'resource', cluster: r.cluster, resource: r.resource, before, after }));
  const dependentTargets: ResourceTarget[] = cluster ? dependents.map((r) => ({ cluster, resource: r.name, group: r.group })) : [];
  const dependentChanges = (before: string, after: string): StepChange[] =>
    dependentTargets.map((r) => ({ kind: 'resource', cluster: r.cluster, resource: r.resource, before, after }));
  const dependentNames = dependents.map((r) => r.name).join(', ');

  if (resources.length > 0) {
    const suspend = options.mode === 'maintenance';
    steps.push({
      kind: suspend ? 'suspend-resources' : 'stop-resources',
      title: suspend ? `Put ${resources.length} disk resource(s) in maintenance mode` : `Take ${resources.length} disk resource(s) offline`,
      why:
        'The cluster must stop using the damaged disks before they are masked away, or it fails them and may fail over.' +
        (dependents.length === 0
          ? ''
          : suspend
            ? ` Maintenance mode leaves ${dependentNames} online (for plain disks; a Cluster Shared Volume would take them offline).`
            : ` Stop-ClusterResource takes what depends on the disks offline first: ${dependentNames} go down with them and are started again after the disks.`),
      destructive: true,
      confirmPhrase,
      // Stop-ClusterResource takes the dependents down first; maintenance mode on a plain disk does not touch them.
      changes: [
        ...(suspend ? [] : dependentChanges('Online', 'Offline')),
        ...resourceChanges('Online', suspend ? 'Online(Maintenance)' : 'Offline'),
      ],
      operations: resources.map((r) => ({
        operation: suspend ? 'suspendResource' : 'stopResource',
        cluster: r.cluster,
        resource: r.resource,
        onNode: r.ownerNode,
      })),
      undo:
        (suspend
          ? 'Resume-ClusterResource on the owner node.'
          : 'Start-ClusterResource on the owner node (after the originals are unmasked again).') +
        (dependents.length === 0 ? '' : ` Then Start-ClusterResource for ${dependentNames} if they are not online.`),
      params: { resources: resourceTargets, dependents: dependentTargets },
    });
  }

  const maskAway: MaskTarget[] = pairs.map((p) => ({ ...lunRef(p.original), hosts: [], expected: maskOf(p.original) }));
  steps.push({
    kind: 'mask-originals',
    title: `Mask the ${pairs.length} damaged original LUN(s) from every host`,
    why: `The shadow copies carry the originals' disk identity; the originals must be invisible before the break, or it fails with VSS_E_BREAK_REVERT_ID_FAILED (0x800423F6) and ${cluster ? 'the cluster' : importHost} would see two disks with one signature.`,
    destructive: true,
    confirmPhrase,
    changes: maskChanges(maskAway, estate),
    operations: pairs.map((p) => ({ operation: 'setLunMask', lunId: p.original.id, hosts: [], before: maskOf(p.original) })),
    undo: 'Unmask each original to exactly the hosts it had before (the journal holds the old lists).',
    params: { targets: maskAway },
  });

  const shadowLuns = pairs.map((p) => lunRef(p.shadow));
  steps.push({
    kind: 'import-set',
    title: `Import the shadow copy set on ${importHost}`,
    why: 'A transportable set is not in any system until it is imported; the hardware provider surfaces its shadow LUNs to the importing host, read-only.',
    destructive: false,
    confirmPhrase: null,
    changes: [{ kind: 'snapshot-set', setId: set.id, before: set.state, after: 'imported' }],
    operations: [{ operation: 'importSnapshotSet', setId: set.id, host: importHost }],
    undo: 'VSS cannot un-import; on rollback the shadow LUNs are masked from every host (nothing is deleted).',
    params: { setId: set.id, host: importHost, shadowLuns },
  });

  const breakMode = options.identity === 'revert' ? 'revert-identity' : 'writable';
  steps.push({
    kind: 'break-set',
    title:
      options.identity === 'revert' ? 'Break the set, keeping the original disk identity' : 'Break the set writable (new disk signatures)',
    why:
      options.identity === 'revert'
        ? "BreakSnapshotSetEx with REVERT_IDENTITY_ALL turns the shadow LUNs into ordinary read/write LUNs that carry the originals' signatures, so the cluster finds its disks."
        : 'Breaking turns the shadow LUNs into ordinary LUNs; they get new signatures, so the disk resources are repointed afterwards.',
    destructive: true,
    confirmPhrase,
    changes: [{ kind: 'snapshot-set', setId: set.id, before: 'imported', after: 'broken' }],
    operations: [{ operation: 'breakSnapshotSet', setId: set.id, mode: breakMode }],
    undo: 'A break cannot be undone. Rollback masks the broken LUNs away and restores the originals; the broken LUNs are kept.',
    params: { setId: set.id, mode: breakMode },
  });

  steps.push({
    kind: 'make-read-write',
    title: 'Make the recovered volumes read/write',
    why: 'Imported shadow copies surface read-only; the application needs to write to them.',
    destructive: false,
    confirmPhrase: null,
    changes: pairs.map((p) => ({ kind: 'volume', lunId: p.shadow.id, lunName: p.shadow.name, before: 'read-only', after: 'read/write' })),
    operations: [{ operation: 'setVolumesReadWrite', host: importHost, lunIds: pairs.map((p) => p.shadow.id) }],
    undo: 'Nothing to undo: rollback masks these LUNs away.',
    params: { host: importHost, shadowLuns },
  });

  if (options.identity === 'new-signature' && resources.length > 0) {
    const repoint = pairs.flatMap(({ resource, shadow }) =>
      resource && cluster
        ? [{ resource, shadow, target: { cluster, resource: resource.name, group: resource.group, shadowLunId: shadow.id } }]
        : [],
    );
    steps.push({
      kind: 'repoint-resources',
      title: 'Point the disk resources at the recovered disks',
      why: "With new signatures the cluster would not find its disks (event 1034); each resource's DiskSignature is set to its recovered disk.",
      destructive: false,
      confirmPhrase: null,
      changes: repoint.map(({ target }) => ({
        kind: 'resource',
        cluster: target.cluster,
        resource: target.resource,
        before: 'original signature',
        after: 'recovered disk signature',
      })),
      // VSS gives the disks their new identities at the break, so the plan can show only where they go.
      operations: repoint.map(({ resource, shadow, target }) => ({
        operation: 'setResourceDiskIdentity',
        cluster: target.cluster,
        resource: target.resource,
        onNode: resource.ownerNode,
        identity: { assignedAtBreak: shadow.partitionStyle === 'GPT' ? 'GPT' : 'MBR' },
      })),
      undo: 'Set each DiskSignature back to the value journaled before.',
      params: { pairs: repoint.map(({ target }) => target) },
    });
  }

  // The recovered LUNs take the originals' place: exactly the hosts that saw the originals see them now.
  // The import surfaced the shadow LUNs to the importing host: that is their list when this step runs.
  const expose: MaskTarget[] = pairs.map((p) => ({
    ...lunRef(p.shadow),
    hosts: exposedHosts(estate, p.original, forensics),
    expected: [importHost],
  }));
  steps.push({
    kind: 'unmask-shadows',
    title: cluster ? `Unmask the recovered LUNs to every node of ${cluster}` : `Unmask the recovered LUNs to ${importHost}`,
    why: 'Every host that used the originals must see the recovered LUNs in their place (the access list is replaced, so the full list is set).',
    destructive: false,
    confirmPhrase: null,
    changes: expose.map((t) => ({ kind: 'mask', lunId: t.lunId, lunName: t.name, before: [importHost], after: t.hosts })),
    operations: expose.map((t) => ({ operation: 'setLunMask', lunId: t.lunId, hosts: t.hosts, before: [importHost] })),
    undo: 'Mask the recovered LUNs back to the access list they had before this step.',
    params: { targets: expose },
  });

  if (resources.length > 0) {
    const resume = options.mode === 'maintenance';
    steps.push({
      kind: resume ? 'resume-resources' : 'start-resources',
      title: resume ? 'End maintenance mode on the disk resources' : 'Bring the disk resources online',
      why: 'The cluster finds each disk by its signature on the owner node and brings production back.',
      destructive: false,
      confirmPhrase: null,
      changes: resourceChanges(resume ? 'Online(Maintenance)' : 'Offline', 'Online'),
      operations: resources.map((r) => ({
        operation: resume ? 'resumeResource' : 'startResource',
        cluster: r.cluster,
        resource: r.resource,
        onNode: r.ownerNode,
      })),
      undo: resume ? 'Suspend-ClusterResource again.' : 'Stop-ClusterResource again.',
      params: { resources: resourceTargets },
    });
  }

  // Only taking the disks offline took the dependents down: maintenance mode on a plain disk leaves them online
  // (reference §5.2). Clusters with Cluster Shared Volumes, whose maintenance takes dependents offline, are not read.
  // Start-ClusterResource per dependent, not Start-ClusterGroup: the group call starts every resource of the group,
  // including any the administrator had left offline, while a resource can only depend on resources of its own
  // group, so starting exactly the dependents that were online restores the group as it was and nothing more.
  if (options.mode === 'offline' && dependentTargets.length > 0) {
    steps.push({
      kind: 'start-dependents',
      title: `Bring ${dependentNames} back online`,
      why: `Stop-ClusterResource took ${dependentNames} offline before the disks, and starting a disk does not start what depends on it: without this step the application stays down on recovered disks. Each is started with Start-ClusterResource, rather than Start-ClusterGroup, so that only what was online before the recovery comes back, after everything it depends on.`,
      destructive: false,
      confirmPhrase: null,
      changes: dependentChanges('Offline', 'Online'),
      operations: dependents.map((r) => ({
        operation: 'startApplicationResource',
        cluster: cluster ?? '',
        resource: r.name,
        onNode: r.ownerNode,
      })),
      undo: `Stop-ClusterResource for ${dependentNames} on the owner node.`,
      params: { dependents: dependentTargets },
    });
  }

  if (forensics !== null) {
    const hold: MaskTarget[] = pairs.map((p) => ({ ...lunRef(p.original), hosts: [forensics], expected: [] }));
    steps.push({
      kind: 'forensic-hold',
      title: `Give the damaged originals to ${forensics} for forensics`,
      why: 'The damaged LUNs are evidence: they stay masked from production and only the forensics host sees them. Mount them read-only there.',
      destructive: false,
      confirmPhrase: null,
      changes: hold.map((t) => ({ kind: 'mask', lunId: t.lunId, lunName: t.name, before: [], after: t.hosts })),
      // The originals were masked from everyone by then.
      operations: hold.map((t) => ({ operation: 'setLunMask', lunId: t.lunId, hosts: t.hosts, before: [] })),
      undo: 'Mask the originals from the forensics host again.',
      params: { targets: hold },
    });
  }

  if (options.verify) {
    const verifyPairs: VerifyPair[] = pairs.map((p) => ({
      originalLunId: p.original.id,
      shadowLunId: p.shadow.id,
      name: p.original.name,
      expectedChecksum: p.shadow.contentChecksum,
      resource: p.resource && cluster ? { cluster, resource: p.resource.name, group: p.resource.group } : null,
    }));
    steps.push({
      kind: 'verify',
      title: 'Verify the recovery',
      why: "Proves the data is the shadow copy's, the volumes are writable and healthy, each disk resource is online on its owner node, backed by the recovered LUN, and what depended on the disks is online as before.",
      destructive: false,
      confirmPhrase: null,
      changes: [],
      operations: [],
      undo: 'Nothing to undo: verification only reads.',
      params: { pairs: verifyPairs, dependents: dependentTargets },
    });
  }
  return steps;
}
