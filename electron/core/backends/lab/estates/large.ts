/**
 * A large estate for scale: 10 arrays with 10,000 production LUNs, 500 hosts (100 two-node clusters
 * with 10 disk resources each, 300 standalone servers with 30 LUNs each), and 2,000 transportable sets
 * of 8 shadow copies over the last 30 nights. The shadow copies are LUNs too: the arrays hold 26,000.
 */
import type { LabLun, LabState } from '../lab-model';
import { recordTransportableSet } from '../vss-provider';
import { contosoArray, diskResourceFor, maskingSetPerHost, emptyEstate, fcHost, lastNight, makeLun } from './builders';

const ARRAYS = 10;
const CLUSTERS = 100;
const DISKS_PER_CLUSTER = 10;
const STANDALONE_HOSTS = 300;
const LUNS_PER_STANDALONE = 30;
const SETS = 2_000;
const COPIES_PER_SET = 8;
const DAY_MS = 86_400_000;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** E: to Z:, then mount points only (no letter), as on a busy file server. */
const driveLetter = (i: number) => (i < 22 ? `${String.fromCharCode(69 + i)}:` : null);

export function large(now: Date): LabState {
  const state = emptyEstate('large');
  for (let a = 0; a < ARRAYS; a += 1) state.arrays.push(contosoArray(`ARRAY-${pad(a + 1, 2)}`, `FC-ARRAY-${pad(a + 1, 2)}`));
  const lunCount = new Map<string, number>();
  const addLun = (owner: string, i: number, mask: string[]): LabLun => {
    const arrayId = state.arrays[state.luns.length % ARRAYS]?.id ?? 'ARRAY-01';
    const index = lunCount.get(arrayId) ?? 0;
    lunCount.set(arrayId, index + 1);
    const lun = makeLun(arrayId, index, {
      name: `${owner}-DISK${pad(i + 1, 2)}`,
      sizeGiB: 100 + (i % 8) * 50,
      driveLetter: driveLetter(i),
      label: `Data${i + 1}`,
      files: [`${owner.toLowerCase()}-${i + 1}.dat`],
      mask,
    });
    state.luns.push(lun);
    return lun;
  };

  const lunsOf = new Map<string, LabLun[]>();
  for (let c = 0; c < CLUSTERS; c += 1) {
    const name = `CLUS${pad(c + 1, 3)}`;
    const nodes = [`${name}N1`, `${name}N2`];
    state.hosts.push(...nodes.map((node) => fcHost(node)));
    const luns = Array.from({ length: DISKS_PER_CLUSTER }, (_, i) => addLun(name, i, nodes));
    const group = `Role ${pad(c + 1, 3)}`;
    state.clusters.push({
      name,
      nodes: nodes.map((node) => ({ name: node, state: 'Up' as const })),
      groups: [{ name: group, ownerNode: nodes[0] ?? '' }],
      resources: luns.map((lun, i) => diskResourceFor(lun, `Cluster Disk ${i + 1}`, group)),
      applicationResources: [],
    });
    lunsOf.set(nodes[0] ?? '', luns);
  }
  for (let h = 0; h < STANDALONE_HOSTS; h += 1) {
    const name = `SRV${pad(h + 1, 3)}`;
    state.hosts.push(fcHost(name));
    lunsOf.set(
      name,
      Array.from({ length: LUNS_PER_STANDALONE }, (_, i) => addLun(name, i, [name])),
    );
  }

  for (const array of state.arrays) maskingSetPerHost(state, array.id);

  // Numbering continues per array past the production LUNs; one counter, no re-scan per set.
  const nextLunId = (arrayId: string) => {
    const index = lunCount.get(arrayId) ?? 0;
    lunCount.set(arrayId, index + 1);
    return `${arrayId}:lun-${index}`;
  };
  const sources = [...lunsOf.entries()];
  const newest = lastNight(now).getTime();
  for (let k = 0; k < SETS; k += 1) {
    const [host, luns] = sources[k % sources.length] ?? ['', []];
    const start = (Math.floor(k / sources.length) * COPIES_PER_SET) % luns.length;
    // COPIES_PER_SET is below every host's LUN count, so the wrap never repeats a LUN within a set.
    const originals = Array.from({ length: COPIES_PER_SET }, (_, i) => luns[(start + i) % luns.length]).filter(
      (lun): lun is LabLun => lun !== undefined,
    );
    recordTransportableSet(state, { host, originals, persistent: true, createdAt: new Date(newest - (k % 30) * DAY_MS), nextLunId });
  }
  return state;
}
