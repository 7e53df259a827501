/**
 * Chooses and opens the backend: --backend, else the SHADOWSWAP_BACKEND setting, else Windows on a
 * Windows machine and the Lab everywhere else.
 */
import { BackendKind } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import type { Backend } from '../backend';
import { LabBackend } from './lab/lab-backend';
import { createWindowsBackend } from './windows/windows-backend';

export interface BackendChoice {
  kind?: string;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export function defaultBackendKind(platform: NodeJS.Platform = process.platform): BackendKind {
  return platform === 'win32' ? 'windows' : 'lab';
}

export async function openBackend({ kind, dataDir, env = process.env, platform = process.platform }: BackendChoice): Promise<Backend> {
  const wanted = kind ?? env.SHADOWSWAP_BACKEND ?? defaultBackendKind(platform);
  const parsed = BackendKind.safeParse(wanted);
  if (!parsed.success) {
    throw new ShadowSwapError('INVALID_REQUEST', `"${wanted}" is not a backend. Use --backend lab or --backend windows.`);
  }
  if (parsed.data === 'lab') return LabBackend.open(dataDir);
  if (platform !== 'win32') {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `The Windows backend drives diskshadow, diskraid and PowerShell on a Windows server; this machine runs ${platform}. Use the Lab (--backend lab) to rehearse here.`,
    );
  }
  return createWindowsBackend({ dataDir });
}
