/**
 * Who did it (issue 14, section 5): every confirmation and rollback journals the person and the door they came
 * through. The browser console must name its operator (all its consoles run as the gateway's account), the
 * desktop app confirms as the signed-in account whatever the page sends, and the CLI as the OS user or
 * --operator. The report shows both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app';
import { readJournal } from '../../../../electron/core/recovery/journal';
import { actorOf, osAccountName } from '../../../../electron/core/recovery/operator';
import type { Caller } from '../../../../electron/core/rpc/registry';
import type { RunEvent } from '../../../../electron/core/recovery/run-events';
import { runCliInProcess } from '../../cli/cli-harness';
import { openLab, type LabFixture } from '../backends/lab/lab-fixture';

const browser: Caller = { door: 'browser' };
const desktop: Caller = { door: 'desktop', operator: 'CONTOSO\\ada' };

let lab: LabFixture | undefined;
afterEach(async () => {
  await lab?.cleanup();
  lab = undefined;
});

async function waitingRun(): Promise<{ core: Core; runId: string; stepId: string; phrase: string }> {
  lab = await openLab('two-node-sql');
  const core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test', operator: 'gateway-account' });
  const [set] = await lab.backend.listSnapshotSets();
  const run = await core.engine.start({ setId: set?.id ?? '' }, ['all']);
  const waiting = await core.engine.settled(run.id);
  expect(waiting.state).toBe('waiting-confirmation');
  const step = core.engine.get(run.id).plan.steps.find((s) => s.id === waiting.attentionStepId);
  return { core, runId: run.id, stepId: step?.id ?? '', phrase: step?.confirmPhrase ?? '' };
}

function journaled(core: Core, runId: string, type: RunEvent['type']): RunEvent[] {
  return readJournal<RunEvent>(core.engine.get(runId).journalFile)
    .records.map((record) => record.event)
    .filter((event) => event.type === type);
}

describe('who confirmed, and through which door', () => {
  it('refuses a browser confirmation that names nobody, and journals nothing', async () => {
    const { core, runId, stepId, phrase } = await waitingRun();
    const outcome = await core.registry.invoke('runs.confirm', { runId, stepId, typed: phrase }, browser);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('Enter your name');
    expect(journaled(core, runId, 'step.confirmed')).toEqual([]);
  });

  it("journals the browser operator's name with the door, and the report shows both", async () => {
    const { core, runId, stepId, phrase } = await waitingRun();
    const outcome = await core.registry.invoke('runs.confirm', { runId, stepId, typed: phrase, operator: '  Ada Lovelace ' }, browser);
    expect(outcome.ok).toBe(true);
    expect(journaled(core, runId, 'step.confirmed')).toEqual([
      { type: 'step.confirmed', stepId, by: 'Ada Lovelace', door: 'browser', typed: phrase },
    ]);
    expect(core.engine.get(runId).confirmations).toMatchObject([{ stepId, by: 'Ada Lovelace', door: 'browser' }]);

    const html = await core.registry.invoke('reports.export', { runId, format: 'html' });
    expect(html.ok && (html.result as { content: string }).content).toContain('Ada Lovelace (through the browser console) typed');
    const csv = await core.registry.invoke('reports.export', { runId, format: 'csv' });
    expect(csv.ok && (csv.result as { content: string }).content).toContain('"confirmed_by","confirmed_from",');
  });

  it('confirms as the signed-in account in the desktop app, whatever name the page sends', async () => {
    const { core, runId, stepId, phrase } = await waitingRun();
    await core.registry.invoke('runs.confirm', { runId, stepId, typed: phrase, operator: 'Mallory' }, desktop);
    expect(journaled(core, runId, 'step.confirmed')).toMatchObject([{ by: 'CONTOSO\\ada', door: 'desktop' }]);
  });

  it('journals who rolled back, and through which door', async () => {
    const { core, runId } = await waitingRun();
    const phrase = 'SQLCLUS';
    const outcome = await core.registry.invoke('runs.rollback', { runId, typed: phrase, operator: 'Grace Hopper' }, browser);
    expect(outcome.ok, outcome.ok ? '' : outcome.error.message).toBe(true);
    expect(journaled(core, runId, 'rollback.started')).toEqual([{ type: 'rollback.started', by: 'Grace Hopper', door: 'browser' }]);
  });

  it('confirms as --operator on the command line, or else the OS account', async () => {
    lab = await openLab('two-node-sql');
    const cli = (...args: string[]) => runCliInProcess([...args, '--data-dir', lab?.dataDir ?? '']);
    const [set] = await lab.backend.listSnapshotSets();
    await cli('lab', 'latency', '--scale', '0');
    const recovered = await cli('recover', '--set', set?.id ?? '', '--yes', '--operator', 'Grace Hopper', '--json');
    expect(recovered.code, recovered.stderr).toBe(0);
    const runId = (JSON.parse(recovered.stdout) as { id: string }).id;
    const core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test' });
    expect(journaled(core, runId, 'step.confirmed')).toMatchObject([
      { by: 'Grace Hopper (--yes)', door: 'cli' },
      { by: 'Grace Hopper (--yes)', door: 'cli' },
      { by: 'Grace Hopper (--yes)', door: 'cli' },
    ]);

    const unnamed = await cli('runs', '--operator', '');
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toMatch(/^shadowswap: --operator needs a person's name \(enter your name\)\.\n$/);
  });

  it('names nobody it was not told of: the door decides, the caller cannot claim another', () => {
    expect(() => actorOf(browser, undefined)).toThrow(/Enter your name/);
    expect(actorOf(browser, 'Ada')).toEqual({ name: 'Ada', door: 'browser' });
    expect(actorOf(desktop, 'Mallory')).toEqual({ name: 'CONTOSO\\ada', door: 'desktop' });
    expect(actorOf({}, undefined)).toEqual({});
  });

  it('takes the signed-in Windows account as DOMAIN\\user', () => {
    expect(osAccountName({ USERDOMAIN: 'CONTOSO' }, 'win32')).toMatch(/^CONTOSO\\/);
    expect(osAccountName({ USERDOMAIN: 'CONTOSO' }, 'linux')).not.toContain('\\');
  });
});
