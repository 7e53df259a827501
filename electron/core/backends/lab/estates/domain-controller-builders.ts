/**
 * The parts of a domain controller estate: the three LUNs a DC keeps Active Directory on (database, logs,
 * SYSVOL) and the DC's directory state, as the NTDS and Netlogon parameters describe it.
 */
import { deterministicGuid } from '../deterministic';
import { FsmoRole } from '../../../../../shared/domain-controller';
import type { LabDirectory, LabDomainController, ReplicationPartner } from '../domain-controller-model';
import type { LabLun } from '../lab-model';
import { makeLun } from './builders';

/** Database on D:, logs on L:, SYSVOL on S:, numbered from `firstIndex` on the array. */
export function domainControllerLuns(arrayId: string, firstIndex: number, host: string): LabLun[] {
  const mask = [host];
  return [
    makeLun(arrayId, firstIndex, {
      name: `${host}-NTDS`,
      sizeGiB: 50,
      driveLetter: 'D:',
      label: 'NTDS',
      files: ['NTDS\\ntds.dit', 'NTDS\\temp.edb'],
      mask,
    }),
    makeLun(arrayId, firstIndex + 1, {
      name: `${host}-NTDS-LOGS`,
      sizeGiB: 20,
      driveLetter: 'L:',
      label: 'NTDSLogs',
      files: ['edb.chk', 'edb.log', 'edb00001.log', 'edbres00001.jrs', 'edbres00002.jrs'],
      mask,
    }),
    makeLun(arrayId, firstIndex + 2, {
      name: `${host}-SYSVOL`,
      sizeGiB: 10,
      driveLetter: 'S:',
      label: 'SYSVOL',
      files: ['SYSVOL\\domain\\Policies', 'SYSVOL\\domain\\scripts'],
      mask,
    }),
  ];
}

export interface DomainControllerSpec {
  host: string;
  domain: string;
  databaseLun: LabLun;
  /** The DC's highest USN and how many of the domain's changes it holds now. */
  usn: number;
  changesHeld: number;
  partners: { host: string; seenUsn: number }[];
}

/** A writable DC running normally on its database, its registry as dcpromo left it. */
export function domainController(spec: DomainControllerSpec): LabDomainController {
  const invocationId = deterministicGuid(`${spec.host}/invocation/0`);
  const partners: ReplicationPartner[] = spec.partners.map((p) => ({ ...p, seenInvocationId: invocationId }));
  return {
    host: spec.host,
    domain: spec.domain,
    readOnly: false,
    bootMode: 'normal',
    invocationId,
    usn: spec.usn,
    changesHeld: spec.changesHeld,
    runningOnLunId: spec.databaseLun.id,
    databaseLunId: spec.databaseLun.id,
    ntds: {
      'DSA Database file': 'D:\\NTDS\\ntds.dit',
      'Database log files path': 'L:\\',
      'Database restored from backup': null,
      'DSA Previous Restore Count': 0,
      'Dsa Not Writable': null,
    },
    sysvolPath: 'S:\\SYSVOL\\sysvol',
    systemDrive: 'C:',
    replicationFailures: 0,
    lastReplicationError: null,
    netlogonPaused: false,
    partners,
    images: [],
    events: [],
    dfsrEvents: [],
  };
}

/** When dcpromo made the first DC of every Lab forest: long before any set. */
const FOREST_PROMOTED = '2021-06-01T08:00:00.000Z';

/**
 * A forest made by dcpromo on a current Windows Server: tombstoneLifetime written as 180 days, and the first DC
 * holding all five operations master roles since it was promoted.
 */
export function forestOf(firstDc: string): LabDirectory {
  return {
    tombstoneLifetimeDays: 180,
    fsmoRoles: FsmoRole.options.map((role) => ({ role, holder: firstDc, changedAt: FOREST_PROMOTED, changedOn: firstDc })),
  };
}
