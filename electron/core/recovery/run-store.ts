/**
 * Where runs live on disk (<data-dir>/runs) and the cross-process rules around them: a run's LUNs are
 * claimed for as long as the run is unfinished (one run per LUN, across processes), and one process at
 * a time drives a run.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ShadowSwapError } from '../../../shared/errors';
import { isProcessAlive, lockHolder, tryLock, unlock, withFileLock } from '../storage/file-lock';

export interface Claim {
  runId: string;
  lunId: string;
  importHost: string;
}

export class RunStore {
  readonly dir: string;
  private readonly claimsDir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'runs');
    this.claimsDir = path.join(this.dir, 'claims');
  }

  newRunId(now = new Date()): string {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `run-${stamp}-${randomBytes(3).toString('hex')}`;
  }

  journalFile(runId: string): string {
    if (!/^run-[\w-]+$/.test(runId))
      throw new ShadowSwapError('INVALID_REQUEST', `"${runId}" is not a run id. List runs with: shadowswap runs`);
    return path.join(this.dir, `${runId}.journal`);
  }

  exists(runId: string): boolean {
    return fs.existsSync(this.journalFile(runId));
  }

  runIds(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.journal'))
      .map((name) => name.slice(0, -'.journal'.length))
      .sort()
      .reverse();
  }

  /** Every claim held now: LUN id → claim. */
  claims(): Map<string, Claim> {
    const claims = new Map<string, Claim>();
    if (!fs.existsSync(this.claimsDir)) return claims;
    for (const name of fs.readdirSync(this.claimsDir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const claim = JSON.parse(fs.readFileSync(path.join(this.claimsDir, name), 'utf8')) as Claim;
        claims.set(claim.lunId, claim);
      } catch {
        // A claim being written right now; the claim lock makes the next read consistent.
      }
    }
    return claims;
  }

  /**
   * Claims every LUN for a run, all or nothing, under one lock so two processes racing for overlapping
   * LUNs cannot both win. `isFinished` lets claims left by finished runs be taken over.
   */
  claim(runId: string, lunIds: readonly string[], importHost: string, isFinished: (runId: string) => boolean): void {
    fs.mkdirSync(this.claimsDir, { recursive: true });
    withFileLock(path.join(this.dir, 'claims.lock'), 'The run registry', () => {
      const held = this.claims();
      const conflicts = lunIds.filter((lunId) => {
        const claim = held.get(lunId);
        return claim !== undefined && claim.runId !== runId && !isFinished(claim.runId);
      });
      if (conflicts.length > 0) {
        const owner = held.get(conflicts[0] as string)?.runId;
        throw new ShadowSwapError(
          'BUSY',
          `Run ${owner} already holds ${conflicts.length === 1 ? 'LUN' : 'LUNs'} ${conflicts.join(', ')}. Only one run may work on a LUN: resume or roll back ${owner} first (shadowswap runs show ${owner}).`,
          {
            runId: owner,
            lunIds: conflicts,
          },
        );
      }
      for (const lunId of lunIds) {
        fs.writeFileSync(this.claimFile(lunId), JSON.stringify({ runId, lunId, importHost } satisfies Claim));
      }
    });
  }

  release(runId: string): void {
    withFileLock(path.join(this.dir, 'claims.lock'), 'The run registry', () => {
      for (const claim of this.claims().values()) {
        if (claim.runId === runId) fs.rmSync(this.claimFile(claim.lunId), { force: true });
      }
    });
  }

  /** Becomes the one process driving a run; false when another live process drives it. */
  attachDriver(runId: string): boolean {
    return tryLock(this.driverFile(runId), { runId });
  }

  detachDriver(runId: string): void {
    unlock(this.driverFile(runId));
  }

  /** The pid of a live process driving the run, if any. */
  liveDriver(runId: string): number | null {
    const pid = lockHolder(this.driverFile(runId));
    return pid !== null && isProcessAlive(pid) ? pid : null;
  }

  private driverFile(runId: string): string {
    return path.join(this.dir, `${runId}.driver`);
  }

  private claimFile(lunId: string): string {
    return path.join(this.claimsDir, `${createHash('sha256').update(lunId).digest('hex').slice(0, 32)}.json`);
  }
}
