/**
 * The Lab previews a plan with the same renderer the Windows backend runs (windows-tools/render-operation.ts). This
 * proves it on every scenario and every planned operation: the Lab's preview equals what a Windows backend renders
 * for the same estate, described as the Windows backend reads it (SAN map and snapshot catalog).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandPreview, RecoveryOptionsInput } from '../../../../shared/recovery';
import { RecoveryOptions } from '../../../../shared/recovery';
import type { Backend, PlannedOperation } from '../../../../electron/core/backend';
import { labAddressing } from '../../../../electron/core/backends/lab/lab-addressing';
import { buildScenario, scenarios } from '../../../../electron/core/backends/lab/scenarios';
import { diskraidIndexOf } from '../../../../electron/core/backends/lab/diskraid-enumeration';
import type { LabState } from '../../../../electron/core/backends/lab/lab-model';
import { LabStore } from '../../../../electron/core/backends/lab/lab-store';
import { SnapshotCatalog } from '../../../../electron/core/backends/windows/state/snapshot-catalog';
import { WindowsBackend } from '../../../../electron/core/backends/windows/windows-backend';
import { planRecovery } from '../../../../electron/core/recovery/planner';
import { FIXED_NOW, openLab, tempDataDir, type LabFixture } from '../backends/lab/lab-fixture';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/**
 * Plans with the Lab and records each planned call (an operation, or a step's masks sent as one batch) beside the
 * commands the Lab previewed for it; `planned` is the call's first operation. `prepare` changes the estate first.
 */
async function plannedOperations(
  scenario: string,
  options: RecoveryOptionsInput[],
  prepare: (lab: LabFixture) => Promise<void> = async () => {},
): Promise<{ planned: PlannedOperation; call: PlannedOperation[]; lab: CommandPreview[] }[]> {
  const lab = await openLab(scenario);
  cleanups.push(lab.cleanup);
  await prepare(lab);
  const seen: { planned: PlannedOperation; call: PlannedOperation[]; lab: CommandPreview[] }[] = [];
  const recording: Backend = Object.create(lab.backend, {
    previewCommands: {
      value: async (call: PlannedOperation[]) => {
        const commands = await lab.backend.previewCommands(call);
        const [planned] = call;
        if (planned !== undefined) seen.push({ planned, call, lab: commands });
        return commands;
      },
    },
  });
  for (const input of options) {
    await planRecovery(
      { backend: recording, claimedBy: new Map(), busyImportHosts: new Map(), operationsAtOnce: 8 },
      RecoveryOptions.parse(input),
    );
  }
  return seen;
}

/** A Windows backend whose SAN map and catalog describe the Lab's estate, running on `computer`. */
async function windowsBackendFor(state: LabState, computer: string, planned: PlannedOperation): Promise<WindowsBackend> {
  const dataDir = tempDataDir();
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const windowsDir = path.join(dataDir, 'windows');
  fs.mkdirSync(windowsDir, { recursive: true });
  const sanMap = {
    format: 'shadowswap-san-map',
    version: 1,
    arrays: state.arrays.map((a, index) => ({
      id: a.id,
      name: a.name,
      vendor: a.vendor,
      model: a.model,
      providerId: a.providerId,
      providerName: a.providerName,
      management: a.management,
      diskraidSubsystem: index,
    })),
    hosts: state.hosts.map((h) => ({ name: h.name, initiators: h.initiators })),
    maskingSets: state.maskingSets,
    luns: state.luns
      .filter((l) => l.identifiers[0] !== undefined)
      .map((l) => ({
        id: l.id,
        name: l.name,
        arrayId: l.arrayId,
        diskraidLun: diskraidIndexOf(state, l),
        uniqueId: l.identifiers[0]?.value,
      })),
  };
  fs.writeFileSync(path.join(windowsDir, 'san-map.json'), JSON.stringify(sanMap));
  const catalog = new SnapshotCatalog(windowsDir);
  const addressing = labAddressing(state, planned);
  for (const set of state.snapshotSets) {
    if ('setId' in planned && planned.setId !== set.id) continue;
    const { persistent: _persistent, ...common } = set;
    await catalog.put({ ...common, attributes: [], metadataFile: addressing.metadataPath(set.id) });
  }
  return new WindowsBackend({ dataDir, thisComputer: computer });
}

const everyOption: Omit<RecoveryOptionsInput, 'setId'>[] = (['offline', 'maintenance'] as const).flatMap((mode) =>
  (['revert', 'new-signature'] as const).map((identity) => ({ mode, identity })),
);

describe('the Lab previews exactly what the Windows backend renders', () => {
  const names = Object.keys(scenarios).filter((name) => name !== 'large');
  it.each(names)('%s: every planned operation, every recovery option', async (scenario) => {
    const state = buildScenario(scenario, FIXED_NOW);
    const sets = state.snapshotSets.slice(-2);
    const operations = await plannedOperations(
      scenario,
      sets.flatMap((set) => everyOption.map((o) => ({ ...o, setId: set.id }))),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { planned, call, lab } of operations) {
      const computer = labAddressing(state, planned).consoleComputer;
      const windows = await (await windowsBackendFor(state, computer, planned)).previewCommands(call);
      expect(windows, `${scenario}: ${planned.operation}`).toEqual(lab);
    }
  });

  it('a clustered LUN on a VDS-only array after a failover: both run its diskraid session on the node that owns its disk now', async () => {
    const setId = buildScenario('two-node-sql', FIXED_NOW).snapshotSets.at(-1)?.id ?? '';
    let state: LabState | undefined;
    // Last night's set was taken on SQL01; SQL Server's group failed over to SQL02 since, on an array diskraid masks.
    const operations = await plannedOperations('two-node-sql', [{ setId }], async (lab) => {
      await new LabStore(lab.dataDir).update((estate) => {
        for (const array of estate.arrays) array.management = 'vds';
        estate.maskingSets = [];
      });
      await lab.backend.moveGroup({ cluster: 'SQLCLUS', group: 'SQL Server (MSSQLSERVER)', node: 'SQL02' });
      state = new LabStore(lab.dataDir).read();
    });
    if (state === undefined) throw new Error('the estate was not prepared');
    const maskedAway = operations.filter(({ planned }) => planned.operation === 'setLunMask' && planned.hosts.length === 0);
    expect(maskedAway.length).toBeGreaterThan(0);
    for (const { planned, call, lab } of maskedAway) {
      const windows = await (await windowsBackendFor(state, 'SQL01', planned)).previewCommands(call);
      expect(windows).toEqual(lab);
      expect(windows.map((c) => c.runsOn)).toEqual(call.map(() => 'SQL02'));
      for (const command of windows) expect(command.text).toContain("New-PSSession -ComputerName 'SQL02'");
    }
  });

  it('covers every kind of planned operation', async () => {
    const state = buildScenario('two-node-sql', FIXED_NOW);
    const set = state.snapshotSets.at(-1);
    const operations = await plannedOperations(
      'two-node-sql',
      everyOption.map((o) => ({ ...o, setId: set?.id ?? '', forensicsHost: 'BACKUP01' })),
    );
    const kinds = new Set(operations.map((o) => o.planned.operation));
    expect([...kinds].sort()).toEqual(
      [
        'breakSnapshotSet',
        'importSnapshotSet',
        'rescanHostStorage',
        'resumeResource',
        'setLunMask',
        'setResourceDiskIdentity',
        'setVolumesReadWrite',
        'startApplicationResource',
        'startResource',
        'stopApplicationResource',
        'stopResource',
        'suspendResource',
      ].sort(),
    );
  });

  it('covers the domain controller operations: DSRM in and out, the restore flag, SYSVOL both ways', async () => {
    const operations = [
      ...(await plannedOperations('dc-pair', [{ setId: buildScenario('dc-pair', FIXED_NOW).snapshotSets.at(-1)?.id ?? '' }])),
      ...(await plannedOperations('standalone-dc', [{ setId: buildScenario('standalone-dc', FIXED_NOW).snapshotSets.at(-1)?.id ?? '' }])),
    ];
    const kinds = new Set(
      operations.flatMap(({ planned }) =>
        planned.operation === 'restartDomainController'
          ? [`restart ${planned.mode}`]
          : planned.operation === 'setDatabaseRestoredFlag'
            ? [`flag ${planned.restored}`]
            : planned.operation === 'resyncSysvol'
              ? [`sysvol ${planned.authoritative ? 'authoritative' : 'from a partner'}`]
              : [],
      ),
    );
    expect([...kinds].sort()).toEqual(['flag true', 'restart dsrm', 'restart normal', 'sysvol authoritative', 'sysvol from a partner']);
  });
});
