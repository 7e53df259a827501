/**
 * The fault matrix (issue 9): for two-node-sql and standalone-dc, every step of the recovery meets every
 * fault the Lab can inject into its operation — fail; crash before the effect is saved; crash after it;
 * partial effect (where the operation has targets to split); delay past the engine's step timeout (the run waits, says the outcome is unknown, and is paused);
 * and, in a step of several operations run together (issue 20), a failure or a crash at its second operation, the
 * first done — and
 * the run is then resumed, or rolled back (a fresh estate for each). The invariant
 * (docs/recovery-procedure.md#the-invariant-nothing-is-lost; invariant.ts) must hold after the fault and after the outcome. Crashes happen
 * in a real child process (fault-driver.ts), which the Lab ends with exit code 86. Steps that run no Lab operation (verify, and steps a
 * clean run skips because their effect is already in place) cannot meet a fault and are listed in the summary line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import type { PlanStep, RunSummary, StepKind } from '../../../../shared/recovery';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { clearFaults, listFaults } from '../../../../electron/core/backends/lab/lab-admin';
import { LAB_CRASH_EXIT_CODE, type FaultRequest } from '../../../../electron/core/backends/lab/faults';
import { labOperations, type LabOperationName } from '../../../../electron/core/backends/lab/lab-operations';
import { LabStore } from '../../../../electron/core/backends/lab/lab-store';
import { RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { readJournal } from '../../../../electron/core/recovery/journal';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { bindStep } from '../../../../electron/core/recovery/steps';
import { openLab, type LabFixture } from '../backends/lab/lab-fixture';
import { runIntoFault } from './fault-run';
import { captureBaseline, invariantViolations, maskOf, type Baseline } from './invariant';
import { openRecovery } from './recovery-fixture';

const SCENARIOS = ['two-node-sql', 'standalone-dc'] as const;
const FAULTS = ['fail', 'crash-before', 'crash-after', 'partial', 'delay', 'fail-mid-batch', 'crash-mid-batch'] as const;
/** Faults that land on the second operation of a step with several (issue 20): the first is done by then. */
const MID_BATCH: ReadonlySet<FaultName> = new Set(['fail-mid-batch', 'crash-mid-batch']);
const OUTCOMES = ['resume', 'rollback'] as const;
type FaultName = (typeof FAULTS)[number];

/** The Lab operation each kind of step runs; verify runs none. */
const operationOf: Record<StepKind, LabOperationName | null> = {
  'stop-resources': 'stopResource',
  'suspend-resources': 'suspendResource',
  'start-resources': 'startResource',
  'resume-resources': 'resumeResource',
  'start-dependents': 'startApplicationResource',
  'mask-originals': 'setLunMask',
  'unmask-shadows': 'setLunMask',
  'rescan-nodes': 'rescanHostStorage',
  'forensic-hold': 'setLunMask',
  'import-set': 'importSnapshotSet',
  'break-set': 'breakSnapshotSet',
  'make-read-write': 'setVolumesReadWrite',
  'repoint-resources': 'setResourceDiskIdentity',
  'enter-dsrm': 'restartDomainController',
  'flag-restored-database': 'setDatabaseRestoredFlag',
  'leave-dsrm': 'restartDomainController',
  'resync-sysvol': 'resyncSysvol',
  verify: null,
};

/**
 * A rollback is refused once the DC started normally on the recovered database (docs/recovery-procedure.md#domain-controllers):
 * after the step that starts it, and at that step when the restart happened (a crash after it, or a late success).
 */
function rollbackRefused(c: Case): boolean {
  const leave = (plans.get(c.scenario)?.steps ?? []).findIndex((step) => step.kind === 'leave-dsrm');
  if (leave < 0) return false;
  return c.stepIndex > leave || (c.stepIndex === leave && (c.fault === 'crash-after' || c.fault === 'delay'));
}

/** Delay cases: the run says the outcome is unknown after STEP_TIMEOUT_MS and waits; the operation lands DELAY_MS late. */
const STEP_TIMEOUT_MS = 500;
const DELAY_MS = 2_000;

function faultRequest(operation: LabOperationName, fault: FaultName): FaultRequest {
  switch (fault) {
    case 'fail':
      return { operation, kind: 'fail' };
    case 'crash-before':
      return { operation, kind: 'crash', crashPoint: 'before' };
    case 'crash-after':
      return { operation, kind: 'crash', crashPoint: 'after' };
    case 'partial':
      return { operation, kind: 'partial' };
    case 'delay':
      return { operation, kind: 'delay', ms: DELAY_MS };
    case 'fail-mid-batch':
      return { operation, kind: 'fail', skip: 1 };
    case 'crash-mid-batch':
      return { operation, kind: 'crash', crashPoint: 'before', skip: 1 };
  }
}

/**
 * The plan's steps, and which of them run an operation: a clean run skips a step whose probe finds its
 * effect already in place (the break already made the LUNs writable; on a standalone host the import
 * already surfaced the shadow LUN to the only host that needs it), and no fault can reach a skipped step.
 */
async function cleanRun(scenario: string): Promise<{ steps: PlanStep[]; skipped: Set<string>; calls: Map<string, number> }> {
  const fixture = await openRecovery(scenario);
  try {
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
    const done = await fixture.engine.settled(run.id);
    if (done.state !== 'succeeded') throw new Error(`a clean run of ${scenario} ended ${done.state}: ${done.lastError}`);
    const detail = fixture.engine.get(run.id);
    return {
      steps: detail.plan.steps,
      skipped: new Set(detail.steps.filter((s) => s.state === 'skipped').map((s) => s.id)),
      calls: new Map(detail.plan.steps.map((step) => [step.id, faultableCalls(step, detail.journalFile)])),
    };
  } finally {
    await fixture.cleanup();
  }
}

/**
 * How many times a clean run of the step called the operation its faults are armed on (one per disk, application,
 * LUN or node; an operation found in place makes no call, and step 5's maintenance window calls other operations
 * than its volume change); a step of one action counts as one. A mid-batch fault needs two.
 */
function faultableCalls(step: PlanStep, journalFile: string): number {
  const operation = operationOf[step.kind];
  const targets = operation === null ? null : targetsOf(step, operation);
  if (targets === null) return 1;
  const done = operationOutcomes(journalFile, step.id);
  return targets.filter((target) => done.get(target)?.includes('done')).length;
}

/** The targets of a step's operations that call `operation`; null for a step of one action. */
function targetsOf(step: PlanStep, operation: LabOperationName): string[] | null {
  const { work } = bindStep(step, { backend: null as unknown as LabFixture['backend'], log: () => undefined });
  if (work.kind === 'action') return null;
  return work.operations.filter((o) => o.planned.operation === operation).map((o) => o.target);
}

/** The operations of a step, as its journal tells them: each target's outcomes, in order, across every attempt. */
function operationOutcomes(journalFile: string, stepId: string): Map<string, string[]> {
  const outcomes = new Map<string, string[]>();
  for (const { event } of readJournal<RunEvent>(journalFile).records)
    if (event.type === 'operation.ended' && event.stepId === stepId)
      outcomes.set(event.target, [...(outcomes.get(event.target) ?? []), event.outcome]);
  return outcomes;
}

interface Case {
  scenario: string;
  stepIndex: number;
  step: PlanStep;
  operation: LabOperationName;
  fault: FaultName;
  outcome: (typeof OUTCOMES)[number];
}

const plans = new Map<string, { steps: PlanStep[]; skipped: Set<string>; calls: Map<string, number> }>();
for (const scenario of SCENARIOS) plans.set(scenario, await cleanRun(scenario));
const faultable = (scenario: string) =>
  (plans.get(scenario)?.steps ?? []).filter((step) => operationOf[step.kind] !== null && !plans.get(scenario)?.skipped.has(step.id));
const cases: Case[] = SCENARIOS.flatMap((scenario) =>
  (plans.get(scenario)?.steps ?? []).flatMap((step, stepIndex) => {
    const operation = operationOf[step.kind];
    if (operation === null || !faultable(scenario).includes(step)) return [];
    return FAULTS.filter((fault) => fault !== 'partial' || labOperations[operation].faultKinds.includes('partial'))
      .filter((fault) => !MID_BATCH.has(fault) || (plans.get(scenario)?.calls.get(step.id) ?? 0) >= 2)
      .flatMap((fault) => OUTCOMES.map((outcome) => ({ scenario, stepIndex, step, operation, fault, outcome })));
  }),
);

let driver: { file: string; dir: string };
const held: string[] = [];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-fault-driver-'));
  const file = path.join(dir, 'fault-driver.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'fault-driver.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  driver = { file, dir };
});

afterAll(() => {
  fs.rmSync(driver.dir, { recursive: true, force: true });
  const steps = SCENARIOS.map((s) => `${s} ${faultable(s).length} steps`).join(' + ');
  const untouched = SCENARIOS.map(
    (s) =>
      `${s}: ${(plans.get(s)?.steps ?? [])
        .filter((step) => !faultable(s).includes(step))
        .map((step) => step.id)
        .join(', ')}`,
  ).join('; ');
  console.log(
    `fault matrix: (${steps}) × {fail, crash before, crash after, partial (importSnapshotSet, setVolumesReadWrite only), delay past timeout, fail and crash mid-batch (steps of several operations only)} × {resume, rollback} = ${cases.length} cases; ` +
      (held.length === cases.length ? 'all invariants held' : `invariant held in ${held.length} of ${cases.length}`) +
      ` (no operation runs, so no fault: ${untouched})`,
  );
});

function runDriver(
  dataDir: string,
  stepIndex: number,
  fault: FaultRequest,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [driver.file, dataDir, String(stepIndex), JSON.stringify(fault)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function newEngine(lab: LabFixture, bus: EventBus, stepTimeoutMs?: number): RecoveryEngine {
  return new RecoveryEngine({
    backend: lab.backend,
    dataDir: lab.dataDir,
    bus,
    operator: 'tester',
    machine: 'testbox',
    ...(stepTimeoutMs ? { stepTimeoutMs } : {}),
  });
}

/** The late operation of a timed-out step keeps going: wait until its effect is in place. */
async function untilLanded(lab: LabFixture, step: PlanStep): Promise<boolean> {
  const deadline = Date.now() + DELAY_MS + 10_000;
  while (Date.now() < deadline) {
    if (listFaults(lab.dataDir).length === 0 && (await bindStep(step, { backend: lab.backend, log: () => undefined }).probe?.()))
      return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function expectInvariant(
  expect: ExpectStatic,
  lab: LabFixture,
  baseline: Baseline,
  journalFile: string | null,
  when: string,
): Promise<void> {
  expect(await invariantViolations(lab.backend, baseline, journalFile), when).toEqual([]);
}

describe.each(SCENARIOS)('fault matrix on %s', (scenario) => {
  const own = cases.filter((c) => c.scenario === scenario);
  for (const c of own)
    it.concurrent(`${c.step.id} × ${c.fault} → ${c.outcome}`, async ({ expect }) => {
      const lab = await openLab(c.scenario);
      try {
        const baseline = await captureBaseline(lab.backend);
        await expectInvariant(expect, lab, baseline, null, 'before the run');
        const setId = (await lab.backend.listSnapshotSets())[0]?.id ?? '';
        const bus = new EventBus();
        const request = faultRequest(c.operation, c.fault);
        let runId: string;

        if (c.fault === 'crash-before' || c.fault === 'crash-after' || c.fault === 'crash-mid-batch') {
          const child = await runDriver(lab.dataDir, c.stepIndex, request);
          expect(child.code, `the driver should have crashed at ${c.step.id}: ${child.stdout}${child.stderr}`).toBe(LAB_CRASH_EXIT_CODE);
          const [run] = newEngine(lab, bus).list();
          expect(run?.state).toBe('interrupted');
          runId = run?.id ?? '';
        } else {
          const engine = newEngine(lab, bus, c.fault === 'delay' ? STEP_TIMEOUT_MS : undefined);
          // Delay: when the run says the step's outcome is unknown, the operator asks it to pause; it still waits
          // for the late operation, never reporting a failure while it runs, and pauses after the step. (On a loaded
          // machine an earlier step may outlive the short timeout too; the run waits for it and goes on.)
          const stopPausing =
            c.fault === 'delay'
              ? bus.subscribe((event, payload) => {
                  const output = payload as { runId: string; stepId: string | null; text: string };
                  if (event === 'run.output' && output.stepId === c.step.id && /outcome is unknown/.test(output.text))
                    void engine.pause(output.runId).catch(() => undefined);
                })
              : () => undefined;
          const stopped: RunSummary = await runIntoFault(engine, bus, lab.dataDir, setId, c.stepIndex, request);
          stopPausing();
          if (c.fault === 'delay') {
            expect(stopped.state, stopped.lastError ?? '').toBe('paused');
            const step = engine.get(stopped.id).steps.find((s) => s.id === c.step.id);
            expect(step?.state, `${c.step.id} after its late ${c.operation}`).toBe('succeeded');
            expect(step?.output.join('\n')).toMatch(/outcome is unknown/);
            expect(await untilLanded(lab, c.step), `the late ${c.operation} of ${c.step.id} never landed`).toBe(true);
          } else {
            expect(stopped.state, stopped.lastError ?? '').toBe('failed');
            expect(stopped.attentionStepId).toBe(c.step.id);
          }
          if (c.fault === 'fail-mid-batch') {
            // The step stops with what became of every operation: the first was done, one failed.
            expect(stopped.lastError).toMatch(/stopped part-way: [1-9]\d* of \d+ operations are in place/);
            const outcomes = [...operationOutcomes(engine.get(stopped.id).journalFile, c.step.id).values()].flat();
            expect(outcomes).toContain('done');
            expect(outcomes).toContain('failed');
          }
          runId = stopped.id;
        }
        // The fault fired (it was consumed), so this case tested what it names.
        expect(listFaults(lab.dataDir)).toEqual([]);
        await clearFaults(lab.dataDir);

        const engine = newEngine(lab, bus);
        const journalFile = engine.get(runId).journalFile;
        await expectInvariant(expect, lab, baseline, journalFile, `after ${c.fault} at ${c.step.id}`);

        if (c.outcome === 'resume') {
          await engine.resume(runId, { autoConfirm: true });
          const done = await engine.settled(runId);
          expect(done.state, done.lastError ?? '').toBe('succeeded');
          // Nothing ran twice: an operation done before the fault is found in place on the resume, not run again.
          // A rescan changes nothing (no data, no access), so a node rescans again on a resume.
          const rescans = new Set(targetsOf(c.step, 'rescanHostStorage'));
          const twice = [...operationOutcomes(journalFile, c.step.id)].filter(
            ([target, o]) => !rescans.has(target) && o.filter((x) => x === 'done').length > 1,
          );
          expect(twice.map(([target]) => target)).toEqual([]);
        } else if (rollbackRefused(c)) {
          await expect(engine.rollback(runId, '', { autoConfirm: true })).rejects.toThrow(/cannot be rolled back: .* has started normally/);
          expect(engine.get(runId).state).not.toBe('rolling-back');
        } else {
          await engine.rollback(runId, '', { autoConfirm: true });
          const done = await engine.settled(runId);
          expect(done.state, done.lastError ?? '').toBe('rolled-back');
          // Every original is where it was: each LUN's access list is the one it had before the run.
          const luns = await lab.backend.listLuns();
          const moved = luns.filter((lun) => maskOf(lun).join(',') !== (baseline.masks.get(lun.id) ?? []).join(','));
          expect(moved.map((lun) => `${lun.name}: ${maskOf(lun).join(',')} (was ${(baseline.masks.get(lun.id) ?? []).join(',')})`)).toEqual(
            [],
          );
        }
        await expectInvariant(expect, lab, baseline, journalFile, `after ${c.outcome}`);
        held.push(`${c.scenario} ${c.step.id} ${c.fault} ${c.outcome}`);
      } finally {
        await lab.cleanup();
      }
    });
});

describe('the invariant checker', () => {
  it('reports a deleted LUN, a deleted shadow copy, an access list the journal does not explain, and an application left offline', async () => {
    const lab = await openLab('two-node-sql');
    try {
      const baseline = await captureBaseline(lab.backend);
      const bus = new EventBus();
      const [set] = await lab.backend.listSnapshotSets();
      const engine = newEngine(lab, bus);
      const run = await engine.start({ setId: set?.id ?? '' }, ['all'], { autoConfirm: true });
      const done = await engine.settled(run.id);
      expect(done.state).toBe('succeeded');
      const journalFile = engine.get(run.id).journalFile;
      await expectInvariant(expect, lab, baseline, journalFile, 'after a clean run');

      const plan = engine.get(run.id).plan;
      const [firstShadow] = plan.shadowLunIds;
      const store = new LabStore(lab.dataDir);
      // Mask a recovered LUN away behind the journal's back: its copy is offline and the journal disagrees.
      await store.update((state) => {
        const lun = state.luns.find((l) => l.id === firstShadow);
        if (lun) lun.mask = [];
      });
      // And stop SQL Server behind its back: the application is down after a "successful" run.
      await lab.backend.stopApplicationResource({ cluster: 'SQLCLUS', resource: 'SQL Server', onNode: 'SQL01' });
      const masked = await invariantViolations(lab.backend, baseline, journalFile);
      expect(masked).toContain('SQLCLUS/SQL Server was Online before the run and is not after it');
      expect(masked).toContain('SQLCLUS/SQL Server Agent was Online before the run and is not after it');
      expect(masked.some((v) => v.includes('has no online copy'))).toBe(true);
      expect(masked.some((v) => v.includes('but the journal says'))).toBe(true);

      await store.update((state) => {
        state.luns = state.luns.filter((l) => l.id !== firstShadow);
        const copies = state.snapshotSets[0]?.shadowCopies;
        copies?.pop();
      });
      const deleted = await invariantViolations(lab.backend, baseline, journalFile);
      expect(deleted).toContain(`LUN ${firstShadow} was deleted`);
      expect(deleted.some((v) => /shadow copy .* was deleted/.test(v))).toBe(true);
    } finally {
      await lab.cleanup();
    }
  });
});
