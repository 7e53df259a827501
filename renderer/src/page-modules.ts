/**
 * Each page's code, a chunk of its own loaded on first use (README.md "Performance": evaluating every
 * page's code delayed whichever page the console opened on). Kept apart from React so that boot.ts can
 * start loading the page the URL names before the console itself has loaded.
 */
import type { ComponentType } from 'react';
import type { PageId } from './routes';

const importers: Record<PageId, () => Promise<ComponentType>> = {
  home: () => import('./pages/HomePage').then((module) => module.HomePage),
  luns: () => import('./pages/LunsPage').then((module) => module.LunsPage),
  snapshots: () => import('./pages/SnapshotsPage').then((module) => module.SnapshotsPage),
  clusters: () => import('./pages/ClustersPage').then((module) => module.ClustersPage),
  hosts: () => import('./pages/HostsPage').then((module) => module.HostsPage),
  masking: () => import('./pages/MaskingPage').then((module) => module.MaskingPage),
  recovery: () => import('./pages/RecoveryPage').then((module) => module.RecoveryPage),
  runs: () => import('./pages/RunsPage').then((module) => module.RunsPage),
};

/** The pages whose code has loaded: navigation.tsx draws one found here at once, in the same render as the move to it. */
const loaded = new Map<PageId, ComponentType>();
const loads = new Map<PageId, Promise<ComponentType>>();

/** The page's component, if its code is here. */
export const loadedPage = (id: PageId): ComponentType | undefined => loaded.get(id);

/** The page's code, loaded once; a failed load is tried again the next time the page is asked for. */
export function loadPage(id: PageId): Promise<ComponentType> {
  const known = loads.get(id);
  if (known !== undefined) return known;
  const load = importers[id]().then(
    (component) => {
      loaded.set(id, component);
      return component;
    },
    (error: unknown) => {
      loads.delete(id);
      throw error;
    },
  );
  loads.set(id, load);
  return load;
}
