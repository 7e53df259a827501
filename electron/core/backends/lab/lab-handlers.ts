/** The Lab administration part of the contract: each method is one of lab-admin's changes to the data directory's Lab. */
import type { Handlers } from '../../rpc/registry';
import { describeFault } from './faults';
import {
  armFault,
  clearFaults,
  corruptLun,
  initLab,
  labLanguage,
  latencyScale,
  listFaults,
  setLabLanguage,
  setLatencyScale,
  setDomainControllerReadOnly,
  setArrayReachable,
  setConsoleComputer,
  setReachable,
} from './lab-admin';
import { LabStore } from './lab-store';
import { vssadminListShadows } from './lab-tool-output';
import { labOperations } from './lab-operations';
import { scenarios } from './scenarios';

type LabHandlers = Pick<
  Handlers,
  | 'lab.scenarios'
  | 'lab.init'
  | 'lab.corrupt'
  | 'lab.host.reachable'
  | 'lab.array.reachable'
  | 'lab.console'
  | 'lab.dc.readOnly'
  | 'lab.faults.add'
  | 'lab.faults.list'
  | 'lab.faults.clear'
  | 'lab.faults.operations'
  | 'lab.latency'
  | 'lab.language'
  | 'lab.output.vssadmin'
>;

export function labHandlers(dataDir: string): LabHandlers {
  return {
    'lab.scenarios': () => Object.entries(scenarios).map(([name, s]) => ({ name, summary: s.summary })),
    'lab.init': async ({ scenario, force }) => {
      const state = await initLab(dataDir, scenario, force);
      return {
        scenario,
        dataDir,
        arrays: state.arrays.length,
        luns: state.luns.length,
        hosts: state.hosts.length,
        clusters: state.clusters.length,
        snapshotSets: state.snapshotSets.length,
        shadowCopies: state.snapshotSets.reduce((sum, set) => sum + set.shadowCopies.length, 0),
      };
    },
    'lab.corrupt': async ({ lun }) => ({ message: await corruptLun(dataDir, lun) }),
    'lab.host.reachable': async ({ host, reachable }) => ({ message: await setReachable(dataDir, host, reachable) }),
    'lab.array.reachable': async ({ array, reachable }) => ({ message: await setArrayReachable(dataDir, array, reachable) }),
    'lab.console': async ({ computer }) => ({ message: await setConsoleComputer(dataDir, computer) }),
    'lab.dc.readOnly': async ({ host, readOnly }) => ({ message: await setDomainControllerReadOnly(dataDir, host, readOnly) }),
    'lab.faults.add': async (request) => ({ message: await armFault(dataDir, request) }),
    'lab.faults.list': () => {
      const faults = listFaults(dataDir);
      return { faults, descriptions: faults.map(describeFault) };
    },
    'lab.faults.clear': async () => ({ cleared: await clearFaults(dataDir) }),
    'lab.faults.operations': () =>
      Object.entries(labOperations).map(([name, spec]) => ({ name, ...spec, faultKinds: [...spec.faultKinds] })),
    'lab.latency': async ({ scale }) => {
      if (scale !== undefined) await setLatencyScale(dataDir, scale);
      return { scale: latencyScale(dataDir) };
    },
    'lab.language': async ({ language }) => {
      if (language !== undefined) await setLabLanguage(dataDir, language);
      return { language: labLanguage(dataDir) };
    },
    'lab.output.vssadmin': ({ host }) => ({ text: vssadminListShadows(new LabStore(dataDir).read(), host) }),
  };
}
