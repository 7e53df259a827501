/**
 * A domain controller's recovery steps through the Windows backend, on Linux (docs/recovery-procedure.md#domain-controllers):
 * the step modules the engine binds run against a Windows backend on BACKUP01 whose ReplayLauncher answers every
 * PowerShell call from the DC01 transcript (dc-transcript.ts). A call the steps should not make, one out of order,
 * or one the transcript lacks fails the replay. The LUN swap between DSRM's entry and exit is the procedure's usual
 * one, replayed by windows-replay.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writablePartners } from '../../../../shared/domain-controller';
import type { RunDetail, StepKind, StepParams } from '../../../../shared/recovery';
import { ReplayLauncher } from '../../../../electron/core/backends/windows/running/replay-launcher';
import type { TranscriptEntry } from '../../../../electron/core/backends/windows/running/transcript';
import { createWindowsBackend } from '../../../../electron/core/backends/windows/windows-backend';
import { domainControllerOf, refuseRollbackAfterNormalStart } from '../../../../electron/core/recovery/domain-controller';
import { domainControllerChecks, domainControllerPlan } from '../../../../electron/core/recovery/domain-controller-checks';
import { bindStep } from '../../../../electron/core/recovery/steps';
import { verifyDomainController } from '../../../../electron/core/recovery/steps/verify-domain-controller';
import { DC, dcSegments, dcSet, NEW_INVOCATION, OLD_INVOCATION, PLANNED_AT } from './dc-transcript';

const SET = dcSet('2026-11-30T06:58:00.000Z');
const ESTATE = { luns: new Map(), hosts: new Map(), sets: [SET], clusters: [] };

const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A console on `computer` whose SAN map knows DC01 and BACKUP01; nothing in it says DC01 is a DC, its DomainRole does. */
function openConsole(entries: TranscriptEntry[], computer = 'BACKUP01') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-dc-replay-'));
  dataDirs.push(dataDir);
  fs.mkdirSync(path.join(dataDir, 'windows'));
  const sanMap = {
    format: 'shadowswap-san-map',
    version: 1,
    arrays: [],
    hosts: [
      { name: DC, initiators: [] },
      { name: 'BACKUP01', initiators: [] },
    ],
    luns: [],
  };
  fs.writeFileSync(path.join(dataDir, 'windows', 'san-map.json'), JSON.stringify(sanMap));
  const launcher = new ReplayLauncher(entries);
  const backend = createWindowsBackend({ dataDir, launcher, thisComputer: computer, now: () => new Date(PLANNED_AT) });
  const output: string[] = [];
  const context = { backend, log: (text: string) => void output.push(text) };
  /** One step as the engine drives it: skipped when its probe says it is done, else capture, act, and probe again. */
  async function drive<K extends StepKind>(kind: K, params: StepParams<K>): Promise<'skipped' | 'succeeded'> {
    const step = bindStep({ kind, params }, context);
    if (step.probe && (await step.probe())) return 'skipped';
    await step.capture();
    if (step.work.kind !== 'action') throw new Error(`${kind}: expected one action`);
    await step.work.apply();
    if (step.probe && !(await step.probe())) throw new Error(`${kind}: its effect is not in place after it ran`);
    return 'succeeded';
  }
  return { backend, launcher, output, drive };
}

describe("a domain controller's recovery through the Windows backend, replayed", () => {
  it('DSRM in, restore flag, DSRM out, SYSVOL from DC02, and a verified restore: every recorded call, in order', async () => {
    const { backend, launcher, output, drive } = openConsole([
      ...dcSegments.plan(),
      ...dcSegments.enterDsrm(),
      ...dcSegments.flag(),
      ...dcSegments.leaveDsrm(),
      ...dcSegments.sysvol(),
      ...dcSegments.verify(),
    ]);
    const planned = await domainControllerOf(backend, DC);
    expect(planned).toMatchObject({ bootMode: 'normal', invocationId: OLD_INVOCATION, restoreCount: 0 });
    if (!planned) throw new Error('DC01 was not read as a DC');
    expect(writablePartners(planned)).toEqual(['DC02']);
    // The plan's one reading is what its preflight weighs and its words say: DC01 is one of two writable DCs.
    const verdicts = Object.fromEntries(domainControllerChecks(planned, SET, ESTATE).map((c) => [c.id, c.verdict]));
    expect(verdicts).toMatchObject({ 'dc-recognised': 'pass', 'dc-volumes': 'pass', 'dc-tombstone': 'pass', 'dc-no-rollback': 'pass' });
    expect(verdicts).toMatchObject({ 'dc-replication': 'pass', 'dc-fsmo': 'pass' });
    expect(domainControllerPlan(planned, SET)).toMatchObject({ restore: 'one-of-several', domainControllers: 2, offlineSwap: false });
    expect(await drive('enter-dsrm', { host: DC })).toBe('succeeded');
    expect(await drive('flag-restored-database', { host: DC })).toBe('succeeded');
    expect(await drive('leave-dsrm', { host: DC })).toBe('succeeded');
    expect(await drive('resync-sysvol', { host: DC, authoritative: false })).toBe('succeeded');
    const problems = await verifyDomainController(
      { backend, log: (text) => void output.push(text) },
      { host: DC, invocationId: OLD_INVOCATION, restoreCount: 0, readAt: planned?.readAt ?? '', onlyDc: false },
    );
    expect(problems).toEqual([]);
    expect(output).toContain(`DC01: new invocation ID ${NEW_INVOCATION} (was ${OLD_INVOCATION})`);
    expect(output).toContain('DC01: event 1109 at 2026-11-30T08:31:40.5501230Z: the invocation ID changed after the restore');
    expect(output).toContain('DC01: DSA Previous Restore Count 0 → 1');
    expect(output).toContain('DC01: repadmin /replsummary: no failed replication');
    expect(output).toContain('DC01: dcdiag SysVolCheck: passed');
    expect(launcher.remaining).toBe(0);
  });

  it('a resumed run skips what is done: DC01 already in DSRM with the flag set', async () => {
    const { launcher, drive } = openConsole([...dcSegments.flag().slice(3), ...dcSegments.flag().slice(3)]);
    expect(await drive('enter-dsrm', { host: DC })).toBe('skipped');
    expect(await drive('flag-restored-database', { host: DC })).toBe('skipped');
    expect(launcher.remaining).toBe(0);
  });

  it('refuses to restart DC01 from a console running on DC01, before any call', async () => {
    const { backend, launcher } = openConsole([], DC);
    await expect(backend.restartDomainController({ host: DC, mode: 'dsrm' })).rejects.toThrow(
      /ShadowSwap runs on DC01, the domain controller this step would restart: the console would stop with it/,
    );
    expect(launcher.remaining).toBe(0);
  });

  it('a restart back to normal that timed out waiting fails the step, and the rollback is refused: DC01 reads as started normally', async () => {
    const { backend, launcher, drive } = openConsole([...dcSegments.leaveDsrmTimedOut(), ...dcSegments.afterTimeout()]);
    await expect(drive('leave-dsrm', { host: DC })).rejects.toThrow(/powershell/i);
    const leave = {
      id: '8-leave-dsrm',
      kind: 'leave-dsrm',
      title: 'Restart DC01 normally on the recovered database',
      params: { host: DC },
    };
    const run = { id: 'run-1', plan: { steps: [leave] }, steps: [{ id: leave.id, state: 'failed' }] } as unknown as RunDetail;
    await expect(refuseRollbackAfterNormalStart(backend, run)).rejects.toThrow(/cannot be rolled back: DC01 has started normally/);
    expect(launcher.remaining).toBe(0);
  });
});
