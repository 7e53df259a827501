/**
 * The planner turns a snapshot set and the operator's options into Microsoft's fast-recovery procedure
 * for this estate: each step with why it is needed, what it changes (before → after), the exact commands,
 * whether it is destructive, and how it is undone. It changes nothing.
 */
import type { Lun } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import type { PlanStep, PreflightCheck, RecoveryOptions, RecoveryPlan } from '../../../shared/recovery';
import type { Backend, PlannedOperation, PreflightScope } from '../backend';
import { exposedHosts } from './access-lists';
import { scopeOf, type ScopeFacts } from '../../../shared/recovery-scope';
import { contentsOf, leaveOutCheck, leaveOutVerdicts, leftOutIds, type LeaveOutFacts } from './consistency-groups';
import { approvalDigestOf } from './approval';
import { dependentsOf } from './dependents';
import { domainControllerOf } from './domain-controller';
import { clusterOfHost, findSet, readEstate, resourceForLun, type Estate } from './estate';
import { planTiming } from './outage-limit';
import { unitsOf } from './operation-order';
import { runPreflight } from './preflight';
import { domainControllerPlan } from './domain-controller-checks';
import type { DomainController } from '../../../shared/domain-controller';
import { draftSteps } from './steps';
import type { RecoveryPair } from './steps/draft-inputs';
import { LINK_REMEDY, unlinkedCopies } from './unlinked-copies';

export interface PlanContext {
  backend: Backend;
  claimedBy: Pick<ReadonlyMap<string, string>, 'has' | 'get'>;
  busyImportHosts: Map<string, string>;
  /** How many operations of a step the engine runs at once: what the expected outage assumes. */
  operationsAtOnce: number;
}

export async function planRecovery(context: PlanContext, options: RecoveryOptions): Promise<RecoveryPlan> {
  const { backend } = context;
  const estate = await readEstate(backend);
  const set = findSet(estate, options.setId);
  const cluster = clusterOfHost(estate, set.sourceHost);
  const setPairs: RecoveryPair[] = set.shadowCopies.flatMap((copy) => {
    const original = estate.luns.get(copy.originalLunId);
    const shadow = estate.luns.get(copy.shadowLunId);
    return original && shadow ? [{ copy, original, shadow, resource: resourceForLun(cluster, original) }] : [];
  });
  // What each LUN holds is read from its shadow copy: the set as it was at the recovery point, whatever the damage did since.
  const files = await backend.readLunFiles(setPairs.map((p) => p.shadow.id));
  const facts = setPairs.map((p) => scopeFactsOf(p, set.sourceHost, files));
  const leftOut = leftOutIds(options.leaveOut, facts, set.id);
  const pairs = setPairs.filter((p) => !leftOut.has(p.original.id));
  const leftOutPairs = setPairs.filter((p) => leftOut.has(p.original.id));
  if (setPairs.length > 0 && pairs.length === 0)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `Every LUN of set ${set.id} is left out, so there is nothing to recover. Leave out fewer LUNs (the damaged ones never).`,
      { setId: set.id },
    );
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
  const arrays = await backend.listArrays();
  const simulated = info.kind === 'lab';

  const backendChecks = await backend.preflightChecks({
    setId: set.id,
    importHost,
    exposures: exposuresOf(estate, pairs, options.forensicsHost),
  });
  const dcReading = cluster ? { dc: null, check: null } : await readAsDomainController(backend, set.sourceHost);
  const leaveOutFacts: LeaveOutFacts[] = facts.map((lun) => ({
    ...lun,
    presentOnImportHost: exposedHosts(estate, lun.original, null).some((h) => h.toUpperCase() === importHost.toUpperCase()),
  }));
  const verdicts = leaveOutVerdicts(leaveOutFacts, options, importHost);
  const scopeCheck = leaveOutCheck(leftOut, leaveOutFacts, verdicts);
  const checks = runPreflight({
    estate,
    set,
    options,
    importHost,
    claimedBy: context.claimedBy,
    busyImportHosts: context.busyImportHosts,
    backendChecks: dcReading.check ? [...backendChecks, dcReading.check] : backendChecks,
    domainController: dcReading.dc,
  });
  const preflight = scopeCheck === null ? checks : [...checks, scopeCheck];

  if (pairs.length === 0)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `Snapshot set ${set.id} has no shadow copy whose LUNs are on the array; there is nothing to recover: ${unlinkedCopies(set, estate.luns).join('; ')}. ${LINK_REMEDY}`,
      { setId: set.id },
    );
  // A cluster node is never a domain controller; only a standalone host's set can be a DC's. The one reading made
  // above serves the preflight, the plan's words and its steps (a host that could not be read was warned about).
  const domainController = dcReading.dc;
  const drafts = draftSteps({
    estate,
    set,
    options,
    cluster: cluster?.name ?? null,
    pairs,
    leftOut: leftOutPairs,
    resources,
    dependents,
    importHost,
    domainController,
  });
  // The backend renders what it will run for each call the engine will make (an operation, or a batch of them sent
  // together, as the engine groups them): the plan shows no command of its own making.
  const steps: PlanStep[] = [];
  for (const [index, { operations, ...step }] of drafts.entries()) {
    const calls = unitsOf(operations, context.operationsAtOnce > 1).map((unit) =>
      unit.members.map((i) => operations[i] as PlannedOperation),
    );
    const commands = (await Promise.all(calls.map((call) => backend.previewCommands(call)))).flat();
    steps.push({ ...step, commands, id: `${index + 1}-${step.kind}`, commandsSimulated: simulated });
  }
  const plan = {
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
    domainController: domainController ? domainControllerPlan(domainController, set) : null,
    scope: scopeOf(facts).map((lun) => {
      const pair = setPairs.find((p) => p.original.id === lun.lunId);
      return {
        ...lun,
        shadowLunId: pair?.shadow.id,
        contents: facts.find((f) => f.id === lun.lunId)?.contents,
        leaveOut: verdicts.get(lun.lunId),
        leftOut: leftOut.has(lun.lunId),
      };
    }),
    arrays: arrays
      .filter((array) => pairs.some((p) => p.original.arrayId === array.id))
      .map((array) => `${array.name} (${array.vendor} ${array.model})`),
    timing: planTiming(drafts, (unit) => backend.expectedDurationMs(unit), context.operationsAtOnce),
  };
  return { ...plan, approvalDigest: approvalDigestOf(plan) };
}

/**
 * A LUN's application group is its disk resource's cluster group, else the host the set was taken on; what it holds
 * decides whether it is in that group's consistency group (consistency-groups.ts).
 */
function scopeFactsOf(
  pair: RecoveryPair,
  sourceHost: string,
  files: ReadonlyMap<string, readonly string[]> | null,
): ScopeFacts & Omit<LeaveOutFacts, 'presentOnImportHost'> & { original: Lun } {
  const { original, resource, shadow } = pair;
  const read = files?.get(shadow.id) ?? null;
  return {
    original,
    id: original.id,
    name: original.name,
    group: resource?.group ?? sourceHost,
    damaged: original.state === 'damaged' || original.volumes.some((volume) => volume.damaged),
    volumes: original.volumes.map((volume) => `${volume.driveLetter ?? volume.guidPath} ${volume.label}`.trim()),
    contents: contentsOf(read),
    filesRead: read !== null,
  };
}

/**
 * The source host as a domain controller. A cluster node is not read: AD DS is not a clustered role, and the
 * cluster's own steps apply. A host that cannot be read is said so, for the operator to acknowledge: if it is
 * a DC, recovering it as a file server is the USN-rollback trap (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight).
 */
async function readAsDomainController(
  backend: Backend,
  host: string,
): Promise<{ dc: DomainController | null; check: PreflightCheck | null }> {
  try {
    return { dc: await domainControllerOf(backend, host), check: null };
  } catch (error) {
    return {
      dc: null,
      check: {
        id: 'dc-reading',
        title: `${host} was read as a domain controller or not`,
        verdict: 'warn',
        reason: `ShadowSwap could not tell whether ${host} is a domain controller (${error instanceof Error ? error.message : String(error)})`,
        fix: `If ${host} is a domain controller, do not go on: fix what stopped the reading and plan again, so the plan restores it as a DC. Otherwise acknowledge.`,
      },
    };
  }
}

/** What the recovery will unmask, and to whom: what the backend checks it can do before anything starts. */
function exposuresOf(estate: Estate, pairs: readonly RecoveryPair[], forensics: string | null): PreflightScope['exposures'] {
  return [
    ...pairs.map((p) => ({ lunId: p.shadow.id, hosts: exposedHosts(estate, p.original, forensics) })),
    ...(forensics === null ? [] : pairs.map((p) => ({ lunId: p.original.id, hosts: [forensics] }))),
  ];
}
