/**
 * A file server on an array that ships only a VDS hardware provider (no Storage Management provider), masked with
 * diskraid: FS01 holds the data, and its PUBLIC share's LUN is open to `*` (every host). The array enumerates its
 * LUNs newest first, so the shadow LUNs of last night's set moved every diskraid index. Recovering it proves that
 * masking selects LUNs by identity and never sends `all`.
 */
import type { LabState } from '../lab-model';
import { lunNumberer, recordTransportableSet } from '../vss-provider';
import { contosoArray, emptyEstate, fcHost, lastNight, makeLun } from './builders';

export function legacyVds(now: Date): LabState {
  const arrayId = 'ARRAY-VDS';
  const state = emptyEstate('legacy-vds');
  state.arrays.push(contosoArray(arrayId, 'FC-ARRAY-LEGACY', 'vds'));
  state.hosts.push(fcHost('FS01', 'Windows Server 2012 R2 Standard (6.3.9600)'), fcHost('FS02'), fcHost('BACKUP01'));
  state.luns.push(
    makeLun(arrayId, 0, {
      name: 'FS-DATA',
      sizeGiB: 800,
      driveLetter: 'D:',
      label: 'Data',
      files: ['Projects\\plan.docx', 'Finance\\budget.xlsx'],
      mask: ['FS01'],
    }),
    makeLun(arrayId, 1, {
      name: 'FS-PUBLIC',
      sizeGiB: 200,
      driveLetter: 'P:',
      label: 'Public',
      files: ['Forms\\expenses.pdf', 'Handbook.pdf'],
      mask: ['*'],
    }),
  );
  recordTransportableSet(state, {
    host: 'FS01',
    originals: [...state.luns],
    persistent: true,
    createdAt: lastNight(now),
    nextLunId: lunNumberer(state),
  });
  return state;
}
