/**
 * The console shell: a header that always says which backend is live (with a LAB notice when it is the
 * simulation), the run bar while a run needs attention, the left navigation (collapsed below 1200 px
 * behind a menu button), and the page the URL names.
 */
import { Badge, Button, MessageBar, MessageBarBody, Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { transportKind } from './client';
import { pages } from './navigation';
import { useContractQuery } from './queries';
import { RunBar } from './recovery/RunBar';
import { formatRoute, type PageId } from './routes';
import { useUiStore } from './ui-store';
import { useNarrowWindow } from './use-narrow-window';

/** Below this width the navigation folds away, so a 1024 px screen keeps its room for the tables. */
const COLLAPSE_BELOW_PX = 1200;

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: 'auto auto 1fr',
    gridTemplateColumns: 'auto 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
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
  notices: { gridColumn: '1 / 3', display: 'flex', flexDirection: 'column' },
  // Fluent centres a tab's label in the width of its bold form; in a vertical list that staggers the labels.
  tab: { '& .fui-Tab__content': { textAlign: 'start' } },
  nav: {
    width: '200px',
    boxSizing: 'border-box',
    padding: tokens.spacingVerticalM,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowY: 'auto',
  },
  main: { padding: tokens.spacingHorizontalL, overflow: 'auto', minWidth: 0 },
});

export function App() {
  const styles = useStyles();
  const info = useContractQuery('app.info', {});
  const route = useUiStore((state) => state.route);
  const openPage = useUiStore((state) => state.openPage);
  const backend = info.data?.backend;
  const current = pages.find((p) => p.id === route.page) ?? (pages[0] as (typeof pages)[number]);
  const narrow = useNarrowWindow(COLLAPSE_BELOW_PX);
  const [navOpen, setNavOpen] = useState(false);
  const showNav = !narrow || navOpen;
  const mainRef = useRef<HTMLElement>(null);

  // A new page, run or wizard step starts at its top, not at the scroll position of the one before.
  const where = formatRoute(route);
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [where]);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        {narrow && (
          <Button
            appearance="subtle"
            icon={<NavigationRegular />}
            aria-label="Navigation"
            aria-expanded={navOpen}
            aria-controls="main-navigation"
            onClick={() => setNavOpen((open) => !open)}
          />
        )}
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
      <div className={styles.notices}>
        {backend?.kind === 'lab' && (
          // A labelled region, not a second `banner` landmark: the page has one banner, its header.
          <MessageBar intent="warning" layout="singleline" role="region" aria-label="LAB">
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
        <RunBar />
      </div>
      {showNav && (
        <nav
          id="main-navigation"
          className={styles.nav}
          aria-label="Main"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && narrow) setNavOpen(false);
          }}
        >
          <TabList
            vertical
            selectedValue={current.id}
            onTabSelect={(_event, data) => {
              setNavOpen(false);
              openPage(data.value as PageId);
            }}
          >
            {pages.map(({ id, title }) => (
              <Tab key={id} value={id} className={styles.tab}>
                {title}
              </Tab>
            ))}
          </TabList>
        </nav>
      )}
      <main ref={mainRef} className={styles.main} style={showNav ? undefined : { gridColumn: '1 / 3' }}>
        <Title3 as="h2">{current.title}</Title3>
        {current.render()}
      </main>
    </div>
  );
}
