/**
 * Persistence survives a crash at every operation: a child process running the operation is killed by
 * an injected crash before or after the effect is saved, and reloading gives exactly the state before
 * or the state after (faults and the revision counter aside). The operations are walked in an order
 * where each is valid: the recovery procedure plus the other cluster and VSS calls.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../../../electron/core/backend';
import { armFault } from '../../../../../electron/core/backends/lab/lab-admin';
import { LAB_CRASH_EXIT_CODE } from '../../../../../electron/core/backends/lab/faults';
import { labOperations, type LabOperationName } from '../../../../../electron/core/backends/lab/lab-operations';
import type { LabState } from '../../../../../electron/core/backends/lab/lab-model';
import { LabStore } from '../../../../../electron/core/backends/lab/lab-store';
import { bundleDriver } from './driver-bundle';
import { openLab, type LabFixture } from './lab-fixture';

const CLUSTER = 'SQLCLUS';
const GROUP = 'SQL Server (MSSQLSERVER)';

interface Step {
  operation: LabOperationName;
  params(backend: Backend): Promise<object>;
  /** The estate the operation runs on: the domain controller operations need dc-pair's DCs. */
  estate?: 'dc-pair';
}

const lastNightsSet = async (backend: Backend) => (await backend.listSnapshotSets())[0]!;
const newestSet = async (backend: Backend) => (await backend.listSnapshotSets()).at(-1)!;
const disk = (n: number, onNode = 'SQL01') => ({ cluster: CLUSTER, resource: `Cluster Disk ${n}`, onNode });

const steps: Step[] = [
  { operation: 'createSnapshotSet', params: async () => ({ host: 'SQL01', lunIds: ['ARRAY-01:lun-0'], persistent: true }) },
  { operation: 'importSnapshotSet', params: async (b) => ({ setId: (await newestSet(b)).id, host: 'BACKUP01' }) },
  {
    operation: 'exposeShadowCopy',
    params: async (b) => ({ setId: (await newestSet(b)).id, shadowCopyId: (await newestSet(b)).shadowCopies[0]!.id, driveLetter: 'X:' }),
  },
  { operation: 'moveGroup', params: async () => ({ cluster: CLUSTER, group: GROUP, node: 'SQL02' }) },
  { operation: 'stopApplicationResource', params: async () => ({ cluster: CLUSTER, resource: 'SQL Server Agent', onNode: 'SQL02' }) },
  { operation: 'startApplicationResource', params: async () => ({ cluster: CLUSTER, resource: 'SQL Server Agent', onNode: 'SQL02' }) },
  { operation: 'stopResource', params: async () => disk(4, 'SQL02') },
  { operation: 'startResource', params: async () => disk(4, 'SQL02') },
  { operation: 'stopResource', params: async () => disk(4, 'SQL02') },
  { operation: 'setResourceDiskIdentity', params: async () => ({ cluster: CLUSTER, resource: 'Cluster Disk 4', signature: '0BADC0DE' }) },
  { operation: 'suspendResource', params: async () => disk(2, 'SQL02') },
  { operation: 'setLunMask', params: async (b) => ({ lunId: (await lastNightsSet(b)).shadowCopies[0]!.originalLunId, hosts: [] }) },
  { operation: 'importSnapshotSet', params: async (b) => ({ setId: (await lastNightsSet(b)).id, host: 'SQL02' }) },
  { operation: 'breakSnapshotSet', params: async (b) => ({ setId: (await lastNightsSet(b)).id, mode: 'plain' }) },
  {
    operation: 'setVolumesReadWrite',
    params: async (b) => ({ host: 'SQL02', lunIds: (await lastNightsSet(b)).shadowCopies.map((c) => c.shadowLunId) }),
  },
  { operation: 'resumeResource', params: async () => disk(2, 'SQL02') },
  // Unmasked to SQL02 again, the LUN is undiscovered there until SQL02 rescans.
  { operation: 'setLunMask', params: async (b) => ({ lunId: (await lastNightsSet(b)).shadowCopies[0]!.originalLunId, hosts: ['SQL02'] }) },
  { operation: 'rescanHostStorage', params: async () => ({ host: 'SQL02' }) },
  { operation: 'restartDomainController', params: async () => ({ host: 'DC01', mode: 'dsrm' }), estate: 'dc-pair' },
  { operation: 'setDatabaseRestoredFlag', params: async () => ({ host: 'DC01', restored: true }), estate: 'dc-pair' },
  { operation: 'restartDomainController', params: async () => ({ host: 'DC01', mode: 'normal' }), estate: 'dc-pair' },
  { operation: 'resyncSysvol', params: async () => ({ host: 'DC01', authoritative: false }), estate: 'dc-pair' },
];

/** The state without what a crash test expects to differ: the fault table and the revision counter. */
function comparable(state: LabState): unknown {
  return { ...state, faults: [], revision: 0 };
}

function readState(dataDir: string): unknown {
  return comparable(new LabStore(dataDir).read());
}

function copyDir(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-crash-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

let driver: Awaited<ReturnType<typeof bundleDriver>>;
let lab: LabFixture;
let dcLab: LabFixture;
const scratch: string[] = [];

beforeAll(async () => {
  driver = await bundleDriver();
  lab = await openLab('two-node-sql');
  dcLab = await openLab('dc-pair');
});

afterAll(async () => {
  await lab.cleanup();
  await dcLab.cleanup();
  driver.remove();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a crash at every operation', () => {
  it('the walk covers every operation a fault can target', () => {
    expect(new Set(steps.map((s) => s.operation))).toEqual(new Set(Object.keys(labOperations)));
  });

  it.each(steps.map((step, i) => [i + 1, step.operation, step] as const))(
    'step %i %s: reload gives the state before or after',
    async (_n, operation, step) => {
      const estate = step.estate === 'dc-pair' ? dcLab : lab;
      const params = await step.params(estate.backend);
      const before = readState(estate.dataDir);
      const outcomes: Record<string, unknown> = {};
      for (const crashPoint of ['before', 'after'] as const) {
        const dir = copyDir(estate.dataDir);
        scratch.push(dir);
        await armFault(dir, { operation, kind: 'crash', crashPoint, times: 1 });
        const child = spawnSync(process.execPath, [driver.file, dir, operation, JSON.stringify(params)], { encoding: 'utf8' });
        expect(child.status, child.stderr).toBe(LAB_CRASH_EXIT_CODE);
        expect(child.stderr).toContain(`injected crash in ${operation}`);
        outcomes[crashPoint] = readState(dir);
      }
      await (estate.backend[operation] as (p: object) => Promise<unknown>).call(estate.backend, params);
      const after = readState(estate.dataDir);

      expect(after).not.toEqual(before);
      expect(outcomes.before).toEqual(before);
      expect(outcomes.after).toEqual(after);
    },
  );
});
