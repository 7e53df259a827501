/**
 * The parts every estate is built from: Contoso arrays with a hardware VSS provider, LUNs with SCSI
 * identities and one NTFS volume, FC or iSCSI hosts, and Physical Disk resources that expect their LUN's
 * identity. Deterministic: the same inputs always give the same ids, signatures and checksums.
 */
import type { ArrayManagement, LunIdentifier, StorageArray } from '../../../../../shared/domain';
import { contentChecksum, deterministicGuid, deterministicHex, deterministicSignature, volumeGuidPath } from '../deterministic';
import { CLEAR_PARTITION, type LabDiskResource, type LabHost, type LabLun, type LabState } from '../lab-model';

export const GiB = 1024 ** 3;

export function contosoArray(id: string, name: string, management: ArrayManagement = 'storage-management'): StorageArray {
  return {
    id,
    name,
    vendor: 'Contoso Storage',
    model: 'CS-9000',
    providerId: 'e6c4f2a1-5b3d-4c8e-9f17-2d4a6b8c0e31',
    providerName: 'Contoso VSS Hardware Provider',
    management,
  };
}

/** One masking set per host on a Storage Management array, named as array tools name host objects. */
export function maskingSetPerHost(state: LabState, arrayId: string): void {
  for (const host of state.hosts) {
    state.maskingSets.push({
      friendlyName: `${host.name}-${arrayId}`,
      uniqueId: deterministicGuid(`${arrayId}/masking-set/${host.name}`),
      arrayId,
      hosts: [host.name],
    });
  }
}

export interface LunSpec {
  name: string;
  sizeGiB: number;
  driveLetter: string | null;
  label: string;
  files: string[];
  mask: string[];
  partitionStyle?: 'MBR' | 'GPT';
  diskKind?: 'basic' | 'dynamic';
  /** Which VPD 0x83 identifiers the LUN reports; default: NAA (type 3) and SCSI name string (type 8). */
  identifiers?: 'naa-and-scsi-name' | 'naa-only' | 'association-unknown';
}

function identifiersFor(seed: string, index: number, kind: LunSpec['identifiers']): LunIdentifier[] {
  const naa = `6${deterministicHex(`${seed}/naa`, 31)}`;
  const type3: LunIdentifier = { type: 3, codeSet: 'binary', association: 0, value: naa };
  const type8: LunIdentifier = { type: 8, codeSet: 'utf8', association: 0, value: `naa.${naa},lun-${index}` };
  if (kind === 'naa-only') return [type3];
  // VDS carries no association field: what a Windows-side inventory sees.
  if (kind === 'association-unknown')
    return [
      { ...type3, association: null },
      { ...type8, association: null },
    ];
  return [type3, type8];
}

export function makeLun(arrayId: string, index: number, spec: LunSpec): LabLun {
  const seed = `${arrayId}/${spec.name}`;
  const partitionStyle = spec.partitionStyle ?? 'MBR';
  return {
    id: `${arrayId}:lun-${index}`,
    name: spec.name,
    arrayId,
    sizeBytes: spec.sizeGiB * GiB,
    identifiers: identifiersFor(seed, index, spec.identifiers),
    partitionStyle,
    diskKind: spec.diskKind ?? 'basic',
    signature: partitionStyle === 'GPT' ? deterministicGuid(`${seed}/disk-guid`) : deterministicSignature(`${seed}/signature`),
    volumes: [
      { guidPath: volumeGuidPath(`${seed}/volume`), driveLetter: spec.driveLetter, label: spec.label, fileSystem: 'NTFS', damaged: false },
    ],
    readOnly: false,
    partition: CLEAR_PARTITION,
    mask: spec.mask,
    contentChecksum: contentChecksum(seed, spec.files),
    files: spec.files,
    state: 'healthy',
    shadowOf: null,
  };
}

/** FC WWNs: an Emulex-style OUI prefix plus six digits derived from the host and HBA port. */
export function fcHost(name: string, osVersion = 'Windows Server 2022 Datacenter (10.0.20348)'): LabHost {
  return {
    name,
    osVersion,
    reachable: true,
    undiscoveredLunIds: [],
    initiators: [0, 1].map((port) => ({ kind: 'fc' as const, wwn: `10000090fa${deterministicHex(`${name}/hba${port}`, 6)}` })),
  };
}

export function iscsiHost(name: string, domain: string, osVersion: string): LabHost {
  return {
    name,
    osVersion,
    reachable: true,
    undiscoveredLunIds: [],
    initiators: [{ kind: 'iscsi', iqn: `iqn.1991-05.com.microsoft:${name.toLowerCase()}.${domain}` }],
  };
}

/** A Physical Disk resource bound to the LUN's identity, online, as the cluster made it when the disk was added. */
export function diskResourceFor(lun: LabLun, name: string, group: string): LabDiskResource {
  const gpt = lun.partitionStyle === 'GPT';
  return {
    name,
    group,
    state: 'Online',
    maintenanceMode: false,
    diskIdType: gpt ? 'GPT' : 'MBR',
    diskSignature: gpt ? null : lun.signature,
    diskIdGuid: gpt ? lun.signature : null,
    dependencies: [],
    lastEvent: null,
  };
}

/** 23:00 UTC the day before: when the nightly transportable set was taken. */
export function lastNight(now: Date): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, 23, 0, 0));
  return date;
}

export function emptyEstate(scenario: string): LabState {
  return {
    scenario,
    revision: 0,
    settings: { latencyScale: 1, language: 'en-US', consoleComputer: null },
    arrays: [],
    luns: [],
    hosts: [],
    maskingSets: [],
    unreachableArrayIds: [],
    clusters: [],
    snapshotSets: [],
    faults: [],
    domainControllers: [],
    directory: null,
  };
}
