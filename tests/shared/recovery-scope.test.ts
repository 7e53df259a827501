import { describe, expect, it } from 'vitest';
import { dataLossLines, scopeOf } from '../../shared/recovery-scope';

const lun = (id: string, group: string, damaged = false) => ({ id, name: id, group, damaged, volumes: [`${id.slice(-1)}: (${id})`] });

describe('scope of a recovery', () => {
  it('names each LUN damaged, healthy in a damaged LUN’s consistency group, or unrelated', () => {
    const scope = scopeOf([lun('SQL-DATA', 'SQL', true), lun('SQL-LOGS', 'SQL'), lun('FILES', 'FS')]);
    expect(scope.map((s) => [s.lunName, s.role])).toEqual([
      ['SQL-DATA', 'damaged'],
      ['SQL-LOGS', 'same-group'],
      ['FILES', 'unrelated'],
    ]);
  });

  it('with no LUN damaged, every LUN is healthy and unrelated to damage', () => {
    expect(scopeOf([lun('A', 'G'), lun('B', 'G')]).map((s) => s.role)).toEqual(['unrelated', 'unrelated']);
  });

  it('says per volume what is lost since the recovery point, and that the original keeps it', () => {
    const lines = dataLossLines(scopeOf([lun('SQL-DATA', 'SQL', true), lun('SQL-LOGS', 'SQL')]), '2026-12-01 23:00:00 UTC');
    expect(lines).toEqual([
      'SQL-DATA (A: (SQL-DATA)), damaged: goes back to 2026-12-01 23:00:00 UTC; every change written to it after that is not in the recovered LUN. The original keeps those changes as evidence, so data can be copied back from it.',
      'SQL-LOGS (S: (SQL-LOGS)), healthy, swapped with its consistency group SQL: goes back to 2026-12-01 23:00:00 UTC; every change written to it after that is not in the recovered LUN. The original keeps those changes as evidence, so data can be copied back from it.',
    ]);
  });
});
