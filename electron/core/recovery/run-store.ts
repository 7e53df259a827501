/**
 * Where runs live on disk (<data-dir>/runs) and the cross-process rules around them: a run's LUNs are
 * claimed for as long as the run is unfinished (one run per LUN, across processes), and one process at
 * a time drives a run.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ShadowSwapError } from '../../../shared/errors';
import { z } from 'zod';
import { isProcessAlive, lockHolder, tryLock, unlock, withFileLockAsync } from '../storage/file-lock';
import { writeJsonAtomic } from '../storage/json-file';
import { syncDirectory } from '../storage/sync-directory';

const ClaimFile = z.object({ runId: z.string(), lunId: z.string(), importHost: z.string() });
export type Claim = z.infer<typeof ClaimFile>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function conflictError(holder: { claim: Claim } | { unreadable: string }, lunIds: string[]): ShadowSwapError {
  const luns = `${lunIds.length === 1 ? 'LUN' : 'LUNs'} ${lunIds.join(', ')}`;
  if ('unreadable' in holder) {
    return new ShadowSwapError(
      'BUSY',
      `${luns} cannot be claimed: ${holder.unreadable}, so ShadowSwap cannot tell whether a run still holds it. Check shadowswap runs for an unfinished or damaged run on it; once none holds it, move that file aside (keep it for the incident record) and start again.`,
      { lunIds },
    );
  }
  const owner = holder.claim.runId;
  return new ShadowSwapError(
    'BUSY',
    `Run ${owner} already holds ${luns}. Only one run may work on a LUN: resume or roll back ${owner} first (shadowswap runs show ${owner}).`,
    { runId: owner, lunIds },
  );
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

  /**
   * Where the release of a damaged run's claims is journaled: its own journal cannot be appended to (its
   * chain cannot be read), so the release gets a journal of its own beside it, hash-chained the same way.
   */
  releaseFile(runId: string): string {
    return `${this.journalFile(runId).slice(0, -'.journal'.length)}.release`;
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

  /**
   * Every claim held now: LUN id → claim. A claim whose run has no journal is left out: its run never
   * started (a crash or a full disk between the two; see claim), so it holds nothing.
   */
  claims(): Map<string, Claim> {
    const claims = new Map<string, Claim>();
    for (const entry of this.claimFiles()) {
      if ('claim' in entry && this.started(entry.claim.runId)) claims.set(entry.claim.lunId, entry.claim);
    }
    return claims;
  }

  /**
   * Who holds a LUN: its claim, or why its claim file cannot be read. An unreadable claim (a power cut or a
   * disk error) may belong to a run still holding the LUN, so it blocks the LUN rather than freeing it.
   */
  holderOf(lunId: string): { claim: Claim } | { unreadable: string } | null {
    const entry = this.readClaimFile(this.claimFile(lunId));
    if (entry === null || ('claim' in entry && !this.started(entry.claim.runId))) return null;
    return entry;
  }

  /**
   * Claims every LUN for a run, all or nothing, and writes the run's first journal line (`begin`), all under
   * one lock: two processes racing for overlapping LUNs cannot both win, and a run never holds LUNs without
   * a journal. Should `begin` fail, the claims are taken back; should the process die between the two, the
   * claims name a run with no journal and are ignored, then cleared by the next claim. `isFinished` lets
   * claims left by finished runs be taken over.
   */
  async claim(
    runId: string,
    lunIds: readonly string[],
    importHost: string,
    isFinished: (runId: string) => boolean,
    begin: () => Promise<void>,
  ): Promise<void> {
    fs.mkdirSync(this.claimsDir, { recursive: true });
    await withFileLockAsync(path.join(this.dir, 'claims.lock'), 'The run registry', async () => {
      await this.clearClaimsOfRunsNeverStarted();
      const conflicts = lunIds.flatMap((lunId) => {
        const holder = this.holderOf(lunId);
        if (holder === null || ('claim' in holder && (holder.claim.runId === runId || isFinished(holder.claim.runId)))) return [];
        return [{ lunId, holder }];
      });
      const [first] = conflicts;
      if (first !== undefined)
        throw conflictError(
          first.holder,
          conflicts.map((c) => c.lunId),
        );
      // Each claim replaced atomically (temp, fsync, rename, folder fsync): a power cut never leaves one half-written.
      for (const lunId of lunIds) await writeJsonAtomic(this.claimFile(lunId), { runId, lunId, importHost } satisfies Claim);
      try {
        await begin();
      } catch (error) {
        this.removeClaims(runId);
        throw error;
      }
    });
  }

  async release(runId: string): Promise<void> {
    await withFileLockAsync(path.join(this.dir, 'claims.lock'), 'The run registry', async () => {
      this.removeClaims(runId);
      await syncDirectory(this.claimsDir).catch(() => undefined);
    });
  }

  /** The LUNs a run holds now (listed for a damaged run, whose plan cannot be read). */
  lunsHeldBy(runId: string): string[] {
    return [...this.claims().values()].filter((claim) => claim.runId === runId).map((claim) => claim.lunId);
  }

  /** Whether a claim's run ever started: its journal exists. A claim naming no valid run id is kept (it blocks). */
  private started(runId: string): boolean {
    return !/^run-[\w-]+$/.test(runId) || this.exists(runId);
  }

  private removeClaims(runId: string): void {
    for (const entry of this.claimFiles()) {
      if ('claim' in entry && entry.claim.runId === runId) fs.rmSync(entry.file, { force: true });
    }
  }

  private async clearClaimsOfRunsNeverStarted(): Promise<void> {
    const orphans = this.claimFiles().filter((entry) => 'claim' in entry && !this.started(entry.claim.runId));
    for (const orphan of orphans) fs.rmSync(orphan.file, { force: true });
    if (orphans.length > 0) await syncDirectory(this.claimsDir);
  }

  private claimFiles(): Array<({ claim: Claim } | { unreadable: string }) & { file: string }> {
    if (!fs.existsSync(this.claimsDir)) return [];
    return fs
      .readdirSync(this.claimsDir)
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .flatMap((name) => {
        const file = path.join(this.claimsDir, name);
        const entry = this.readClaimFile(file);
        return entry === null ? [] : [{ ...entry, file }];
      });
  }

  private readClaimFile(file: string): { claim: Claim } | { unreadable: string } | null {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { unreadable: `the claim file ${file} cannot be read (${(error as Error).message})` };
    }
    const parsed = ClaimFile.safeParse(safeJson(text));
    if (!parsed.success) return { unreadable: `the claim file ${file} is damaged (${text.length === 0 ? 'it is empty' : 'not a claim'})` };
    return { claim: parsed.data };
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
