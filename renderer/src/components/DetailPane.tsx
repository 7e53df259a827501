/**
 * The details of the selected row, beside its table: a titled pane with a close button and label/value
 * fields, as Windows Admin Center shows the selected item.
 */
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalL,
    overflowY: 'auto',
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  grow: { flexGrow: 1, overflowWrap: 'anywhere' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', userSelect: 'text' },
  section: { marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

export function DetailPane({
  label,
  title,
  onClose,
  children,
}: {
  label: string;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  useCloseOnEscape(onClose);
  return (
    <aside className={styles.pane} aria-label={label}>
      <div className={styles.title}>
        <Subtitle2 as="h3" className={styles.grow}>
          {title}
        </Subtitle2>
        <Button appearance="subtle" icon={<DismissRegular />} aria-label={`Close ${label.toLowerCase()}`} onClick={onClose} />
      </div>
      {children}
    </aside>
  );
}

/** Escape closes the pane from anywhere on the page, except inside a dialog (Escape closes the dialog then). */
function useCloseOnEscape(onClose: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"], [role="alertdialog"], [role="listbox"], [role="menu"]'))
        return;
      onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
}

/** Label/value pairs; a null value reads "—" so an empty field is never mistaken for a missing one. */
export function Fields({ fields }: { fields: ReadonlyArray<readonly [string, ReactNode]> }) {
  const styles = useStyles();
  return (
    <dl className={styles.fields}>
      {fields.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={styles.label}>{label}</dt>
          <dd className={styles.value}>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <h4 className={styles.section}>{children}</h4>;
}
