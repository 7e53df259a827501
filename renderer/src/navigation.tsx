/**
 * The console's pages, in navigation order. Only pages with real content are listed here; adding a page
 * is adding one entry (and its module in page-modules.ts). Each page's code loads when it is first shown.
 */
import { Spinner } from '@fluentui/react-components';
import { useEffect, useReducer, useState, type ReactElement } from 'react';
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

/**
 * The page, once its code is here, and a spinner until then. It does not suspend: React reveals suspended content
 * only after a throttle of about 300 ms, which the operator would wait through on every move to a page whose code
 * was still arriving. A failed load is thrown to the page boundary, which says so in place of the page.
 */
function LoadedPage({ id }: { id: PageId }) {
  const [, codeArrived] = useReducer((count: number) => count + 1, 0);
  const [failure, setFailure] = useState<Error | null>(null);
  const Page = loadedPage(id);
  useEffect(() => {
    if (Page !== undefined) return;
    let shown = true;
    loadPage(id).then(
      () => shown && codeArrived(),
      (error: unknown) => shown && setFailure(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      shown = false;
    };
  }, [id, Page]);
  if (failure !== null) throw failure;
  if (Page === undefined) return <Spinner label="Loading the page…" />;
  // A page module's own component, the same on every render: nothing is created here.
  // eslint-disable-next-line react-hooks/static-components
  return <Page />;
}

// pageIds is in navigation order.
export const pages: PageEntry[] = pageIds.map((id) => ({ id, title: titles[id], render: () => <LoadedPage id={id} /> }));
