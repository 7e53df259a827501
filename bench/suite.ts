/**
 * The benchmark suite: every figure the speed issue names, on the Lab's `large` estate unless said
 * otherwise. `--quick` runs a small version (two-node-sql, few runs) so `npm test` proves the code works.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import WebSocket from 'ws';
import { createCore } from '../electron/core/app';
import { initLab } from '../electron/core/backends/lab/lab-admin';
import { LabBackend } from '../electron/core/backends/lab/lab-backend';
import { LabStore } from '../electron/core/backends/lab/lab-store';
import { sqlClusterOfLuns } from '../electron/core/backends/lab/estates/sql-cluster';
import { parseDiskshadowOutput } from '../electron/core/windows-tools/parsers/parse-diskshadow';
import { parseVssadminOutput } from '../electron/core/windows-tools/parsers/parse-vssadmin';
import { EventBus } from '../electron/core/rpc/event-bus';
import { DEFAULT_OPERATIONS_AT_ONCE, RecoveryEngine } from '../electron/core/recovery/engine';
import { readJournal } from '../electron/core/recovery/journal';
import { startGateway } from '../electron/gateway/server';
import { createClient } from '../shared/rpc';
import { createWsChannel, type SocketLike } from '../shared/ws-channel';
import { chainedJournalText } from '../tests/fixtures/journal/chained-journal';
import { diskshadowListing, vssadminListing } from '../tests/fixtures/windows/generate-listings';
import { startFlushTimer } from './flush-timer';
import { runGatewayLoad } from './gateway-load';
import { percentile, summarize, timeRuns, type Figure } from './measure';
import { measureConsolePages } from './console-pages';
import { measureLunsPage } from './luns-page';
import { startServe } from './serve-process';
import { countText } from '../shared/count-text';

export interface SuiteOptions {
  quick: boolean;
  root: string;
  /** Run only the sections whose label starts with one of these (`npm run bench -- --only=inventory`). */
  only?: string[];
}

const tempDir = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `shadowswap-bench-${label}-`));

/**
 * Whole lists in process, then the same list through each door side by side: the gateway (WebSocket,
 * JSON) and what the desktop door copies (Electron IPC uses the structured clone algorithm). In process a
 * list is the backend's shared view handed back without a copy, so "gateway ÷ in process" for a whole
 * 20 MB list compares a copy with none and is only reported; the gateway's cost is judged against the
 * other door's copy of the same list. The console's own read (a filtered, sorted page) is reported both
 * ways: below a millisecond, a loopback round trip, not the work, is what separates them.
 */
async function inventoryFigures(options: SuiteOptions): Promise<Figure[]> {
  const scenario = options.quick ? 'two-node-sql' : 'large';
  const runs = options.quick ? 3 : 15;
  const dataDir = tempDir('inventory');
  await initLab(dataDir, scenario, false);
  const core = createCore({ backend: await LabBackend.open(dataDir, { latencyScale: 0 }), dataDir, version: 'bench' });
  const local = createClient({ invoke: (m, p) => core.registry.invoke(m, p), subscribe: () => () => undefined });
  const gateway = await startGateway({ registry: core.registry, port: 0, staticDir: path.join(options.root, 'dist', 'renderer') });
  const socket = new WebSocket(`ws://127.0.0.1:${gateway.port}/rpc`, { headers: { cookie: `${gateway.cookieName}=${gateway.token}` } });
  const remote = createClient(createWsChannel(socket as unknown as SocketLike));
  const page = { filter: 'sql data', sort: { column: 'name', direction: 'descending' }, offset: 0, limit: 100 } as const;
  try {
    // Warm every path once (the first read loads the state file and builds the views), then measure interleaved.
    const luns = await local.invoke('inventory.luns', {});
    const megabytes = JSON.stringify(luns).length / 1e6;
    const copyCount = (await local.invoke('inventory.snapshots', {})).reduce((n, set) => n + set.shadowCopies.length, 0);
    await remote.invoke('inventory.luns', {});
    await local.invoke('inventory.lunPage', page);
    await remote.invoke('inventory.lunPage', page);
    const samples = {
      local: [] as number[],
      remote: [] as number[],
      cloned: [] as number[],
      localPage: [] as number[],
      remotePage: [] as number[],
    };
    for (let i = 0; i < runs; i += 1) {
      samples.local.push(...(await timeRuns(1, () => local.invoke('inventory.luns', {}))));
      samples.remote.push(...(await timeRuns(1, () => remote.invoke('inventory.luns', {}))));
      samples.cloned.push(...(await timeRuns(1, async () => structuredClone(await local.invoke('inventory.luns', {})))));
      samples.localPage.push(...(await timeRuns(1, () => local.invoke('inventory.lunPage', page))));
      samples.remotePage.push(...(await timeRuns(1, () => remote.invoke('inventory.lunPage', page))));
    }
    const snapshots = await timeRuns(runs, () => local.invoke('inventory.snapshots', {}));
    const ratio = (over: number[], under: number[]) => over.map((t, i) => t / (under[i] as number));
    return [
      summarize(`inventory.luns in process (${countText(luns.length)} LUNs, ${scenario})`, 'ms', samples.local, 100),
      summarize(`inventory.snapshots in process (${countText(copyCount)} shadow copies)`, 'ms', snapshots, 150),
      summarize(`inventory.luns through the gateway (${megabytes.toFixed(1)} MB of JSON)`, 'ms', samples.remote, null),
      summarize('inventory.luns through a structured clone (what Electron IPC copies)', 'ms', samples.cloned, null),
      summarize('gateway ÷ in process, inventory.luns whole (a copy against none)', '×', ratio(samples.remote, samples.local), null),
      summarize('gateway ÷ structured clone, inventory.luns whole (side by side)', '×', ratio(samples.remote, samples.cloned), 2),
      summarize('inventory.lunPage filtered and sorted, in process', 'ms', samples.localPage, null),
      summarize('inventory.lunPage filtered and sorted, through the gateway', 'ms', samples.remotePage, null),
    ];
  } finally {
    socket.close();
    await gateway.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function parserFigures(options: SuiteOptions): Promise<Figure[]> {
  const targetBytes = options.quick ? 1_000_000 : 20_000_000;
  const runs = options.quick ? 2 : 7;
  const listings = {
    diskshadow: { text: diskshadowListing(Math.ceil(targetBytes / 1_750)), parse: parseDiskshadowOutput },
    vssadmin: { text: vssadminListing(Math.ceil(targetBytes / 720)), parse: parseVssadminOutput },
  };
  const figures: Figure[] = [];
  for (const [tool, { text, parse }] of Object.entries(listings)) {
    // One unmeasured run each: split is native code from the start, the parser must first be compiled.
    text.split('\n');
    parse(text, {});
    const ratios: number[] = [];
    const megabytesPerSecond: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const [split] = await timeRuns(1, () => text.split('\n'));
      const [parsed] = await timeRuns(1, () => parse(text, {}));
      ratios.push((split as number) / (parsed as number));
      megabytesPerSecond.push(text.length / 1e3 / (parsed as number));
    }
    figures.push(summarize(`${tool} parser throughput ÷ line split (${(text.length / 1e6).toFixed(1)} MB)`, '×', ratios, 0.3, 'higher'));
    // The same runs in absolute terms: what a regression would show, whatever the split costs that day.
    figures.push(summarize(`${tool} parser throughput`, 'MB/s', megabytesPerSecond, null, 'higher'));
  }
  return figures;
}

async function engineFigures(options: SuiteOptions): Promise<Figure[]> {
  const runs = options.quick ? 2 : 9;
  const walls: number[] = [];
  const flushShares: number[] = [];
  const flushes = await startFlushTimer();
  try {
    for (let i = 0; i < runs; i += 1) {
      const dataDir = tempDir('engine');
      await initLab(dataDir, 'two-node-sql', false);
      const backend = await LabBackend.open(dataDir, { latencyScale: 0 });
      const engine = new RecoveryEngine({ backend, dataDir, bus: new EventBus() });
      const setId = (await backend.listSnapshotSets())[0]?.id ?? '';
      flushes.reset();
      const started = performance.now();
      const run = await engine.start({ setId }, [], { autoConfirm: true });
      const done = await engine.settled(run.id);
      const wall = performance.now() - started;
      if (done.state !== 'succeeded') throw new Error(`the benchmark recovery ended ${done.state}: ${done.lastError}`);
      walls.push(wall);
      flushShares.push((100 * flushes.elapsedMs()) / wall);
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    flushes.stop();
  }
  return [
    summarize('full two-node-sql recovery in process (Lab latency 0)', 'ms', walls, 250),
    summarize('share of that run spent flushing the journal and state (awaiting sync/datasync)', '%', flushShares, null),
  ];
}

/**
 * One recovery of a cluster group of `luns` LUNs at a Lab latency scale: its outage, the plan's critical path, and
 * the outage the plan expected at the engine's bound of operations at once.
 */
async function measuredOutage(
  luns: number,
  scale: number,
  operationsAtOnce: number,
): Promise<{ outageMs: number; criticalPathMs: number; expectedMs: number }> {
  const dataDir = tempDir('outage');
  const store = new LabStore(dataDir);
  await store.withLock(() => store.save(sqlClusterOfLuns(luns, new Date())));
  const backend = await LabBackend.open(dataDir, { latencyScale: scale });
  try {
    const engine = new RecoveryEngine({ backend, dataDir, bus: new EventBus(), operationsAtOnce });
    const setId = (await backend.listSnapshotSets())[0]?.id ?? '';
    const run = await engine.start({ setId }, ['all'], { autoConfirm: true });
    const done = await engine.settled(run.id);
    const timing = engine.get(run.id).plan.timing;
    if (
      done.state !== 'succeeded' ||
      done.downtimeMs === null ||
      !timing ||
      timing.criticalPathMs === null ||
      timing.expectedOutageMs === null
    )
      throw new Error(`the outage benchmark (${luns} LUNs) ended ${done.state}: ${done.lastError}`);
    return { outageMs: done.downtimeMs, criticalPathMs: timing.criticalPathMs, expectedMs: timing.expectedOutageMs };
  } finally {
    await backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Issue 20: production's outage against the least time its operations allow (the critical path, from the Lab's
 * latency model at the same scale, so the ratio does not depend on the scale), on groups of 4 LUNs (two-node-sql's
 * shape), 16 and 64, with as many operations at once as the group has disks: the outage grows with the slowest
 * operation, not with the count. Then, at the engine's default bound of 8 operations at once, the outage of the
 * larger groups beside what the plan expected at that bound (the disks wait for free slots).
 */
async function outageFigures(options: SuiteOptions): Promise<Figure[]> {
  const runs = options.quick ? 1 : 3;
  const scale = options.quick ? 0.02 : 0.1;
  const figures: Figure[] = [];
  for (const luns of options.quick ? [4, 16] : [4, 16, 64]) {
    const samples: Array<{ outageMs: number; criticalPathMs: number }> = [];
    for (let i = 0; i < runs; i += 1) samples.push(await measuredOutage(luns, scale, Math.max(DEFAULT_OPERATIONS_AT_ONCE, luns)));
    figures.push(
      summarize(
        `outage ÷ critical path, ${luns} LUNs in one group (Lab latency ${scale}, ${Math.max(DEFAULT_OPERATIONS_AT_ONCE, luns)} operations at once)`,
        '×',
        samples.map((s) => s.outageMs / s.criticalPathMs),
        1.15,
        'lower',
        `critical path ${((samples[0]?.criticalPathMs ?? 0) / 1000).toFixed(2)} s`,
      ),
      summarize(
        `outage, ${luns} LUNs (Lab latency ${scale})`,
        'ms',
        samples.map((s) => s.outageMs),
        null,
      ),
    );
  }
  for (const luns of options.quick ? [] : [16, 64]) {
    const bounded: Array<{ outageMs: number; expectedMs: number }> = [];
    for (let i = 0; i < runs; i += 1) bounded.push(await measuredOutage(luns, scale, DEFAULT_OPERATIONS_AT_ONCE));
    figures.push(
      summarize(
        `outage, ${luns} LUNs (Lab latency ${scale}, ${DEFAULT_OPERATIONS_AT_ONCE} operations at once)`,
        'ms',
        bounded.map((s) => s.outageMs),
        null,
        'lower',
        `the plan expected ${((bounded[0]?.expectedMs ?? 0) / 1000).toFixed(2)} s at that bound`,
      ),
    );
  }
  return figures;
}

/** Reading (and verifying the chain of) a long run's journal: what `runs`, resume and a report do first. */
async function journalFigure(options: SuiteOptions): Promise<Figure[]> {
  const events = options.quick ? 10_000 : 100_000;
  const dir = tempDir('journal');
  const file = path.join(dir, 'run.journal');
  fs.writeFileSync(file, chainedJournalText(events));
  try {
    readJournal(file);
    const samples = await timeRuns(options.quick ? 2 : 7, () => readJournal(file));
    return [summarize(`run journal read and chain check (${countText(events)} events)`, 'ms', samples, 2_000)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function coldStartFigure(options: SuiteOptions): Promise<Figure[]> {
  const runs = options.quick ? 1 : 7;
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const dataDir = tempDir('cold');
    await initLab(dataDir, 'two-node-sql', false);
    const started = performance.now();
    const { url, stop } = await startServe(options.root, dataDir);
    const response = await fetch(url);
    await response.body?.getReader().read();
    samples.push(performance.now() - started);
    stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return [summarize('gateway cold start: shadowswap serve to first byte', 'ms', samples, 1000)];
}

async function loadFigure(options: SuiteOptions): Promise<Figure[]> {
  const runs = options.quick ? 1 : 5;
  const p99s: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const result = await runGatewayLoad(options.quick ? 20 : 200, options.quick ? 5 : 25);
    if (result.failures.length > 0 || result.recoveryState !== 'succeeded')
      throw new Error(`the load run failed: ${result.failures[0] ?? result.recoveryState}`);
    p99s.push(percentile(result.latencies, 99));
  }
  return [
    summarize(`gateway under load: p99 of ${options.quick ? '20 × 5' : '200 × 25'} inventory reads during a recovery`, 'ms', p99s, 100),
  ];
}

function bundleFigure(options: SuiteOptions): Figure[] {
  const assets = path.join(options.root, 'dist', 'renderer', 'assets');
  const bytes = fs
    .readdirSync(assets)
    .filter((file) => /\.(js|css)$/.test(file))
    .reduce((total, file) => total + zlib.gzipSync(fs.readFileSync(path.join(assets, file))).length, 0);
  return [summarize('renderer bundle, gzip', 'KiB', [bytes / 1024], null)];
}

export async function runSuite(options: SuiteOptions, progress: (line: string) => void): Promise<Figure[]> {
  const sections: Array<[string, () => Promise<Figure[]> | Figure[]]> = [
    ['inventory', () => inventoryFigures(options)],
    ['parsers', () => parserFigures(options)],
    ['engine', () => engineFigures(options)],
    ['outage', () => outageFigures(options)],
    ['journal', () => journalFigure(options)],
    ['cold start', () => coldStartFigure(options)],
    ['gateway under load', () => loadFigure(options)],
    ['bundle', () => bundleFigure(options)],
    ['LUNs page in Chromium', () => measureLunsPage(options)],
    ['console pages in Chromium', () => measureConsolePages(options)],
  ];
  const figures: Figure[] = [];
  for (const [label, section] of sections) {
    if (options.only && !options.only.some((wanted) => label.startsWith(wanted))) continue;
    progress(`bench: ${label}…`);
    figures.push(...(await section()));
  }
  return figures;
}
