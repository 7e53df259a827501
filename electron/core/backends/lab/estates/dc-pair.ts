/**
 * contoso.local with two domain controllers, DC01 and DC02, replicating with each other; each keeps its AD
 * database, logs and SYSVOL on iSCSI LUNs, and last night's transportable set holds DC01's three. Since the
 * set, both DCs made changes and DC02 has replicated DC01's: restoring DC01 without the restore flag is
 * the USN-rollback case (docs/windows-facts.md, "USN rollback"); with it, DC02's newer changes come back.
 */
import { reconcileDomainControllers } from '../domain-controllers';
import type { LabState } from '../lab-model';
import { damageLun } from '../lun-damage';
import { lunNumberer, recordTransportableSet } from '../vss-provider';
import { contosoArray, emptyEstate, fcHost, iscsiHost, lastNight, maskingSetPerHost } from './builders';
import { domainController, domainControllerLuns, forestOf } from './domain-controller-builders';

const DOMAIN = 'contoso.local';

export function dcPair(now: Date): LabState {
  const arrayId = 'ARRAY-01';
  const state = emptyEstate('dc-pair');
  state.arrays.push(contosoArray(arrayId, 'ISCSI-ARRAY-01'));
  const dc01Luns = domainControllerLuns(arrayId, 0, 'DC01');
  const dc02Luns = domainControllerLuns(arrayId, 3, 'DC02');
  state.luns.push(...dc01Luns, ...dc02Luns);
  const os = 'Windows Server 2019 Standard (10.0.17763)';
  state.hosts.push(iscsiHost('DC01', DOMAIN, os), iscsiHost('DC02', DOMAIN, os), fcHost('BACKUP01'));
  maskingSetPerHost(state, arrayId);
  state.directory = forestOf('DC01');
  state.domainControllers.push(
    domainController({ host: 'DC01', domain: DOMAIN, databaseLun: dc01Luns[0]!, usn: 45_000, changesHeld: 5_000, partners: [] }),
  );
  recordTransportableSet(state, {
    host: 'DC01',
    originals: dc01Luns,
    persistent: true,
    createdAt: lastNight(now),
    nextLunId: lunNumberer(state),
  });
  reconcileDomainControllers(state, lastNight(now));
  // Since the set: DC01 wrote 120 changes (DC02 replicated them, up to USN 45,240) and DC02 wrote 80 of its own.
  const dc01 = state.domainControllers[0]!;
  dc01.usn = 45_240;
  dc01.changesHeld = 5_200;
  dc01.partners = [{ host: 'DC02', seenUsn: 45_240, seenInvocationId: dc01.invocationId }];
  const dc02 = domainController({
    host: 'DC02',
    domain: DOMAIN,
    databaseLun: dc02Luns[0]!,
    usn: 61_800,
    changesHeld: 5_200,
    partners: [{ host: 'DC01', seenUsn: 61_800 }],
  });
  state.domainControllers.push(dc02);
  // This morning DC01's database volume was damaged: the reason for the recovery.
  damageLun(dc01Luns[0]!, 'dc-pair');
  return state;
}
