/**
 * The console's own catalog of transportable snapshot sets and their metadata .cab files. A transportable set
 * is not in any host's system until it is imported (only its .cab knows it), so nothing on Windows can be
 * asked for it: ShadowSwap records each set when it creates it and updates it as the procedure advances.
 */
import path from 'node:path';
import { z } from 'zod';
import { SnapshotSet } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { withFileLockAsync } from '../../../storage/file-lock';
import { readJsonFile, writeJsonAtomic } from '../../../storage/json-file';

const CatalogFile = z.object({
  format: z.literal('shadowswap-snapshot-catalog'),
  version: z.literal(1),
  sets: z.array(SnapshotSet),
});

export class SnapshotCatalog {
  readonly file: string;
  private readonly lockFile: string;

  constructor(dir: string) {
    this.file = path.join(dir, 'snapshot-sets.json');
    this.lockFile = path.join(dir, 'snapshot-sets.lock');
  }

  list(): SnapshotSet[] {
    return readJsonFile(this.file, CatalogFile, 'snapshot catalog')?.sets ?? [];
  }

  get(setId: string): SnapshotSet {
    const set = this.list().find((s) => s.id === setId.toLowerCase().replace(/[{}]/g, ''));
    if (set === undefined) {
      throw new ShadowSwapError(
        'NOT_FOUND',
        `No snapshot set ${setId} is in ShadowSwap's catalog (${this.file}). List the sets with: shadowswap inventory snapshots.`,
        { setId },
      );
    }
    return set;
  }

  /** Adds a set, or replaces the set with the same id; under a lock, so two processes cannot lose an update. */
  put(set: SnapshotSet): Promise<void> {
    return withFileLockAsync(this.lockFile, 'The snapshot catalog', async () => {
      const sets = this.list().filter((s) => s.id !== set.id);
      await writeJsonAtomic(this.file, { format: 'shadowswap-snapshot-catalog', version: 1, sets: [...sets, set] });
    });
  }
}
