/**
 * DC01, a domain controller whose AD database, logs and SYSVOL live on iSCSI LUNs, with last night's
 * transportable set of all three: the Active Directory fast-recovery case.
 */
import type { LabState } from '../lab-model';
import { lunNumberer, recordTransportableSet } from '../vss-provider';
import { contosoArray, maskingSetPerHost, emptyEstate, fcHost, iscsiHost, lastNight, makeLun } from './builders';

export function standaloneDc(now: Date): LabState {
  const arrayId = 'ARRAY-01';
  const dc = ['DC01'];
  const state = emptyEstate('standalone-dc');
  state.arrays.push(contosoArray(arrayId, 'ISCSI-ARRAY-01'));
  state.luns.push(
    makeLun(arrayId, 0, {
      name: 'DC01-NTDS',
      sizeGiB: 50,
      driveLetter: 'D:',
      label: 'NTDS',
      files: ['NTDS\\ntds.dit', 'NTDS\\temp.edb'],
      mask: dc,
    }),
    makeLun(arrayId, 1, {
      name: 'DC01-NTDS-LOGS',
      sizeGiB: 20,
      driveLetter: 'L:',
      label: 'NTDSLogs',
      files: ['edb.chk', 'edb.log', 'edb00001.log', 'edbres00001.jrs', 'edbres00002.jrs'],
      mask: dc,
    }),
    makeLun(arrayId, 2, {
      name: 'DC01-SYSVOL',
      sizeGiB: 10,
      driveLetter: 'S:',
      label: 'SYSVOL',
      files: ['SYSVOL\\domain\\Policies', 'SYSVOL\\domain\\scripts'],
      mask: dc,
    }),
  );
  state.hosts.push(iscsiHost('DC01', 'contoso.local', 'Windows Server 2019 Standard (10.0.17763)'), fcHost('BACKUP01'));
  maskingSetPerHost(state, arrayId);
  recordTransportableSet(state, {
    host: 'DC01',
    originals: [...state.luns],
    persistent: true,
    createdAt: lastNight(now),
    nextLunId: lunNumberer(state),
  });
  return state;
}
