/**
 * A domain controller's recovery through the Windows backend, on Linux (docs/recovery-procedure.md#domain-controllers):
 * a Windows backend on BACKUP01 whose ReplayLauncher answers every PowerShell call from the DC01 transcripts. First
 * the DC's own steps, bound directly (dc-transcript.ts); then the RecoveryEngine plans and drives a whole standalone
 * DC recovery, the LUN swap between DSRM's entry and exit included (standalone-dc-transcript.ts). A call the steps
 * should not make, one out of order, or one the transcript lacks fails the replay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { readTranscript } from '../../../../electron/core/backends/windows/running/transcript';
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
import { CONSOLE, METADATA, SET as STANDALONE_SET, standaloneDcSanMap, wholeStandaloneDcRun } from './standalone-dc-transcript';

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

/** A console on BACKUP01 over the standalone DC's SAN map and ShadowSwap's catalog holding DC01's set, and the engine over it. */
function openEngineConsole() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-dc-whole-'));
  dataDirs.push(dataDir);
  fs.mkdirSync(path.join(dataDir, 'windows'));
  fs.writeFileSync(path.join(dataDir, 'windows', 'san-map.json'), JSON.stringify(standaloneDcSanMap()));
  const catalog = { format: 'shadowswap-snapshot-catalog', version: 1, sets: [STANDALONE_SET] };
  fs.writeFileSync(path.join(dataDir, 'windows', 'snapshot-sets.json'), JSON.stringify(catalog));
  const launcher = new ReplayLauncher(wholeStandaloneDcRun());
  const record = path.join(dataDir, 'calls.jsonl');
  // BACKUP01 as the tools are laid out on a server: System32, and vshadow.exe copied into C:\Tools.
  const locator = {
    platform: 'win32' as const,
    env: { SystemRoot: 'C:\\Windows', Path: 'C:\\Windows\\System32;C:\\Tools' },
    isFile: (file: string) =>
      ['diskshadow.exe', 'diskraid.exe', 'whoami.exe', 'WindowsPowerShell\\v1.0\\powershell.exe']
        .map((f) => `C:\\Windows\\System32\\${f}`)
        .concat('C:\\Tools\\vshadow.exe')
        .includes(file),
  };
  const backend = createWindowsBackend({
    dataDir,
    launcher,
    transcript: record,
    thisComputer: CONSOLE,
    runner: { locator },
    now: () => new Date(PLANNED_AT),
  });
  // A replay answers calls in the order they were recorded, so a step's operations run one at a time here.
  const engine = new RecoveryEngine({
    backend,
    dataDir,
    bus: new EventBus(),
    operator: 'CONTOSO\\admin',
    machine: CONSOLE,
    operationsAtOnce: 1,
  });
  return { dataDir, engine, launcher, calls: () => readTranscript(record) };
}

/** Reads change nothing, so no plan shows them: Get-*, Test-Path, a host's readiness, the DC reading, discovery, whoami. */
function changesSomething(entry: TranscriptEntry): boolean {
  const read =
    /^\$ErrorActionPreference = 'Stop'; (?:Invoke-Command -ComputerName '[^']+' -ErrorAction Stop -ScriptBlock \{ \$ErrorActionPreference = 'Stop'; )?(?:Get-|Test-Path |\$os = Get-CimInstance |\$cs = Get-CimInstance |ConvertTo-Json -InputObject @\(Get-)/;
  return entry.tool !== 'whoami' && !read.test(entry.argv.at(-1) ?? '');
}

/** The changes a standalone DC recovery sends, as an operator names them: a pattern of the command, and its name. */
const CHANGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/safeboot dsrepair/, 'bcdedit /set safeboot dsrepair on DC01'],
  [/Restart-Computer -ComputerName 'DC01'/, 'restart DC01'],
  [
    /New-PSSession -ComputerName 'DC01'.*WriteLine\('select lun (\d)'\).*WriteLine\('unmask lun none uninstall'\)/,
    'diskraid select lun $1: unmask lun none uninstall on DC01',
  ],
  [/New-PSSession -ComputerName 'DC01'.*Copy-Item.*diskshadow\.exe/, 'copy the .cab to DC01, diskshadow import there'],
  [/New-PSSession -ComputerName 'DC01'.*vshadow\.exe/, 'vshadow -rw -forcerevert -bex on DC01'],
  [/Set-Disk -UniqueId '\w+(\d)' -IsReadOnly \$false/, 'Set-Disk shadow $1 writable on DC01'],
  [/Set-Partition .*-NewDriveLetter '(\w)'/, 'Set-Partition $1: on DC01'],
  [/Database restored from backup/, 'set Database restored from backup on DC01'],
  [/deletevalue '\{default\}' safeboot/, 'bcdedit /deletevalue safeboot on DC01'],
  [/Wait-DfsrEvent 4602/, 'SYSVOL authoritative on DC01'],
];

/** The first name whose pattern the command matches, its $1 filled in. */
function changeOf(command: string): string {
  for (const [pattern, name] of CHANGES) {
    const match = pattern.exec(command);
    if (match !== null) return name.replace('$1', match[1] ?? '');
  }
  return `unnamed: ${command}`;
}

describe('a whole standalone domain controller recovery through the RecoveryEngine on Windows, replayed from BACKUP01', () => {
  it('DSRM, the LUN swap with the import and break on DC01 through remoting, the restore flag, DSRM left, SYSVOL authoritative, verified', async () => {
    const { dataDir, engine, launcher, calls } = openEngineConsole();
    // The Windows backend cannot read the VPD association (docs/windows-facts.md#vds-identifier-types-and-no-association-field),
    // and the DSRM password and DC01's console are the operator's to have ready.
    const acknowledged = ['compliance:lun-0', 'compliance:lun-1', 'compliance:lun-2', 'dc-dsrm-ready'];
    const run = await engine.start({ setId: STANDALONE_SET.id }, acknowledged, { autoConfirm: true });
    const done = await engine.settled(run.id);

    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(launcher.remaining).toBe(0);
    const detail = engine.get(run.id);
    const { plan } = detail;
    // The plan recognised DC01 from its DomainRole and weighed it as the only DC of contoso.local.
    expect(plan.domainController).toMatchObject({ restore: 'only-dc', domainControllers: 1, offlineSwap: false });
    const verdicts = Object.fromEntries(plan.preflight.map((c) => [c.id, c.verdict]));
    expect(verdicts).toMatchObject({
      'dc-recognised': 'pass',
      'dc-writable': 'pass',
      'dc-volumes': 'pass',
      'dc-tombstone': 'pass',
      'dc-no-rollback': 'pass',
      'dc-fsmo': 'pass',
      'dc-dsrm-ready': 'warn',
      'metadata-present': 'pass',
      'import-host-reachable': 'pass',
    });
    expect(plan.importHost).toBe(DC);
    expect(detail.steps.map((s) => [s.id, s.state])).toEqual([
      ['1-enter-dsrm', 'succeeded'],
      ['2-mask-originals', 'succeeded'],
      ['3-import-set', 'succeeded'],
      ['4-break-set', 'succeeded'],
      // The import surfaced the shadow LUNs to DC01, the one host that saw the originals, and DC01 lists them.
      ['5-unmask-shadows', 'skipped'],
      ['6-rescan-nodes', 'skipped'],
      ['7-make-read-write', 'succeeded'],
      ['8-flag-restored-database', 'succeeded'],
      ['9-leave-dsrm', 'succeeded'],
      ['10-resync-sysvol', 'succeeded'],
      ['11-verify', 'succeeded'],
    ]);
    const output = (id: string) => detail.steps.find((s) => s.id === id)?.output ?? [];
    expect(output('7-make-read-write')).toEqual(
      expect.arrayContaining([
        '  DC01-NTDS shadow on DC01: read-only → writable; partitions visible, not a shadow copy, mounted as D:',
        '  DC01-SYSVOL shadow on DC01: read-only → writable; partitions visible, not a shadow copy, mounted as S:',
      ]),
    );
    expect(output('10-resync-sysvol')).toContain('SYSVOL on DC01 was initialised authoritatively (event 4602).');
    expect(output('11-verify')).toEqual(
      expect.arrayContaining([
        'DC01: event 1109 at 2026-11-30T08:31:40.5501230Z: the invocation ID changed after the restore',
        `DC01: new invocation ID ${NEW_INVOCATION} (was ${OLD_INVOCATION})`,
        'DC01: DSA Previous Restore Count 0 → 1',
        'DC01: repadmin /replsummary: no failed replication (the only DC of its domain)',
      ]),
    );

    // What changed, in order: DSRM in, the originals masked by diskraid on DC01 (which holds their disks), the .cab copied to DC01 and
    // imported there, the break there, the volumes made usable on DC01, the flag, DSRM out, SYSVOL.
    const sent = calls().filter(changesSomething);
    expect(sent.map((c) => changeOf(c.argv.at(-1) ?? ''))).toEqual([
      'bcdedit /set safeboot dsrepair on DC01',
      'restart DC01',
      'diskraid select lun 0: unmask lun none uninstall on DC01',
      'diskraid select lun 1: unmask lun none uninstall on DC01',
      'diskraid select lun 2: unmask lun none uninstall on DC01',
      'copy the .cab to DC01, diskshadow import there',
      'vshadow -rw -forcerevert -bex on DC01',
      'Set-Disk shadow 0 writable on DC01',
      'Set-Partition D: on DC01',
      'Set-Disk shadow 1 writable on DC01',
      'Set-Partition L: on DC01',
      'Set-Disk shadow 2 writable on DC01',
      'Set-Partition S: on DC01',
      'set Database restored from backup on DC01',
      'bcdedit /deletevalue safeboot on DC01',
      'restart DC01',
      'SYSVOL authoritative on DC01',
    ]);
    // Every call went through PowerShell (diskraid included, as a checked session); the .cab went to DC01 first.
    expect(calls().filter((c) => c.tool !== 'powershell' && c.tool !== 'whoami')).toEqual([]);
    const importCall = sent.find((c) => (c.argv.at(-1) ?? '').includes('diskshadow.exe'))?.argv.at(-1) ?? '';
    expect(importCall).toContain(`Copy-Item -LiteralPath '${METADATA}' -Destination '${METADATA}' -ToSession $session`);
    // The plan's commands, for the steps that ran, are exactly what was sent, where it was sent.
    const ran = new Set(detail.steps.filter((s) => s.state === 'succeeded').map((s) => s.id));
    const planned = plan.steps.filter((s) => ran.has(s.id)).flatMap((s) => s.commands);
    expect(planned.map((c) => c.text)).toEqual(sent.map((c) => c.argv.at(-1) ?? ''));
    // The console sends DC01's boot, restart, flag and SYSVOL commands itself (it waits out DC01's restarts); the
    // masking (diskraid uninstalls DC01's disks there), import, break and volume commands are DC01's own, sent there
    // through remoting.
    expect(planned.map((c) => c.runsOn)).toEqual([
      ...Array<string>(2).fill(CONSOLE),
      ...Array<string>(11).fill(DC),
      ...Array<string>(4).fill(CONSOLE),
    ]);
    const catalog = JSON.parse(fs.readFileSync(path.join(dataDir, 'windows', 'snapshot-sets.json'), 'utf8')) as {
      sets: { state: string }[];
    };
    expect(catalog.sets[0]?.state).toBe('broken');
  });
});
