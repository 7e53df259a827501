/**
 * What may run together (operation-order.ts), the one set of rules the engine schedules by and the critical
 * path is computed from.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedOperation } from '../../../../electron/core/backend';
import { scheduledMs, unitsOf } from '../../../../electron/core/recovery/operation-order';

const disk = (operation: 'stopResource' | 'startResource', resource: string): PlannedOperation => ({
  operation,
  cluster: 'C',
  resource,
  onNode: 'N1',
});
const app = (operation: 'startApplicationResource' | 'stopApplicationResource', resource: string): PlannedOperation => ({
  operation,
  cluster: 'C',
  resource,
  onNode: 'N1',
});
const mask = (lunId: string): PlannedOperation => ({ operation: 'setLunMask', lunId, hosts: [], before: ['N1'] });
const MS: Record<string, number> = {
  stopResource: 1500,
  startResource: 3000,
  setLunMask: 1500,
  startApplicationResource: 4000,
  stopApplicationResource: 2000,
  importSnapshotSet: 8000,
};
const model = (unit: PlannedOperation[]) => Math.max(...unit.map((op) => MS[op.operation] ?? 0));

describe('what may run together', () => {
  it('runs the disks of a step together, and the masks of a step as one batch', () => {
    expect(unitsOf([disk('stopResource', 'D1'), disk('stopResource', 'D2')])).toEqual([
      { members: [0], after: [] },
      { members: [1], after: [] },
    ]);
    expect(unitsOf([mask('a'), mask('b'), mask('c')])).toEqual([{ members: [0, 1, 2], after: [] }]);
  });

  it('keeps a resource after what it depends on: applications in the planned order, disks after the applications stopped before them', () => {
    const units = unitsOf([app('stopApplicationResource', 'Agent'), app('stopApplicationResource', 'SQL'), disk('stopResource', 'D1')]);
    expect(units.map((u) => u.after)).toEqual([[], [0], [0, 1]]);
    expect(
      unitsOf([disk('startResource', 'D1'), app('startApplicationResource', 'SQL'), app('startApplicationResource', 'Agent')]).map(
        (u) => u.after,
      ),
    ).toEqual([[], [0], [0, 1]]);
  });

  it('keeps two imports on one host in order', () => {
    const imports: PlannedOperation[] = [
      { operation: 'importSnapshotSet', setId: 's1', host: 'sql01' },
      { operation: 'importSnapshotSet', setId: 's2', host: 'SQL01' },
      { operation: 'importSnapshotSet', setId: 's3', host: 'SQL02' },
    ];
    expect(unitsOf(imports).map((u) => u.after)).toEqual([[], [0], []]);
  });
});

describe('the critical path', () => {
  const twoNodeSql: PlannedOperation[][] = [
    ['D1', 'D2', 'D3', 'D4'].map((d) => disk('stopResource', d)),
    ['a', 'b', 'c', 'd'].map(mask),
    [{ operation: 'importSnapshotSet', setId: 's', host: 'N1' }],
    ['D1', 'D2', 'D3', 'D4'].map((d) => disk('startResource', d)),
    [app('startApplicationResource', 'SQL'), app('startApplicationResource', 'Agent')],
  ];

  it('is the sum over the steps of each step longest chain', () => {
    expect(scheduledMs(twoNodeSql, model)).toBe(1500 + 1500 + 8000 + 3000 + 8000);
  });

  it('grows with the slowest operation, not with the count, until the bound on operations at once is met', () => {
    const disks = (n: number) => [Array.from({ length: n }, (_, i) => disk('stopResource', `D${i}`))];
    expect(scheduledMs(disks(64), model)).toBe(1500);
    expect(scheduledMs(disks(8), model, 8)).toBe(1500);
    expect(scheduledMs(disks(64), model, 8)).toBe(8 * 1500);
    expect(scheduledMs(disks(3), model, 1)).toBe(3 * 1500);
  });

  it('is unknown when a duration is', () => {
    expect(scheduledMs(twoNodeSql, (unit) => (unit[0]?.operation === 'importSnapshotSet' ? null : 1))).toBeNull();
  });
});
