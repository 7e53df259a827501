/**
 * A private folder per tool call for the script (and diskshadow's log): created with mkdtemp under the
 * temp folder, owner-only (0o700), and removed afterwards whatever happened, so scripts naming hosts,
 * LUNs and set IDs do not accumulate.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ShadowSwapError } from '../../../../../shared/errors';

export async function withScratchDir<T>(root: string | undefined, action: (dir: string) => Promise<T>): Promise<T> {
  const parent = root ?? os.tmpdir();
  let dir: string;
  try {
    // realpath: on Windows %TEMP% is often an 8.3 short path (ADMINI~1) that the script-path rules refuse.
    dir = await fs.realpath(await fs.mkdtemp(path.join(parent, 'shadowswap-')));
    await fs.chmod(dir, 0o700);
  } catch (error) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `ShadowSwap could not create a private folder for a tool script under ${parent} (${(error as Error).message}). Nothing was run. Free space or fix the permissions of that folder, or point the scratch root elsewhere.`,
      { parent },
    );
  }
  try {
    return await action(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Writes a script exactly as the tools read it: the builders' CRLF ASCII text, no BOM, owner-only. */
export async function writeScript(file: string, text: string): Promise<void> {
  if (!/^[\x20-\x7e\r\n]*$/.test(text) || /(?<!\r)\n/.test(text)) {
    throw new ShadowSwapError('INTERNAL', 'A tool script is not CRLF-terminated ASCII; it was not written or run. Please report this.', {
      text,
    });
  }
  await fs.writeFile(file, text, { encoding: 'ascii', mode: 0o600, flag: 'wx' });
}

/** The file's text, or null when the tool did not write it. */
export async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
