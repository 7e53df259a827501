/**
 * The outage beside its limit (issue 20): the plan's expected outage and critical path from the Lab's latency
 * model, shown by `shadowswap plan`; the run's measured figures in its summary and its report.
 */
import { describe, expect, it } from 'vitest';
import { outageLimitText } from '../../../../shared/outage-limit';
import { planText } from '../../../../electron/cli/recovery-text';
import { LabBackend } from '../../../../electron/core/backends/lab/lab-backend';
import { EventBus } from '../../../../electron/core/rpc/event-bus';
import { RecoveryEngine } from '../../../../electron/core/recovery/engine';
import { buildReport, reportDocument } from '../../../../electron/core/reports/reports';
import { reportKey } from '../../../../electron/core/reports/report-signing';
import { renderHtml } from '../../../../electron/core/reports/render-html';
import { openRecovery } from './recovery-fixture';

describe('the outage and its limit', () => {
  it('plans two-node-sql at full Lab latency: 32.3 s allowed and 32.3 s as run (the nodes rescan together, the disks enter and leave maintenance mode together), and says so in shadowswap plan', async () => {
    const fixture = await openRecovery('two-node-sql');
    try {
      // The same estate seen at full scale: 1.5 stop + 1.5 mask + 8 import + 3 break + 1.5 unmask + 2.5 rescan (both
      // nodes at once) + 3 start, then step 5 in its maintenance window (0.5 suspend + 0.8 read/write + 2 resume), then
      // 4 + 4 SQL Server and its agent: 32.3 s. The engine runs it so: the nodes rescan together and the four disks
      // enter and leave maintenance mode together (run one after another, step 5 alone would take 4 × 0.5 + 0.8 + 4 × 2
      // = 10.8 s, and the rescans 5 s).
      const realistic = await LabBackend.open(fixture.dataDir, { latencyScale: 1 });
      const engine = new RecoveryEngine({ backend: realistic, dataDir: fixture.dataDir, bus: new EventBus() });
      const plan = await engine.plan({ setId: fixture.setId });
      expect(plan.timing).toEqual({ expectedOutageMs: 32_300, criticalPathMs: 32_300 });
      expect(planText(plan)).toContain('Expected: production away 32.3 s; the operations allow 32.3 s.');
      // One operation at a time: the disks, masks, unmasks and rescans go one after another, and no batch.
      const serial = new RecoveryEngine({ backend: realistic, dataDir: fixture.dataDir, bus: new EventBus(), operationsAtOnce: 1 });
      expect((await serial.plan({ setId: fixture.setId })).timing).toEqual({
        expectedOutageMs: 32_300 + 2_500 + 7_500 + 3 * (1_500 + 1_500 + 1_500 + 3_000),
        criticalPathMs: 32_300,
      });
    } finally {
      await fixture.cleanup();
    }
  });

  it('says when a duration is unknown rather than guess', () => {
    expect(outageLimitText(null, null)).toBe(
      'production away for an unknown time; the least the operations allow is unknown (no measured durations yet)',
    );
    expect(outageLimitText(27_400, 27_300)).toBe('production away 27.4 s; the operations allow 27.3 s');
  });

  it('gives both figures, measured, in the run summary and the report', async () => {
    const fixture = await openRecovery('two-node-sql');
    try {
      const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
      const done = await fixture.engine.settled(run.id);
      expect(done.state).toBe('succeeded');
      expect(done.operationsAllowMs).toEqual(expect.any(Number));
      expect(done.operationsAllowMs).toBeLessThanOrEqual(done.downtimeMs ?? 0);
      const model = buildReport(fixture.dataDir, run.id);
      expect(model.run.downtime.operationsAllowMs).toBe(done.operationsAllowMs);
      expect(model.run.downtime.expected).toEqual({ outageMs: 0, operationsAllowMs: 0 });
      expect(renderHtml(reportDocument(model, reportKey(fixture.dataDir)))).toContain(
        `Measured: ${outageLimitText(done.downtimeMs, done.operationsAllowMs ?? null)}.`,
      );
    } finally {
      await fixture.cleanup();
    }
  });
});
