import { afterEach, describe, expect, it } from 'vitest';
import { armFault, corruptLun } from '../../../../electron/core/backends/lab/lab-admin';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { DEFAULT_TIMEOUTS_MS } from '../../../../electron/core/backends/windows/running/tool-runner';
import { DEFAULT_STEP_TIMEOUT_MS, RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { expectNothingLost, lunMap, openRecovery, productionView, type RecoveryFixture } from './recovery-fixture';

let fx: RecoveryFixture;
afterEach(() => fx?.cleanup());

describe('recovery plan', () => {
  it("lays out Microsoft's procedure for a two-node cluster, with exact commands", async () => {
    fx = await openRecovery();
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.blocked).toBe(false);
    expect(plan.preflight.filter((c) => c.verdict !== 'pass')).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'stop-resources',
      'mask-originals',
      'import-set',
      'break-set',
      'unmask-shadows',
      'rescan-nodes',
      'start-resources',
      'make-read-write',
      'start-dependents',
      'verify',
    ]);
    expect(plan.steps.filter((s) => s.destructive).map((s) => s.kind)).toEqual(['stop-resources', 'mask-originals', 'break-set']);
    expect(plan.steps.every((s) => !s.destructive || s.confirmPhrase === 'SQLCLUS')).toBe(true);
    const text = (kind: string) =>
      plan.steps
        .find((s) => s.kind === kind)
        ?.commands.map((c) => c.text)
        .join('\n') ?? '';
    expect(text('stop-resources')).toContain("Invoke-Command -ComputerName 'SQL01'");
    expect(text('stop-resources')).toContain('Stop-ClusterResource');
    // A Storage Management array: the originals leave their hosts' masking sets, found by UniqueId, read before and after.
    const maskAway = plan.steps.find((s) => s.kind === 'mask-originals')?.commands ?? [];
    expect(maskAway.every((c) => c.tool === 'powershell' && c.runsOn === 'SQL01')).toBe(true);
    expect(maskAway[0]?.text).toMatch(/Get-VirtualDisk -UniqueId '6[0-9a-f]{31}'.*Get-MaskingSet -VirtualDisk/);
    expect(text('mask-originals')).toContain("Remove-VirtualDiskFromMaskingSet -MaskingSetUniqueId '");
    // The step's masks are one batch: one removal per node's masking set, naming every original's virtual disk.
    const removals = maskAway.filter((c) => c.text.includes('Remove-VirtualDiskFromMaskingSet'));
    expect(removals).toHaveLength(2);
    expect(removals.map((c) => c.text.match(/Get-VirtualDisk -UniqueId/g)?.length)).toEqual([4, 4]);
    expect(removals.every((c) => c.text.includes('-VirtualDiskNames $names'))).toBe(true);
    expect(text('mask-originals')).not.toMatch(/select lun/);
    // diskshadow and vshadow run on the import host, through one remoting session each.
    expect(text('import-set')).toMatch(/New-PSSession -ComputerName 'SQL01'.*-Value @\('load metadata .+\.cab', 'import', 'exit'\)/);
    expect(text('break-set')).toMatch(
      /New-PSSession -ComputerName 'SQL01'.*vshadow\.exe.*-ArgumentList @\('-rw', '-forcerevert', '-bex=\{[0-9a-f-]+\}'\)/,
    );
    expect(text('unmask-shadows')).toContain("Add-VirtualDiskToMaskingSet -MaskingSetUniqueId '");
    expect(plan.steps.every((s) => s.commandsSimulated)).toBe(true);
  });

  it('uses maintenance mode and new signatures when asked, repointing the resources', async () => {
    fx = await openRecovery();
    const plan = await fx.engine.plan({ setId: fx.setId, mode: 'maintenance', identity: 'new-signature' });
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'suspend-resources',
      'mask-originals',
      'import-set',
      'break-set',
      'repoint-resources',
      'unmask-shadows',
      'rescan-nodes',
      'make-read-write',
      'resume-resources',
      'start-dependents',
      'verify',
    ]);
    expect(plan.preflight.find((c) => c.id === 'identity')?.verdict).toBe('warn');
    // VSS picks the new signatures at the break: the plan shows each Set-ClusterParameter with a placeholder for it.
    const repoint = plan.steps.find((s) => s.kind === 'repoint-resources')?.commands ?? [];
    expect(repoint.map((c) => c.runsOn)).toEqual(['SQL01', 'SQL01', 'SQL01', 'SQL01']);
    expect(repoint[0]?.text).toContain("$resource = Get-ClusterResource -Name 'Cluster Disk 1'");
    expect(repoint[0]?.text).toContain(
      "Set-ClusterParameter -Name DiskSignature -Value ([Convert]::ToUInt32('0x<signature after the break>', 16))",
    );
  });

  it('refuses mixed-compliance with the right verdict for each LUN', async () => {
    fx = await openRecovery('mixed-compliance');
    const plan = await fx.engine.plan({ setId: fx.setId });
    const verdicts = Object.fromEntries(
      plan.preflight.filter((c) => c.id.startsWith('compliance:')).map((c) => [c.title.split(' ')[0], c.verdict]),
    );
    expect(Object.values(verdicts)).toContain('fail');
    expect(Object.values(verdicts)).toContain('warn');
    expect(Object.values(verdicts)).toContain('pass');
    expect(plan.blocked).toBe(true);
    await expect(fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });
});

describe('recovery run', () => {
  it('brings two-node-sql back after the incident', async () => {
    fx = await openRecovery();
    const before = await lunMap(fx);
    const damaged = [...before.values()].find((l) => l.name === 'SQL-DATA');
    await corruptLun(fx.dataDir, 'SQL-DATA');
    const run = await fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('succeeded');

    const detail = fx.engine.get(run.id);
    const after = await lunMap(fx);
    for (const id of detail.plan.originalLunIds) expect(after.get(id)?.maskedTo).toEqual([]);
    for (const id of detail.plan.shadowLunIds) expect(after.get(id)?.maskedTo.sort()).toEqual(['SQL01', 'SQL02']);
    const recoveredData = [...after.values()].find((l) => l.shadowOf === damaged?.id);
    expect(recoveredData?.contentChecksum).toBe(damaged?.contentChecksum);
    const [cluster] = await fx.backend.listClusters();
    for (const resource of cluster?.diskResources ?? []) expect(`${resource.state}@${resource.ownerNode}`).toBe('Online@SQL01');
    expect(detail.confirmations.map((c) => c.by)).toEqual(['tester (--yes)', 'tester (--yes)', 'tester (--yes)']);
    expect(detail.downtimeMs).not.toBeNull();
    await expectNothingLost(fx, before);
  });

  it('brings standalone-dc back without a cluster', async () => {
    fx = await openRecovery('standalone-dc');
    const before = await lunMap(fx);
    const ntds = [...before.values()].find((l) => l.name === 'DC01-NTDS');
    await corruptLun(fx.dataDir, 'DC01-NTDS');
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.cluster).toBeNull();
    // A domain controller: DSRM first and last, the restore flag between (docs/recovery-procedure.md#domain-controllers).
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'enter-dsrm',
      'mask-originals',
      'import-set',
      'break-set',
      'unmask-shadows',
      'rescan-nodes',
      'make-read-write',
      'flag-restored-database',
      'leave-dsrm',
      'resync-sysvol',
      'verify',
    ]);
    expect(plan.steps.filter((s) => s.destructive).every((s) => s.confirmPhrase === 'DC01')).toBe(true);
    const run = await fx.engine.start({ setId: fx.setId }, ['dc-dsrm-ready'], { autoConfirm: true });
    const done = await fx.engine.settled(run.id);
    expect(done.state).toBe('succeeded');
    expect(done.downtimeMs).not.toBeNull();
    const after = await lunMap(fx);
    const recovered = [...after.values()].find((l) => l.shadowOf === ntds?.id);
    expect(recovered?.contentChecksum).toBe(ntds?.contentChecksum);
    expect(recovered?.maskedTo).toEqual(['DC01']);
    expect(after.get(ntds?.id ?? '')?.maskedTo).toEqual([]);
    await expectNothingLost(fx, before);
  });

  it('waits at each destructive step for the typed name', async () => {
    fx = await openRecovery();
    let run = await fx.engine.start({ setId: fx.setId }, []);
    run = await fx.engine.settled(run.id);
    expect(run.state).toBe('waiting-confirmation');
    expect(run.attentionStepId).toBe('1-stop-resources');
    expect(run.storageAwaySince).toBeNull();
    await expect(fx.engine.confirm(run.id, '1-stop-resources', 'sqlclus-typo')).rejects.toThrow(/type "SQLCLUS" exactly/);
    for (const stepId of ['1-stop-resources', '2-mask-originals', '4-break-set']) {
      expect((await fx.engine.settled(run.id)).attentionStepId).toBe(stepId);
      await fx.engine.confirm(run.id, stepId, 'SQLCLUS');
    }
    const done = await fx.engine.settled(run.id);
    expect(done.state).toBe('succeeded');
    expect(done.storageAwaySince).toBeNull();
  });

  it('says since when production storage is away while a run waits with it away', async () => {
    fx = await openRecovery();
    const run = await fx.engine.start({ setId: fx.setId }, []);
    await fx.engine.settled(run.id);
    await fx.engine.confirm(run.id, '1-stop-resources', 'SQLCLUS');
    const waiting = await fx.engine.settled(run.id);
    expect(waiting.attentionStepId).toBe('2-mask-originals');
    const stopStarted = fx.engine.get(run.id).steps.find((s) => s.id === '1-stop-resources')?.startedAt;
    expect(stopStarted).toBeTruthy();
    expect(waiting.storageAwaySince).toBe(stopStarted);
    expect(waiting.downtimeMs).toBeNull();
  });

  it('allows one run per LUN', async () => {
    fx = await openRecovery();
    const first = await fx.engine.start({ setId: fx.setId }, []);
    await fx.engine.settled(first.id);
    const plan = await fx.engine.plan({ setId: fx.setId });
    expect(plan.preflight.find((c) => c.id === 'no-other-run')?.verdict).toBe('fail');
    await expect(fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true })).rejects.toThrow(/held by run/);
  });

  const failingOperations = [
    'stopResource',
    'setLunMask',
    'importSnapshotSet',
    'breakSnapshotSet',
    'startResource',
    'setVolumesReadWrite',
  ] as const;

  it.each(failingOperations)('resumes to success after %s fails once', async (operation) => {
    fx = await openRecovery();
    const before = await lunMap(fx);
    await armFault(fx.dataDir, { operation, kind: 'fail', times: 1 });
    const run = await fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    const stopped = await fx.engine.settled(run.id);
    expect(stopped.state).toBe('failed');
    expect(stopped.lastError).toMatch(/0x8|VSS_E|VDS_E|ERROR_/);
    await fx.engine.resume(run.id, { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('succeeded');
    await expectNothingLost(fx, before);
  });

  it.each(failingOperations)('rolls back to the original state after %s fails', async (operation) => {
    fx = await openRecovery();
    const before = await lunMap(fx);
    const production = await productionView(fx);
    await armFault(fx.dataDir, { operation, kind: 'fail', times: 1 });
    const run = await fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('failed');
    await expect(fx.engine.rollback(run.id, 'wrong')).rejects.toThrow(/type "SQLCLUS"/);
    await fx.engine.rollback(run.id, 'SQLCLUS');
    const done = await fx.engine.settled(run.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('rolled-back');
    expect(await productionView(fx)).toEqual(production);
    await expectNothingLost(fx, before);
    // The LUNs are free again: a new run may start.
    expect((await fx.engine.plan({ setId: fx.setId })).preflight.find((c) => c.id === 'no-other-run')?.verdict).toBe('pass');
  });

  it('resumes after a partial import', async () => {
    fx = await openRecovery();
    await armFault(fx.dataDir, { operation: 'importSnapshotSet', kind: 'partial', times: 1 });
    const run = await fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    const stopped = await fx.engine.settled(run.id);
    expect(stopped.state).toBe('failed');
    expect(stopped.lastError).toContain('VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED');
    await fx.engine.resume(run.id, { autoConfirm: true });
    expect((await fx.engine.settled(run.id)).state).toBe('succeeded');
  });

  it('waits for a step that outlives its timeout, says its outcome is unknown, and probes when it ends', async () => {
    fx = await openRecovery();
    const engine = new RecoveryEngine({
      backend: fx.backend,
      dataDir: fx.dataDir,
      bus: new EventBus(),
      operator: 'tester',
      stepTimeoutMs: 100,
    });
    await armFault(fx.dataDir, { operation: 'importSnapshotSet', kind: 'delay', ms: 400, times: 1 });
    const run = await engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    const done = await engine.settled(run.id);

    // Never failed while the import still ran: the run waited, and the probe found the import in place.
    expect(done.state, done.lastError ?? '').toBe('succeeded');
    const importStep = engine.get(run.id).steps.find((s) => s.id === '3-import-set');
    expect(importStep?.state).toBe('succeeded');
    expect(importStep?.output.join('\n')).toMatch(
      /has not finished within 100 ms, so its outcome is unknown\. The run waits for it to end/,
    );
    const events = readJournal<RunEvent>(engine.get(run.id).journalFile).records.map((r) => r.event.type);
    expect(events).not.toContain('step.failed');
  });

  it("gives a step longer than any Windows tool's own timeout, so the tool's timeout ends it first", () => {
    for (const [tool, ms] of Object.entries(DEFAULT_TIMEOUTS_MS))
      expect(DEFAULT_STEP_TIMEOUT_MS, `${tool} may run ${ms / 60_000} min`).toBeGreaterThan(ms);
  });

  it('journals every event with a hash chain a report can quote', async () => {
    fx = await openRecovery();
    const run = await fx.engine.start({ setId: fx.setId }, [], { autoConfirm: true });
    await fx.engine.settled(run.id);
    const detail = fx.engine.get(run.id);
    expect(detail.steps.every((s) => s.state === 'succeeded' || s.state === 'skipped')).toBe(true);
    expect(detail.steps.find((s) => s.id === '10-verify')?.output.join('\n')).toMatch(/data matches the shadow copy/);
    // The break leaves the partitions hidden and read-only: step 5 has work to do, in its own maintenance window.
    expect(detail.steps.find((s) => s.id === '8-make-read-write')).toMatchObject({
      state: 'succeeded',
      output: expect.arrayContaining([
        expect.stringMatching(/^ {2}SQL-DATA-SC-\S+: read\/write, visible, not a shadow copy on SQL01, mounted as E:$/),
      ]),
    });
  });
});
