/**
 * The console's pages, in navigation order. Only pages with real content are listed here; adding a page
 * is adding one entry.
 */
import type { ReactElement } from 'react';
import { ClustersPage } from './pages/ClustersPage';
import { HomePage } from './pages/HomePage';
import { HostsPage } from './pages/HostsPage';
import { LunsPage } from './pages/LunsPage';
import { MaskingPage } from './pages/MaskingPage';
import { RecoveryPage } from './pages/RecoveryPage';
import { RunsPage } from './pages/RunsPage';
import { SnapshotsPage } from './pages/SnapshotsPage';
import type { PageId } from './routes';

export interface PageEntry {
  id: PageId;
  title: string;
  render: () => ReactElement;
}

export const pages: PageEntry[] = [
  { id: 'home', title: 'Home', render: () => <HomePage /> },
  { id: 'luns', title: 'LUNs', render: () => <LunsPage /> },
  { id: 'snapshots', title: 'Snapshot sets', render: () => <SnapshotsPage /> },
  { id: 'clusters', title: 'Clusters', render: () => <ClustersPage /> },
  { id: 'hosts', title: 'Hosts', render: () => <HostsPage /> },
  { id: 'masking', title: 'Masking matrix', render: () => <MaskingPage /> },
  { id: 'recovery', title: 'Recovery', render: () => <RecoveryPage /> },
  { id: 'runs', title: 'Runs', render: () => <RunsPage /> },
];
