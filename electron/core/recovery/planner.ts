/**
 * The planner turns a snapshot set and the operator's options into Microsoft's fast-recovery procedure
 * for this estate: each step with why it is needed, what it changes (before → after), the exact commands,
 * whether it is destructive, and how it is undone. It changes nothing.
 */
import { ShadowSwapError } from '../../../shared/errors';
import type { PlanStep, PreflightCheck, RecoveryOptions, RecoveryPlan } from '../../../shared/recovery';
import type { Backend, PreflightScope } from '../backend';
import { exposedHosts } from './access-lists';
import { dependentsOf } from './dependents';
import { clusterOfHost, findSet, readEstate, resourceForLun, type Estate } from './estate';
import { planTiming } from './outage-limit';
import { runPreflight } from './preflight';
import { draftSteps } from './steps';
import type { RecoveryPair } from './steps/draft-inputs';

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
  const pairs: RecoveryPair[] = set.shadowCopies.flatMap((copy) => {
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

  if (pairs.length === 0)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `Snapshot set ${set.id} has no shadow copy whose LUNs are on the array; there is nothing to recover.`,
    );
  const drafts = draftSteps({ estate, set, options, cluster: cluster?.name ?? null, pairs, resources, dependents, importHost });
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
    timing: planTiming(drafts, (unit) => backend.expectedDurationMs(unit), context.operationsAtOnce),
  };
}

/** What the recovery will unmask, and to whom: what the backend checks it can do before anything starts. */
function exposuresOf(estate: Estate, pairs: readonly RecoveryPair[], forensics: string | null): PreflightScope['exposures'] {
  return [
    ...pairs.map((p) => ({ lunId: p.shadow.id, hosts: exposedHosts(estate, p.original, forensics) })),
    ...(forensics === null ? [] : pairs.map((p) => ({ lunId: p.original.id, hosts: [forensics] }))),
  ];
}
