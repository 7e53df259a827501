/**
 * The masking before and after a run, LUN by host, from the journal alone: before is each LUN's access
 * list as the plan found it; after replays what the journal's steps did (a done step leaves its planned
 * `after`, a compensated one its `before`). Importing the set is a masking change too: the provider keeps
 * shadow LUNs masked from every host until the import shows them to the importing host.
 */
import type { PlanStep, RecoveryPlan, StepState } from '../../../shared/recovery';
import type { MaskingRow } from '../../../shared/report';

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

const done: ReadonlySet<StepState> = new Set(['succeeded', 'skipped']);
/** A step that was cut short or failed may have changed some access lists and not others. */
const partial: ReadonlySet<StepState> = new Set(['running', 'failed']);

export interface MaskingPicture {
  hosts: string[];
  luns: MaskingRow[];
}

export function maskingPicture(plan: RecoveryPlan, stateOf: (stepId: string) => StepState): MaskingPicture {
  const transitions = plan.steps.flatMap(transitionsOf);
  const rows = new Map<string, MaskingRow>();
  const lunIds = [...plan.originalLunIds, ...plan.shadowLunIds];
  for (const lunId of lunIds) {
    const first = transitions.find((t) => t.lunId === lunId);
    rows.set(lunId, {
      lunId,
      lunName: first?.lunName ?? lunId,
      role: plan.originalLunIds.includes(lunId) ? 'damaged-original' : 'recovered',
      before: first?.before ?? [],
      after: first?.before ?? [],
      uncertain: false,
    });
  }
  // Forward in plan order for what was done, then compensations in reverse, as the rollback ran them.
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
  const hosts = [...new Set(luns.flatMap((row) => [...row.before, ...row.after]).filter((host) => host !== '*'))].sort();
  return { hosts, luns };
}
