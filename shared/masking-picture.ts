/**
 * Who sees which LUN before and after a plan, LUN by host: the review step draws it for the whole plan, the report
 * for what the journal says was done. Before is each LUN's access list as the plan found it; after replays the
 * steps (a done step leaves its planned `after`, a compensated one its `before`). Importing the set is a masking
 * change too: the provider keeps shadow LUNs masked from every host until the import shows them to the importing
 * host. Each row says what the LUN is to this recovery, from the plan's scope, so a healthy LUN swapped with its
 * consistency group is never called damaged, and the shadow copy of a LUN left out reads as the spare it is.
 */
import type { PlanStep, RecoveryPlan, StepState } from './recovery';

export const MASKING_ROLES = ['damaged-original', 'healthy-original', 'recovered', 'spare-shadow'] as const;
export type MaskingRole = (typeof MASKING_ROLES)[number];

export const maskingRoleText: Record<MaskingRole, string> = {
  'damaged-original': 'damaged original',
  'healthy-original': 'healthy original',
  recovered: 'recovered copy',
  'spare-shadow': 'spare shadow copy, left out',
};

export interface MaskingPictureRow {
  lunId: string;
  lunName: string;
  role: MaskingRole;
  /** Hosts that saw the LUN before; `*` means every host. */
  before: string[];
  after: string[];
  /** A step that changes this LUN's access failed or was cut short, so what the array holds now is not known. */
  uncertain: boolean;
}

export interface MaskingPicture {
  hosts: string[];
  luns: MaskingPictureRow[];
}

const ALL_HOSTS = '*';

/** Whether an access list lets `host` see the LUN (`*` is every host). */
export function sees(access: readonly string[], host: string): boolean {
  return access.some((h) => h === ALL_HOSTS || h.toUpperCase() === host.toUpperCase());
}

export const isOriginal = (row: { role: MaskingRole }): boolean => row.role === 'damaged-original' || row.role === 'healthy-original';

interface Transition {
  stepId: string;
  lunId: string;
  lunName: string;
  before: string[];
  after: string[];
}

function transitionsOf(step: PlanStep): Transition[] {
  if (step.kind === 'import-set') {
    const { host, shadowLuns } = step.params;
    return shadowLuns.map((lun) => ({ stepId: step.id, lunId: lun.lunId, lunName: lun.name, before: [], after: [host] }));
  }
  return step.changes.flatMap((change) =>
    change.kind === 'mask'
      ? [{ stepId: step.id, lunId: change.lunId, lunName: change.lunName, before: change.before, after: change.after }]
      : [],
  );
}

/** Each LUN the plan touches with its role; plans made before they had a scope call every original damaged. */
function rolesOf(plan: RecoveryPlan): Map<string, MaskingRole> {
  const scope = plan.scope ?? [];
  const damaged = (lunId: string) => (scope.find((lun) => lun.lunId === lunId)?.role ?? 'damaged') === 'damaged';
  const roles = new Map<string, MaskingRole>();
  for (const lunId of plan.originalLunIds) roles.set(lunId, damaged(lunId) ? 'damaged-original' : 'healthy-original');
  for (const lunId of plan.shadowLunIds) roles.set(lunId, 'recovered');
  for (const lun of scope) if (lun.leftOut && lun.shadowLunId !== undefined) roles.set(lun.shadowLunId, 'spare-shadow');
  return roles;
}

const done: ReadonlySet<StepState> = new Set(['succeeded', 'skipped']);
const partial: ReadonlySet<StepState> = new Set(['running', 'failed']);

/** The picture after the steps as `stateOf` says they ended; by default, after the whole plan. */
export function maskingPicture(plan: RecoveryPlan, stateOf: (stepId: string) => StepState = () => 'succeeded'): MaskingPicture {
  const transitions = plan.steps.flatMap(transitionsOf);
  const rows = new Map<string, MaskingPictureRow>();
  for (const [lunId, role] of rolesOf(plan)) {
    const first = transitions.find((t) => t.lunId === lunId);
    rows.set(lunId, {
      lunId,
      lunName: first?.lunName ?? lunId,
      role,
      before: first?.before ?? [],
      after: first?.before ?? [],
      uncertain: false,
    });
  }
  // Forward in plan order for what was done, then compensations in reverse, as a rollback runs them.
  for (const t of transitions) {
    const row = rows.get(t.lunId);
    const state = stateOf(t.stepId);
    if (!row) continue;
    if (done.has(state)) row.after = t.after;
    if (partial.has(state)) row.uncertain = true;
  }
  for (const t of [...transitions].reverse()) {
    const row = rows.get(t.lunId);
    if (row && stateOf(t.stepId) === 'compensated') row.after = t.before;
  }
  const luns = [...rows.values()];
  const named = luns.flatMap((row) => [...row.before, ...row.after]).filter((host) => host !== ALL_HOSTS);
  const hosts = [...new Map(named.map((host) => [host.toUpperCase(), host])).values()].sort();
  return { hosts, luns };
}
