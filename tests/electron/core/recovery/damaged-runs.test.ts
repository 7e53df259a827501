/**
 * A run must never become invisible or unrecoverable (issue 14 §2): a torn last line followed by a refused
 * action, a damaged or empty journal, a crash between claiming LUNs and writing the journal, and a claim
 * file that cannot be read. Each keeps the run listed and its LUNs held until an operator says otherwise.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../../../electron/core/recovery/journal';
import { RunStore } from '../../../../electron/core/recovery/run-store';
import { openRecovery, type RecoveryFixture } from './recovery-fixture';

let fixture: RecoveryFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

/** A run stopped at its first confirmation: it holds its LUNs and is neither finished nor driven. */
async function waitingRun(): Promise<{ fx: RecoveryFixture; runId: string; journal: string; lunIds: string[] }> {
  const fx = await openRecovery('two-node-sql');
  fixture = fx;
  const run = await fx.engine.start({ setId: fx.setId }, ['all']);
  expect((await fx.engine.settled(run.id)).state).toBe('waiting-confirmation');
  const detail = fx.engine.get(run.id);
  return { fx, runId: run.id, journal: detail.journalFile, lunIds: detail.plan.originalLunIds };
}

const claimFile = (dataDir: string, lunId: string) =>
  path.join(dataDir, 'runs', 'claims', `${createHash('sha256').update(lunId).digest('hex').slice(0, 32)}.json`);

async function preflightVerdict(fx: RecoveryFixture) {
  return (await fx.engine.plan({ setId: fx.setId })).preflight.find((check) => check.id === 'no-other-run');
}

describe('a torn last line, then an action that is refused', () => {
  it('leaves the run listed, resumable and its journal whole', async () => {
    const { fx, runId, journal } = await waitingRun();
    fs.appendFileSync(journal, '{"seq":9,"at":"2026-01-01T00:00:00.000Z","prevHash":"ab');
    const stepId = fx.engine.get(runId).steps.find((s) => s.state === 'waiting-confirmation')?.id ?? '';
    await expect(fx.engine.confirm(runId, stepId, 'not the phrase')).rejects.toThrow(/did not match/);
    expect(fx.engine.list().map((r) => [r.id, r.state])).toEqual([[runId, 'waiting-confirmation']]);
    await fx.engine.confirm(runId, stepId, 'SQLCLUS', { autoConfirm: true });
    expect((await fx.engine.settled(runId)).state).toBe('succeeded');
    expect(readJournal(journal).tornTail).toBeNull();
  });
});

describe('a damaged or empty journal', () => {
  it('is listed as damaged with the reason and the LUNs it holds, which stay held', async () => {
    const { fx, runId, journal, lunIds } = await waitingRun();
    const lines = fs.readFileSync(journal, 'utf8').split('\n');
    lines[1] = 'garbage';
    fs.writeFileSync(journal, lines.join('\n'));
    const [listed] = fx.engine.list();
    expect(listed).toMatchObject({ id: runId, state: 'damaged', setId: fx.setId, operator: 'tester' });
    expect(listed?.damage?.reason).toMatch(/line 2 is not a complete JSON event/);
    expect(listed?.damage?.reason).toContain(`shadowswap runs release ${runId}`);
    expect(listed?.damage?.heldLunIds.sort()).toEqual([...lunIds].sort());
    expect((await preflightVerdict(fx))?.verdict).toBe('fail');
  });

  it('an empty journal is listed as damaged too', async () => {
    const { fx, runId, journal } = await waitingRun();
    fs.writeFileSync(journal, '');
    expect(fx.engine.list().map((r) => [r.id, r.state])).toEqual([[runId, 'damaged']]);
    expect(fx.engine.list()[0]?.damage?.reason).toMatch(/no complete first event/);
  });

  it('frees its LUNs only through a confirmed release, journaled beside it; the damaged journal is not touched', async () => {
    const { fx, runId, journal, lunIds } = await waitingRun();
    fs.writeFileSync(journal, '');
    await expect(fx.engine.release(runId, 'yes')).rejects.toThrow(`type "${runId}" exactly`);
    expect(fx.engine.list()[0]?.damage?.heldLunIds).toHaveLength(lunIds.length);

    const released = await fx.engine.release(runId, runId);
    expect(released.damage).toMatchObject({ heldLunIds: [], released: { by: 'tester' } });
    expect(fs.readFileSync(journal, 'utf8')).toBe('');
    const record = readJournal<{ type: string; lunIds: string[]; by: string }>(path.join(path.dirname(journal), `${runId}.release`));
    expect(record.records[0]?.event).toMatchObject({ type: 'claims.released', by: 'tester' });
    expect(record.records[0]?.event.lunIds.sort()).toEqual([...lunIds].sort());
    expect((await preflightVerdict(fx))?.verdict).toBe('pass');
    await expect(fx.engine.release(runId, runId)).rejects.toThrow(/released already/);
  });

  it('a readable run cannot be released: it is finished by resume or rollback', async () => {
    const { fx, runId } = await waitingRun();
    await expect(fx.engine.release(runId, runId)).rejects.toThrow(/resume it or roll it back/);
  });
});

describe('claims and the journal, one unit', () => {
  it('takes the claims back when the first journal line cannot be written', async () => {
    fixture = await openRecovery('two-node-sql');
    const store = new RunStore(fixture.dataDir);
    const runId = store.newRunId();
    await expect(
      store.claim(
        runId,
        ['lun-a', 'lun-b'],
        'SQL01',
        () => false,
        () => Promise.reject(new Error('ENOSPC: no space left on device')),
      ),
    ).rejects.toThrow(/ENOSPC/);
    expect(store.claims().size).toBe(0);
    expect(fs.readdirSync(path.join(fixture.dataDir, 'runs', 'claims'))).toEqual([]);
  });

  it('ignores, then clears, claims left by a run that crashed before its journal existed', async () => {
    fixture = await openRecovery('two-node-sql');
    const plan = await fixture.engine.plan({ setId: fixture.setId });
    // What a crash between the claim files and the journal's first line leaves.
    fs.mkdirSync(path.join(fixture.dataDir, 'runs', 'claims'), { recursive: true });
    for (const lunId of plan.originalLunIds) {
      fs.writeFileSync(
        claimFile(fixture.dataDir, lunId),
        JSON.stringify({ runId: 'run-20260101-000000-dead00', lunId, importHost: 'SQL01' }),
      );
    }
    expect((await preflightVerdict(fixture))?.verdict).toBe('pass');
    const run = await fixture.engine.start({ setId: fixture.setId }, ['all'], { autoConfirm: true });
    expect((await fixture.engine.settled(run.id)).state).toBe('succeeded');
  });
});

describe('a claim file that cannot be read', () => {
  it('blocks its LUN and says why, instead of counting as free', async () => {
    fixture = await openRecovery('two-node-sql');
    const plan = await fixture.engine.plan({ setId: fixture.setId });
    const lunId = plan.originalLunIds[0] ?? '';
    fs.mkdirSync(path.join(fixture.dataDir, 'runs', 'claims'), { recursive: true });
    fs.writeFileSync(claimFile(fixture.dataDir, lunId), '{"runId":"run-2026');
    const check = await preflightVerdict(fixture);
    expect(check?.verdict).toBe('fail');
    expect(check?.reason).toMatch(/unreadable claim \(the claim file .+ is damaged/);
    await expect(fixture.engine.start({ setId: fixture.setId }, ['all'])).rejects.toThrow(/unreadable claim/);
  });
});
