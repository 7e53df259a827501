/**
 * Why each preflight check exists, in a sentence an operator reads before the outage, and the Microsoft page
 * behind it where there is one. One table for every check id the core and the backends produce (a Windows
 * array check is `provider:<array>`), shown by the wizard beside each verdict.
 */

export interface PreflightExplanation {
  /** What the check protects against. */
  about: string;
  /** The Microsoft page that documents the rule, when one exists. */
  learnMore: string | null;
}

const diskshadowImport = 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/import_1';
const clusterResource = 'https://learn.microsoft.com/powershell/module/failoverclusters/get-clusterresource';
const resourceDependency = 'https://learn.microsoft.com/powershell/module/failoverclusters/get-clusterresourcedependency';

const explanations: Record<string, PreflightExplanation> = {
  compliance: {
    about:
      'A LUN is swapped by its identity: it must be a basic disk (MBR in a cluster) whose page 0x83 identifier names it uniquely, or Windows may take the copy for the original.',
    learnMore: 'https://learn.microsoft.com/windows-hardware/drivers/ddi/ntddstor/ns-ntddstor-_storage_identifier',
  },
  transportable: {
    about:
      'Only a transportable hardware shadow copy set can be imported on a host; a set made without that attribute cannot be swapped in.',
    learnMore: diskshadowImport,
  },
  metadata: {
    about: "diskshadow imports a set from its metadata (.cab) file; without it the shadow LUNs cannot be brought up as the set's volumes.",
    learnMore: diskshadowImport,
  },
  'set-state': {
    about: 'A set that was already imported or broken has been used: importing it again fails, and its LUNs may already serve someone.',
    learnMore: diskshadowImport,
  },
  'luns-present': {
    about: 'The swap masks the originals and unmasks the shadow copies on the array: every one of those LUNs must still exist there.',
    learnMore: null,
  },
  resources: {
    about:
      "Each recovered disk must be the cluster's disk resource that production uses, or the cluster cannot be taken down and brought back around it.",
    learnMore: clusterResource,
  },
  complete: {
    about:
      'A group whose disks are only partly swapped would mix two points in time (data from the snapshot, logs from now): the set must cover them all.',
    learnMore: resourceDependency,
  },
  'owner-up': {
    about: 'The owner node imports the set and brings the disks back online; a node that is down cannot.',
    learnMore: 'https://learn.microsoft.com/en-us/powershell/module/failoverclusters/',
  },
  dependents: {
    about:
      'The applications that depend on the disks (SQL Server) are stopped first and started last; they must be known before the outage.',
    learnMore: resourceDependency,
  },
  'no-other-run': {
    about: 'Two runs working on the same LUNs would undo each other: ShadowSwap holds the LUNs of a run until it ends.',
    learnMore: null,
  },
  'one-import': {
    about: 'VSS imports one shadow copy set at a time on a host; a second import waits or fails mid-outage.',
    learnMore: diskshadowImport,
  },
  'forensics-host': {
    about: 'The damaged originals are kept for analysis on a host outside production, where they cannot collide with the recovered disks.',
    learnMore: null,
  },
  backend: {
    about: 'The backend (the Lab, or Windows with its tools) must be able to carry out every step of the plan before the first one starts.',
    learnMore: null,
  },
  'windows-tools': {
    about: 'The steps run diskshadow, diskraid and PowerShell on this computer; a missing tool would stop the run mid-outage.',
    learnMore: 'https://learn.microsoft.com/windows-server/administration/windows-commands/diskshadow',
  },
  'windows-vshadow': {
    about: "Keeping the disks' identity (break with revert) needs vshadow; without it the recovered disks get new signatures.",
    learnMore: 'https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponentsex2-breaksnapshotsetex',
  },
  'windows-elevated': {
    about:
      'Importing a set, masking LUNs and changing cluster resources need administrator rights; without them the first step is refused.',
    learnMore: null,
  },
  'windows-os': {
    about: 'The tools and cmdlets the plan uses behave as documented only on supported Windows Server versions.',
    learnMore: null,
  },
  'import-host-reachable': {
    about: 'Steps that run on another host go over PowerShell remoting; a host that does not answer would stop the run mid-outage.',
    learnMore: 'https://learn.microsoft.com/powershell/module/microsoft.powershell.core/invoke-command',
  },
  'import-host-able': {
    about:
      'diskshadow imports and breaks the set on the import host, through remoting: it needs administrator rights there and diskshadow.exe in its System32.',
    learnMore: 'https://learn.microsoft.com/powershell/module/microsoft.powershell.core/new-pssession',
  },
  'metadata-present': {
    about:
      "The set's metadata .cab is copied from this computer to the import host, where diskshadow loads it; it must be here before the outage starts.",
    learnMore: diskshadowImport,
  },
  'masking-sets': {
    about: 'A LUN is shown to a host through a masking set on the array; a host without one cannot be given the recovered LUNs.',
    learnMore: 'https://learn.microsoft.com/powershell/module/storage/get-maskingset',
  },
  provider: {
    about: 'The array is driven through its Storage Management provider; if it does not answer, no LUN can be masked or unmasked on it.',
    learnMore: 'https://learn.microsoft.com/en-us/powershell/module/storage/',
  },
  // The domain controller checks name their own Microsoft page (electron/core/recovery/domain-controller-checks.ts);
  // here is only why each exists, from docs/windows-facts.md#active-directory.
  'dc-recognised': {
    about:
      'A domain controller is not recovered like a file server: its Active Directory database must be restored in Directory Services Restore Mode, so the plan follows the DC procedure.',
    learnMore: null,
  },
  'dc-writable': {
    about:
      'Only a writable DC holds changes of its own to bring back; a read-only DC gets everything from a writable DC by replication and is rebuilt instead.',
    learnMore: null,
  },
  'dc-volumes': {
    about:
      'The database, its logs and SYSVOL must come from the same moment: a volume left out would come back from another moment than the rest.',
    learnMore: null,
  },
  'dc-boot-volume': {
    about:
      'A DC that boots from the SAN cannot have its system disk swapped while it runs: it is shut down for the swap and started again from its console.',
    learnMore: null,
  },
  'dc-tombstone': {
    about: "A DC restored from a copy older than the forest's tombstone lifetime can bring deleted objects back to life across the domain.",
    learnMore: null,
  },
  'dc-no-rollback': {
    about:
      'A DC that already went through a USN rollback has stopped replicating (Dsa Not Writable); restoring its disks does not heal it, it must be demoted.',
    learnMore: null,
  },
  'dc-replication': {
    about:
      'After the restore, the changes made since the snapshot come back only by replication from the other DCs: they must be replicating, and there must be one.',
    learnMore: null,
  },
  'dc-fsmo': {
    about: 'A DC an operations master role was seized from must not come back: the role now belongs to the DC that seized it.',
    learnMore: null,
  },
  'dc-writer': {
    about:
      'Without the NTDS writer the database in the set is as after a sudden power loss: it is recovered from its logs when Active Directory opens it.',
    learnMore: null,
  },
  'dc-dsrm-ready': {
    about:
      'The restore runs with the DC in Directory Services Restore Mode, where logons use the DSRM administrator: its password must be known before the outage.',
    learnMore: null,
  },
};

/** The explanation of a check by its id (`provider:<array>` by its prefix); null for a check this table does not know. */
export function preflightExplanation(checkId: string): PreflightExplanation | null {
  return explanations[checkId] ?? explanations[checkId.split(':')[0] ?? ''] ?? null;
}
