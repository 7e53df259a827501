/** A domain controller's recovery report says which kind of restore was done and what proved it (issue 17, the report). */
import { afterEach, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../../electron/core/reports/render-html';
import { reportKey } from '../../../../electron/core/reports/report-signing';
import { buildReport, reportDocument } from '../../../../electron/core/reports/reports';
import { openRecovery, type RecoveryFixture } from '../recovery/recovery-fixture';

let fx: RecoveryFixture;
afterEach(() => fx.cleanup());

async function recoveredReport(scenario: string) {
  fx = await openRecovery(scenario);
  const run = await fx.engine.start({ setId: fx.setId }, ['all'], { autoConfirm: true });
  expect((await fx.engine.settled(run.id)).state).toBe('succeeded');
  return buildReport(fx.dataDir, run.id);
}

describe('the report of a domain controller recovery', () => {
  it('dc-pair: a non-authoritative restore of AD and SYSVOL, with the DC verification results', async () => {
    const model = await recoveredReport('dc-pair');
    expect(model.domainController).toMatchObject({ host: 'DC01', directory: 'non-authoritative', sysvol: 'non-authoritative' });
    expect(model.domainController?.restoreKind).toMatch(/partners replicated back the changes made since the snapshot/);
    const results = model.domainController?.results.join('\n') ?? '';
    expect(results).toMatch(/DC01: event 1109 at /);
    expect(results).toMatch(/DC01: new invocation ID [0-9a-f-]+ \(was [0-9a-f-]+\)/);
    expect(results).toContain('DC01: DSA Previous Restore Count 0 → 1');
    expect(results).toContain('DC01: dcdiag Replications: passed');
    const html = renderHtml(reportDocument(model, reportKey(fx.dataDir)));
    expect(html).toContain('Domain controller DC01');
    expect(html).toContain('Active Directory: non-authoritative; SYSVOL: non-authoritative.');
  });

  it('standalone-dc: SYSVOL authoritative, and every change since the snapshot lost, said so', async () => {
    const model = await recoveredReport('standalone-dc');
    expect(model.domainController).toMatchObject({ sysvol: 'authoritative' });
    expect(model.domainController?.restoreKind).toMatch(
      /only domain controller of its domain, so every change made since the snapshot is lost/,
    );
  });

  it('two-node-sql: no domain controller section', async () => {
    const model = await recoveredReport('two-node-sql');
    expect(model.domainController).toBeNull();
    expect(renderHtml(reportDocument(model, reportKey(fx.dataDir)))).not.toContain('Domain controller');
  });
});
