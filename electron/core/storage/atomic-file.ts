/**
 * The one way ShadowSwap replaces a state file: write a private temp file beside it, flush it, rename it over the
 * old one, then flush the folder, so a crash or power cut leaves the old file or the new one, never a torn one, and
 * the new name itself survives. A write that fails removes its temp file instead of leaving it for the next reader.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './sync-directory';

export async function replaceFileAtomically(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}
