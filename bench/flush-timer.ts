/**
 * Times the flushes to disk (FileHandle sync and datasync: the run journal's appends and the Lab state's
 * saves), to report what share of a run is spent waiting for durability. Flushes that overlap are counted
 * once: the figure is the time at least one flush was under way, never more than the wall time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type FlushMethod = 'sync' | 'datasync';

export interface FlushTimer {
  /** Milliseconds during which a flush was under way since the last reset. */
  elapsedMs(): number;
  reset(): void;
  /** Puts the real methods back. */
  stop(): void;
}

async function fileHandlePrototype(): Promise<Record<FlushMethod, () => Promise<void>>> {
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-flush-')), 'probe');
  const handle = await fs.promises.open(probe, 'w');
  await handle.close();
  fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  return Object.getPrototypeOf(handle) as Record<FlushMethod, () => Promise<void>>;
}

export async function startFlushTimer(): Promise<FlushTimer> {
  const prototype = await fileHandlePrototype();
  const real = { sync: prototype.sync, datasync: prototype.datasync };
  let elapsed = 0;
  let underWay = 0;
  let since = 0;
  for (const method of ['sync', 'datasync'] as const) {
    prototype[method] = async function timed(this: unknown) {
      if (underWay++ === 0) since = performance.now();
      try {
        return await real[method].call(this);
      } finally {
        if (--underWay === 0) elapsed += performance.now() - since;
      }
    };
  }
  return {
    elapsedMs: () => elapsed + (underWay > 0 ? performance.now() - since : 0),
    reset: () => {
      elapsed = 0;
      since = performance.now();
    },
    stop: () => Object.assign(prototype, real),
  };
}
