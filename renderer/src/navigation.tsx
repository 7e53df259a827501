/**
 * The console's pages, in navigation order. Only pages with real content are listed here; adding a page
 * is adding one entry (and its module in page-modules.ts). Each page's code loads when it is first shown.
 */
import { lazy, type ReactElement } from 'react';
import { pageModules } from './page-modules';
import { pageIds, type PageId } from './routes';

export interface PageEntry {
  id: PageId;
  title: string;
  render: () => ReactElement;
}

const titles: Record<PageId, string> = {
  home: 'Home',
  luns: 'LUNs',
  snapshots: 'Snapshot sets',
  clusters: 'Clusters',
  hosts: 'Hosts',
  masking: 'Masking matrix',
  recovery: 'Recovery',
  runs: 'Runs',
};

// pageIds is in navigation order.
export const pages: PageEntry[] = pageIds.map((id) => {
  const Page = lazy(() => pageModules[id]().then((component) => ({ default: component })));
  return { id, title: titles[id], render: () => <Page /> };
});
