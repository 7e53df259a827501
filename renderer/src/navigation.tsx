/**
 * The console's pages, in navigation order. Only pages with real content are listed here; adding a page
 * is adding one entry (and its module in page-modules.ts). Each page's code loads when it is first shown.
 */
import { use, type ReactElement } from 'react';
import { loadPage, loadedPage } from './page-modules';
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

/** The page, once its code is here: the page boundary's Suspense shows a spinner until then. */
function LoadedPage({ id }: { id: PageId }) {
  const Page = loadedPage(id) ?? use(loadPage(id));
  // A page module's own component, the same on every render: nothing is created here.
  // eslint-disable-next-line react-hooks/static-components
  return <Page />;
}

// pageIds is in navigation order.
export const pages: PageEntry[] = pageIds.map((id) => ({ id, title: titles[id], render: () => <LoadedPage id={id} /> }));
