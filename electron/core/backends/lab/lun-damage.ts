/** What ransomware or a bad update leaves on a LUN: renamed files, changed data, damaged volumes. */
import { contentChecksum } from './deterministic';
import type { LabLun } from './lab-model';

/** `seed` makes the changed data differ between two damages of the same LUN. */
export function damageLun(lun: LabLun, seed: string): void {
  lun.files = [...lun.files.map((file) => `${file}.locked`), 'HOW_TO_RECOVER_FILES.txt'];
  lun.contentChecksum = contentChecksum(`${lun.id}/corrupted/${seed}`, lun.files);
  lun.volumes = lun.volumes.map((volume) => ({ ...volume, damaged: true }));
  lun.state = 'damaged';
}
