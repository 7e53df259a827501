/** A Lab estate plus a recovery engine over it, and the checks every recovery test makes. */
import { expect } from 'vitest';
import type { Lun } from '../../../../shared/domain';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { openLab, type LabFixture } from '../backends/lab/lab-fixture';

export interface RecoveryFixture extends LabFixture {
  engine: RecoveryEngine;
  bus: EventBus;
  setId: string;
}

export async function openRecovery(scenario = 'two-node-sql'): Promise<RecoveryFixture> {
  const lab = await openLab(scenario);
  const bus = new EventBus();
  const engine = new RecoveryEngine({ backend: lab.backend, dataDir: lab.dataDir, bus, operator: 'tester', machine: 'testbox' });
  const [set] = await lab.backend.listSnapshotSets();
  if (!set) throw new Error(`${scenario} has no snapshot set`);
  return { ...lab, engine, bus, setId: set.id };
}

export async function lunMap(fixture: LabFixture): Promise<Map<string, Lun>> {
  return new Map((await fixture.backend.listLuns()).map((lun) => [lun.id, lun]));
}

/** The invariant: every LUN that existed still exists (nothing deleted), with its content unless recovered. */
export async function expectNothingLost(fixture: LabFixture, before: Map<string, Lun>): Promise<void> {
  const after = await lunMap(fixture);
  for (const [id, lun] of before) {
    expect(after.has(id), `LUN ${lun.name} (${id}) must still exist`).toBe(true);
  }
}

/** Masks and resource states, to compare the estate before a run with the estate after a rollback. */
export async function productionView(fixture: LabFixture) {
  const luns = [...(await lunMap(fixture)).values()].filter((lun) => lun.shadowOf === null);
  const clusters = await fixture.backend.listClusters();
  return {
    masks: Object.fromEntries(luns.map((lun) => [lun.name, lun.maskAll ? ['*'] : lun.maskedTo])),
    resources: Object.fromEntries(
      clusters.flatMap((c) => c.diskResources.map((r) => [r.name, `${r.state}${r.maintenanceMode ? '+maintenance' : ''}@${r.ownerNode}`])),
    ),
  };
}
