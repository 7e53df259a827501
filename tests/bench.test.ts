/**
 * The benchmark suite's quick mode, so the bench code cannot rot: every figure must be produced with a
 * finite value. The values themselves are the benchmark's business (npm run bench), never a test's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../bench/measure';

const root = path.resolve(import.meta.dirname, '..');
const built = fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')) && fs.existsSync(path.join(root, 'dist', 'cli.cjs'));

describe('benchmark suite (quick)', () => {
  it.skipIf(!built)(
    'produces every figure',
    () => {
      const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench.mjs'), '--quick'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const results = JSON.parse(fs.readFileSync(path.join(root, 'bench-results.quick.json'), 'utf8')) as { figures: Figure[] };
      const names = results.figures.map((f) => f.name).join('\n');
      for (const expected of [
        'inventory.luns in process',
        'inventory.snapshots in process',
        'gateway ÷ in process',
        'gateway ÷ structured clone',
        'lunPage filtered and sorted, through the gateway',
        'diskshadow parser',
        'vssadmin parser',
        'full two-node-sql recovery',
        'flushing the journal',
        'cold start',
        'gateway under load',
        'bundle',
        'navigation to first rows',
        'keystroke',
        'rows in the DOM',
        'heap after GC',
        'Set chooser: Recovery link clicked in the open console to first rows',
        'Set chooser: cold start',
        'Masking matrix: its link clicked in the open console',
        'the same move as the test driver sees it',
        'Set chooser: rows in the DOM',
        'Home page: navigation to the systems table',
      ]) {
        expect(names).toContain(expected);
      }
      for (const figure of results.figures) expect(Number.isFinite(figure.median), figure.name).toBe(true);
      expect(run.stdout).toMatch(/^\| figure/m);
    },
    300_000,
  );
});
