/**
 * The console shell: a header that always says which backend is live (with a LAB notice when it is the
 * simulation), the run bar while a run needs attention, the left navigation (collapsed below 1200 px
 * behind a menu button), and the page the URL names.
 */
import { Badge, Button, MessageBar, MessageBarBody, Text, Title3, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { transportKind } from './client';
import { pages } from './navigation';
import { useOperatorStore } from './operator';
import { OperatorPrompt } from './OperatorPrompt';
import { PageBoundary } from './PageBoundary';
import { fetchFirstData } from './first-data';
import { loadPage } from './page-modules';
import { SanReadingNotice } from './inventory/SanReadingNotice';
import { useContractQuery } from './queries';
import { RunBar } from './recovery/RunBar';
import { formatRoute, pageRoute, type PageId } from './routes';
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
  // Page links, not tabs: tabs switch panels of one page; these change the URL (Back/Forward, bookmarks).
  links: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    borderLeft: '3px solid transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  currentLink: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `3px solid ${tokens.colorCompoundBrandStroke}`,
  },
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

/** A page the operator is about to open: its code and first data on their way. A failed load is shown if it is opened. */
function prepareToOpen(id: PageId): void {
  loadPage(id).catch(() => undefined);
  void fetchFirstData(pageRoute(id));
}

/** The pages that show what the SAN reading found: its age and failed reads matter there. */
const INVENTORY_PAGES: ReadonlySet<PageId> = new Set(['home', 'luns', 'snapshots', 'clusters', 'hosts', 'masking']);

export function App() {
  const styles = useStyles();
  const info = useContractQuery('app.info', {});
  const route = useUiStore((state) => state.route);
  const openPage = useUiStore((state) => state.openPage);
  const operator = useOperatorStore();
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
        {operator.name !== null && (
          <>
            <Text size={200} aria-label="Operator">
              Operator: {operator.name}
            </Text>
            <Button size="small" appearance="subtle" onClick={() => operator.setName(null)}>
              Not you?
            </Button>
          </>
        )}
      </header>
      <OperatorPrompt />
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
          <ul className={styles.links}>
            {pages.map(({ id, title }) => (
              <li key={id}>
                <a
                  href={formatRoute(pageRoute(id))}
                  className={mergeClasses(styles.link, id === current.id && styles.currentLink)}
                  aria-current={id === current.id ? 'page' : undefined}
                  // The page's code and first data are asked for as the pointer or focus reaches its link, not once it is clicked.
                  onPointerEnter={() => prepareToOpen(id)}
                  onFocus={() => prepareToOpen(id)}
                  onClick={(event) => {
                    // The page's link goes back to where the operator left that page (its open run, its wizard step).
                    event.preventDefault();
                    setNavOpen(false);
                    openPage(id);
                  }}
                >
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main ref={mainRef} className={styles.main} style={showNav ? undefined : { gridColumn: '1 / 3' }}>
        <Title3 as="h2">{current.title}</Title3>
        {INVENTORY_PAGES.has(current.id) && <SanReadingNotice />}
        <PageBoundary pageKey={current.id}>{current.render()}</PageBoundary>
      </main>
    </div>
  );
}
