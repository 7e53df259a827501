/**
 * The console's pages, in navigation order. Only pages with real content are listed here; adding a page
 * is adding one entry.
 */
import type { ReactElement } from 'react';
import { HostsPage } from './pages/HostsPage';
import { LunsPage } from './pages/LunsPage';

export interface PageEntry {
  id: string;
  title: string;
  render: () => ReactElement;
}

export const pages: PageEntry[] = [
  { id: 'luns', title: 'LUNs', render: () => <LunsPage /> },
  { id: 'hosts', title: 'Hosts', render: () => <HostsPage /> },
];
