/**
 * Where ShadowSwap keeps its state: --data-dir, else SHADOWSWAP_DATA_DIR, else the per-user app data
 * folder Electron would use (%APPDATA%\ShadowSwap, ~/Library/Application Support/ShadowSwap,
 * $XDG_CONFIG_HOME/ShadowSwap), so the desktop app, the CLI and the gateway share one estate.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(os.homedir(), 'AppData', 'Roaming'), 'ShadowSwap');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'ShadowSwap');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'ShadowSwap');
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.SHADOWSWAP_DATA_DIR;
  return path.resolve(chosen && chosen.length > 0 ? chosen : defaultDataDir(env));
}
