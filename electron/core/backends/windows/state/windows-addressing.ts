/**
 * The Windows backend's estate as the command renderer (windows-tools/render-operation.ts) addresses it: LUN
 * numbers, UniqueIds and initiators from the SAN map, metadata .cab paths and the hosts holding each LUN's disk from
 * the snapshot catalog (a clustered disk's holder comes with the plan's mask instead), and this computer as the
 * console. Each is read when a command needs it.
 */
import { ShadowSwapError } from '../../../../../shared/errors';
import { diskHolderIn, type WindowsAddressing } from '../../../windows-tools/render-operation';
import type { WindowsContext } from './windows-context';
import { sameName } from './windows-views';

export function windowsAddressing(context: WindowsContext): WindowsAddressing {
  return {
    consoleComputer: context.thisComputer,
    diskHolder: (lunId) => diskHolderIn(context.catalog.list(), lunId),
    lun(lunId) {
      const map = context.sanMap.read();
      const lun = map.luns.find((l) => l.id === lunId);
      if (lun === undefined) {
        throw new ShadowSwapError(
          'NOT_FOUND',
          `LUN ${lunId} is not in the SAN map (${context.sanMap.file}); its diskraid subsystem and LUN numbers and its disk UniqueId are unknown. Add it, then retry.`,
          { lunId },
        );
      }
      const array = map.arrays.find((a) => a.id === lun.arrayId);
      if (array === undefined)
        throw new ShadowSwapError(
          'NOT_FOUND',
          `LUN ${lun.id} names array ${lun.arrayId}, which is not in the SAN map. Add the array, then retry.`,
          { lunId: lun.id },
        );
      if (array.management === 'vds' && lun.diskraidLun === undefined)
        throw new ShadowSwapError(
          'NOT_FOUND',
          `LUN ${lun.name} is on ${array.name}, which ShadowSwap masks with diskraid (no Storage Management provider answers for it), and the SAN map (${context.sanMap.file}) gives no "diskraidLun" for it. Add it, then retry.`,
          { lunId: lun.id },
        );
      return {
        name: lun.name,
        arrayName: array.name,
        management: array.management,
        subsystem: array.diskraidSubsystem,
        // Only a VDS-only array is addressed by diskraid's index (checked above); 0 is never sent to diskraid otherwise.
        lun: lun.diskraidLun ?? 0,
        uniqueId: lun.uniqueId,
      };
    },
    initiatorsOf: (host) => context.sanMap.read().hosts.find((h) => sameName(h.name, host))?.initiators,
    maskingSetsFor(lunId) {
      const map = context.sanMap.read();
      const arrayId = map.luns.find((l) => l.id === lunId)?.arrayId;
      return map.maskingSets.filter((set) => set.arrayId === arrayId);
    },
    metadataPath: (setId) => context.catalog.get(setId).metadataFile,
  };
}
