/**
 * The Lab's estate as the Windows command renderer addresses it (windows-tools/render-operation.ts), so a Lab plan
 * previews exactly what the Windows backend would run on the same estate: diskraid subsystems from the Lab's array
 * order, LUN indexes as diskraid would enumerate them now (diskraid-enumeration.ts), UniqueIds from the first page 0x83 identifier, initiators
 * from its hosts. The plan marks these commands as simulated.
 */
import type { CommandPreview } from '../../../../shared/recovery';
import { ShadowSwapError } from '../../../../shared/errors';
import type { PlannedOperation } from '../../backend';
import { diskHolderIn, renderCall, sameComputer, type WindowsAddressing } from '../../windows-tools/render-operation';
import type { LabLun, LabSnapshotSet, LabState } from './lab-model';
import { findLun, findSnapshotSet } from './lab-lookup';
import { diskraidIndexOf } from './diskraid-enumeration';

/** Where a Windows console keeps a set's .cab when the Lab's catalog records only its name. */
const METADATA_FOLDER = 'C:\\ShadowSwap\\metadata';

/**
 * The computer the Windows console runs on: the one the operator set (`shadowswap lab console --computer NAME`, an admin
 * workstation or any node), else the host the procedure imports on, the host a set is imported on (or was taken on,
 * before its import). The Lab has no computer of its own.
 */
function consoleHostOf(state: LabState, set: LabSnapshotSet): string {
  return state.settings.consoleComputer ?? set.importedTo ?? set.sourceHost;
}

function newestSetNaming(state: LabState, lunId: string): LabSnapshotSet | undefined {
  return state.snapshotSets.findLast((s) => s.shadowCopies.some((c) => c.originalLunId === lunId || c.shadowLunId === lunId));
}

function newestSetWith(state: LabState, lun: LabLun): LabSnapshotSet {
  const set = newestSetNaming(state, lun.id);
  if (set === undefined)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${lun.name} is in no shadow copy set, so no recovery masks it and the Lab cannot tell which host would run diskraid.`,
      { lunId: lun.id },
    );
  return set;
}

/** The computer a Windows console working on this LUN would run diskraid on (the Lab's stand-in for "local"). */
export function labConsoleComputer(state: LabState, lunId: string): string {
  return state.settings.consoleComputer ?? consoleHostOf(state, newestSetWith(state, findLun(state, lunId)));
}

/** The set an operation acts on, whose importing host stands in for the console's computer. */
function setOf(state: LabState, planned: PlannedOperation): LabSnapshotSet | null {
  switch (planned.operation) {
    case 'setLunMask':
      return newestSetNaming(state, findLun(state, planned.lunId).id) ?? null;
    case 'setVolumesReadWrite':
      return planned.lunIds[0] === undefined ? null : newestSetWith(state, findLun(state, planned.lunIds[0]));
    case 'importSnapshotSet':
    case 'breakSnapshotSet':
      return findSnapshotSet(state, planned.setId);
    default:
      return null;
  }
}

/**
 * The console that restarts a domain controller cannot run on it (it would stop with it): the Lab stands it on the
 * first host of the estate that is no DC, as an operator would run ShadowSwap on a management server.
 */
function domainControllerConsole(state: LabState): string {
  return state.hosts.find((h) => !state.domainControllers.some((dc) => sameComputer(dc.host, h.name)))?.name ?? '';
}

const DOMAIN_CONTROLLER_OPERATIONS: ReadonlySet<PlannedOperation['operation']> = new Set([
  'restartDomainController',
  'setDatabaseRestoredFlag',
  'resyncSysvol',
]);

function consoleComputerFor(state: LabState, planned: PlannedOperation): string {
  if (DOMAIN_CONTROLLER_OPERATIONS.has(planned.operation)) return domainControllerConsole(state);
  const set = setOf(state, planned);
  if (set !== null) return consoleHostOf(state, set);
  return state.settings.consoleComputer ?? ('onNode' in planned ? planned.onNode : '');
}

export function labAddressing(state: LabState, planned: PlannedOperation): WindowsAddressing {
  return {
    consoleComputer: consoleComputerFor(state, planned),
    diskHolder: (lunId) => diskHolderIn(state.snapshotSets, lunId),
    lun(lunId) {
      const lun = findLun(state, lunId);
      const array = state.arrays.find((a) => a.id === lun.arrayId);
      return {
        name: lun.name,
        arrayName: array?.name ?? lun.arrayId,
        management: array?.management ?? 'vds',
        subsystem: state.arrays.findIndex((a) => a.id === lun.arrayId),
        lun: diskraidIndexOf(state, lun),
        uniqueId: lun.identifiers[0]?.value ?? null,
      };
    },
    initiatorsOf: (host) => state.hosts.find((h) => sameComputer(h.name, host))?.initiators,
    maskingSetsFor(lunId) {
      const { arrayId } = findLun(state, lunId);
      return state.maskingSets.filter((set) => set.arrayId === arrayId);
    },
    metadataPath(setId) {
      const { metadataFile } = findSnapshotSet(state, setId);
      return /^[A-Za-z]:\\/.test(metadataFile) ? metadataFile : `${METADATA_FOLDER}\\${metadataFile}`;
    },
  };
}

/** The Windows commands of one call (an operation or a batch); the batch's first operation places the console. */
export function windowsEquivalents(state: LabState, operations: readonly PlannedOperation[]): CommandPreview[] {
  const [first] = operations;
  return first === undefined ? [] : renderCall(operations, labAddressing(state, first));
}
