/**
 * The outage is reported split into the time production storage was away because of work and the time the run
 * waited for the operator's confirmations while it was away (issue 16 item 8): a measured 19 s outage was two
 * thirds typing, and the split is what tells an up-front approval how much it would save.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nextStepsText, runText } from '../../../../electron/cli/recovery-text';
import { renderHtml } from '../../../../electron/core/reports/render-html';
import { reportKey } from '../../../../electron/core/reports/report-signing';
import { buildReport, reportDocument } from '../../../../electron/core/reports/reports';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fixture: RecoveryFixture | null = null;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = null;
});

const PAUSE_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('downtime split into work and operator waits', () => {
  it('counts the confirmation waits while storage is away as waiting, not as work, in the summary, runs show and the report', async () => {
    fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all']);
    let waiting = await fixture.engine.settled(run.id);
    let confirmedWhileAway = 0;
    while (waiting.state === 'waiting-confirmation') {
      // The first confirmation (taking the disks offline) comes before storage is away; every later one is during the outage.
      if (waiting.attentionStepId?.endsWith('-stop-resources') !== true) confirmedWhileAway += 1;
      await sleep(PAUSE_MS);
      await fixture.engine.confirm(run.id, waiting.attentionStepId ?? '', 'SQLCLUS');
      waiting = await fixture.engine.settled(run.id);
    }
    expect(waiting.state).toBe('succeeded');
    expect(confirmedWhileAway).toBe(2); // mask the originals, break the set

    const detail = fixture.engine.get(run.id);
    const downtime = detail.downtimeMs ?? 0;
    const operator = detail.downtimeWaitingMs ?? 0;
    expect(operator).toBeGreaterThanOrEqual(confirmedWhileAway * PAUSE_MS);
    expect(operator).toBeLessThan(downtime);

    expect(nextStepsText(waiting)).toMatch(
      new RegExp(
        `Production storage was away for ${(downtime / 1000).toFixed(1)} s: ${((downtime - operator) / 1000).toFixed(1)} s of work and ${(operator / 1000).toFixed(1)} s waiting for the operator's confirmations\\.`,
      ),
    );
    expect(runText(detail)).toContain(
      `Downtime ${(downtime / 1000).toFixed(1)} s: work ${((downtime - operator) / 1000).toFixed(1)} s, waiting for the operator ${(operator / 1000).toFixed(1)} s`,
    );

    const model = buildReport(fixture.dataDir, run.id);
    expect(model.run.downtime).toMatchObject({ durationMs: downtime, workMs: downtime - operator, waitingMs: operator });
    expect(renderHtml(reportDocument(model, reportKey(fixture.dataDir)))).toMatch(
      /of work, [^<]+ waiting for the operator&#39;s confirmations|of work, [^<]+ waiting for the operator's confirmations/,
    );
  });

  it('a run confirmed up front (--yes) spends none of its outage waiting', async () => {
    fixture = await openRecovery('two-node-sql');
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
    const done = await fixture.engine.settled(run.id);
    expect(done.state).toBe('succeeded');
    expect(done.downtimeWaitingMs).toBe(0);
  });
});
