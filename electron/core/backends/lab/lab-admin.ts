/**
 * What the Lab offers beyond the Backend port, for drills and tests: create an estate, cause the
 * incident (corrupt a LUN), arm and clear faults, and set how slow operations feel. Each change goes
 * through the store's lock, so a console sharing the data directory sees it on its next read.
 */
import { validateHostName } from '../../windows-tools/commands/validate';
import { MAX_LATENCY_SCALE } from '../../../../shared/lab-contract';
import { ShadowSwapError } from '../../../../shared/errors';
import { setProviderAnswers } from './array-provider';
import { damageLun } from './lun-damage';
import { addFault, describeFault, type FaultRequest } from './faults';
import { findLun } from './lab-lookup';
import { LabLanguage, type LabFault, type LabState } from './lab-model';
import { setHostReachable } from './lab-remoting';
import { setReadOnly } from './domain-controller-roles';
import { LabStore } from './lab-store';
import { buildScenario, DEFAULT_SCENARIO } from './scenarios';

/** The estate a Lab backend opens on when the data directory has none (see LabBackend.open). */
export async function createDefaultEstate(store: LabStore): Promise<void> {
  await store.withLock(async () => {
    if (!store.exists()) await store.save({ ...buildScenario(DEFAULT_SCENARIO), provisional: true });
  });
}

/**
 * An estate nobody chose and nothing changed holds nothing to lose: `shadowswap lab scenarios` (which opens a
 * backend, and so makes the default estate) followed by `lab init` must not need --force. A file that cannot
 * be read is kept, as any estate is.
 */
function replaceableWithoutForce(store: LabStore): boolean {
  try {
    const state = store.refresh();
    return state.provisional === true && state.revision === 0;
  } catch {
    return false;
  }
}

/** Creates an estate; refuses to discard an existing one (or overwrite a foreign file) unless forced. */
export async function initLab(dataDir: string, scenario: string, force: boolean, now = new Date()): Promise<LabState> {
  const store = new LabStore(dataDir);
  const fresh = buildScenario(scenario, now);
  await store.withLock(async () => {
    if (store.exists() && !force && !replaceableWithoutForce(store)) {
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `A Lab estate already exists in ${store.dir}. Add --force to replace it with "${scenario}" (the current one is discarded).`,
      );
    }
    await store.save(fresh);
  });
  return fresh;
}

/**
 * The incident: the LUN's data changes (the files are encrypted by "ransomware" and a note appears)
 * and Windows marks its volume damaged. The LUN itself stays where it is, with its identity.
 */
export function corruptLun(dataDir: string, lunName: string): Promise<string> {
  return new LabStore(dataDir).update((state) => {
    const lun = findLun(state, lunName);
    damageLun(lun, String(state.revision));
    return `${lun.name} is corrupted: its ${lun.volumes.length} volume(s) are damaged and its data changed (checksum ${lun.contentChecksum.slice(0, 12)}…).`;
  });
}

export function armFault(dataDir: string, request: FaultRequest): Promise<string> {
  return new LabStore(dataDir).update((state) => `Armed fault ${describeFault(addFault(state, request))}.`);
}

export function listFaults(dataDir: string): LabFault[] {
  return new LabStore(dataDir).read().faults;
}

export function clearFaults(dataDir: string): Promise<number> {
  return new LabStore(dataDir).update((state) => state.faults.splice(0).length);
}

export async function setLatencyScale(dataDir: string, scale: number): Promise<void> {
  if (!(Number.isFinite(scale) && scale >= 0 && scale <= MAX_LATENCY_SCALE)) {
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `The latency scale must be a number from 0 to ${MAX_LATENCY_SCALE} (1 = like a real SAN, 0 = instant), not ${scale}.`,
    );
  }
  await new LabStore(dataDir).update((state) => {
    state.settings.latencyScale = scale;
  });
}

export function latencyScale(dataDir: string): number {
  return new LabStore(dataDir).read().settings.latencyScale;
}

export async function setLabLanguage(dataDir: string, language: string): Promise<void> {
  const parsed = LabLanguage.safeParse(language);
  if (!parsed.success)
    throw new ShadowSwapError('INVALID_REQUEST', `The Lab speaks ${LabLanguage.options.join(', ')}; "${language}" is not one of them.`);
  await new LabStore(dataDir).update((state) => {
    state.settings.language = parsed.data;
  });
}

export function labLanguage(dataDir: string): LabLanguage {
  return new LabStore(dataDir).read().settings.language;
}

/**
 * Places the Windows console on `computer` (an admin workstation or any node), or, with null, back on the host that
 * imports the set: where diskraid runs and what it uninstalls depend on it.
 */
export function setConsoleComputer(dataDir: string, computer: string | null): Promise<string> {
  return new LabStore(dataDir).update((state) => {
    state.settings.consoleComputer = computer === null ? null : validateHostName(computer, 'console computer');
    return computer === null
      ? 'The console runs on the host that imports each set.'
      : `The console runs on ${computer}: commands for other hosts reach them through remoting.`;
  });
}

/** Makes a host unreachable (or reachable again) over PowerShell remoting, as a network or WinRM failure would. */
export function setReachable(dataDir: string, host: string, reachable: boolean): Promise<string> {
  return new LabStore(dataDir).update((state) => setHostReachable(state, host, reachable));
}

/** Makes an array's Storage Management provider stop answering (or answer again), so that a failed array reading can be rehearsed. */
export function setArrayReachable(dataDir: string, array: string, reachable: boolean): Promise<string> {
  return new LabStore(dataDir).update((state) => setProviderAnswers(state, array, reachable));
}

export function setDomainControllerReadOnly(dataDir: string, host: string, readOnly: boolean, now = new Date()): Promise<string> {
  return new LabStore(dataDir).update((state) => setReadOnly(state, host, readOnly, now));
}
