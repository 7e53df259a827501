/**
 * The state file: atomic saves, a lock two processes share, and a damaged or foreign file that gets a
 * clear error and is never overwritten.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShadowSwapError } from '../../../../../shared/errors';
import { initLab } from '../../../../../electron/core/backends/lab/lab-admin';
import { LabBackend } from '../../../../../electron/core/backends/lab/lab-backend';
import { LabStore, LOCK_FILE, STATE_FILE } from '../../../../../electron/core/backends/lab/lab-store';
import { bundleDriver } from './driver-bundle';
import { FIXED_NOW, tempDataDir } from './lab-fixture';

const dirs: string[] = [];
async function estate(): Promise<string> {
  const dir = tempDataDir();
  dirs.push(dir);
  await initLab(dir, 'two-node-sql', false, FIXED_NOW);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function errorOf(action: () => Promise<unknown>): Promise<ShadowSwapError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ShadowSwapError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('a state file that is not ours', () => {
  it.each([
    ['cut short', '{"format":"shadowswap-lab","vers', 'is not valid JSON'],
    ['foreign', '{"name":"something else"}', 'is not a ShadowSwap Lab state file'],
    ['another version', '{"format":"shadowswap-lab","version":99,"state":{}}', 'another version of ShadowSwap'],
    ['damaged', '{"format":"shadowswap-lab","version":2,"savedAt":"x","state":{"luns":7}}', 'does not have the expected shape'],
  ])('%s: a clear error, and the file is left untouched', async (_what, content, message) => {
    const dir = await estate();
    const file = path.join(dir, 'lab', STATE_FILE);
    fs.writeFileSync(file, content);
    const error = await errorOf(() => LabBackend.open(dir));
    expect(error.code).toBe('STATE_UNREADABLE');
    expect(error.message).toContain(message);
    await expect(new LabStore(dir).update(() => undefined)).rejects.toThrow(ShadowSwapError);
    await expect(initLab(dir, 'two-node-sql', false)).rejects.toThrow('already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('a save that fails', () => {
  it('leaves no temp file behind and the old state in place', async () => {
    const dir = await estate();
    const store = new LabStore(dir);
    const before = fs.readFileSync(store.file, 'utf8');
    // A state file that cannot be replaced: the rename onto a non-empty folder fails.
    const aside = `${store.file}.aside`;
    fs.renameSync(store.file, aside);
    fs.mkdirSync(path.join(store.file, 'blocker'), { recursive: true });
    await expect(store.withLock(() => store.save(JSON.parse(before).state))).rejects.toThrow();
    expect(fs.readdirSync(store.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    fs.rmSync(store.file, { recursive: true });
    fs.renameSync(aside, store.file);
    expect(fs.readFileSync(store.file, 'utf8')).toBe(before);
  });
});

describe('changes asked for at the same time', () => {
  it('are saved by one write, each caller answered once it is on disk', async () => {
    const dir = await estate();
    const store = new LabStore(dir);
    const saves = vi.spyOn(store, 'save');
    const names = store.read().luns.map((lun) => lun.name);
    const answers = await Promise.all(
      names.map((name, index) =>
        store.update((state) => {
          (state.luns[index] as { name: string }).name = `${name}-renamed`;
          return index;
        }),
      ),
    );
    expect(answers).toEqual(names.map((_name, index) => index));
    expect(saves).toHaveBeenCalledTimes(1);
    expect(new LabStore(dir).read().luns.map((lun) => lun.name)).toEqual(names.map((name) => `${name}-renamed`));
  });

  it('keep their edits when one of them throws, and the one that threw leaves none of its own', async () => {
    const dir = await estate();
    const store = new LabStore(dir);
    const [first, second, third] = store.read().luns.map((lun) => lun.name);
    const outcomes = await Promise.allSettled([
      store.update((state) => void ((state.luns[0] as { name: string }).name = 'first-renamed')),
      store.update((state) => {
        (state.luns[1] as { name: string }).name = 'half-done';
        throw new Error('refused half-way');
      }),
      store.update((state) => void ((state.luns[2] as { name: string }).name = 'third-renamed')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    for (const seen of [store.read(), new LabStore(dir).read()])
      expect(seen.luns.slice(0, 3).map((lun) => lun.name)).toEqual(['first-renamed', second, 'third-renamed']);
    expect(first).not.toBe('first-renamed');
    expect(third).not.toBe('third-renamed');
  });
});

describe('the writer lock', () => {
  it('makes a writer wait and then report BUSY while a live process holds it', async () => {
    const dir = await estate();
    fs.writeFileSync(path.join(dir, 'lab', LOCK_FILE), JSON.stringify({ pid: process.pid }));
    const error = await errorOf(() => new LabStore(dir).withLock(() => undefined, 50));
    expect(error.code).toBe('BUSY');
    expect(error.message).toContain(`pid ${process.pid}`);
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await estate();
    fs.writeFileSync(path.join(dir, 'lab', LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    expect(await new LabStore(dir).withLock(() => 'taken', 50)).toBe('taken');
  });

  it('keeps concurrent processes writing the same estate from losing or tearing changes', async () => {
    const dir = await estate();
    const driver = await bundleDriver();
    try {
      const luns = new LabStore(dir).read().luns;
      const start = new LabStore(dir).read().revision;
      // Eight processes at once, each replacing the mask of a different LUN.
      const statuses = await Promise.all(
        luns.map(
          (lun) =>
            new Promise<number>((resolve) => {
              const params = JSON.stringify({ lunId: lun.id, hosts: ['BACKUP01'] });
              spawn(process.execPath, [driver.file, dir, 'setLunMask', params], { stdio: 'ignore' }).on('exit', (status) =>
                resolve(status ?? -1),
              );
            }),
        ),
      );
      expect(statuses.every((status) => status === 0)).toBe(true);
      const final = new LabStore(dir).read();
      expect(final.revision).toBe(start + luns.length);
      expect(final.luns.map((lun) => lun.mask)).toEqual(luns.map(() => ['BACKUP01']));
    } finally {
      driver.remove();
    }
  });
});
