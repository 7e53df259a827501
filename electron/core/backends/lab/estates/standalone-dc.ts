/**
 * DC01, the only domain controller of contoso.local, whose AD database, logs and SYSVOL live on iSCSI LUNs,
 * with last night's transportable set of all three: the Active Directory fast-recovery case.
 */
import { reconcileDomainControllers } from '../domain-controllers';
import type { LabState } from '../lab-model';
import { lunNumberer, recordTransportableSet } from '../vss-provider';
import { contosoArray, maskingSetPerHost, emptyEstate, fcHost, iscsiHost, lastNight } from './builders';
import { domainController, domainControllerLuns, forestOf } from './domain-controller-builders';

export function standaloneDc(now: Date): LabState {
  const arrayId = 'ARRAY-01';
  const state = emptyEstate('standalone-dc');
  state.arrays.push(contosoArray(arrayId, 'ISCSI-ARRAY-01'));
  const luns = domainControllerLuns(arrayId, 0, 'DC01');
  state.luns.push(...luns);
  state.hosts.push(iscsiHost('DC01', 'contoso.local', 'Windows Server 2019 Standard (10.0.17763)'), fcHost('BACKUP01'));
  maskingSetPerHost(state, arrayId);
  state.directory = forestOf('DC01');
  state.domainControllers.push(
    domainController({ host: 'DC01', domain: 'contoso.local', databaseLun: luns[0]!, usn: 41_200, changesHeld: 3_100, partners: [] }),
  );
  recordTransportableSet(state, {
    host: 'DC01',
    originals: [...state.luns],
    persistent: true,
    createdAt: lastNight(now),
    nextLunId: lunNumberer(state),
  });
  // The set holds the database as it was last night: the DC's USN then.
  reconcileDomainControllers(state, lastNight(now));
  // A morning of changes since the set was taken.
  const dc = state.domainControllers[0]!;
  dc.usn += 350;
  dc.changesHeld += 40;
  return state;
}
