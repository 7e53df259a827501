/**
 * Each page's code, a chunk of its own loaded on first use (README.md "Performance": evaluating every
 * page's code delayed whichever page the console opened on). Kept apart from React so that boot.ts can
 * start loading the page the URL names before the console itself has loaded.
 */
import type { ComponentType } from 'react';
import type { PageId } from './routes';

export const pageModules: Record<PageId, () => Promise<ComponentType>> = {
  home: () => import('./pages/HomePage').then((module) => module.HomePage),
  luns: () => import('./pages/LunsPage').then((module) => module.LunsPage),
  snapshots: () => import('./pages/SnapshotsPage').then((module) => module.SnapshotsPage),
  clusters: () => import('./pages/ClustersPage').then((module) => module.ClustersPage),
  hosts: () => import('./pages/HostsPage').then((module) => module.HostsPage),
  masking: () => import('./pages/MaskingPage').then((module) => module.MaskingPage),
  recovery: () => import('./pages/RecoveryPage').then((module) => module.RecoveryPage),
  runs: () => import('./pages/RunsPage').then((module) => module.RunsPage),
};
