/**
 * Where each tool's executable is. diskshadow, diskraid, powershell and whoami ship in
 * %SystemRoot%\System32 (powershell under WindowsPowerShell\v1.0); vshadow is an SDK sample that the
 * operator copies somewhere on PATH. System32 is tried first so a same-named program earlier on PATH is
 * never preferred; an explicit path (configuration, or a stand-in in tests) wins over both.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ToolName } from './process-launcher';

export const TOOL_FILES: Readonly<Record<ToolName, { file: string; system32Dir: string | null }>> = {
  diskshadow: { file: 'diskshadow.exe', system32Dir: '' },
  diskraid: { file: 'diskraid.exe', system32Dir: '' },
  powershell: { file: 'powershell.exe', system32Dir: 'WindowsPowerShell\\v1.0' },
  whoami: { file: 'whoami.exe', system32Dir: '' },
  vshadow: { file: 'vshadow.exe', system32Dir: null },
};

export interface LocatorEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  isFile: (file: string) => boolean;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    // ENAMETOOLONG, EACCES...: not a usable executable either way.
    return false;
  }
}

export const realLocatorEnvironment: LocatorEnvironment = { platform: process.platform, env: process.env, isFile };

export interface ToolLocation {
  tool: ToolName;
  /** The full path found, or null. */
  path: string | null;
  /** Where it was found (or what was searched), in words for the doctor. */
  source: string;
}

/** Windows environment variables are case-insensitive; Node keeps the spelling they were set with. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}

export function locateTool(tool: ToolName, where: LocatorEnvironment, explicit?: string): ToolLocation {
  if (explicit !== undefined) return { tool, path: where.isFile(explicit) ? explicit : null, source: `configured path ${explicit}` };
  if (where.platform !== 'win32') return { tool, path: null, source: 'not searched: the Windows tools exist only on Windows' };
  const { file, system32Dir } = TOOL_FILES[tool];
  const systemRoot = envValue(where.env, 'SystemRoot');
  if (systemRoot !== undefined && system32Dir !== null) {
    const candidate = path.win32.join(systemRoot, 'System32', system32Dir, file);
    if (where.isFile(candidate)) return { tool, path: candidate, source: '%SystemRoot%\\System32' };
  }
  for (const dir of (envValue(where.env, 'Path') ?? '').split(';').filter((d) => d.trim() !== '')) {
    const candidate = path.win32.join(dir.trim(), file);
    if (where.isFile(candidate)) return { tool, path: candidate, source: 'PATH' };
  }
  return { tool, path: null, source: system32Dir === null ? 'not on PATH' : 'not in %SystemRoot%\\System32 or on PATH' };
}
