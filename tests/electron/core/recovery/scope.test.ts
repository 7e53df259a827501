/** The plan says per LUN whether it is damaged, healthy in the damaged LUN's consistency group or unrelated, and names its arrays. */
import { afterEach, describe, expect, it } from 'vitest';
import { corruptLun } from '../../../../electron/core/backends/lab/lab-admin';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture | null = null;
afterEach(async () => {
  await fx?.cleanup();
  fx = null;
});

describe('the scope of a plan', () => {
  it('on two-node-sql with SQL-DATA damaged: the other disks of the SQL Server group go with it, named per volume', async () => {
    fx = await openRecovery('two-node-sql');
    await corruptLun(fx.dataDir, 'SQL-DATA');
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.scope?.map((lun) => [lun.lunName, lun.role, lun.group, lun.volumes])).toEqual([
      ['SQL-DATA', 'damaged', 'SQL Server (MSSQLSERVER)', ['E: SQLData']],
      ['SQL-LOGS', 'same-group', 'SQL Server (MSSQLSERVER)', ['F: SQLLogs']],
      ['SQL-TEMPDB', 'same-group', 'SQL Server (MSSQLSERVER)', ['G: TempDB']],
      ['SQL-BACKUP', 'same-group', 'SQL Server (MSSQLSERVER)', ['H: SQLBackup']],
    ]);
    expect(plan.arrays).toEqual(['FC-ARRAY-01 (Contoso Storage CS-9000)']);
  });
});
