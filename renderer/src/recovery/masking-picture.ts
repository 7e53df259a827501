/**
 * Who sees which LUN before and after a plan, derived from its `mask` changes. Masking calls replace the
 * access list, so each change carries the full list; the last one for a LUN is where it ends up.
 */
import type { RecoveryPlan, StepChange } from '../../../shared/recovery';

const ALL_HOSTS = '*';

export interface MaskingRow {
  lunId: string;
  lunName: string;
  role: 'damaged original' | 'recovered copy';
  before: string[];
  after: string[];
}

export interface MaskingPicture {
  hosts: string[];
  rows: MaskingRow[];
}

export function maskingPicture(plan: RecoveryPlan): MaskingPicture {
  const shadows = new Set(plan.shadowLunIds);
  const rows = new Map<string, MaskingRow>();
  const masks = plan.steps.flatMap((step) => step.changes).filter((c): c is Extract<StepChange, { kind: 'mask' }> => c.kind === 'mask');
  for (const change of masks) {
    const row = rows.get(change.lunId);
    if (row) {
      row.after = change.after;
      continue;
    }
    const recovered = shadows.has(change.lunId);
    // A shadow LUN's first mask change comes after the import surfaced it to the importing host; before
    // the plan the set is not imported and no host sees it.
    rows.set(change.lunId, {
      lunId: change.lunId,
      lunName: change.lunName,
      role: recovered ? 'recovered copy' : 'damaged original',
      before: recovered ? [] : change.before,
      after: change.after,
    });
  }
  const hosts = [
    ...new Set(
      [...rows.values()]
        .flatMap((r) => [...r.before, ...r.after])
        .filter((h) => h !== ALL_HOSTS)
        .map((h) => h.toUpperCase()),
    ),
  ];
  return { hosts, rows: [...rows.values()] };
}

/** Whether an access list lets `host` see the LUN (`*` is every host). */
export function sees(access: readonly string[], host: string): boolean {
  return access.some((h) => h === ALL_HOSTS || h.toUpperCase() === host.toUpperCase());
}
