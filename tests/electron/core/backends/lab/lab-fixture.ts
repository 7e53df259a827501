/** A fresh Lab estate in a temporary data directory, instant (latency 0) and with a fixed clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initLab } from '../../../../../electron/core/backends/lab/lab-admin';
import { LabBackend, type LabOptions } from '../../../../../electron/core/backends/lab/lab-backend';

export const FIXED_NOW = new Date('2025-03-14T09:30:00.000Z');

export interface LabFixture {
  dataDir: string;
  backend: LabBackend;
  cleanup(): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-lab-'));
}

export async function openLab(scenario = 'two-node-sql', options: LabOptions = {}): Promise<LabFixture> {
  const dataDir = tempDataDir();
  await initLab(dataDir, scenario, false, FIXED_NOW);
  const backend = await LabBackend.open(dataDir, { latencyScale: 0, now: () => FIXED_NOW, ...options });
  return {
    dataDir,
    backend,
    async cleanup() {
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
