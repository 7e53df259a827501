/**
 * The console shell: a header that always says which backend is live (with a LAB banner when it is
 * the simulation), the left navigation, and the open page.
 */
import {
  Badge,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { HostsPage } from './pages/HostsPage';
import { LunsPage } from './pages/LunsPage';
import { useContractQuery } from './queries';
import { useUiStore, type PageId } from './ui-store';
import { transportKind } from './client';

const pages: Record<PageId, { title: string; render: () => ReactElement }> = {
  luns: { title: 'LUNs', render: () => <LunsPage /> },
  hosts: { title: 'Hosts', render: () => <HostsPage /> },
};

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto auto 1fr', gridTemplateColumns: '200px 1fr', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    gridColumn: '1 / 3',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
  banner: { gridColumn: '1 / 3' },
  nav: { padding: tokens.spacingVerticalM, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  main: { padding: tokens.spacingHorizontalL, overflow: 'auto', minWidth: 0 },
});

export function App() {
  const styles = useStyles();
  const info = useContractQuery('app.info', {});
  const { page, openPage } = useUiStore();
  const backend = info.data?.backend;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">ShadowSwap</Title3>
        <div className={styles.spacer} />
        {backend ? (
          <Badge appearance="filled" color={backend.kind === 'lab' ? 'warning' : 'brand'} aria-label={`Live backend: ${backend.label}`}>
            {backend.label}
          </Badge>
        ) : (
          <Text>{info.error ? 'Backend unavailable' : 'Connecting…'}</Text>
        )}
        <Text size={200}>{transportKind === 'electron' ? 'Desktop' : 'Browser console'}</Text>
      </header>
      <div className={styles.banner}>
        {backend?.kind === 'lab' && (
          <MessageBar intent="warning" layout="singleline" role="banner" aria-label="LAB">
            <MessageBarBody>
              <strong>LAB</strong> — you are working on the simulated SAN: {backend.label}. Nothing here touches production storage.
            </MessageBarBody>
          </MessageBar>
        )}
        {info.error && (
          <MessageBar intent="error">
            <MessageBarBody>{info.error.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <nav className={styles.nav} aria-label="Main">
        <TabList vertical selectedValue={page} onTabSelect={(_event, data) => openPage(data.value as PageId)}>
          {Object.entries(pages).map(([id, { title }]) => (
            <Tab key={id} value={id}>
              {title}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        <Title3 as="h2">{pages[page].title}</Title3>
        {pages[page].render()}
      </main>
    </div>
  );
}
