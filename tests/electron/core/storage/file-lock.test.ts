/**
 * The lock that guards the run driver, the claims and the Lab state: one holder, always. Contenders are
 * real processes started together, racing for a lock whose holder died.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockHolder, tryLock, unlock } from '../../../../electron/core/storage/file-lock';

const CONTENDERS = 6;
const TRIALS = 200;

let dir: string;
let workers: ChildProcess[] = [];

function next(worker: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve) => worker.once('message', (message) => resolve(message as Record<string, unknown>)));
}

/** The pid of a process that has ended: what a crashed holder leaves in its lock file. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid as number;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-lock-race-'));
  const bundle = path.join(dir, 'worker.cjs');
  await build({
    entryPoints: [path.resolve('tests/electron/core/storage/lock-race-worker.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  workers = Array.from({ length: CONTENDERS }, () => fork(bundle, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  await Promise.all(workers.map(next));
}, 60_000);

afterAll(() => {
  for (const worker of workers) worker.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('file lock', () => {
  it(`has exactly one winner when ${CONTENDERS} processes take over a dead holder's lock at once (${TRIALS} trials)`, async () => {
    const dead = deadPid();
    const doubleWins: number[] = [];
    const noWinner: number[] = [];
    const wrongHolder: number[] = [];
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const lockFile = path.join(dir, `trial-${trial}.lock`);
      // Alternate a crashed holder's lock with an empty one (a power cut before its text reached the disk).
      fs.writeFileSync(lockFile, trial % 2 === 0 ? JSON.stringify({ pid: dead, since: new Date().toISOString() }) : '');
      const at = Date.now() + 40;
      const replies = workers.map(next);
      for (const worker of workers) worker.send({ try: lockFile, at });
      const results = await Promise.all(replies);
      expect(results.filter((r) => r.error !== null)).toEqual([]);
      const winners = workers.filter((_worker, index) => results[index]?.won === true);
      if (winners.length > 1) doubleWins.push(trial);
      if (winners.length === 0) noWinner.push(trial);
      if (winners.length === 1 && lockHolder(lockFile) !== winners[0]?.pid) wrongHolder.push(trial);
      await Promise.all(
        winners.map((winner) => {
          const released = next(winner);
          winner.send({ release: lockFile });
          return released;
        }),
      );
    }
    expect({ doubleWins: doubleWins.length, noWinner: noWinner.length, wrongHolder: wrongHolder.length }).toEqual({
      doubleWins: 0,
      noWinner: 0,
      wrongHolder: 0,
    });
    // Nothing is left beside the locks: no staged copies, no takeover claims.
    expect(fs.readdirSync(dir).filter((name) => !name.endsWith('.lock') && name !== 'worker.cjs')).toEqual([]);
  }, 300_000);

  it('is never seen empty while held, and is given up only by its holder', () => {
    const lockFile = path.join(dir, 'plain.lock');
    expect(tryLock(lockFile, { runId: 'run-x' })).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, runId: 'run-x' });
    expect(tryLock(lockFile)).toBe(false);
    unlock(lockFile);
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
