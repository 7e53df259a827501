/**
 * The index diskraid gives a LUN (`select lun N`). It is not the array's LUN number: "the DiskRAID utility assigns
 * its own index to each LUN when it enumerates … these indexes can change each time DiskRAID is run"
 * (IVdsLunNumber::GetLunNumber, docs/windows-facts.md#diskraid-lun-numbers-change-between-runs). The Lab's arrays enumerate their LUNs
 * newest first, so every shadow LUN a set creates moves the index of every older LUN on that array, which is what
 * makes a remembered index select the wrong LUN.
 */
import type { LabLun, LabState } from './lab-model';

export function diskraidIndexOf(state: LabState, lun: LabLun): number {
  const onArray = state.luns.filter((l) => l.arrayId === lun.arrayId);
  return onArray.length - 1 - onArray.findIndex((l) => l.id === lun.id);
}
