/**
 * Assembles the core: a backend, the event bus, the recovery engine and the handler registry. Every door
 * (Electron main, gateway, CLI) builds its registry here, so all three serve exactly the same handlers.
 */
import type { AppInfo } from '../../shared/domain';
import { createClient, type ContractClient } from '../../shared/rpc';
import type { Backend } from './backend';
import { EventBus } from './rpc/event-bus';
import { inventoryHandlers } from './inventory/inventory-handlers';
import { inventoryViews } from './inventory/inventory-index';
import { RecoveryEngine } from './recovery/engine';
import { recoveryHandlers } from './recovery/recovery-handlers';
import { labHandlers } from './backends/lab/lab-handlers';
import { doctorHandlers } from './backends/windows/doctor-handlers';
import type { PdfPrinter } from './reports/render-pdf';
import { reportHandlers } from './reports/report-handlers';
import { savedOutputHandlers } from './inventory/saved-output-handlers';
import { createSnapshot } from './snapshots/create-snapshot';
import { createRegistry, localChannel, type Caller, type Registry } from './rpc/registry';

export type { Caller } from './rpc/registry';

export interface Core {
  registry: Registry;
  backend: Backend;
  engine: RecoveryEngine;
  /**
   * A contract client in this process, over the same registry the other doors call. The caller is what
   * the in-process door vouches for (the CLI's --yes); no remote door can say it.
   */
  client(caller?: Caller): ContractClient;
  /** Builds the LUN table ahead of the first page, so a console opened right after start shows rows at once. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export interface CoreOptions {
  backend: Backend;
  /** Where runs and their journals live (the same data directory as the backend's state). */
  dataDir: string;
  version: string;
  platform?: string;
  /** How reports become PDFs: Electron's printToPDF in the desktop app, headless Chromium elsewhere. */
  printPdf?: PdfPrinter;
  /** The environment the doctor searches for the tools and the PDF export for Chromium (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Release bundles are built with NODE_ENV=production (scripts/build.mjs); they skip the result checks. */
const checkResults = process.env.NODE_ENV !== 'production';

export function createCore({ backend, dataDir, version, platform = process.platform, printPdf, env = process.env }: CoreOptions): Core {
  const bus = new EventBus();
  const stopWatching = backend.onChange((reason) => bus.emit('inventory.changed', { reason }));
  const engine = new RecoveryEngine({ backend, dataDir, bus });
  const views = inventoryViews(backend);

  const registry = createRegistry(
    {
      'app.info': (): AppInfo => ({ product: 'ShadowSwap', version, platform, backend: backend.describe() }),
      ...inventoryHandlers(backend, views),
      ...recoveryHandlers(engine),
      ...reportHandlers(dataDir, printPdf ? { printer: printPdf } : { env }),
      ...savedOutputHandlers(),
      ...labHandlers(dataDir),
      ...doctorHandlers(env),
      'snapshot.create': (request) => createSnapshot(backend, dataDir, request, engine.operator),
    },
    bus,
    { checkResults },
  );

  return {
    registry,
    backend,
    engine,
    client: (caller) => createClient(localChannel(registry, caller)),
    async warmUp() {
      await views.lunTable();
    },
    async close() {
      stopWatching();
      await backend.close();
    },
  };
}
