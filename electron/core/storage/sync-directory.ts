/**
 * Flushes a folder's entries to disk: after a file is created or renamed into it, this is what makes the
 * new name itself survive a power cut, not only the bytes behind it.
 */
import fs from 'node:fs';

export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals its metadata, which is durable enough there.
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
