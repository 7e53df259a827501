/**
 * The console shell: a header that always says which backend is live (with a LAB banner when it is
 * the simulation), the left navigation, and the open page.
 */
import { Badge, Button, MessageBar, MessageBarBody, Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { transportKind } from './client';
import { pages } from './navigation';
import { useOperatorStore } from './operator';
import { OperatorPrompt } from './OperatorPrompt';
import { useContractQuery } from './queries';
import { useUiStore } from './ui-store';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: 'auto auto 1fr',
    gridTemplateColumns: '200px 1fr',
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
  banner: { gridColumn: '1 / 3' },
  // Fluent centres a tab's label in the width of its bold form; in a vertical list that staggers the labels.
  tab: { '& .fui-Tab__content': { textAlign: 'start' } },
  nav: {
    padding: tokens.spacingVerticalM,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: { padding: tokens.spacingHorizontalL, overflow: 'auto', minWidth: 0 },
});

export function App() {
  const styles = useStyles();
  const info = useContractQuery('app.info', {});
  const { page, openPage } = useUiStore();
  const operator = useOperatorStore();
  const backend = info.data?.backend;
  const current = pages.find((p) => p.id === page) ?? (pages[0] as (typeof pages)[number]);

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
        <TabList vertical selectedValue={current.id} onTabSelect={(_event, data) => openPage(String(data.value))}>
          {pages.map(({ id, title }) => (
            <Tab key={id} value={id} className={styles.tab}>
              {title}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        <Title3 as="h2">{current.title}</Title3>
        {current.render()}
      </main>
    </div>
  );
}
