/**
 * Recognising a domain controller and checking it before its disks are recovered (issue 17 items 1, 2 and 6):
 * the Lab's DCs answer the readings the Windows backend makes, and the preflight weighs them against the set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PreflightCheck, RecoveryPlan } from '../../../../shared/recovery';
import type { LabDomainController } from '../../../../electron/core/backends/lab/domain-controller-model';
import type { LabState } from '../../../../electron/core/backends/lab/lab-model';
import { LabStore } from '../../../../electron/core/backends/lab/lab-store';
import { FIXED_NOW } from '../backends/lab/lab-fixture';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture;
afterEach(() => fx.cleanup());

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function checkOf(plan: RecoveryPlan, id: string): PreflightCheck {
  const found = plan.preflight.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${plan.preflight.map((c) => c.id).join(', ')}`);
  return found;
}

/** Edits the Lab's estate as an administrator (or an accident) would have changed the real one. */
function edit(change: (state: LabState) => void): Promise<void> {
  return new LabStore(fx.dataDir).update(change);
}

function dc01(state: LabState): LabDomainController {
  const dc = state.domainControllers.find((d) => d.host === 'DC01');
  if (!dc) throw new Error('no DC01');
  return dc;
}

const planFor = () => fx.engine.plan({ setId: fx.setId });

describe('recognising a domain controller', () => {
  it('reads DC01 as Windows would, in one reading: DomainRole 5, AD DS running, where AD lives, the forest facts when asked', async () => {
    fx = await openRecovery('dc-pair');
    const dc = await fx.backend.readDomainController({ host: 'DC01', domainFacts: true });
    expect(dc).toMatchObject({
      host: 'DC01',
      domain: 'contoso.local',
      domainRole: 5,
      bootMode: 'normal',
      directoryRunning: true,
      readOnly: false,
      databaseFile: 'D:\\NTDS\\ntds.dit',
      logPath: 'L:\\',
      sysvolPath: 'S:\\SYSVOL\\sysvol',
      systemDrive: 'C:',
      directoryEvents: [],
      domainFacts: { tombstoneLifetimeDays: 180, replicationFailures: [] },
      health: null,
    });
    expect(dc?.domainControllers.map((peer) => peer.name)).toEqual(['DC01', 'DC02']);
    expect(dc?.domainFacts?.fsmoRoles).toHaveLength(5);
    expect((await fx.backend.readDomainController({ host: 'DC01' }))?.domainFacts).toBeNull();
    expect((await fx.backend.readDomainController({ host: 'DC02' }))?.domainRole).toBe(4);
    expect(await fx.backend.readDomainController({ host: 'BACKUP01' })).toBeNull();
  });

  it('fails a DC whose directory is not running at plan time: the domain facts cannot be read', async () => {
    fx = await openRecovery('dc-pair');
    await edit((state) => void (dc01(state).bootMode = 'dsrm'));
    const plan = await planFor();
    const check = checkOf(plan, 'dc-domain-facts');
    expect(check.verdict).toBe('fail');
    expect(check.reason).toContain('it is in Directory Services Restore Mode');
    expect(plan.preflight.some((c) => c.id === 'dc-tombstone' || c.id === 'dc-fsmo')).toBe(false);
    expect(plan.blocked).toBe(true);
  });

  it('passes standalone-dc with every AD volume in the set, each DC check linking its Microsoft page', async () => {
    fx = await openRecovery('standalone-dc');
    const plan = await planFor();
    expect(checkOf(plan, 'dc-recognised').verdict).toBe('pass');
    expect(checkOf(plan, 'dc-writable').verdict).toBe('pass');
    const volumes = checkOf(plan, 'dc-volumes');
    expect(volumes.verdict).toBe('pass');
    expect(volumes.reason).toContain('DC01-NTDS-LOGS');
    for (const id of ['dc-tombstone', 'dc-no-rollback', 'dc-replication', 'dc-fsmo', 'dc-writer'])
      expect(checkOf(plan, id).verdict, id).toBe('pass');
    const dcChecks = plan.preflight.filter((c) => c.id.startsWith('dc-'));
    for (const c of dcChecks) expect(c.learnMore, c.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(plan.preflight.some((c) => c.id === 'dc-boot-volume')).toBe(false);
  });

  it('refuses a read-only DC and says to rebuild it', async () => {
    fx = await openRecovery('standalone-dc');
    await edit((state) => void (dc01(state).readOnly = true));
    const plan = await planFor();
    const check = checkOf(plan, 'dc-writable');
    expect(check.verdict).toBe('fail');
    expect(check.reason).toContain('read-only domain controller');
    expect(check.fix).toMatch(/Rebuild DC01/);
    expect(plan.blocked).toBe(true);
  });

  it('refuses a set without the logs volume, naming it', async () => {
    fx = await openRecovery('standalone-dc');
    const luns = await fx.backend.listLuns();
    const id = (name: string) => luns.find((l) => l.name === name)?.id ?? '';
    const made = await fx.backend.createSnapshotSet({ host: 'DC01', lunIds: [id('DC01-NTDS'), id('DC01-SYSVOL')], persistent: true });
    const plan = await fx.engine.plan({ setId: made.snapshotSetId });
    const check = checkOf(plan, 'dc-volumes');
    expect(check.verdict).toBe('fail');
    expect(check.reason).toContain('its logs (Database log files path) at L:\\ (LUN DC01-NTDS-LOGS)');
    expect(check.reason).not.toContain('ntds.dit');
    expect(plan.blocked).toBe(true);
  });

  it('says a boot-from-SAN DC is swapped shut down and imported on another host', async () => {
    fx = await openRecovery('standalone-dc');
    // Windows on the SYSVOL LUN stands in for a DC whose system volume is a LUN of the set.
    await edit((state) => void (dc01(state).systemDrive = 'S:'));
    const plan = await planFor();
    const check = checkOf(plan, 'dc-boot-volume');
    expect(check.verdict).toBe('warn');
    expect(check.reason).toMatch(/shut down and the set is imported on another host/);
    expect(plan.domainController?.offlineSwap).toBe(true);
  });
});

describe('preflight of a domain controller', () => {
  it('fails a set older than an unset tombstone lifetime (60 days), and passes it under 180 days', async () => {
    fx = await openRecovery('standalone-dc');
    await edit((state) => {
      const set = state.snapshotSets[0];
      if (set) set.createdAt = new Date(FIXED_NOW.getTime() - 70 * DAY_MS).toISOString();
      if (state.directory) state.directory.tombstoneLifetimeDays = null;
    });
    const unset = checkOf(await planFor(), 'dc-tombstone');
    expect(unset.verdict).toBe('fail');
    expect(unset.reason).toContain('70 days old and tombstoneLifetime is not set, which means 60 days');
    await edit((state) => void (state.directory && (state.directory.tombstoneLifetimeDays = 180)));
    expect(checkOf(await planFor(), 'dc-tombstone').verdict).toBe('pass');
  });

  it.each([
    ['Dsa Not Writable', (dc: LabDomainController) => void (dc.ntds['Dsa Not Writable'] = 4), 'Dsa Not Writable is 4'],
    [
      'event 2095',
      (dc: LabDomainController) => void dc.events.push({ id: 2095, at: '2025-03-01T10:00:00.000Z', message: 'rollback' }),
      'event 2095',
    ],
    [
      'event 2103',
      (dc: LabDomainController) => void dc.events.push({ id: 2103, at: '2025-03-01T10:00:00.000Z', message: 'restored' }),
      'event 2103',
    ],
  ])('fails a DC that already rolled back (%s)', async (_sign, mark, said) => {
    fx = await openRecovery('dc-pair');
    await edit((state) => mark(dc01(state)));
    const check = checkOf(await planFor(), 'dc-no-rollback');
    expect(check.verdict).toBe('fail');
    expect(check.reason).toContain(said);
    expect(check.fix).toMatch(/Demote DC01/);
  });

  it("counts the domain's DCs and warns when a partner fails to replicate", async () => {
    fx = await openRecovery('dc-pair');
    expect(checkOf(await planFor(), 'dc-replication')).toMatchObject({ verdict: 'pass' });
    expect(checkOf(await planFor(), 'dc-replication').reason).toContain('contoso.local has 2 DCs (DC01, DC02)');
    await edit((state) => {
      const dc02 = state.domainControllers.find((d) => d.host === 'DC02');
      if (dc02) Object.assign(dc02, { replicationFailures: 3, lastReplicationError: '8453' });
    });
    const check = checkOf(await planFor(), 'dc-replication');
    expect(check.verdict).toBe('warn');
    expect(check.reason).toContain('DC02 reports 3 replication failure(s) (last error 8453)');
  });

  it('fails a role seized since the snapshot and warns about one transferred', async () => {
    fx = await openRecovery('dc-pair');
    const movedAt = new Date(FIXED_NOW.getTime() - HOUR_MS).toISOString();
    const moveRid = (changedOn: string) =>
      edit((state) => {
        const rid = state.directory?.fsmoRoles.find((r) => r.role === 'RIDMaster');
        if (rid) Object.assign(rid, { holder: 'DC02', changedAt: movedAt, changedOn });
      });
    await moveRid('DC02');
    const seized = checkOf(await planFor(), 'dc-fsmo');
    expect(seized.verdict).toBe('fail');
    expect(seized.reason).toContain(`RIDMaster was seized by DC02 at ${movedAt}`);
    await moveRid('DC01');
    expect(checkOf(await planFor(), 'dc-fsmo').verdict).toBe('warn');
  });

  it('warns when the set was taken without writers', async () => {
    fx = await openRecovery('standalone-dc');
    await edit((state) => void (state.snapshotSets[0] && (state.snapshotSets[0].writers = false)));
    const check = checkOf(await planFor(), 'dc-writer');
    expect(check.verdict).toBe('warn');
    expect(check.reason).toContain('nowriters');
  });

  it('will not start until the operator confirms the DSRM password and console access', async () => {
    fx = await openRecovery('standalone-dc');
    expect(checkOf(await planFor(), 'dc-dsrm-ready').verdict).toBe('warn');
    await expect(fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true })).rejects.toMatchObject({
      details: { unacknowledged: ['dc-dsrm-ready'] },
    });
  });

  it('says so when a standalone host cannot be read as a DC or not', async () => {
    fx = await openRecovery('standalone-dc');
    await edit((state) => {
      const host = state.hosts.find((h) => h.name === 'DC01');
      if (host) host.reachable = false;
    });
    const plan = await planFor();
    expect(checkOf(plan, 'dc-reading').verdict).toBe('warn');
    expect(plan.domainController).toBeNull();
  });
});

describe('words that fit a domain controller', () => {
  it('standalone-dc: every change since the snapshot is lost, passwords may need resetting', async () => {
    fx = await openRecovery('standalone-dc');
    const { domainController } = await planFor();
    expect(domainController).toMatchObject({ host: 'DC01', restore: 'only-dc', domainControllers: 1 });
    expect(domainController?.consequences.join(' ')).toMatch(/every change made since is lost for good/);
    expect(domainController?.consequences.join(' ')).toMatch(/machine account or trust passwords may need resetting/);
  });

  it('dc-pair: changes come back by replication, so replicated damage needs an authoritative restore or the Recycle Bin', async () => {
    fx = await openRecovery('dc-pair');
    const { domainController } = await planFor();
    expect(domainController).toMatchObject({ restore: 'one-of-several', domainControllers: 2 });
    const words = domainController?.consequences.join(' ') ?? '';
    expect(words).toMatch(/come back to it from its partners by replication/);
    expect(words).toMatch(/authoritative restore .* or the AD Recycle Bin/);
  });

  it('a cluster plan has no DC words', async () => {
    fx = await openRecovery('two-node-sql');
    const plan = await planFor();
    expect(plan.domainController).toBeNull();
    expect(plan.preflight.some((c) => c.id.startsWith('dc-'))).toBe(false);
  });
});
