/**
 * The estates the Lab can create. Everything is deterministic: the same scenario always gives the
 * same ids, signatures and checksums, so tests and drills can compare against known values.
 */
import { createHash } from 'node:crypto';
import type { LabHost, LabLun, LabState } from './lab-model';

const GiB = 1024 ** 3;

/** A stable pseudo-random hex string derived from a seed, standing in for data the array holds. */
export function deterministicHex(seed: string, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block += 1) {
    out += createHash('sha256').update(`${seed}#${block}`).digest('hex');
  }
  return out.slice(0, length);
}

/** A GUID in the lower-case, brace-less form ShadowSwap uses everywhere. */
export function deterministicGuid(seed: string): string {
  const h = deterministicHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function contentChecksum(lunSeed: string, files: readonly string[]): string {
  return createHash('sha256').update(lunSeed).update('\n').update(files.join('\n')).digest('hex');
}

interface LunSpec {
  name: string;
  sizeGiB: number;
  driveLetter: string;
  label: string;
  files: string[];
  mask: string[];
}

function makeLun(arrayId: string, index: number, spec: LunSpec): LabLun {
  const seed = `${arrayId}/${spec.name}`;
  return {
    id: `${arrayId}:lun-${index}`,
    name: spec.name,
    arrayId,
    sizeBytes: spec.sizeGiB * GiB,
    identifiers: [
      { type: 3, codeSet: 'binary', association: 0, value: `6${deterministicHex(`${seed}/naa`, 31)}` },
      { type: 8, codeSet: 'utf8', association: 0, value: `naa.6${deterministicHex(`${seed}/naa`, 31)},lun-${index}` },
    ],
    partitionStyle: 'MBR',
    diskKind: 'basic',
    signature: deterministicHex(`${seed}/signature`, 8).toUpperCase(),
    volumes: [
      {
        guidPath: `\\\\?\\Volume{${deterministicGuid(`${seed}/volume`)}}\\`,
        driveLetter: spec.driveLetter,
        label: spec.label,
        fileSystem: 'NTFS',
        damaged: false,
      },
    ],
    readOnly: false,
    hidden: false,
    mask: spec.mask,
    contentChecksum: contentChecksum(seed, spec.files),
    files: spec.files,
    state: 'healthy',
    shadowOf: null,
  };
}

/** FC WWNs: an Emulex-style OUI prefix plus six digits derived from the host and HBA port. */
function fcHost(name: string, clusterName: string | null): LabHost {
  return {
    name,
    osVersion: 'Windows Server 2022 Datacenter (10.0.20348)',
    initiators: [0, 1].map((port) => ({ kind: 'fc' as const, wwn: `10000090fa${deterministicHex(`${name}/hba${port}`, 6)}` })),
    clusterName,
  };
}

/** SQLCLUS: SQL01 and SQL02 share four clustered LUNs on one array; BACKUP01 stands apart. */
export function twoNodeSql(): LabState {
  const arrayId = 'ARRAY-01';
  const nodes = ['SQL01', 'SQL02'];
  const specs: LunSpec[] = [
    { name: 'SQL-DATA', sizeGiB: 500, driveLetter: 'E:', label: 'SQLData', files: ['Sales.mdf', 'HR.mdf', 'Finance.mdf'], mask: nodes },
    { name: 'SQL-LOGS', sizeGiB: 200, driveLetter: 'F:', label: 'SQLLogs', files: ['Sales_log.ldf', 'HR_log.ldf', 'Finance_log.ldf'], mask: nodes },
    { name: 'SQL-TEMPDB', sizeGiB: 100, driveLetter: 'G:', label: 'TempDB', files: ['tempdb.mdf', 'templog.ldf'], mask: nodes },
    { name: 'SQL-BACKUP', sizeGiB: 1000, driveLetter: 'H:', label: 'SQLBackup', files: ['Sales_full.bak', 'HR_full.bak'], mask: nodes },
  ];
  return {
    scenario: 'two-node-sql',
    arrays: [
      {
        id: arrayId,
        name: 'FC-ARRAY-01',
        vendor: 'Contoso Storage',
        model: 'CS-9000',
        providerId: 'e6c4f2a1-5b3d-4c8e-9f17-2d4a6b8c0e31',
        providerName: 'Contoso VSS Hardware Provider',
      },
    ],
    luns: specs.map((spec, i) => makeLun(arrayId, i, spec)),
    hosts: [fcHost('SQL01', 'SQLCLUS'), fcHost('SQL02', 'SQLCLUS'), fcHost('BACKUP01', null)],
  };
}

export const scenarios: Record<string, { summary: string; build: () => LabState }> = {
  'two-node-sql': { summary: 'Cluster SQLCLUS (SQL01, SQL02) with four clustered LUNs and a backup host.', build: twoNodeSql },
};

export const DEFAULT_SCENARIO = 'two-node-sql';
