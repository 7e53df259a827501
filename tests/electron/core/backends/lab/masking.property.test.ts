/**
 * Property tests on masking and visibility: for random sequences of mask changes (interleaved with the
 * other operations that change who sees what), what each host sees always equals what the masks say,
 * and no operation ever deletes a LUN.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host, Lun } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { openLab, type LabFixture } from './lab-fixture';

const HOSTS = ['SQL01', 'SQL02', 'BACKUP01'];

type Action =
  | { kind: 'mask'; lun: number; hosts: string[] }
  | { kind: 'create'; host: string; luns: number[] }
  | { kind: 'import'; set: number; host: string }
  | { kind: 'break'; set: number; mode: 'plain' | 'writable' | 'revert-identity' };

const maskList: fc.Arbitrary<string[]> = fc.oneof(
  fc.constant<string[]>(['*']),
  fc.subarray(HOSTS),
  fc.subarray(HOSTS.map((h) => h.toLowerCase())),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('mask' as const), lun: fc.nat(), hosts: maskList }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      host: fc.constantFrom(...HOSTS),
      luns: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), set: fc.nat(), host: fc.constantFrom(...HOSTS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('break' as const),
      set: fc.nat(),
      mode: fc.constantFrom('plain' as const, 'writable' as const, 'revert-identity' as const),
    }),
  },
);

function pick<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

let lab: LabFixture;
beforeAll(async () => {
  lab = await openLab('two-node-sql');
});
afterAll(() => lab.cleanup());

async function run(step: Action): Promise<void> {
  const luns = await lab.backend.listLuns();
  const sets = await lab.backend.listSnapshotSets();
  try {
    if (step.kind === 'mask') await lab.backend.setLunMask({ lunId: pick(luns, step.lun).id, hosts: step.hosts });
    if (step.kind === 'create')
      await lab.backend.createSnapshotSet({ host: step.host, lunIds: step.luns.map((i) => pick(luns, i).id), persistent: true });
    if (step.kind === 'import') await lab.backend.importSnapshotSet({ setId: pick(sets, step.set).id, host: step.host });
    if (step.kind === 'break') await lab.backend.breakSnapshotSet({ setId: pick(sets, step.set).id, mode: step.mode });
  } catch (error) {
    // Refusals (wrong order, not visible) are part of the model; anything else is a bug.
    if (!(error instanceof ShadowSwapError) || error.code === 'INTERNAL') throw error;
  }
}

function expectedVisible(luns: readonly Lun[], host: Host): string[] {
  return luns.filter((lun) => lun.maskAll || lun.maskedTo.includes(host.name)).map((lun) => lun.id);
}

describe('masking and visibility', () => {
  it('what each host sees is what the masks say, and LUNs and shadow copies are only ever added', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        for (const step of actions) {
          const idsBefore = (await lab.backend.listLuns()).map((l) => l.id);
          const copiesBefore = (await lab.backend.listSnapshotSets()).flatMap((set) => set.shadowCopies.map((c) => c.id));
          await run(step);
          const luns = await lab.backend.listLuns();
          const hosts = await lab.backend.listHosts();
          expect(luns.map((l) => l.id).slice(0, idsBefore.length)).toEqual(idsBefore);
          const copies = (await lab.backend.listSnapshotSets()).flatMap((set) => set.shadowCopies.map((c) => c.id));
          expect(copies.slice(0, copiesBefore.length)).toEqual(copiesBefore);
          for (const host of hosts) expect(host.visibleLunIds).toEqual(expectedVisible(luns, host));
          for (const lun of luns) {
            if (lun.maskAll) expect(lun.maskedTo).toEqual(HOSTS);
            else expect(lun.maskedTo.every((name) => HOSTS.includes(name))).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a LUN ends with exactly the hosts asked for, whatever it had (masking sets add and remove on this array)', async () => {
    const names = fc.oneof(fc.subarray(HOSTS), fc.subarray(HOSTS.map((h) => h.toLowerCase())));
    await fc.assert(
      fc.asyncProperty(fc.nat(), names, names, async (index, first, second) => {
        const lunId = pick(await lab.backend.listLuns(), index).id;
        await lab.backend.setLunMask({ lunId, hosts: first });
        await lab.backend.setLunMask({ lunId, hosts: second });
        const lun = (await lab.backend.listLuns()).find((l) => l.id === lunId);
        const canonical = (name: string) => HOSTS.find((host) => host.toLowerCase() === name.toLowerCase()) ?? name;
        expect([...(lun?.maskedTo ?? [])].sort()).toEqual([...new Set(second.map(canonical))].sort());
      }),
      { numRuns: 40 },
    );
  });
});
